import type { IdeaDetail, IdeaStatus, User } from '@meedenken/shared'
import { CLOSED_STATUSES } from '@meedenken/shared/constants'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import '../../../lib/i18n-participate'
import { errorText } from '../../../lib/errors'
import { useVote } from '../api/support-mutations'

type ClosedStatus = 'done' | 'declined' | 'merged'
const isClosed = (status: IdeaStatus): status is ClosedStatus => CLOSED_STATUSES.includes(status)

/**
 * The vote toggle. Members see the change at once; the result (or the reason it failed)
 * is announced in a polite live region, with the exact count from the server. Closed
 * ideas say why there is no button; visitors get a way to log in and come back.
 */
export function VoteControl({
  idea,
  user,
  onSettled,
}: {
  idea: IdeaDetail
  user: User | null | undefined
  /** Once the server has answered: what depends on whether this person voted may be read again. */
  onSettled?: () => void
}) {
  const { t } = useTranslation(['participate', 'ideas'])
  const vote = useVote(idea.id)
  const [announcement, setAnnouncement] = useState('')
  const back = encodeURIComponent(`/ideeen/${idea.id}`)

  function toggle() {
    // One change at a time. aria-disabled rather than disabled, so keyboard focus stays on the button.
    if (vote.isPending) return
    vote.mutate(!idea.hasVoted, {
      onSuccess: (state) =>
        setAnnouncement(t(state.hasVoted ? 'vote.counted' : 'vote.withdrawn', { count: state.voteCount })),
      onError: (error) => setAnnouncement(t('vote.failed', { reason: errorText(error) })),
      onSettled,
    })
  }

  return (
    <div className="support__part">
      <p className="support__count">{t('ideas:card.votes', { count: idea.voteCount })}</p>
      {isClosed(idea.status) ? (
        <p className="support__hint">{t(`vote.closed.${idea.status}`)}</p>
      ) : user === null ? (
        <p>
          <Link className="button button--secondary" to={`/inloggen?terug=${back}`}>
            {t('vote.login')}
          </Link>
        </p>
      ) : user ? (
        <>
          <button
            type="button"
            className="button toggle"
            aria-pressed={idea.hasVoted}
            aria-disabled={vote.isPending || undefined}
            onClick={toggle}
          >
            <span className="toggle__mark" aria-hidden="true">
              {idea.hasVoted ? '✓' : '+'}
            </span>
            {t('vote.button')}
          </button>
          <p className="support__hint">{idea.hasVoted ? t('vote.voted') : t('vote.invite')}</p>
        </>
      ) : null}
      <p className="support__status" role="status">
        {announcement}
      </p>
    </div>
  )
}
