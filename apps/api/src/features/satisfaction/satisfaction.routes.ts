import { Breakdown, FollowupBody, IdParam, RatingBody, Satisfaction, StaffRating, type Text } from '@meedenken/shared'
import { z } from 'zod'
import { ApiError, fieldError } from '../../http/errors'
import { signedIn } from '../../http/policy'
import { createRouter, jsonBody, jsonResponse, route } from '../../http/route'
import { answerFollowup, rate, ratingsForStaff, satisfactionFor, supporterBreakdown } from './satisfaction.data'

const TEXT = {
  notFound: { nl: 'Dit idee bestaat niet (meer).', en: 'This idea does not exist (any more).' },
  notInvolved: {
    nl: 'Alleen de indiener, stemmers en volgers van dit idee kunnen hun tevredenheid geven.',
    en: 'Only the author, voters and followers of this idea can rate how satisfied they are.',
  },
  noOccasion: {
    nl: 'Kies een reactie of statuswijziging van de gemeente bij dit idee.',
    en: "Choose one of the municipality's answers or status changes for this idea.",
  },
  notOpen: {
    nl: 'Deze vraag stellen we een paar weken nadat het idee is uitgevoerd.',
    en: 'We ask this question a few weeks after the idea has been carried out.',
  },
} satisfies Record<string, Text>

const getRoute = route('member', {
  method: 'get',
  path: '/ideas/{id}/satisfaction',
  tags: ['Satisfaction'],
  summary: 'The answers I can rate on this idea, with my ratings, and the follow-up question',
  request: { params: IdParam },
  responses: { 200: jsonResponse(Satisfaction, 'My satisfaction with this idea') },
})

const rateRoute = route('member', {
  method: 'put',
  path: '/ideas/{id}/ratings',
  tags: ['Satisfaction'],
  summary: 'Rate 1–5 how satisfied I am with how the municipality handled it (one per answer, changeable)',
  request: { params: IdParam, body: jsonBody(RatingBody) },
  responses: { 200: jsonResponse(Satisfaction, 'My satisfaction with this idea') },
})

const followupRoute = route(
  'member',
  {
    method: 'put',
    path: '/ideas/{id}/followup',
    tags: ['Satisfaction'],
    summary: 'Some weeks after completion: did the change help? (yes / partly / no)',
    request: { params: IdParam, body: jsonBody(FollowupBody) },
    responses: { 200: jsonResponse(Satisfaction, 'My satisfaction with this idea') },
  },
  { errors: [409] },
)

const supportersRoute = route('public', {
  method: 'get',
  path: '/ideas/{id}/supporters',
  tags: ['Satisfaction'],
  summary: 'Supporters by target group and district (groups under 5 people are not shown)',
  request: { params: IdParam },
  responses: { 200: jsonResponse(Breakdown, 'The breakdown') },
})

const staffRatingsRoute = route('staff', {
  method: 'get',
  path: '/staff/ideas/{id}/ratings',
  tags: ['Staff'],
  summary: 'All ratings of an idea with their remarks (remarks are for staff only)',
  request: { params: IdParam },
  responses: { 200: jsonResponse(z.object({ items: z.array(StaffRating) }), 'Ratings') },
})

export const satisfactionRoutes = createRouter()
  .openapi(getRoute, async (c) => {
    const result = await satisfactionFor(c.var.db, c.req.valid('param').id, signedIn(c).id, c.var.clock.now())
    if (!result) throw new ApiError('not_found', TEXT.notFound)
    return c.json(result, 200)
  })
  .openapi(rateRoute, async (c) => {
    const me = signedIn(c)
    const { id } = c.req.valid('param')
    const body = c.req.valid('json')
    const now = c.var.clock.now()
    const result = await rate(c.var.db, { ideaId: id, userId: me.id, ...body, remark: body.remark || null }, now)
    if (!result.ok) {
      if (result.reason === 'not_involved') throw new ApiError('forbidden', TEXT.notInvolved)
      if (result.reason === 'no_occasion') throw fieldError('occasionId', TEXT.noOccasion)
      throw new ApiError('not_found', TEXT.notFound)
    }
    const satisfaction = await satisfactionFor(c.var.db, id, me.id, now)
    if (!satisfaction) throw new ApiError('not_found', TEXT.notFound)
    return c.json(satisfaction, 200)
  })
  .openapi(followupRoute, async (c) => {
    const me = signedIn(c)
    const { id } = c.req.valid('param')
    const body = c.req.valid('json')
    const now = c.var.clock.now()
    const result = await answerFollowup(
      c.var.db,
      { ideaId: id, userId: me.id, answer: body.answer, remark: body.remark || null },
      now,
    )
    if (!result.ok) {
      if (result.reason === 'not_involved') throw new ApiError('forbidden', TEXT.notInvolved)
      if (result.reason === 'not_open') throw new ApiError('conflict', TEXT.notOpen)
      throw new ApiError('not_found', TEXT.notFound)
    }
    const satisfaction = await satisfactionFor(c.var.db, id, me.id, now)
    if (!satisfaction) throw new ApiError('not_found', TEXT.notFound)
    return c.json(satisfaction, 200)
  })
  .openapi(supportersRoute, async (c) => {
    const breakdown = await supporterBreakdown(c.var.db, c.req.valid('param').id)
    if (!breakdown) throw new ApiError('not_found', TEXT.notFound)
    return c.json(breakdown, 200)
  })
  .openapi(staffRatingsRoute, async (c) =>
    c.json({ items: await ratingsForStaff(c.var.db, c.req.valid('param').id) }, 200),
  )
