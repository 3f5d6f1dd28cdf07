import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-accessibility'

const STATUSES = ['a', 'b', 'c', 'd', 'e'] as const

/**
 * The compliance status, as the national register of accessibility statements names it
 * (A to E), with what each status means, so a reader can place ours.
 */
export function StatementStatus() {
  const { t } = useTranslation('accessibility')
  return (
    <section className="section" aria-labelledby="statement-status-title">
      <h2 id="statement-status-title">{t('status.title')}</h2>
      <dl className="statement-status">
        <dt>{t('status.label')}</dt>
        <dd>
          <strong>{t('status.value')}</strong>
        </dd>
      </dl>
      <p>{t('status.explanation')}</p>
      <h3>{t('status.meaningTitle')}</h3>
      <p>{t('status.meaningIntro')}</p>
      <dl className="statement-statuses">
        {STATUSES.map((status) => (
          <div key={status}>
            <dt>
              <strong>{t(`status.${status}`)}</strong>
            </dt>
            <dd>{t(`status.${status}Meaning`)}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
