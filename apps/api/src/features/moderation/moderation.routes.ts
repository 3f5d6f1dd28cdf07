import {
  BlockBody,
  BlockedMemberPage,
  BlockedMembersQuery,
  IdParam,
  ModerationAction,
  ModerationQueue,
  MyReports,
  MyReportsQuery,
  QueryId,
  ReportBody,
  ReportReceived,
  type Text,
} from '@meedenken/shared'
import { z } from 'zod'
import { decodeCursor, encodeCursor } from '../../http/cursor'
import { ApiError, localeOf } from '../../http/errors'
import { signedIn } from '../../http/policy'
import { enforceRateLimits, HOUR } from '../../http/rate-limit'
import { createRouter, jsonBody, jsonResponse, route } from '../../http/route'
import { type BlockResult, blockedMembers, moderate, moderationQueue, report, setBlocked } from './moderation.data'
import { hasReported, myReportsOnIdea } from './my-reports.data'

const TEXT = {
  notFound: { nl: 'Dit bestaat niet (meer).', en: 'This does not exist (any more).' },
  userNotFound: { nl: 'Deze deelnemer bestaat niet (meer).', en: 'This participant does not exist (any more).' },
  notMember: {
    nl: 'Alleen deelnemers kunnen worden geblokkeerd, geen medewerkers of beheerders.',
    en: 'Only participants can be blocked, not staff or administrators.',
  },
  badCursor: { nl: 'Laad de lijst opnieuw.', en: 'Please load the list again.' },
  thanks: {
    nl: 'Bedankt voor uw melding. Een medewerker bekijkt het.',
    en: 'Thank you for your report. A staff member will look at it.',
  },
  already: {
    nl: 'U hebt dit al gemeld. Een medewerker bekijkt het.',
    en: 'You have already reported this. A staff member will look at it.',
  },
} satisfies Record<string, Text>

const SubjectParam = z.object({ type: z.enum(['idea', 'comment', 'photo']), id: QueryId })

const reportRoute = route(
  'member',
  {
    method: 'post',
    path: '/reports',
    tags: ['Moderation'],
    summary:
      'Report an idea or comment, once per person (again: the first report stands, alreadyReported says so); enough reports (those of new or idle accounts count for a third) hide it until staff review it',
    request: { body: jsonBody(ReportBody) },
    responses: { 201: jsonResponse(ReportReceived, 'Received') },
  },
  { errors: [429] },
)

const myReportsRoute = route('member', {
  method: 'get',
  path: '/reports/mine',
  tags: ['Moderation'],
  summary: 'What I reported on one idea (the idea, its comments), so the page offers no second report',
  request: { query: MyReportsQuery },
  responses: { 200: jsonResponse(MyReports, 'My reports on the idea') },
})

const queueRoute = route('staff', {
  method: 'get',
  path: '/staff/moderation',
  tags: ['Moderation'],
  summary: 'Everything with an open report, oldest first',
  responses: { 200: jsonResponse(ModerationQueue, 'The moderation queue') },
})

const blockedRoute = route('staff', {
  method: 'get',
  path: '/staff/blocked-members',
  tags: ['Moderation'],
  summary: 'Members who are blocked now, newest block first, with who blocked them and why',
  request: { query: BlockedMembersQuery },
  responses: { 200: jsonResponse(BlockedMemberPage, 'A page of blocked members') },
})

const actionRoute = route('staff', {
  method: 'post',
  path: '/staff/moderation/{type}/{id}',
  tags: ['Moderation'],
  summary: 'Hide or restore an idea or comment, with a reason; closes its open reports',
  request: { params: SubjectParam, body: jsonBody(ModerationAction) },
  responses: { 204: { description: 'Done' } },
})

const blockRoute = route(
  'staff',
  {
    method: 'post',
    path: '/staff/users/{id}/block',
    tags: ['Moderation'],
    summary: 'Block a member: sessions end and their content is hidden',
    request: { params: IdParam, body: jsonBody(BlockBody) },
    responses: { 204: { description: 'Blocked' } },
  },
  { errors: [409] },
)

const unblockRoute = route(
  'staff',
  {
    method: 'post',
    path: '/staff/users/{id}/unblock',
    tags: ['Moderation'],
    summary: 'Lift a block: the content hidden by the block shows again',
    request: { params: IdParam, body: jsonBody(BlockBody) },
    responses: { 204: { description: 'Unblocked' } },
  },
  { errors: [409] },
)

export const moderationRoutes = createRouter()
  .openapi(reportRoute, async (c) => {
    const me = signedIn(c)
    const body = c.req.valid('json')
    const subject = { type: body.subjectType, id: body.subjectId }
    // Asked again (a second tab, a double click): the first report stands, and the answer says so.
    if (await hasReported(c.var.db, me.id, subject))
      return c.json({ message: TEXT.already[localeOf(c)], alreadyReported: true }, 201)
    await enforceRateLimits(c, [{ key: `reports:${me.id}`, limit: 30, windowMs: HOUR }])
    const result = await report(
      c.var.db,
      {
        subject,
        reporterId: me.id,
        reason: body.reason,
        note: body.note ?? null,
      },
      c.var.clock.now(),
    )
    if (!result.ok) throw new ApiError('not_found', TEXT.notFound)
    return c.json({ message: TEXT.thanks[localeOf(c)], alreadyReported: false }, 201)
  })
  .openapi(myReportsRoute, async (c) =>
    c.json(await myReportsOnIdea(c.var.db, signedIn(c).id, Number(c.req.valid('query').idea)), 200),
  )
  .openapi(queueRoute, async (c) => c.json({ items: await moderationQueue(c.var.db) }, 200))
  .openapi(blockedRoute, async (c) => {
    const query = c.req.valid('query')
    const cursor = query.cursor ? decodeCursor(query.cursor) : null
    if (query.cursor && !cursor)
      throw new ApiError('validation_failed', TEXT.badCursor, { fields: { cursor: TEXT.badCursor } })
    const page = await blockedMembers(c.var.db, cursor, query.limit)
    return c.json({ items: page.items, nextCursor: page.next ? encodeCursor(page.next) : null }, 200)
  })
  .openapi(actionRoute, async (c) => {
    const { type, id } = c.req.valid('param')
    const body = c.req.valid('json')
    const done = await moderate(
      c.var.db,
      { subject: { type, id }, action: body.action, reason: body.reason, actorId: signedIn(c).id },
      c.var.clock.now(),
    )
    if (!done) throw new ApiError('not_found', TEXT.notFound)
    return c.body(null, 204)
  })
  .openapi(blockRoute, async (c) => {
    const result = await setBlocked(
      c.var.db,
      { userId: c.req.valid('param').id, blocked: true, reason: c.req.valid('json').reason, actorId: signedIn(c).id },
      c.var.clock.now(),
    )
    throwUnlessBlocked(result)
    return c.body(null, 204)
  })
  .openapi(unblockRoute, async (c) => {
    const result = await setBlocked(
      c.var.db,
      { userId: c.req.valid('param').id, blocked: false, reason: c.req.valid('json').reason, actorId: signedIn(c).id },
      c.var.clock.now(),
    )
    throwUnlessBlocked(result)
    return c.body(null, 204)
  })

function throwUnlessBlocked(result: BlockResult): void {
  if (result.ok) return
  if (result.reason === 'not_a_member') throw new ApiError('conflict', TEXT.notMember)
  throw new ApiError('not_found', TEXT.userNotFound)
}
