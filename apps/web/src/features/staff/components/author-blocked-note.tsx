import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-staff'

/** On a card whose author is blocked: the way back is the list of blocked members below. */
export function AuthorBlockedNote({ name, focus = false }: { name: string; focus?: boolean }) {
  const { t } = useTranslation('staff')
  const note = useRef<HTMLParagraphElement>(null)
  useEffect(() => {
    if (focus) note.current?.focus()
  }, [focus])
  return (
    <p className="moderation-card__block moderation-card__blocked" ref={note} tabIndex={-1}>
      {t('moderation.authorBlocked', { name })}
    </p>
  )
}
