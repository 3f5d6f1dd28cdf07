import {
  CommentListQuery,
  CommentPage,
  CommentResponse,
  CommentUpdate,
  IdParam,
  NewComment,
  OfficialMark,
} from '@meedenken/shared'
import { decodeCursor, encodeCursor } from '../../http/cursor'
import { ApiError } from '../../http/errors'
import { sharedJson } from '../../http/http-cache'
import { signedIn } from '../../http/policy'
import { enforceRateLimits, HOUR } from '../../http/rate-limit'
import { createRouter, jsonBody, jsonResponse, route } from '../../http/route'
import {
  type CommentFailure,
  canStillEdit,
  commentOwnership,
  commentTargetProblem,
  createComment,
  deleteComment,
  editComment,
  findComment,
  ideaIsPublic,
  listComments,
  markOfficial,
} from './comments.data'

export const COMMENTS_PER_HOUR = 30

const TEXT = {
  ideaNotFound: { nl: 'Dit idee bestaat niet (meer).', en: 'This idea does not exist (any more).' },
  notFound: { nl: 'Deze reactie bestaat niet (meer).', en: 'This comment does not exist (any more).' },
  merged: {
    nl: 'Dit idee is samengevoegd met een ander idee. Reageer daar.',
    en: 'This idea has been merged with another one. Please comment there.',
  },
  parent: {
    nl: 'U kunt alleen antwoorden op een reactie bij dit idee, niet op een antwoord.',
    en: 'You can only reply to a comment on this idea, not to a reply.',
  },
  officialOnlyStaff: {
    nl: 'Alleen medewerkers van de gemeente kunnen een officieel antwoord geven.',
    en: 'Only municipal staff can give an official answer.',
  },
  officialOnlyStaffComment: {
    nl: 'Alleen een reactie van een medewerker kan het officiële antwoord zijn.',
    en: 'Only a comment by a staff member can be the official answer.',
  },
  notAuthor: { nl: 'U kunt alleen uw eigen reacties aanpassen.', en: 'You can only change your own comments.' },
  tooLate: {
    nl: 'U kunt een reactie tot 15 minuten na het plaatsen aanpassen. Die tijd is voorbij.',
    en: 'You can change a comment for 15 minutes after posting it. That time has passed.',
  },
  badCursor: { nl: 'Laad de reacties opnieuw.', en: 'Please load the comments again.' },
}

function failure(problem: CommentFailure): ApiError {
  if (problem === 'idea_not_found') return new ApiError('not_found', TEXT.ideaNotFound)
  if (problem === 'idea_merged') return new ApiError('conflict', TEXT.merged)
  return new ApiError('validation_failed', TEXT.parent, { fields: { parentId: TEXT.parent } })
}

const listRoute = route('public', {
  method: 'get',
  path: '/ideas/{id}/comments',
  tags: ['Comments'],
  summary: 'Comments on an idea, oldest first, each with its replies',
  request: { params: IdParam, query: CommentListQuery },
  responses: { 200: jsonResponse(CommentPage, 'A page of comments') },
})

const createRoute_ = route(
  'member',
  {
    method: 'post',
    path: '/ideas/{id}/comments',
    tags: ['Comments'],
    summary: 'Comment on an idea or reply to a comment (at most 30 an hour)',
    request: { params: IdParam, body: jsonBody(NewComment) },
    responses: { 201: jsonResponse(CommentResponse, 'The new comment') },
  },
  { errors: [409, 429] },
)

const editRoute = route(
  'member',
  {
    method: 'patch',
    path: '/comments/{id}',
    tags: ['Comments'],
    summary: 'The author corrects a comment within 15 minutes',
    request: { params: IdParam, body: jsonBody(CommentUpdate) },
    responses: { 200: jsonResponse(CommentResponse, 'The corrected comment') },
  },
  { errors: [409] },
)

const officialRoute = route('staff', {
  method: 'put',
  path: '/comments/{id}/official',
  tags: ['Staff'],
  summary: "Mark a civil servant's comment as the municipality's official answer (or unmark it)",
  request: { params: IdParam, body: jsonBody(OfficialMark) },
  responses: { 200: jsonResponse(CommentResponse, 'The comment') },
})

const deleteRoute = route('member', {
  method: 'delete',
  path: '/comments/{id}',
  tags: ['Comments'],
  summary: 'The author deletes a comment; it shows as "reactie verwijderd" and replies stay',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' } },
})

export const commentRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    const { id } = c.req.valid('param')
    const query = c.req.valid('query')
    // A hidden idea's conversation is hidden with it (staff read it at /staff/ideas/{id}/comments).
    if (!(await ideaIsPublic(c.var.db, id))) throw new ApiError('not_found', TEXT.ideaNotFound)
    const cursor = query.cursor ? decodeCursor(query.cursor) : null
    if (query.cursor && !cursor)
      throw new ApiError('validation_failed', TEXT.badCursor, { fields: { cursor: TEXT.badCursor } })
    const page = await listComments(c.var.db, id, cursor, query.limit)
    return sharedJson(c, { items: page.items, nextCursor: page.next ? encodeCursor(page.next) : null })
  })
  .openapi(createRoute_, async (c) => {
    const me = signedIn(c)
    const { id } = c.req.valid('param')
    const body = c.req.valid('json')
    if (body.official && me.role === 'member') throw new ApiError('forbidden', TEXT.officialOnlyStaff)
    // Refuse what cannot go in before counting it against the limit: bad input changes nothing.
    const problem = await commentTargetProblem(c.var.db, id, body.parentId ?? null)
    if (problem) throw failure(problem)
    await enforceRateLimits(c, [{ key: `comments:${me.id}`, limit: COMMENTS_PER_HOUR, windowMs: HOUR }])
    const result = await createComment(
      c.var.db,
      {
        ideaId: id,
        authorId: me.id,
        body: body.body,
        parentId: body.parentId ?? null,
        official: body.official ?? false,
      },
      c.var.clock.now(),
    )
    if ('error' in result) throw failure(result.error)
    const comment = await findComment(c.var.db, result.id)
    if (!comment) throw new ApiError('not_found', TEXT.notFound)
    return c.json({ comment }, 201)
  })
  .openapi(editRoute, async (c) => {
    const me = signedIn(c)
    const { id } = c.req.valid('param')
    const { body } = c.req.valid('json')
    const current = await commentOwnership(c.var.db, id)
    if (!current || current.deletedAt !== null || current.hidden) throw new ApiError('not_found', TEXT.notFound)
    if (current.authorId !== me.id) throw new ApiError('forbidden', TEXT.notAuthor)
    if (!canStillEdit(current.createdAt, c.var.clock.now())) throw new ApiError('conflict', TEXT.tooLate)
    await editComment(c.var.db, id, body, c.var.clock.now())
    const comment = await findComment(c.var.db, id)
    if (!comment) throw new ApiError('not_found', TEXT.notFound)
    return c.json({ comment }, 200)
  })
  .openapi(officialRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { official } = c.req.valid('json')
    const result = await markOfficial(c.var.db, id, official, signedIn(c).id, c.var.clock.now())
    if (!result.ok) {
      if (result.reason === 'not_staff') throw new ApiError('conflict', TEXT.officialOnlyStaffComment)
      throw new ApiError('not_found', TEXT.notFound)
    }
    const comment = await findComment(c.var.db, id)
    if (!comment) throw new ApiError('not_found', TEXT.notFound)
    return c.json({ comment }, 200)
  })
  .openapi(deleteRoute, async (c) => {
    const me = signedIn(c)
    const { id } = c.req.valid('param')
    const current = await commentOwnership(c.var.db, id)
    if (!current || current.deletedAt !== null) throw new ApiError('not_found', TEXT.notFound)
    if (current.authorId !== me.id) throw new ApiError('forbidden', TEXT.notAuthor)
    await deleteComment(c.var.db, id, c.var.clock.now())
    return c.body(null, 204)
  })
