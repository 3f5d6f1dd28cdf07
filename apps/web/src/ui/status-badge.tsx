import type { IdeaStatus } from '@meedenken/shared'
import { useTranslation } from 'react-i18next'

export function StatusBadge({ status }: { status: IdeaStatus }) {
  const { t } = useTranslation('ideas')
  return <span className={`badge badge--${status}`}>{t(`status.${status}`)}</span>
}
