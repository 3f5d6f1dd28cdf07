import type { IdeaDetail } from '@meedenken/shared'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-participate'
import { formatDate } from '../../../lib/format'

type Answer = NonNullable<IdeaDetail['officialAnswer']>

/** The municipality's latest official answer, shown near the top: it is what most visitors come for. */
export function OfficialAnswer({ answer }: { answer: Answer }) {
  const { t } = useTranslation('participate')
  return (
    <section className="official-answer" aria-labelledby="official-answer-title">
      <h2 id="official-answer-title" className="official-answer__title">
        {t('official.title')}
      </h2>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: bodyHtml is rendered from markdown and sanitised (allow-list) by the API at write time */}
      <div className="prose" dangerouslySetInnerHTML={{ __html: answer.bodyHtml }} />
      <p className="official-answer__byline">
        {t('official.byline', { name: answer.author?.displayName ?? '', date: formatDate(answer.createdAt) })}
      </p>
    </section>
  )
}
