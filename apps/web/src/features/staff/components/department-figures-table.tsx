import type { DepartmentFigures } from '@meedenken/shared'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-staff'
import { useDepartmentName } from '../use-department-name'
import { useQuarterName } from '../use-quarter-name'
import { DepartmentFiguresRow } from './department-figures-row'
import { ScrollTable } from './scroll-table'

/** A quarter's figures per department, in a table that scrolls by itself on a small screen. */
export function DepartmentFiguresTable({
  figures,
}: {
  figures: { quarter: string; departments: DepartmentFigures[] }
}) {
  const { t } = useTranslation('staff')
  const departmentName = useDepartmentName()
  const quarterName = useQuarterName()
  return (
    <ScrollTable captionId="figures-caption">
      <table className="table table--figures">
        <caption id="figures-caption">{t('dashboard.caption', { quarter: quarterName(figures.quarter) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.department')}</th>
            <th scope="col">{t('dashboard.received')}</th>
            <th scope="col">{t('dashboard.withinNorm')}</th>
            <th scope="col">{t('dashboard.median')}</th>
            <th scope="col">{t('dashboard.implemented')}</th>
            <th scope="col">{t('dashboard.satisfaction')}</th>
            <th scope="col">{t('dashboard.unanswered')}</th>
            <th scope="col">{t('dashboard.overdue')}</th>
            <th scope="col">{t('dashboard.stale')}</th>
          </tr>
        </thead>
        <tbody>
          {figures.departments.length === 0 && (
            <tr>
              <td colSpan={9}>{t('dashboard.empty')}</td>
            </tr>
          )}
          {figures.departments.map((row) => (
            <DepartmentFiguresRow key={row.departmentId ?? 'none'} row={row} name={departmentName(row.departmentId)} />
          ))}
        </tbody>
      </table>
    </ScrollTable>
  )
}
