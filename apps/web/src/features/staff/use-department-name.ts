import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { localName } from '../catalog/local-name'
import { departmentsQuery } from './api/staff-queries'

/** A department's name in the reader's language; "Geen afdeling" for none. */
export function useDepartmentName() {
  const { t } = useTranslation('staff')
  const departments = useQuery(departmentsQuery)
  return (id: number | null) => {
    if (id === null) return t('common.noDepartment')
    const department = departments.data?.items.find((d) => d.id === id)
    return department ? localName(department) : `#${id}`
  }
}
