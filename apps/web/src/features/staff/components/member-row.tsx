import type { Member } from '@meedenken/shared'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-records'
import { formatDate } from '../../../lib/format'
import { Badge } from '../../../ui/badge'
import { Button } from '../../../ui/button'
import { useMemberBlock } from '../../engage/api/records-api'
import { ConfirmWithReason } from './confirm-with-reason'

/** A member found by name: what they did here, and a button to block or unblock them. */
export function MemberRow({
  member,
  showEmail,
  onDone,
}: {
  member: Member
  showEmail: boolean
  onDone: (text: string) => void
}) {
  const { t } = useTranslation('records')
  const { block, unblock } = useMemberBlock()
  const [confirming, setConfirming] = useState(false)
  const opener = useRef<HTMLButtonElement>(null)
  const name = member.displayName
  const columns = showEmail ? 8 : 7
  const mutation = member.blocked ? unblock : block
  return (
    <>
      <tr>
        <th scope="row">{name}</th>
        {showEmail && <td className="table-members__email">{member.email}</td>}
        <td>{t(`members.groups.${member.targetGroup ?? 'none'}`)}</td>
        <td>{member.ideas}</td>
        <td>{member.comments}</td>
        <td>{formatDate(member.createdAt)}</td>
        <td>
          <Badge className={member.blocked ? 'badge--declined' : undefined}>
            {member.blocked ? t('members.blocked') : t('members.active')}
          </Badge>
        </td>
        <td>
          <Button
            ref={opener}
            size="small"
            appearance={member.blocked ? 'secondary' : 'primary'}
            tone={member.blocked ? undefined : 'negative'}
            aria-expanded={confirming}
            aria-label={member.blocked ? t('members.unblockName', { name }) : t('members.blockName', { name })}
            onClick={() => setConfirming(true)}
          >
            {member.blocked ? t('members.unblock') : t('members.block')}
          </Button>
        </td>
      </tr>
      {confirming && (
        <tr>
          <td colSpan={columns}>
            <ConfirmWithReason
              scope={`member-${member.id}`}
              danger={!member.blocked}
              warning={member.blocked ? t('members.unblockWarning', { name }) : t('members.blockWarning', { name })}
              reasonLabel={t('members.reason')}
              reasonHint={t('members.reasonHint')}
              confirmLabel={member.blocked ? t('members.unblockName', { name }) : t('members.blockName', { name })}
              cancelLabel={t('members.cancel')}
              onConfirm={async (reason) => {
                await mutation.mutateAsync({ id: member.id, reason })
                setConfirming(false)
                onDone(member.blocked ? t('members.unblockedDone', { name }) : t('members.blockedDone', { name }))
                requestAnimationFrame(() => opener.current?.focus())
              }}
              onCancel={() => {
                setConfirming(false)
                requestAnimationFrame(() => opener.current?.focus())
              }}
            />
          </td>
        </tr>
      )}
    </>
  )
}
