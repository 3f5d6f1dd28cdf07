import { useTranslation } from 'react-i18next'
import { formatNumber, formatPercent } from '../../../lib/format-number'
import { Table } from '../../../ui/table'

export type ChartRow = { key: string | number; label: string; pct: number | null; count: number | null }

/**
 * A chart's figures as a table, folded away under "Bekijk als tabel": the same numbers
 * for screen readers and for anyone who wants them exact. A suppressed cell says
 * "te weinig reacties", as in the chart.
 */
export function ChartDataTable({
  caption,
  columns,
  rows,
}: {
  caption: string
  /** Headings of the label, percentage and count columns. */
  columns: [string, string, string]
  rows: ChartRow[]
}) {
  const { t } = useTranslation('engage')
  if (rows.length === 0) return null
  return (
    <details className="chart-card__table">
      <summary>{t('scorecard.asTable')}</summary>
      <Table caption={caption} captionClassName="visually-hidden">
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td>{row.pct === null ? t('tooFew') : formatPercent(row.pct)}</td>
              <td>{row.count === null ? t('tooFew') : formatNumber(row.count, 0)}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </details>
  )
}
