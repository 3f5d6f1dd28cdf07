import type { MyReports, ReportBody } from '@meedenken/shared'
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'

export const reportKeys = {
  all: ['reports'] as const,
  mine: (ideaId: number) => [...reportKeys.all, 'mine', ideaId] as const,
}

/** What the signed-in person reported on one idea (the idea, its comments and photos): one request per page. */
export const myReportsQuery = (ideaId: number) =>
  queryOptions({
    queryKey: reportKeys.mine(ideaId),
    queryFn: () => call(api.api.reports.mine.$get({ query: { idea: String(ideaId) } })),
    staleTime: 5 * 60_000,
  })

/**
 * Sends a report. Afterwards the page knows at once that this person reported it (the API
 * keeps one report per person; a second one is answered "already reported", not refused).
 */
export function useReport(ideaId: number) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (body: ReportBody) => call(api.api.reports.$post({ json: body })),
    onSuccess: (_answer, body) => {
      qc.setQueryData(reportKeys.mine(ideaId), (old: MyReports | undefined) => {
        const mine: MyReports = old ?? { idea: false, comments: [], photos: [] }
        if (body.subjectType === 'idea') return { ...mine, idea: true }
        const list = body.subjectType === 'photo' ? 'photos' : 'comments'
        return { ...mine, [list]: [...new Set([...mine[list], body.subjectId])] }
      })
    },
  })
}
