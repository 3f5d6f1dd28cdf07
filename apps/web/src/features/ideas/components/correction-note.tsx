import type { IdeaDetail } from '@meedenken/shared'
import { useTranslation } from 'react-i18next'
import { formatDate } from '../../../lib/format'

/**
 * "Aangepast door de gemeente op 3 december 2026: <reden>": staff changed the title, text,
 * theme or village of this idea, and say why. The latest first; earlier ones below it.
 */
export function CorrectionNote({ idea }: { idea: Pick<IdeaDetail, 'corrections'> }) {
  const { t } = useTranslation('ideas')
  const [latest, ...earlier] = idea.corrections
  if (!latest) return null
  return (
    <div className="correction-note" role="note" aria-label={t('correction.label')}>
      <p>
        <strong>{t('correction.note', { date: formatDate(latest.createdAt) })}</strong> {latest.reason}
      </p>
      {earlier.length > 0 && (
        <ul className="correction-note__earlier">
          {earlier.map((c) => (
            <li key={c.createdAt + c.reason}>
              {t('correction.earlier', { date: formatDate(c.createdAt) })} {c.reason}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
