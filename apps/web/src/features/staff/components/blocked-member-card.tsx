import type { BlockedMember } from '@meedenken/shared'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-staff'
import { formatDateTime } from '../../../lib/format'
import { UnblockMember } from './unblock-member'

/** A blocked member: when, by whom and why, and the way to unblock them. */
export function BlockedMemberCard({
  member,
  onUnblocked,
}: {
  member: BlockedMember
  onUnblocked: (name: string) => void
}) {
  const { t } = useTranslation('staff')
  const nameId = `blocked-${member.id}-name`
  return (
    <article className="blocked-member" aria-labelledby={nameId}>
      <h3 id={nameId} tabIndex={-1}>
        {member.displayName}
      </h3>
      <dl className="facts facts--inline">
        <div>
          <dt>{t('moderation.blockedOn')}</dt>
          <dd>
            <time dateTime={member.blockedAt}>{formatDateTime(member.blockedAt)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('moderation.blockedBy')}</dt>
          <dd>{member.blockedByName ?? t('moderation.notKnown')}</dd>
        </div>
        <div>
          <dt>{t('moderation.blockedReason')}</dt>
          <dd>{member.reason ?? t('moderation.notKnown')}</dd>
        </div>
      </dl>
      <UnblockMember member={member} onUnblocked={onUnblocked} />
    </article>
  )
}
