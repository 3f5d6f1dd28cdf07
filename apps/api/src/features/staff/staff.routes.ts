import {
  AssignBody,
  Colleague,
  CommentListQuery,
  IdeaResponse,
  IdParam,
  IntakeBody,
  MergeBody,
  NewNote,
  Note,
  StaffCommentPage,
  StaffIdeaDetail,
  type Text,
} from '@meedenken/shared'
import { z } from 'zod'
import { decodeCursor, encodeCursor } from '../../http/cursor'
import { ApiError, fieldError } from '../../http/errors'
import { signedIn } from '../../http/policy'
import { createRouter, jsonBody, jsonResponse, route } from '../../http/route'
import { districtOffered, themeOffered } from '../catalog/catalog.data'
import { findIdea, themeDepartment } from '../ideas/ideas.data'
import {
  addNote,
  assignIdea,
  assignmentsOf,
  colleagues,
  intakeIdea,
  mergeIdeas,
  notesOf,
  staffFieldsOf,
} from './staff.data'
import { ideaExists, staffComments } from './staff-comments.data'
import { werkbakRoutes } from './werkbak.routes'

const TEXT = {
  notFound: { nl: 'Dit idee bestaat niet (meer).', en: 'This idea does not exist (any more).' },
  badCommentCursor: { nl: 'Laad de reacties opnieuw.', en: 'Please load the comments again.' },
  unknownDepartment: { nl: 'Kies een afdeling uit de lijst.', en: 'Choose a department from the list.' },
  unknownAssignee: { nl: 'Kies een collega uit de lijst.', en: 'Choose a colleague from the list.' },
  unknownTheme: { nl: 'Kies een thema uit de lijst.', en: 'Choose a theme from the list.' },
  unknownDistrict: { nl: 'Kies een dorp of wijk uit de lijst.', en: 'Choose a village or district from the list.' },
  mergeSame: { nl: 'Een idee kan niet met zichzelf worden samengevoegd.', en: 'An idea cannot be merged with itself.' },
  mergeSourceClosed: { nl: 'Dit idee is al samengevoegd.', en: 'This idea has already been merged.' },
  mergeTargetClosed: {
    nl: 'Kies een ander idee om mee samen te voegen: dit idee is zelf samengevoegd of verborgen.',
    en: 'Choose another idea to merge into: this one is merged or hidden itself.',
  },
} satisfies Record<string, Text>

const detailRoute = route('staff', {
  method: 'get',
  path: '/ideas/{id}',
  tags: ['Staff'],
  summary: 'An idea with what only staff see: norm, department, colleague, notes, hand-offs (also when hidden)',
  request: { params: IdParam },
  responses: { 200: jsonResponse(StaffIdeaDetail, 'The idea for staff') },
})

const commentsRoute = route('staff', {
  method: 'get',
  path: '/ideas/{id}/comments',
  tags: ['Staff'],
  summary:
    'Comments on an idea as staff read them: the public page, but hidden comments keep their text (flagged hidden)',
  request: { params: IdParam, query: CommentListQuery },
  responses: { 200: jsonResponse(StaffCommentPage, 'A page of comments') },
})

const noteRoute = route('staff', {
  method: 'post',
  path: '/ideas/{id}/notes',
  tags: ['Staff'],
  summary: 'Add an internal note (never shown to residents)',
  request: { params: IdParam, body: jsonBody(NewNote) },
  responses: { 201: jsonResponse(z.object({ notes: z.array(Note) }), 'All notes of the idea') },
})

const assignRoute = route('staff', {
  method: 'post',
  path: '/ideas/{id}/assign',
  tags: ['Staff'],
  summary: 'Hand the idea to a department and/or a colleague (logged)',
  request: { params: IdParam, body: jsonBody(AssignBody) },
  responses: { 200: jsonResponse(StaffIdeaDetail, 'The idea for staff') },
})

const mergeRoute = route(
  'staff',
  {
    method: 'post',
    path: '/ideas/{id}/merge',
    tags: ['Staff'],
    summary: 'Merge this duplicate into another idea: votes (counted once) and followers move',
    request: { params: IdParam, body: jsonBody(MergeBody) },
    responses: { 200: jsonResponse(IdeaResponse, 'The target idea after the merge') },
  },
  { errors: [409] },
)

const intakeRoute = route('staff', {
  method: 'post',
  path: '/ideas',
  tags: ['Staff'],
  summary: 'Enter an idea received by phone, at the desk, by letter or e-mail',
  request: { body: jsonBody(IntakeBody) },
  responses: { 201: jsonResponse(IdeaResponse, 'The new idea') },
})

const colleaguesRoute = route('staff', {
  method: 'get',
  path: '/colleagues',
  tags: ['Staff'],
  summary: 'Staff and admins, to assign ideas to',
  responses: { 200: jsonResponse(z.object({ items: z.array(Colleague) }), 'Colleagues') },
})

export const staffRoutes = createRouter()
  // The Werkbak (inbox, search, filters, bulk actions), answer templates and corrections.
  .route('/', werkbakRoutes)
  .openapi(colleaguesRoute, async (c) => c.json({ items: await colleagues(c.var.db) }, 200))
  .openapi(detailRoute, async (c) => {
    const { id } = c.req.valid('param')
    const detail = await staffDetail(c.var.db, id, signedIn(c).id, c.var.clock.now())
    if (!detail) throw new ApiError('not_found', TEXT.notFound)
    return c.json(detail, 200)
  })
  .openapi(commentsRoute, async (c) => {
    const { id } = c.req.valid('param')
    const query = c.req.valid('query')
    const cursor = query.cursor ? decodeCursor(query.cursor) : null
    if (query.cursor && !cursor)
      throw new ApiError('validation_failed', TEXT.badCommentCursor, { fields: { cursor: TEXT.badCommentCursor } })
    if (!(await ideaExists(c.var.db, id))) throw new ApiError('not_found', TEXT.notFound)
    const page = await staffComments(c.var.db, id, cursor, query.limit)
    return c.json({ items: page.items, nextCursor: page.next ? encodeCursor(page.next) : null }, 200)
  })
  .openapi(noteRoute, async (c) => {
    const { id } = c.req.valid('param')
    if (!(await addNote(c.var.db, id, signedIn(c).id, c.req.valid('json').body, c.var.clock.now()))) {
      throw new ApiError('not_found', TEXT.notFound)
    }
    return c.json({ notes: await notesOf(c.var.db, id) }, 201)
  })
  .openapi(assignRoute, async (c) => {
    const me = signedIn(c)
    const { id } = c.req.valid('param')
    const body = c.req.valid('json')
    const now = c.var.clock.now()
    const result = await assignIdea(c.var.db, { ideaId: id, actorId: me.id, ...body }, now)
    if (!result.ok) {
      if (result.reason === 'unknown_department') throw fieldError('departmentId', TEXT.unknownDepartment)
      if (result.reason === 'unknown_assignee') throw fieldError('assigneeId', TEXT.unknownAssignee)
      throw new ApiError('not_found', TEXT.notFound)
    }
    const detail = await staffDetail(c.var.db, id, me.id, now)
    if (!detail) throw new ApiError('not_found', TEXT.notFound)
    return c.json(detail, 200)
  })
  .openapi(mergeRoute, async (c) => {
    const me = signedIn(c)
    const { id } = c.req.valid('param')
    const body = c.req.valid('json')
    const now = c.var.clock.now()
    const result = await mergeIdeas(
      c.var.db,
      { sourceId: id, targetId: body.targetId, actorId: me.id, explanation: body.explanation },
      now,
    )
    if (!result.ok) {
      if (result.reason === 'not_found') throw new ApiError('not_found', TEXT.notFound)
      if (result.reason === 'same') throw fieldError('targetId', TEXT.mergeSame)
      if (result.reason === 'target_closed') throw fieldError('targetId', TEXT.mergeTargetClosed)
      throw new ApiError('conflict', TEXT.mergeSourceClosed)
    }
    const idea = await findIdea(c.var.db, body.targetId, me.id, now)
    if (!idea) throw new ApiError('not_found', TEXT.notFound)
    return c.json({ idea }, 200)
  })
  .openapi(intakeRoute, async (c) => {
    const me = signedIn(c)
    const body = c.req.valid('json')
    // Only themes and villages on offer: archived ones stay on old ideas, not on new ones.
    const theme = (await themeOffered(c.var.db, body.themeId))
      ? await themeDepartment(c.var.db, body.themeId)
      : undefined
    if (!theme) throw fieldError('themeId', TEXT.unknownTheme)
    for (const [field, districtId] of [
      ['districtId', body.districtId],
      ['submitter.districtId', body.submitter.districtId],
    ] as const) {
      if (districtId && !(await districtOffered(c.var.db, districtId))) throw fieldError(field, TEXT.unknownDistrict)
    }
    const now = c.var.clock.now()
    const id = await intakeIdea(
      c.var.db,
      {
        actorId: me.id,
        title: body.title,
        body: body.body,
        themeId: body.themeId,
        districtId: body.districtId ?? null,
        targetGroups: body.targetGroups ?? [],
        channel: body.channel,
        departmentId: theme.departmentId,
        submitter: { ...body.submitter, districtId: body.submitter.districtId ?? null },
        place: body.place ?? null,
      },
      now,
      c.var.settings,
    )
    const idea = await findIdea(c.var.db, id, me.id, now)
    if (!idea) throw new ApiError('not_found', TEXT.notFound)
    return c.json({ idea }, 201)
  })

async function staffDetail(db: Parameters<typeof findIdea>[0], id: number, viewerId: number, now: number) {
  const idea = await findIdea(db, id, viewerId, now, { includeHidden: true })
  const staff = await staffFieldsOf(db, id, now)
  if (!idea || !staff) return null
  return { idea, staff, notes: await notesOf(db, id), assignments: await assignmentsOf(db, id) }
}
