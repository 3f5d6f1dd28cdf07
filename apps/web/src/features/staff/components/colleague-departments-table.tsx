import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-staff'
import { QueryState } from '../../../ui/query-state'
import { Table } from '../../../ui/table'
import { useAdministration } from '../api/staff-mutations'
import { colleaguesQuery } from '../api/staff-queries'
import { useDepartmentName } from '../use-department-name'
import { DepartmentSelect } from './department-select'
import '../../../lib/i18n-admin'

/** Which department each colleague works in: they hear of its new ideas. */
export function ColleagueDepartmentsTable() {
  const { t } = useTranslation(['staff', 'admin'])
  const colleagues = useQuery(colleaguesQuery)
  const { placeColleague } = useAdministration()
  const departmentName = useDepartmentName()
  return (
    <section className="section" aria-labelledby="colleagues-title">
      <h2 id="colleagues-title">{t('departments.colleaguesTitle')}</h2>
      <p>{t('departments.colleaguesIntro')}</p>
      <QueryState query={colleagues}>
        {(data) => (
          <Table
            scrolls
            captionId="colleagues-caption"
            caption={t('departments.colleaguesCaption')}
            captionClassName="visually-hidden"
          >
            <thead>
              <tr>
                <th scope="col">{t('departments.colleague')}</th>
                <th scope="col">{t('departments.role')}</th>
                <th scope="col">{t('departments.department')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.displayName}</th>
                  <td>{t(`admin:roles.${c.role}`)}</td>
                  <td>
                    <DepartmentSelect
                      id={`colleague-${c.id}-department`}
                      label={t('departments.departmentOf', {
                        name: c.displayName,
                        current: departmentName(c.departmentId),
                      })}
                      current={c.departmentId}
                      onSave={(departmentId) => placeColleague.mutateAsync({ userId: c.id, departmentId })}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </QueryState>
    </section>
  )
}
