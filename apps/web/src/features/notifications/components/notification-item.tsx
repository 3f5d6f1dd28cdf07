import type { Notification } from '@meedenken/shared'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatDateTime } from '../../../lib/format'
import '../../../lib/i18n-engage'
import '../../../lib/i18n-notify'
import { Badge } from '../../../ui/badge'

const ASKS_RATING: readonly string[] = ['status_changed', 'official_answer']
const STAFF_WORK: readonly string[] = ['new_idea', 'idea_assigned', 'idea_overdue', 'idea_stale']
const QUOTED = [
  'official_answer',
  'status_changed',
  'merged',
  'progress_update',
  'reply',
  'new_comment',
  'new_idea',
] as const
type Quoted = (typeof QUOTED)[number]
const isQuoted = (kind: string): kind is Quoted => (QUOTED as readonly string[]).includes(kind)

/** Where a notification leads: the thing itself (the answer, the comment, the idea merged into, the staff page). */
export function notificationLink(n: Notification): string | null {
  if (n.kind === 'campaign_opened') return n.campaignId ? `/meedenkvragen/${n.campaignId}` : '/meedenkvragen'
  if (n.kind === 'report_new') return '/medewerkers/moderatie'
  if (n.ideaId === null) return null
  if (n.kind === 'merged' && n.mergedInto) return `/ideeen/${n.mergedInto.id}`
  if (STAFF_WORK.includes(n.kind)) return `/medewerkers/ideeen/${n.ideaId}`
  if (n.commentId !== null && ['official_answer', 'reply', 'new_comment'].includes(n.kind)) {
    return `/ideeen/${n.ideaId}#reactie-${n.commentId}`
  }
  return `/ideeen/${n.ideaId}`
}

/** One notification in plain words: what happened (the sentence is the link), its text, and why I am told. */
export function NotificationItem({ notification, onOpen }: { notification: Notification; onOpen: () => void }) {
  const { t } = useTranslation(['notify', 'engage'])
  const n = notification
  const text = useSentence(n)
  const to = notificationLink(n)
  const reason = useReason(n)

  return (
    <article className={`notification${n.read ? '' : ' notification--unread'}`}>
      {!n.read && (
        <Badge tone="strong-info" className="notification__new">
          {t('engage:notifications.new')}
        </Badge>
      )}
      <p className="notification__text">
        {to ? (
          <Link to={to} onClick={onOpen}>
            {text}
          </Link>
        ) : (
          text
        )}
      </p>
      {n.excerpt && isQuoted(n.kind) && (
        <figure className="notification__quote">
          <figcaption className="visually-hidden">{t(`quote.${n.kind}`)}</figcaption>
          <blockquote>
            <p>{n.excerpt}</p>
          </blockquote>
        </figure>
      )}
      {ASKS_RATING.includes(n.kind) && n.reason !== null && !isStaffReason(n.reason) && (
        <p className="notification__hint">{t('engage:notifications.rateHint')}</p>
      )}
      {reason && <p className="notification__hint notification__reason">{reason}</p>}
      <p className="notification__date">
        <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
      </p>
    </article>
  )
}

const STAFF_REASONS: readonly string[] = ['department', 'assignee', 'staff']
const isStaffReason = (reason: string) => STAFF_REASONS.includes(reason)

function useSentence(n: Notification): string {
  const { t } = useTranslation(['notify', 'ideas', 'engage'])
  const title = n.ideaTitle ?? t('engage:notifications.removedIdea')
  const status = n.status ? t(`ideas:status.${n.status}`) : ''
  switch (n.kind) {
    case 'status_changed':
      return t('kind.status_changed', { title, status })
    case 'merged':
      return n.mergedInto
        ? t('kind.merged', { title, target: n.mergedInto.title })
        : t('kind.mergedElsewhere', { title })
    case 'campaign_opened':
      return t('kind.campaign_opened', { campaign: n.campaignTitle ?? '' })
    case 'new_idea':
      return n.reason === 'department' ? t('kind.new_idea', { title }) : t('kind.new_idea_staff', { title })
    case 'idea_assigned':
      return n.reason === 'assignee'
        ? t('kind.idea_assigned', { title })
        : t('kind.idea_assigned_department', { title })
    case 'official_answer':
    case 'progress_update':
    case 'reply':
    case 'new_comment':
    case 'followup_question':
    case 'satisfaction_question':
    case 'idea_overdue':
    case 'idea_stale':
    case 'report_new':
      return t(`kind.${n.kind}`, { title })
    default:
      return t('kind.other', { title })
  }
}

function useReason(n: Notification): string | null {
  const { t, i18n } = useTranslation('notify')
  switch (n.reason) {
    case null:
      return null
    case 'author':
      return n.channel && n.channel !== 'web'
        ? t('reason.intake', { channel: t(`channel.${n.channel}`) })
        : t('reason.author')
    case 'department': {
      const name = n.department ? (i18n.language.startsWith('en') ? n.department.nameEn : n.department.name) : null
      return name ? t('reason.department', { department: name }) : t('reason.departmentUnknown')
    }
    default:
      return t(`reason.${n.reason}`)
  }
}
