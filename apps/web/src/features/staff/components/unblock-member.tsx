import type { BlockedMember } from '@meedenken/shared'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-staff'
import { Button } from '../../../ui/button'
import { useModeration } from '../api/staff-mutations'
import { ConfirmWithReason } from './confirm-with-reason'

export function UnblockMember({ member, onUnblocked }: { member: BlockedMember; onUnblocked: (name: string) => void }) {
  const { t } = useTranslation('staff')
  const { unblock } = useModeration()
  const [confirming, setConfirming] = useState(false)
  const opener = useRef<HTMLButtonElement>(null)
  const name = member.displayName

  if (!confirming) {
    return (
      <p className="blocked-member__action">
        <Button ref={opener} onClick={() => setConfirming(true)} appearance="secondary" size="small">
          {t('moderation.unblockStart')}
          <span className="visually-hidden"> ({name})</span>
        </Button>
      </p>
    )
  }
  return (
    <ConfirmWithReason
      scope={`unblock-${member.id}`}
      warning={t('moderation.unblockWarning', { name })}
      reasonLabel={t('moderation.unblockReason', { name })}
      reasonHint={t('moderation.unblockReasonHint')}
      confirmLabel={t('moderation.unblockConfirm', { name })}
      cancelLabel={t('moderation.unblockCancel')}
      onConfirm={async (reason) => {
        // The card leaves the list when this succeeds.
        await unblock.mutateAsync({ userId: member.id, reason })
        onUnblocked(name)
      }}
      onCancel={() => {
        setConfirming(false)
        requestAnimationFrame(() => opener.current?.focus())
      }}
    />
  )
}
