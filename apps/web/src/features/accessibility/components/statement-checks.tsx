import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-accessibility'

const CHECKS = ['axe', 'keyboard', 'focus', 'second', 'screens', 'charts'] as const

/** How Meedenken is checked: what every change goes through, and what has not been done yet. */
export function StatementChecks() {
  const { t } = useTranslation('accessibility')
  return (
    <section className="section" aria-labelledby="statement-checks-title">
      <h2 id="statement-checks-title">{t('checked.title')}</h2>
      <p>{t('checked.intro')}</p>
      <ul>
        {CHECKS.map((check) => (
          <li key={check}>{t(`checked.${check}`)}</li>
        ))}
      </ul>
      <p>{t('checked.notYet')}</p>
    </section>
  )
}
