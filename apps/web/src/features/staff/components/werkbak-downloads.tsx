import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-werkbak'
import { WERKBAK_EXPORT_MAX } from '@meedenken/shared/constants'
import { werkbakExportPath } from '../api/staff-queries'
import type { WerkbakView } from '../werkbak-view'

/**
 * The list as shown (its tab, search and filters, every page) as a file for a council
 * report: a spreadsheet, or CSV that Excel with Dutch settings opens as it should.
 */
export function WerkbakDownloads({ view, count }: { view: WerkbakView; count: number }) {
  const { t } = useTranslation('werkbak')
  const href = (format: 'xlsx' | 'excel-nl') => werkbakExportPath(view, format)
  return (
    <div className="werkbak-downloads">
      <p className="werkbak-downloads__links">
        <a href={href('xlsx')} download>
          {t('download.xlsx')}
        </a>
        <a href={href('excel-nl')} download>
          {t('download.csv')}
        </a>
      </p>
      {count > WERKBAK_EXPORT_MAX && (
        <p className="utrecht-form-field-description">{t('download.capped', { max: WERKBAK_EXPORT_MAX })}</p>
      )}
    </div>
  )
}
