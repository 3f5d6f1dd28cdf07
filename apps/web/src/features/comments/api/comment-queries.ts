import type { NewComment } from '@meedenken/shared'
import { infiniteQueryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'

export const commentKeys = {
  all: ['comments'] as const,
  lists: () => [...commentKeys.all, 'list'] as const,
  list: (ideaId: number) => [...commentKeys.lists(), ideaId] as const,
}

/** Top-level comments, oldest first (a conversation reads top down), each with its replies. */
export const commentsQuery = (ideaId: number) =>
  infiniteQueryOptions({
    queryKey: commentKeys.list(ideaId),
    queryFn: ({ pageParam }) =>
      call(
        api.api.ideas[':id'].comments.$get({
          param: { id: String(ideaId) },
          query: pageParam ? { cursor: pageParam } : {},
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  })

/**
 * Posting, correcting and deleting. Each waits for the list to be fetched again, so
 * whoever called it can move focus to the changed comment once it is on screen.
 */
export function useCommentActions(ideaId: number) {
  const qc = useQueryClient()
  const refresh = () => qc.invalidateQueries({ queryKey: commentKeys.list(ideaId) })
  const add = useMutation({
    mutationFn: (comment: NewComment) =>
      call(api.api.ideas[':id'].comments.$post({ param: { id: String(ideaId) }, json: comment })),
    onSuccess: refresh,
  })
  const edit = useMutation({
    mutationFn: ({ id, body }: { id: number; body: string }) =>
      call(api.api.comments[':id'].$patch({ param: { id: String(id) }, json: { body } })),
    onSuccess: refresh,
  })
  const remove = useMutation({
    mutationFn: (id: number) => call(api.api.comments[':id'].$delete({ param: { id: String(id) } })),
    onSuccess: refresh,
  })
  return {
    add: (comment: NewComment) => add.mutateAsync(comment),
    edit: (id: number, body: string) => edit.mutateAsync({ id, body }),
    remove: (id: number) => remove.mutateAsync(id),
  }
}

export type CommentActions = ReturnType<typeof useCommentActions>
