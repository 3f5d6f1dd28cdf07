import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-records'
import { AnchorButton } from '../../../ui/button'
import { dashboardExportLink } from '../../engage/api/records-api'

/** The figures on screen as a file for a council report: an Excel workbook or a CSV for Dutch Excel. */
export function DashboardDownloads({ quarter, name }: { quarter: string; name: string }) {
  const { t } = useTranslation('records')
  return (
    <section className="downloads-bar" aria-labelledby="dashboard-downloads">
      <h2 id="dashboard-downloads" className="visually-hidden">
        {t('download.label')}
      </h2>
      <p>{t('dashboard.downloadNote', { quarter: name })}</p>
      <p className="downloads-bar__links">
        <AnchorButton appearance="secondary" href={dashboardExportLink(quarter, 'xlsx')} download>
          {t('download.xlsx')}
        </AnchorButton>
        <AnchorButton appearance="secondary" href={dashboardExportLink(quarter, 'excel-nl')} download>
          {t('download.excelCsv')}
        </AnchorButton>
      </p>
    </section>
  )
}
