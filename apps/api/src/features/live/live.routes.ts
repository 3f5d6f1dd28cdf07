import { streamSSE } from 'hono/streaming'
import { z } from 'zod'
import { createRouter, route } from '../../http/route'
import type { LiveEvent } from '../../live/live.data'
import { unreadCount } from '../notifications/notifications.data'

const liveRoute = route('public', {
  method: 'get',
  path: '/live',
  tags: ['Live'],
  summary: 'Server-sent events: vote and comment counts of one idea, and my unread notifications',
  request: { query: z.object({ idea: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional() }) },
  responses: {
    200: {
      description:
        'An event stream: `votes` {ideaId, voteCount}, `comments` {ideaId, commentCount}, `notifications` {unread}',
      content: { 'text/event-stream': { schema: z.string() } },
    },
  },
})

export const liveRoutes = createRouter().openapi(liveRoute, (c) => {
  const ideaId = c.req.valid('query').idea ?? null
  const userId = c.var.user?.id ?? null
  const { live, db } = c.var
  c.header('Cache-Control', 'no-store')
  c.header('X-Accel-Buffering', 'no') // nginx: pass events through at once
  // A stream has no JSON value type; the route above documents the events.
  return streamSSE(c, async (stream) => {
    const queue: LiveEvent[] = []
    let wake: (() => void) | null = null
    let open = true
    const unsubscribe = live.subscribe({
      ideaId,
      userId,
      send: (event) => {
        queue.push(event)
        wake?.()
      },
      close: () => {
        open = false
        wake?.()
      },
    })
    stream.onAbort(() => {
      open = false
      unsubscribe()
      wake?.()
    })
    await stream.writeSSE({ event: 'ready', data: '{}', retry: 3000 })
    if (userId !== null)
      await stream.writeSSE({ event: 'notifications', data: JSON.stringify({ unread: unreadCount(db, userId) }) })
    while (open) {
      const event = queue.shift()
      if (!event) {
        // Wait for an event, or send a heartbeat comment every 25 s so proxies keep the line open.
        await new Promise<void>((resolve) => {
          wake = resolve
          setTimeout(resolve, 25_000).unref()
        })
        wake = null
        if (open && queue.length === 0) await stream.write(': keep-alive\n\n')
        continue
      }
      if (event.kind === 'notifications' && userId !== null) {
        await stream.writeSSE({
          event: 'notifications',
          data: JSON.stringify({ unread: unreadCount(db, userId) }),
          id: String(event.id),
        })
      } else if (event.kind === 'votes') {
        await stream.writeSSE({
          event: 'votes',
          data: JSON.stringify({ ideaId: event.ideaId, voteCount: event.value }),
          id: String(event.id),
        })
      } else if (event.kind === 'comments') {
        await stream.writeSSE({
          event: 'comments',
          data: JSON.stringify({ ideaId: event.ideaId, commentCount: event.value }),
          id: String(event.id),
        })
      }
    }
  }) as never
})
