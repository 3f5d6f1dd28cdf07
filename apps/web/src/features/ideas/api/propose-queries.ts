import type { IdeaUpdate, NewIdea } from '@meedenken/shared'
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { ideaKeys } from './idea-queries'

/** Existing ideas that look like a title being typed, so a member can vote there instead. */
export const similarIdeasQuery = (title: string) =>
  queryOptions({
    queryKey: ideaKeys.similar(title),
    queryFn: () => call(api.api.ideas.similar.$get({ query: { title } })),
    staleTime: 60_000,
  })

/** The text rendered and sanitised by the API, exactly as it will be shown. */
export function usePreviewIdea() {
  return useMutation({
    mutationFn: (body: string) => call(api.api.ideas.preview.$post({ json: { body } })),
  })
}

export function useCreateIdea() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (idea: NewIdea) => call(api.api.ideas.$post({ json: idea })),
    onSuccess: ({ idea }) => {
      qc.setQueryData(ideaKeys.detail(idea.id), { idea })
      void qc.invalidateQueries({ queryKey: ideaKeys.lists() })
    },
  })
}

export function useUpdateIdea(id: number) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (changes: IdeaUpdate) =>
      call(api.api.ideas[':id'].$patch({ param: { id: String(id) }, json: changes })),
    onSuccess: ({ idea }) => {
      qc.setQueryData(ideaKeys.detail(idea.id), { idea })
      void qc.invalidateQueries({ queryKey: ideaKeys.lists() })
    },
  })
}
