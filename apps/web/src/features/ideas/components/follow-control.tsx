import type { IdeaDetail, User } from '@meedenken/shared'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-participate'
import { errorText } from '../../../lib/errors'
import { Button, LinkButton } from '../../../ui/button'
import { useFollow } from '../api/support-mutations'

/**
 * Follow or stop following: followers hear about every status change and answer. Members
 * only; visitors get a way to log in and come back.
 */
export function FollowControl({
  idea,
  user,
  onSettled,
}: {
  idea: IdeaDetail
  user: User | null | undefined
  /** Once the server has answered: what depends on whether this person follows may be read again. */
  onSettled?: () => void
}) {
  const { t } = useTranslation(['participate', 'ideas'])
  const follow = useFollow(idea.id)
  const [announcement, setAnnouncement] = useState('')
  const [error, setError] = useState('')
  const errorId = `follow-error-${idea.id}`

  function toggle() {
    if (follow.isPending) return
    setError('')
    follow.mutate(!idea.isFollowing, {
      onSuccess: (state) => setAnnouncement(t(state.isFollowing ? 'follow.on' : 'follow.off')),
      onError: (failure) => {
        setAnnouncement('')
        setError(t('follow.failed', { reason: errorText(failure) }))
      },
      onSettled,
    })
  }

  return (
    <div className="support__part">
      <p className="support__count">{t('ideas:detail.followers', { count: idea.followerCount })}</p>
      {user === null && (
        <p>
          <LinkButton appearance="secondary" to={`/inloggen?terug=${encodeURIComponent(`/ideeen/${idea.id}`)}`}>
            {t('follow.login')}
          </LinkButton>
        </p>
      )}
      {user && (
        <>
          <Button
            appearance="secondary"
            className="toggle"
            pressed={idea.isFollowing}
            busy={follow.isPending}
            aria-describedby={error ? errorId : undefined}
            onClick={toggle}
            icon={<span className="nl-button__mark">{idea.isFollowing ? '✓' : '+'}</span>}
          >
            {t('follow.button')}
          </Button>
          <p className="support__hint">{idea.isFollowing ? t('follow.following') : t('follow.invite')}</p>
        </>
      )}
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
