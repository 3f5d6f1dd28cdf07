import type { IdeaDetail } from '@meedenken/shared'
import { useTranslation } from 'react-i18next'
import { formatDate } from '../../../lib/format'
import '../../../lib/i18n-engage-idea'

/** "Voortgang": the municipality's updates while it carries the idea out, newest first. */
export function ProgressUpdates({ updates }: { updates: IdeaDetail['progressUpdates'] }) {
  const { t } = useTranslation('engage')
  if (updates.length === 0) return null
  return (
    <section className="section" aria-labelledby="progress-title">
      <h2 id="progress-title">{t('progress.title')}</h2>
      <ol className="progress-updates">
        {updates.map((update) => (
          <li key={update.id} className="progress-update">
            <p className="progress-update__byline">
              <time dateTime={update.createdAt}>
                {t('progress.byline', { name: update.authorName, date: formatDate(update.createdAt) })}
              </time>
            </p>
            {/* biome-ignore lint/security/noDangerouslySetInnerHtml: bodyHtml is rendered from markdown and sanitised (allow-list) by the API at write time */}
            <div className="prose prose--comment" dangerouslySetInnerHTML={{ __html: update.bodyHtml }} />
          </li>
        ))}
      </ol>
    </section>
  )
}
