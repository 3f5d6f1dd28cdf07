import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-staff'
import { Button } from '../../../ui/button'
import { useModeration } from '../api/staff-mutations'
import { AuthorBlockedNote } from './author-blocked-note'
import { ConfirmWithReason } from './confirm-with-reason'

/** Block the author of a reported idea or comment, after a warning and with a reason. */
export function BlockAuthor({
  userId,
  name,
  blocked,
  scope,
  onBlocked,
}: {
  userId: number
  name: string
  blocked: boolean
  scope: string
  onBlocked: (name: string) => void
}) {
  const { t } = useTranslation('staff')
  const { block } = useModeration()
  const [confirming, setConfirming] = useState(false)
  const [done, setDone] = useState(false)
  const opener = useRef<HTMLButtonElement>(null)

  // Blocked here just now: the note takes the focus the confirmation had.
  if (blocked || done) return <AuthorBlockedNote name={name} focus={done} />

  if (!confirming) {
    return (
      <p className="moderation-card__block">
        <Button ref={opener} onClick={() => setConfirming(true)} appearance="subtle" size="small">
          {t('moderation.blockStart', { name })}
        </Button>
      </p>
    )
  }
  return (
    <ConfirmWithReason
      scope={`${scope}-block`}
      danger
      warning={t('moderation.blockWarning', { name })}
      reasonLabel={t('moderation.blockReason')}
      reasonHint={t('moderation.blockReasonHint')}
      confirmLabel={t('moderation.blockConfirm', { name })}
      cancelLabel={t('moderation.blockCancel')}
      onConfirm={async (reason) => {
        await block.mutateAsync({ userId, reason })
        setDone(true)
        onBlocked(name)
      }}
      onCancel={() => {
        setConfirming(false)
        requestAnimationFrame(() => opener.current?.focus())
      }}
    />
  )
}
