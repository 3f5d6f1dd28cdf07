import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { api } from '../../../lib/api-client'
import { ideaQuery } from './idea-queries'

type Handlers = {
  /** The comment count changed elsewhere: the page fetches the comments again. */
  onComments: () => void
  /** Another person's vote changed the count (own votes are already on screen). */
  onRemoteVotes: (voteCount: number) => void
  /** Signed-in people also hear their unread notification count on this line. */
  onNotifications: (unread: number) => void
}

function parse<T>(event: Event): T | null {
  try {
    return JSON.parse((event as MessageEvent<string>).data) as T
  } catch {
    return null
  }
}

/**
 * Keeps an open idea's vote and comment counts current with server-sent events. The
 * browser reconnects by itself; after a reconnect the idea is fetched again, because
 * events sent while the line was down are not replayed.
 */
export function useIdeaLive(ideaId: number, enabled: boolean, handlers: Handlers): void {
  const qc = useQueryClient()
  const latest = useRef(handlers)
  latest.current = handlers

  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return
    const { queryKey } = ideaQuery(ideaId)
    const source = new EventSource(api.api.live.$path({ query: { idea: String(ideaId) } }))
    let connected = false

    source.addEventListener('ready', () => {
      if (connected) void qc.invalidateQueries({ queryKey, exact: true })
      connected = true
    })
    source.addEventListener('votes', (event) => {
      const data = parse<{ ideaId: number; voteCount: number }>(event)
      if (!data || data.ideaId !== ideaId) return
      const current = qc.getQueryData(queryKey)?.idea
      if (!current || current.voteCount === data.voteCount) return
      qc.setQueryData(queryKey, (old) => old && { ...old, idea: { ...old.idea, voteCount: data.voteCount } })
      latest.current.onRemoteVotes(data.voteCount)
    })
    source.addEventListener('comments', (event) => {
      const data = parse<{ ideaId: number; commentCount: number }>(event)
      if (!data || data.ideaId !== ideaId) return
      const current = qc.getQueryData(queryKey)?.idea
      if (!current || current.commentCount === data.commentCount) return
      qc.setQueryData(queryKey, (old) => old && { ...old, idea: { ...old.idea, commentCount: data.commentCount } })
      latest.current.onComments()
    })
    source.addEventListener('notifications', (event) => {
      const data = parse<{ unread: number }>(event)
      if (data) latest.current.onNotifications(data.unread)
    })
    return () => source.close()
  }, [ideaId, enabled, qc])
}
