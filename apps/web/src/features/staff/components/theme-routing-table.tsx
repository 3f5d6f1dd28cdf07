import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-staff'
import { QueryState } from '../../../ui/query-state'
import { Table } from '../../../ui/table'
import { themesQuery } from '../../catalog/api/catalog-queries'
import { localName } from '../../catalog/local-name'
import { useAdministration } from '../api/staff-mutations'
import { departmentsQuery } from '../api/staff-queries'
import { DepartmentSelect } from './department-select'

/** Which department answers the ideas of each theme. */
export function ThemeRoutingTable() {
  const { t } = useTranslation('staff')
  const themes = useQuery(themesQuery)
  const departments = useQuery(departmentsQuery)
  const { linkTheme } = useAdministration()
  const departmentOf = (themeId: number) =>
    departments.data?.items.find((d) => d.themeIds.includes(themeId))?.id ?? null
  return (
    <section className="section" aria-labelledby="routing-title">
      <h2 id="routing-title">{t('departments.routingTitle')}</h2>
      <p>{t('departments.routingIntro')}</p>
      <QueryState query={departments}>
        {() => (
          <QueryState query={themes}>
            {(data) => (
              <Table
                scrolls
                captionId="routing-caption"
                caption={t('departments.routingCaption')}
                captionClassName="visually-hidden"
              >
                <thead>
                  <tr>
                    <th scope="col">{t('departments.theme')}</th>
                    <th scope="col">{t('departments.department')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((theme) => {
                    const name = localName(theme)
                    return (
                      <tr key={theme.id}>
                        <th scope="row">{name}</th>
                        <td>
                          <DepartmentSelect
                            id={`theme-${theme.id}-department`}
                            label={t('departments.departmentOfTheme', { name })}
                            current={departmentOf(theme.id)}
                            onSave={(departmentId) => linkTheme.mutateAsync({ themeId: theme.id, departmentId })}
                          />
                        </td>
                      </tr>
                    )
                  })}
                </tbody>
              </Table>
            )}
          </QueryState>
        )}
      </QueryState>
    </section>
  )
}
