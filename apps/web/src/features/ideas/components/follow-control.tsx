import type { IdeaDetail, User } from '@meedenken/shared'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-participate'
import { errorText } from '../../../lib/errors'
import { useFollow } from '../api/support-mutations'

/** Follow or stop following: followers hear about every status change and answer. Members only. */
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

  function toggle() {
    if (follow.isPending) return
    follow.mutate(!idea.isFollowing, {
      onSuccess: (state) => setAnnouncement(t(state.isFollowing ? 'follow.on' : 'follow.off')),
      onError: (error) => setAnnouncement(t('follow.failed', { reason: errorText(error) })),
      onSettled,
    })
  }

  return (
    <div className="support__part">
      <p className="support__count">{t('ideas:detail.followers', { count: idea.followerCount })}</p>
      {user && (
        <>
          <button
            type="button"
            className="button button--secondary toggle"
            aria-pressed={idea.isFollowing}
            aria-disabled={follow.isPending || undefined}
            onClick={toggle}
          >
            <span className="toggle__mark" aria-hidden="true">
              {idea.isFollowing ? '✓' : '+'}
            </span>
            {t('follow.button')}
          </button>
          <p className="support__hint">{idea.isFollowing ? t('follow.following') : t('follow.invite')}</p>
        </>
      )}
      <p className="support__status" role="status">
        {announcement}
      </p>
    </div>
  )
}
