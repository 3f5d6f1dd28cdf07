import type { IdeaStatus } from '@meedenken/shared'
import { useTranslation } from 'react-i18next'

/** An idea's status in words, in its own colours (the theme's status tokens). */
export function StatusBadge({ status }: { status: IdeaStatus }) {
  const { t } = useTranslation('ideas')
  return <span className={`nl-data-badge badge--${status}`}>{t(`status.${status}`)}</span>
}
