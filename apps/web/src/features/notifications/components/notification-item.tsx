import type { Notification } from '@meedenken/shared'
import { NOTIFICATION_KINDS } from '@meedenken/shared/constants'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatDateTime } from '../../../lib/format'
import '../../../lib/i18n-engage'

// The kinds the catalogue has a sentence for so far; the others read as "news about".
const KINDS = NOTIFICATION_KINDS.filter(
  (
    k,
  ): k is Exclude<
    (typeof NOTIFICATION_KINDS)[number],
    'new_comment' | 'new_idea' | 'idea_assigned' | 'idea_overdue' | 'idea_stale' | 'report_new'
  > => !['new_comment', 'new_idea', 'idea_assigned', 'idea_overdue', 'idea_stale', 'report_new'].includes(k),
)
type Kind = (typeof KINDS)[number]

const isKind = (kind: string): kind is Kind => (KINDS as readonly string[]).includes(kind)
const ASKS_RATING: readonly string[] = ['status_changed', 'official_answer']

/** One notification in plain words; the sentence is the link to what it is about. */
export function NotificationItem({ notification, onOpen }: { notification: Notification; onOpen: () => void }) {
  const { t } = useTranslation(['engage', 'ideas'])
  const n = notification
  const title = n.ideaTitle ?? t('notifications.removedIdea')
  const status = n.status ? t(`ideas:status.${n.status}`) : ''
  const text = isKind(n.kind)
    ? t(`notifications.kind.${n.kind}`, { title, status, campaign: n.campaignTitle ?? '' })
    : t('notifications.kind.other', { title })
  const to =
    n.kind === 'campaign_opened'
      ? n.campaignId
        ? `/meedenkvragen/${n.campaignId}`
        : '/meedenkvragen'
      : n.ideaId !== null
        ? `/ideeen/${n.ideaId}`
        : null

  return (
    <article className={`notification${n.read ? '' : ' notification--unread'}`}>
      {!n.read && <span className="badge notification__new">{t('notifications.new')}</span>}
      <p className="notification__text">
        {to ? (
          <Link to={to} onClick={onOpen}>
            {text}
          </Link>
        ) : (
          text
        )}
      </p>
      {ASKS_RATING.includes(n.kind) && <p className="notification__hint">{t('notifications.rateHint')}</p>}
      <p className="notification__date">
        <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
      </p>
    </article>
  )
}
