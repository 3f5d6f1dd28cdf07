import type { DepartmentFigures } from '@meedenken/shared'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-staff'
import { currentLocale } from '../../../lib/i18n'

/** One department's quarter: received, answered in time, median, implemented, satisfied, open work. */
export function DepartmentFiguresRow({ row, name }: { row: DepartmentFigures; name: string }) {
  const { t } = useTranslation('staff')
  const locale = currentLocale() === 'nl' ? 'nl-NL' : 'en-GB'
  const fmt = (value: number, digits = 0) =>
    value.toLocaleString(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 })
  const none = (
    <>
      <span aria-hidden="true">–</span>
      <span className="visually-hidden">{t('dashboard.none')}</span>
    </>
  )
  const pct = (value: number | null) => (value === null ? none : `${fmt(value)}%`)
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>{fmt(row.received)}</td>
      <td>{pct(row.withinNormPct)}</td>
      <td>
        {row.medianAnswerDays === null
          ? none
          : t('dashboard.days', { count: row.medianAnswerDays, days: fmt(row.medianAnswerDays, 1) })}
      </td>
      <td>{pct(row.implementedPct)}</td>
      <td>
        {pct(row.satisfactionPct)}
        {row.ratings > 0 && (
          <span className="muted figure__note"> {t('dashboard.ratings', { count: row.ratings })}</span>
        )}
      </td>
      <td>{fmt(row.unanswered)}</td>
      <td className={row.overdue > 0 ? 'figure--alert' : undefined}>{fmt(row.overdue)}</td>
      <td className={row.stale > 0 ? 'figure--warn' : undefined}>{fmt(row.stale)}</td>
    </tr>
  )
}
