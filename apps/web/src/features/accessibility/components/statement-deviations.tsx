import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-accessibility'

/** Known deviations, each in the register's four parts: problem, effect, measure, when. */
const DEVIATIONS = ['residents', 'forcedColors', 'map'] as const
const PARTS = ['problem', 'effect', 'measure', 'when'] as const

export function StatementDeviations() {
  const { t } = useTranslation('accessibility')
  return (
    <section className="section" aria-labelledby="statement-deviations-title">
      <h2 id="statement-deviations-title">{t('deviations.title')}</h2>
      <p>{t('deviations.intro')}</p>
      {DEVIATIONS.map((deviation) => (
        <section key={deviation} aria-labelledby={`deviation-${deviation}`}>
          <h3 id={`deviation-${deviation}`}>{t(`deviations.${deviation}.title`)}</h3>
          <dl className="statement-deviation">
            {PARTS.map((part) => (
              <div key={part}>
                <dt>
                  <strong>{t(`deviations.${part}`)}</strong>
                </dt>
                <dd>{t(`deviations.${deviation}.${part}`)}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </section>
  )
}
