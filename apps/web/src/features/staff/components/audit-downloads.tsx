import { AUDIT_EXPORT_LIMIT } from '@meedenken/shared'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-records'
import { currentLocale } from '../../../lib/i18n'
import { AnchorButton } from '../../../ui/button'
import { type AuditExportFilters, auditExportLink } from '../../engage/api/records-api'

/** The log as filtered, as a file: an Excel workbook or a CSV for Dutch Excel. */
export function AuditDownloads({ filters }: { filters: AuditExportFilters }) {
  const { t } = useTranslation('records')
  const locale = currentLocale()
  return (
    <section className="downloads-bar" aria-labelledby="audit-downloads">
      <h2 id="audit-downloads" className="visually-hidden">
        {t('download.label')}
      </h2>
      <p>
        {t('audit.downloadNote', {
          limit: AUDIT_EXPORT_LIMIT.toLocaleString(locale === 'nl' ? 'nl-NL' : 'en-GB'),
        })}
      </p>
      <p className="downloads-bar__links">
        <AnchorButton appearance="secondary" href={auditExportLink(filters, 'xlsx')} download>
          {t('download.xlsx')}
        </AnchorButton>
        <AnchorButton appearance="secondary" href={auditExportLink(filters, 'excel-nl')} download>
          {t('download.excelCsv')}
        </AnchorButton>
      </p>
    </section>
  )
}
