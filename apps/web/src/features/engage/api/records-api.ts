import type { AuditAction, ExportFormat } from '@meedenken/shared'
import { infiniteQueryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'

/**
 * Downloads for the council and the administration (the dashboard, the audit log) and the
 * member search that blocks and unblocks. The files are plain links: the browser saves what
 * the API sends, with its own file name.
 */

export const recordsKeys = {
  all: ['records'] as const,
  members: (q: string) => [...recordsKeys.all, 'members', q] as const,
}

export const dashboardExportLink = (quarter: string | undefined, format: ExportFormat) =>
  api.api.staff.dashboard.export.$path({ query: { ...(quarter ? { quarter } : {}), format } })

export type AuditExportFilters = { action?: AuditAction; actor?: string; from?: string; to?: string }

export const auditExportLink = (filters: AuditExportFilters, format: ExportFormat) =>
  api.api.admin.audit.export.$path({ query: { ...filters, format } })

export const memberSearchQuery = (q: string) =>
  infiniteQueryOptions({
    queryKey: recordsKeys.members(q),
    queryFn: ({ pageParam }) =>
      call(api.api.staff.members.$get({ query: { q, ...(pageParam ? { cursor: pageParam } : {}) } })),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    enabled: q.length >= 2,
  })

/** Block or unblock through the moderation routes, with a reason; the search reads again. */
export function useMemberBlock() {
  const qc = useQueryClient()
  const refresh = () => qc.invalidateQueries({ queryKey: recordsKeys.all })
  return {
    block: useMutation({
      mutationFn: ({ id, reason }: { id: number; reason: string }) =>
        call(api.api.staff.users[':id'].block.$post({ param: { id: String(id) }, json: { reason } })),
      onSuccess: refresh,
    }),
    unblock: useMutation({
      mutationFn: ({ id, reason }: { id: number; reason: string }) =>
        call(api.api.staff.users[':id'].unblock.$post({ param: { id: String(id) }, json: { reason } })),
      onSuccess: refresh,
    }),
  }
}

/** The audit log page by page, newest first, with the page's filters (days as YYYY-MM-DD). */
export const auditLogQuery = (filters: AuditExportFilters) =>
  infiniteQueryOptions({
    queryKey: [...recordsKeys.all, 'audit', filters] as const,
    queryFn: ({ pageParam }) =>
      call(
        api.api.admin.audit.$get({
          query: { ...filters, ...(pageParam ? { cursor: pageParam } : {}), limit: '50' },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  })
