import type { CampaignPhase } from '@meedenken/shared'

export type CampaignWindow = {
  ideasFrom: number
  ideasUntil: number
  votingFrom: number | null
  votingUntil: number | null
}

/** Each window includes its start and excludes its end: at `ideasUntil` the ideas phase is over. */
export function campaignPhase(c: CampaignWindow, now: number): CampaignPhase {
  if (now < c.ideasFrom) return 'upcoming'
  if (now < c.ideasUntil) return 'ideas'
  if (c.votingFrom !== null && c.votingUntil !== null) {
    if (now < c.votingFrom) return 'between'
    if (now < c.votingUntil) return 'voting'
  }
  return 'outcome'
}

export function acceptsIdeas(c: CampaignWindow, now: number): boolean {
  return campaignPhase(c, now) === 'ideas'
}

/** A campaign with a voting phase takes votes only then; without one, the normal rules apply. */
export function acceptsVotes(c: CampaignWindow, now: number): boolean {
  if (c.votingFrom === null || c.votingUntil === null) return true
  return campaignPhase(c, now) === 'voting'
}
