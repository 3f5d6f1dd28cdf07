import { IdeaResponse, IdParam, STATUS_LABELS_NL, StatusChangeBody, type Text } from '@meedenken/shared'
import { ApiError, VALIDATION } from '../../http/errors'
import { signedIn } from '../../http/policy'
import { createRouter, jsonBody, jsonResponse, route } from '../../http/route'
import { findIdea } from './ideas.data'
import { changeStatus } from './status.data'

const TEXT = {
  notFound: { nl: 'Dit idee bestaat niet (meer).', en: 'This idea does not exist (any more).' },
  useMerge: {
    nl: 'Samenvoegen doet u met de knop Samenvoegen, zodat stemmen en volgers meeverhuizen.',
    en: 'Merging is done with the Merge action, so votes and followers move along.',
  },
  declineReason: {
    nl: 'Kies waarom het idee niet wordt uitgevoerd.',
    en: 'Choose why the idea will not be carried out.',
  },
  referredTo: {
    nl: 'Vul in naar welke organisatie u het idee hebt doorgestuurd.',
    en: 'Fill in which organisation you referred the idea to.',
  },
  closure: {
    nl: 'Vul in wat er is veranderd, sinds wanneer en door welk team.',
    en: 'Fill in what changed, since when and by which team.',
  },
} satisfies Record<string, Text>

function transitionText(from: string, to: string): Text {
  const label = (s: string) => STATUS_LABELS_NL[s as keyof typeof STATUS_LABELS_NL] ?? s
  return {
    nl: `Een idee met status "${label(from)}" kan niet naar "${label(to)}".`,
    en: `An idea with status "${from}" cannot move to "${to}".`,
  }
}

const statusRoute = route(
  'staff',
  {
    method: 'post',
    path: '/ideas/{id}/status',
    tags: ['Staff'],
    summary: 'Change the status with a public explanation (declined needs a reason, done a closure record)',
    request: { params: IdParam, body: jsonBody(StatusChangeBody) },
    responses: { 201: jsonResponse(IdeaResponse, 'The idea with its new timeline entry') },
  },
  { errors: [409] },
)

export const statusRoutes = createRouter().openapi(statusRoute, async (c) => {
  const me = signedIn(c)
  const { id } = c.req.valid('param')
  const body = c.req.valid('json')
  // The rules per status, checked before anything is written.
  const fields: Record<string, Text> = {}
  if (body.status === 'merged') fields.status = TEXT.useMerge
  if (body.status === 'declined' && !body.declineReason) fields.declineReason = TEXT.declineReason
  if (body.status === 'declined' && body.declineReason === 'not_municipal_task' && !body.referredTo) {
    fields.referredTo = TEXT.referredTo
  }
  if (body.status === 'done' && !body.closure) fields.closure = TEXT.closure
  if (Object.keys(fields).length > 0) throw new ApiError('validation_failed', VALIDATION, { fields })

  const now = c.var.clock.now()
  const result = await changeStatus(
    c.var.db,
    {
      ideaId: id,
      actorId: me.id,
      to: body.status,
      explanation: body.explanation,
      declineReason: body.status === 'declined' ? (body.declineReason ?? null) : null,
      referredTo: body.status === 'declined' ? (body.referredTo ?? null) : null,
      closure: body.status === 'done' && body.closure ? { ...body.closure, link: body.closure.link ?? null } : null,
    },
    now,
  )
  if (!result.ok) {
    if (result.reason === 'not_found') throw new ApiError('not_found', TEXT.notFound)
    throw new ApiError('conflict', transitionText(result.from, body.status))
  }
  const idea = await findIdea(c.var.db, id, me.id, now)
  if (!idea) throw new ApiError('not_found', TEXT.notFound)
  return c.json({ idea }, 201)
})
