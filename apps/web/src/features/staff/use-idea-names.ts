import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { districtsQuery, themesQuery } from '../catalog/api/catalog-queries'
import { localName } from '../catalog/local-name'
import { colleaguesQuery, departmentsQuery } from './api/staff-queries'

export type IdeaNames = {
  theme: (id: number) => string
  district: (id: number | null) => string
  department: (id: number | null) => string
  colleague: (id: number | null) => string
}

/** The names behind an idea's ids, in the reader's language; "…" while the lists load. */
export function useIdeaNames(): IdeaNames {
  const { t } = useTranslation(['staff', 'ideas'])
  const themes = useQuery(themesQuery)
  const districts = useQuery(districtsQuery)
  const departments = useQuery(departmentsQuery)
  const colleagues = useQuery(colleaguesQuery)
  return {
    theme: (id) => {
      const theme = themes.data?.items.find((th) => th.id === id)
      return theme ? localName(theme) : '…'
    },
    district: (id) => {
      if (id === null) return t('ideas:card.everywhere')
      return districts.data?.items.find((d) => d.id === id)?.name ?? '…'
    },
    department: (id) => {
      if (id === null) return t('common.noDepartment')
      const department = departments.data?.items.find((d) => d.id === id)
      return department ? localName(department) : '…'
    },
    colleague: (id) => {
      if (id === null) return t('common.nobody')
      return colleagues.data?.items.find((c) => c.id === id)?.displayName ?? '…'
    },
  }
}
