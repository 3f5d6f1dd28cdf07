import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { StatementChecks } from '../features/accessibility/components/statement-checks'
import { StatementDeviations } from '../features/accessibility/components/statement-deviations'
import { StatementStatus } from '../features/accessibility/components/statement-status'
import '../lib/i18n-accessibility'
import { PageHeading } from '../ui/page-heading'

/**
 * The accessibility statement (toegankelijkheidsverklaring) in the parts the Dutch national
 * register asks for: scope and law, status (A to E), how it was checked, known deviations
 * (problem, effect, measure, when), contact and complaints, and the date. Each
 * municipality's installation has its own statement: the texts are in
 * locales/<lang>/accessibility.json, where a municipality adjusts status, contact and date.
 */
export function AccessibilityPage() {
  const { t } = useTranslation(['accessibility', 'common'])
  const title = t('accessibility:title')
  // The Dutch heading holds a soft hyphen (U+00AD) in its long word: on a 320 px screen it
  // breaks as "Toegankelijkheids-" / "verklaring", as Dutch is hyphenated, and stays whole
  // where it fits.
  return (
    <>
      <PageHeading title={title}>{t('accessibility:heading')}</PageHeading>
      <p className="lead">{t('accessibility:intro', { municipality: t('common:municipality') })}</p>
      <p>{t('accessibility:scope')}</p>
      <p>{t('accessibility:law')}</p>

      <StatementStatus />
      <StatementChecks />
      <StatementDeviations />

      <section className="section" aria-labelledby="statement-contact-title">
        <h2 id="statement-contact-title">{t('accessibility:contact.title')}</h2>
        <p>{t('accessibility:contact.text')}</p>
        <p>{t('accessibility:contact.phone')}</p>
        <p>
          {t('accessibility:contact.idea')} <Link to="/ideeen/nieuw">{t('accessibility:contact.ideaLink')}</Link>
        </p>
      </section>

      <section className="section" aria-labelledby="statement-complaint-title">
        <h2 id="statement-complaint-title">{t('accessibility:complaint.title')}</h2>
        <p>{t('accessibility:complaint.text')}</p>
      </section>

      <section className="section" aria-labelledby="statement-about-title">
        <h2 id="statement-about-title">{t('accessibility:about.title')}</h2>
        <p>{t('accessibility:about.date')}</p>
      </section>
    </>
  )
}
