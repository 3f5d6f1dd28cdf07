import type { Campaign } from '@meedenken/shared'
import { useTranslation } from 'react-i18next'
import { formatDate } from '../../../lib/format'
import '../../../lib/i18n-engage'

type Step = { key: string; title: string; when: string; state: 'done' | 'now' | 'later' }

/**
 * The outcome answers the vote, so it shows only once voting has closed. The API refuses to
 * publish it earlier; this also holds if the dates were moved after publishing.
 */
export function outcomeVisible(c: Campaign): boolean {
  return c.outcomeHtml !== null && (c.votingUntil === null || c.phase === 'outcome')
}

/**
 * The phases as an ordered list: what happens when, and where the question stands now —
 * said in words ("Nu", "Klaar"), not only with colour. At most one step is current.
 */
export function CampaignSteps({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation('engage')
  const c = campaign
  const order = ['upcoming', 'ideas', 'between', 'voting', 'outcome'] as const
  const at = order.indexOf(c.phase)
  const hasVoting = c.votingFrom !== null && c.votingUntil !== null
  const state = (phaseIndex: number): Step['state'] => (at > phaseIndex ? 'done' : at === phaseIndex ? 'now' : 'later')

  const steps: Step[] = [
    {
      key: 'ideas',
      title: t('campaign.stepIdeas', { date: formatDate(c.ideasUntil) }),
      when: hasVoting
        ? t('campaign.stepIdeasWhen', { date: formatDate(c.ideasFrom) })
        : `${t('campaign.stepIdeasWhen', { date: formatDate(c.ideasFrom) })}. ${t('campaign.stepVotingAlways')}`,
      state: state(1),
    },
  ]
  if (hasVoting && c.votingFrom && c.votingUntil) {
    steps.push({
      key: 'voting',
      title: t('campaign.stepVoting', { from: formatDate(c.votingFrom), until: formatDate(c.votingUntil) }),
      when: '',
      state: c.phase === 'between' ? 'later' : state(3),
    })
  }
  steps.push({
    key: 'outcome',
    title: t('campaign.stepOutcome'),
    when:
      outcomeVisible(c) && c.outcomePublishedAt
        ? t('campaign.stepOutcomeWhen', { date: formatDate(c.outcomePublishedAt) })
        : t('campaign.stepOutcomeLater'),
    state: outcomeVisible(c) ? 'done' : c.phase === 'outcome' ? 'now' : 'later',
  })

  const label = { done: t('campaign.stepDone'), now: t('campaign.stepNow'), later: t('campaign.stepLater') }
  return (
    <ol className="steps">
      {steps.map((step) => (
        <li
          key={step.key}
          className={`steps__item steps__item--${step.state}`}
          aria-current={step.state === 'now' ? 'step' : undefined}
        >
          <span className="steps__state">{label[step.state]}</span>
          <span className="steps__title">{step.title}</span>
          {step.when && <span className="steps__when">{step.when}</span>}
        </li>
      ))}
    </ol>
  )
}
