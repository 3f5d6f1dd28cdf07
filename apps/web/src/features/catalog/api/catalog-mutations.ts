import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { catalogKeys } from './catalog-queries'

type ThemeValues = { name: string; nameEn: string; description: string }

/** An administrator's changes to themes and districts; every list of them reads again. */
export function useCatalogActions() {
  const qc = useQueryClient()
  const refresh = () => qc.invalidateQueries({ queryKey: catalogKeys.all })
  return {
    addTheme: useMutation({
      mutationFn: (json: ThemeValues) => call(api.api.admin.themes.$post({ json })),
      onSuccess: refresh,
    }),
    renameTheme: useMutation({
      mutationFn: ({ id, ...json }: ThemeValues & { id: number }) =>
        call(api.api.admin.themes[':id'].$put({ param: { id: String(id) }, json })),
      onSuccess: refresh,
    }),
    archiveTheme: useMutation({
      mutationFn: ({ id, archived }: { id: number; archived: boolean }) =>
        call(api.api.admin.themes[':id'].archived.$put({ param: { id: String(id) }, json: { archived } })),
      onSuccess: refresh,
    }),
    addDistrict: useMutation({
      mutationFn: (json: { name: string }) => call(api.api.admin.districts.$post({ json })),
      onSuccess: refresh,
    }),
    renameDistrict: useMutation({
      mutationFn: ({ id, name }: { id: number; name: string }) =>
        call(api.api.admin.districts[':id'].$put({ param: { id: String(id) }, json: { name } })),
      onSuccess: refresh,
    }),
    archiveDistrict: useMutation({
      mutationFn: ({ id, archived }: { id: number; archived: boolean }) =>
        call(api.api.admin.districts[':id'].archived.$put({ param: { id: String(id) }, json: { archived } })),
      onSuccess: refresh,
    }),
  }
}
