import { HelpBody, Helper, HelpState, IdeaResponse, IdParam, NewProgressUpdate, type Text } from '@meedenken/shared'
import { z } from 'zod'
import { ApiError } from '../../http/errors'
import { signedIn } from '../../http/policy'
import { createRouter, jsonBody, jsonResponse, route } from '../../http/route'
import { findIdea } from '../ideas/ideas.data'
import { helpersOf, postProgressUpdate, setHelping } from './participation.data'

const TEXT = {
  notFound: { nl: 'Dit idee bestaat niet (meer).', en: 'This idea does not exist (any more).' },
  notHelpable: {
    nl: 'Meedenken kan zodra de gemeente het idee heeft gepland, en zolang het wordt uitgevoerd.',
    en: 'You can help once the municipality has planned the idea, and while it is being carried out.',
  },
  notRunning: {
    nl: 'U kunt alleen een update plaatsen zolang het idee gepland is of in uitvoering is.',
    en: 'You can only post an update while the idea is planned or in progress.',
  },
} satisfies Record<string, Text>

const helpRoute = route(
  'member',
  {
    method: 'put',
    path: '/ideas/{id}/help',
    tags: ['Co-creation'],
    summary: '"Ik denk mee": offer to help with a planned or running idea, with an optional note',
    request: { params: IdParam, body: jsonBody(HelpBody) },
    responses: { 200: jsonResponse(HelpState, 'Helping') },
  },
  { errors: [409] },
)

const unhelpRoute = route('member', {
  method: 'delete',
  path: '/ideas/{id}/help',
  tags: ['Co-creation'],
  summary: 'Withdraw my offer to help',
  request: { params: IdParam },
  responses: { 200: jsonResponse(HelpState, 'Not helping') },
})

const helpersRoute = route('staff', {
  method: 'get',
  path: '/staff/ideas/{id}/helpers',
  tags: ['Co-creation'],
  summary: 'Who offered to help, to contact them (staff only)',
  request: { params: IdParam },
  responses: { 200: jsonResponse(z.object({ items: z.array(Helper) }), 'Helpers') },
})

const updateRoute = route(
  'staff',
  {
    method: 'post',
    path: '/staff/ideas/{id}/updates',
    tags: ['Co-creation'],
    summary: 'Post a progress update that reaches everyone following the idea (only while planned or in progress)',
    request: { params: IdParam, body: jsonBody(NewProgressUpdate) },
    responses: { 201: jsonResponse(IdeaResponse, 'The idea with the update') },
  },
  { errors: [409] },
)

export const participationRoutes = createRouter()
  .openapi(helpRoute, async (c) => {
    const result = await setHelping(
      c.var.db,
      {
        ideaId: c.req.valid('param').id,
        userId: signedIn(c).id,
        helping: true,
        note: c.req.valid('json').note || null,
      },
      c.var.clock.now(),
    )
    if (!result.ok) {
      if (result.reason === 'not_helpable') throw new ApiError('conflict', TEXT.notHelpable)
      throw new ApiError('not_found', TEXT.notFound)
    }
    return c.json({ helperCount: result.helperCount, isHelping: result.isHelping }, 200)
  })
  .openapi(unhelpRoute, async (c) => {
    const result = await setHelping(
      c.var.db,
      { ideaId: c.req.valid('param').id, userId: signedIn(c).id, helping: false, note: null },
      c.var.clock.now(),
    )
    if (!result.ok) throw new ApiError('not_found', TEXT.notFound)
    return c.json({ helperCount: result.helperCount, isHelping: result.isHelping }, 200)
  })
  .openapi(helpersRoute, async (c) => c.json({ items: await helpersOf(c.var.db, c.req.valid('param').id) }, 200))
  .openapi(updateRoute, async (c) => {
    const me = signedIn(c)
    const { id } = c.req.valid('param')
    const now = c.var.clock.now()
    const result = await postProgressUpdate(
      c.var.db,
      { ideaId: id, authorId: me.id, body: c.req.valid('json').body },
      now,
    )
    if (!result.ok) {
      if (result.reason === 'not_running') throw new ApiError('conflict', TEXT.notRunning)
      throw new ApiError('not_found', TEXT.notFound)
    }
    const idea = await findIdea(c.var.db, id, me.id, now)
    if (!idea) throw new ApiError('not_found', TEXT.notFound)
    return c.json({ idea }, 201)
  })
