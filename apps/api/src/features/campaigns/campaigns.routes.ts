import { CampaignBody, CampaignList, CampaignResponse, IdParam, OutcomeBody, type Text } from '@meedenken/shared'
import type { z } from 'zod'
import { ApiError, VALIDATION } from '../../http/errors'
import { signedIn } from '../../http/policy'
import { createRouter, jsonBody, jsonResponse, route } from '../../http/route'
import { themeOffered } from '../catalog/catalog.data'
import { type CampaignValues, findCampaign, listCampaigns, publishOutcome, saveCampaign } from './campaigns.data'

const TEXT = {
  notFound: { nl: 'Deze meedenkvraag bestaat niet (meer).', en: 'This question does not exist (any more).' },
  order: {
    nl: 'De einddatum moet na de begindatum liggen, en het stemmen na de ideeënfase.',
    en: 'The end must be after the start, and voting after the ideas phase.',
  },
  votingPair: {
    nl: 'Vul voor het stemmen een begin én een einde in, of geen van beide.',
    en: 'Give voting both a start and an end, or neither.',
  },
  unknownTheme: { nl: 'Kies een thema uit de lijst.', en: 'Choose a theme from the list.' },
} satisfies Record<string, Text>

const dayNl = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/Amsterdam',
})
const dayEn = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/Amsterdam',
})

/** Said the way a refused vote says it ("tot 30 november"), so staff and residents read the same date. */
function voteStillOpen(votingUntil: string): Text {
  const until = Date.parse(votingUntil)
  return {
    nl: `Het stemmen loopt nog tot ${dayNl.format(until)}. Publiceer de uitkomst als het stemmen voorbij is.`,
    en: `Voting is open until ${dayEn.format(until)}. Publish the outcome once voting has closed.`,
  }
}

const listRoute = route('public', {
  method: 'get',
  path: '/campaigns',
  tags: ['Campaigns'],
  summary: 'All questions the municipality puts to the public, open ones first',
  responses: { 200: jsonResponse(CampaignList, 'Campaigns') },
})

const getRoute = route('public', {
  method: 'get',
  path: '/campaigns/{id}',
  tags: ['Campaigns'],
  summary: 'One campaign with its current phase (its ideas: GET /api/ideas?campaign=id)',
  request: { params: IdParam },
  responses: { 200: jsonResponse(CampaignResponse, 'The campaign') },
})

const createRoute_ = route('staff', {
  method: 'post',
  path: '/staff/campaigns',
  tags: ['Campaigns'],
  summary: 'Put a new question to the public, with its phases',
  request: { body: jsonBody(CampaignBody) },
  responses: { 201: jsonResponse(CampaignResponse, 'The new campaign') },
})

const updateRoute = route('staff', {
  method: 'put',
  path: '/staff/campaigns/{id}',
  tags: ['Campaigns'],
  summary: 'Change a campaign',
  request: { params: IdParam, body: jsonBody(CampaignBody) },
  responses: { 200: jsonResponse(CampaignResponse, 'The campaign') },
})

const outcomeRoute = route(
  'staff',
  {
    method: 'post',
    path: '/staff/campaigns/{id}/outcome',
    tags: ['Campaigns'],
    summary: "Publish what the municipality does with the outcome; refused (409) until the campaign's vote has closed",
    request: { params: IdParam, body: jsonBody(OutcomeBody) },
    responses: { 200: jsonResponse(CampaignResponse, 'The campaign') },
  },
  { errors: [409] },
)

/** Dates in order, voting as a pair after the ideas phase, and a theme on offer (or the one it has). */
async function valuesOf(
  db: Parameters<typeof themeOffered>[0],
  body: z.output<typeof CampaignBody>,
  currentThemeId?: number,
): Promise<CampaignValues> {
  const ms = (iso: string | null | undefined) => (iso ? Date.parse(iso) : null)
  const values = {
    title: body.title,
    description: body.description,
    themeId: body.themeId,
    targetGroups: body.targetGroups,
    ideasFrom: Date.parse(body.ideasFrom),
    ideasUntil: Date.parse(body.ideasUntil),
    votingFrom: ms(body.votingFrom),
    votingUntil: ms(body.votingUntil),
  }
  const fields: Record<string, Text> = {}
  if (values.ideasUntil <= values.ideasFrom) fields.ideasUntil = TEXT.order
  if ((values.votingFrom === null) !== (values.votingUntil === null)) fields.votingUntil = TEXT.votingPair
  if (values.votingFrom !== null && values.votingUntil !== null) {
    if (values.votingFrom < values.ideasUntil) fields.votingFrom = TEXT.order
    if (values.votingUntil <= values.votingFrom) fields.votingUntil = TEXT.order
  }
  if (!(await themeOffered(db, values.themeId, currentThemeId))) fields.themeId = TEXT.unknownTheme
  if (Object.keys(fields).length > 0) throw new ApiError('validation_failed', VALIDATION, { fields })
  return values
}

export const campaignRoutes = createRouter()
  .openapi(listRoute, async (c) => c.json({ items: await listCampaigns(c.var.db, c.var.clock.now()) }, 200))
  .openapi(getRoute, async (c) => {
    const campaign = await findCampaign(c.var.db, c.req.valid('param').id, c.var.clock.now())
    if (!campaign) throw new ApiError('not_found', TEXT.notFound)
    return c.json({ campaign }, 200)
  })
  .openapi(createRoute_, async (c) => {
    const now = c.var.clock.now()
    const id = await saveCampaign(c.var.db, null, await valuesOf(c.var.db, c.req.valid('json')), signedIn(c).id, now)
    const campaign = id === null ? null : await findCampaign(c.var.db, id, now)
    if (!campaign) throw new ApiError('not_found', TEXT.notFound)
    return c.json({ campaign }, 201)
  })
  .openapi(updateRoute, async (c) => {
    const now = c.var.clock.now()
    const current = await findCampaign(c.var.db, c.req.valid('param').id, now)
    const id = await saveCampaign(
      c.var.db,
      c.req.valid('param').id,
      await valuesOf(c.var.db, c.req.valid('json'), current?.themeId),
      signedIn(c).id,
      now,
    )
    const campaign = id === null ? null : await findCampaign(c.var.db, id, now)
    if (!campaign) throw new ApiError('not_found', TEXT.notFound)
    return c.json({ campaign }, 200)
  })
  .openapi(outcomeRoute, async (c) => {
    const now = c.var.clock.now()
    const { id } = c.req.valid('param')
    // The outcome answers the vote: publishing it while people can still vote would say two things at once.
    const current = await findCampaign(c.var.db, id, now)
    if (!current) throw new ApiError('not_found', TEXT.notFound)
    if (current.votingUntil !== null && current.phase !== 'outcome')
      throw new ApiError('conflict', voteStillOpen(current.votingUntil))
    if (!(await publishOutcome(c.var.db, id, c.req.valid('json').outcome, signedIn(c).id, now)))
      throw new ApiError('not_found', TEXT.notFound)
    const campaign = await findCampaign(c.var.db, id, now)
    if (!campaign) throw new ApiError('not_found', TEXT.notFound)
    return c.json({ campaign }, 200)
  })
