import type { DepartmentFigures } from '@meedenken/shared'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-staff'
import { Table } from '../../../ui/table'
import { useDepartmentName } from '../use-department-name'
import { useQuarterName } from '../use-quarter-name'
import { DepartmentFiguresRow } from './department-figures-row'

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
    <Table
      scrolls
      captionId="figures-caption"
      caption={t('dashboard.caption', { quarter: quarterName(figures.quarter) })}
      className="table--figures"
    >
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
    </Table>
  )
}
