import type { Campaign, IdeaDetail, IdeaStatus, User } from '@meedenken/shared'
import { CLOSED_STATUSES } from '@meedenken/shared/constants'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-participate'
import { errorText } from '../../../lib/errors'
import { formatDate } from '../../../lib/format'
import { Button, LinkButton } from '../../../ui/button'
import { useVote } from '../api/support-mutations'

type ClosedStatus = 'done' | 'declined' | 'merged'
const isClosed = (status: IdeaStatus): status is ClosedStatus => CLOSED_STATUSES.includes(status)

/** The campaign an idea belongs to, as far as voting goes; 'pending' while it loads. */
export type VotingCampaign = Pick<Campaign, 'phase' | 'votingFrom' | 'votingUntil'> | 'pending' | null

/**
 * The vote toggle. Members see the change at once; the result is announced in a polite
 * live region, with the exact count from the server, and a refusal shows as an error tied
 * to the button. Closed ideas, and ideas of a campaign outside its voting phase, say why
 * there is no button; visitors get a way to log in and come back.
 */
export function VoteControl({
  idea,
  user,
  campaign = null,
  onSettled,
}: {
  idea: IdeaDetail
  user: User | null | undefined
  /** A campaign with a voting phase takes votes only then (the API refuses them otherwise). */
  campaign?: VotingCampaign
  /** Once the server has answered: what depends on whether this person voted may be read again. */
  onSettled?: () => void
}) {
  const { t } = useTranslation(['participate', 'ideas'])
  const vote = useVote(idea.id)
  const [announcement, setAnnouncement] = useState('')
  const [error, setError] = useState('')
  const back = encodeURIComponent(`/ideeen/${idea.id}`)
  const errorId = `vote-error-${idea.id}`
  const outsideVoting =
    campaign !== null && campaign !== 'pending' && campaign.votingFrom !== null && campaign.votingUntil !== null
      ? campaign.phase === 'outcome'
        ? t('vote.campaignOver')
        : campaign.phase !== 'voting'
          ? t('vote.campaignLater', { from: formatDate(campaign.votingFrom), until: formatDate(campaign.votingUntil) })
          : null
      : null

  function toggle() {
    // One change at a time. aria-disabled rather than disabled, so keyboard focus stays on the button.
    if (vote.isPending) return
    setError('')
    vote.mutate(!idea.hasVoted, {
      onSuccess: (state) =>
        setAnnouncement(t(state.hasVoted ? 'vote.counted' : 'vote.withdrawn', { count: state.voteCount })),
      onError: (failure) => {
        setAnnouncement('')
        setError(t('vote.failed', { reason: errorText(failure) }))
      },
      onSettled,
    })
  }

  return (
    <div className="support__part">
      <p className="support__count">{t('ideas:card.votes', { count: idea.voteCount })}</p>
      {isClosed(idea.status) ? (
        <p className="support__hint">{t(`vote.closed.${idea.status}`)}</p>
      ) : outsideVoting ? (
        <p className="support__hint">{outsideVoting}</p>
      ) : campaign === 'pending' ? null : user === null ? (
        <p>
          <LinkButton appearance="secondary" to={`/inloggen?terug=${back}`}>
            {t('vote.login')}
          </LinkButton>
        </p>
      ) : user ? (
        <>
          <Button
            className="toggle"
            pressed={idea.hasVoted}
            busy={vote.isPending}
            aria-describedby={error ? errorId : undefined}
            onClick={toggle}
            icon={<span className="nl-button__mark">{idea.hasVoted ? '✓' : '+'}</span>}
          >
            {t('vote.button')}
          </Button>
          <p className="support__hint">{idea.hasVoted ? t('vote.voted') : t('vote.invite')}</p>
        </>
      ) : null}
      <p className="support__status" role="status">
        {announcement}
      </p>
      {error && (
        <p className="field__error support__error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
