import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-staff'
import { QueryState } from '../../../ui/query-state'
import { themesQuery } from '../../catalog/api/catalog-queries'
import { localName } from '../../catalog/local-name'
import { departmentsQuery } from '../api/staff-queries'
import { DepartmentCard } from './department-card'
import { NewDepartmentForm } from './new-department-form'

/** Every department with the themes it answers for; each can be renamed, and one added. */
export function DepartmentList() {
  const { t } = useTranslation('staff')
  const departments = useQuery(departmentsQuery)
  const themes = useQuery(themesQuery)
  const themeName = (id: number) => {
    const theme = themes.data?.items.find((x) => x.id === id)
    return theme ? localName(theme) : `#${id}`
  }
  return (
    <section className="section" aria-labelledby="departments-title">
      <h2 id="departments-title">{t('departments.listTitle')}</h2>
      <QueryState query={departments}>
        {(data) => (
          <ul className="department-list">
            {data.items.map((d) => (
              <li key={d.id}>
                <DepartmentCard department={d} themes={d.themeIds.map(themeName)} />
              </li>
            ))}
          </ul>
        )}
      </QueryState>
      <NewDepartmentForm />
    </section>
  )
}
