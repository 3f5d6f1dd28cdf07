import { IdParam, STATUS_LABELS_NL, VoteState } from '@meedenken/shared'
import type { Context } from 'hono'
import type { AppEnv } from '../../http/env'
import { ApiError } from '../../http/errors'
import { signedIn } from '../../http/policy'
import { createRouter, jsonResponse, route } from '../../http/route'
import { castVote } from './votes.data'

const TEXT = {
  notFound: { nl: 'Dit idee bestaat niet (meer).', en: 'This idea does not exist (any more).' },
}

function closedText(status: string) {
  const label = STATUS_LABELS_NL[status as keyof typeof STATUS_LABELS_NL] ?? status
  return {
    nl: `Stemmen kan niet meer: dit idee is afgerond (${label.toLowerCase()}).`,
    en: 'Voting is closed: a decision has been made on this idea.',
  }
}

const dayFormat = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/Amsterdam',
})
const dayFormatEn = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/Amsterdam',
})

function votingWindowText(from: number | null, until: number | null, now: number) {
  if (until !== null && now >= until) {
    return {
      nl: `Het stemmen bij deze meedenkvraag is voorbij sinds ${dayFormat.format(until)}.`,
      en: `Voting on this question closed on ${dayFormatEn.format(until)}.`,
    }
  }
  const nl = from && until ? `van ${dayFormat.format(from)} tot ${dayFormat.format(until)}` : 'in de stemfase'
  const en =
    from && until ? `from ${dayFormatEn.format(from)} until ${dayFormatEn.format(until)}` : 'during the voting phase'
  return {
    nl: `Bij deze meedenkvraag kunt u alleen stemmen ${nl}.`,
    en: `For this question you can only vote ${en}.`,
  }
}

const voteRoute = route(
  'member',
  {
    method: 'put',
    path: '/{id}/vote',
    tags: ['Votes'],
    summary: 'Vote for an idea; voting twice is one vote',
    request: { params: IdParam },
    responses: { 200: jsonResponse(VoteState, 'The vote count and my vote') },
  },
  { errors: [409] },
)

const unvoteRoute = route(
  'member',
  {
    method: 'delete',
    path: '/{id}/vote',
    tags: ['Votes'],
    summary: 'Take my vote back; doing it twice changes nothing',
    request: { params: IdParam },
    responses: { 200: jsonResponse(VoteState, 'The vote count and my vote') },
  },
  { errors: [409] },
)

async function answer(c: Context<AppEnv>, id: number, vote: boolean) {
  const outcome = await castVote(c.var.db, id, signedIn(c).id, vote, c.var.clock.now())
  if (!outcome.ok) {
    if (outcome.reason === 'closed') throw new ApiError('conflict', closedText(outcome.status ?? ''))
    if (outcome.reason === 'campaign_phase')
      throw new ApiError('conflict', votingWindowText(outcome.votingFrom, outcome.votingUntil, c.var.clock.now()))
    throw new ApiError('not_found', TEXT.notFound)
  }
  return { voteCount: outcome.voteCount, hasVoted: outcome.hasVoted }
}

export const voteRoutes = createRouter()
  .openapi(voteRoute, async (c) => c.json(await answer(c, c.req.valid('param').id, true), 200))
  .openapi(unvoteRoute, async (c) => c.json(await answer(c, c.req.valid('param').id, false), 200))
