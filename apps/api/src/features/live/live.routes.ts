import { streamSSE } from 'hono/streaming'
import { z } from 'zod'
import { ApiError } from '../../http/errors'
import { createRouter, route } from '../../http/route'
import type { LiveEvent } from '../../live/live.data'
import { ideaIsVisible } from '../../live/live.data'
import type { EndReason } from '../../live/live-hub'
import { clientIp } from '../../security/client-ip'
import { unreadCount } from '../notifications/notifications.data'

/** A refused browser waits this long before it tries again (and polls meanwhile). */
const RETRY_AFTER_S = 30
/** A comment line this often keeps proxies from closing a quiet stream. */
const HEARTBEAT_MS = 25_000

const TEXT = {
  notFound: { nl: 'Dit idee bestaat niet (meer).', en: 'This idea does not exist (any more).' },
  processFull: {
    nl: 'Er zijn nu te veel live-verbindingen met deze server. Probeer het over een halve minuut opnieuw.',
    en: 'This server has too many live connections right now. Please try again in half a minute.',
  },
  clientFull: {
    nl: "U hebt al veel pagina's met live-updates open. Sluit er een paar, of probeer het over een halve minuut opnieuw.",
    en: 'You already have many pages with live updates open. Close a few, or try again in half a minute.',
  },
}

const liveRoute = route(
  'public',
  {
    method: 'get',
    path: '/live',
    tags: ['Live'],
    summary: 'Server-sent events: vote and comment counts of one idea, and my unread notifications',
    description:
      'One stream per browser tab. A member\'s stream ends with an `end` event {reason: "session"} when their ' +
      'session ends (logout, block, role change, account deletion). Each process keeps a limited number of ' +
      "streams open, in total and per client (a member, or a visitor's address); above it the answer is 503 " +
      'with Retry-After, and a client should poll instead until then.',
    request: { query: z.object({ idea: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional() }) },
    responses: {
      200: {
        description:
          'An event stream: `votes` {ideaId, voteCount}, `comments` {ideaId, commentCount}, `notifications` {unread}, `end` {reason}',
        content: { 'text/event-stream': { schema: z.string() } },
      },
    },
  },
  { errors: [404, 503] },
)

export const liveRoutes = createRouter().openapi(liveRoute, (c) => {
  const ideaId = c.req.valid('query').idea ?? null
  const user = c.var.user
  const { live, db } = c.var
  // As GET /api/ideas/{id}: no stream for an idea that page would not show.
  if (ideaId !== null && !ideaIsVisible(db, ideaId)) throw new ApiError('not_found', TEXT.notFound)

  const queue: LiveEvent[] = []
  let wake: (() => void) | null = null
  let ended: EndReason | 'gone' | null = null
  const admission = live.subscribe({
    ideaId,
    userId: user?.id ?? null,
    sessionId: user?.sessionId ?? null,
    // A member's tabs are one client wherever they are; a visitor is their address.
    client: user ? `user:${user.id}` : `ip:${clientIp(c)}`,
    send: (event) => {
      queue.push(event)
      wake?.()
    },
    close: (reason) => {
      ended ??= reason
      wake?.()
    },
  })
  if (!admission.ok) {
    throw new ApiError('unavailable', admission.full === 'client' ? TEXT.clientFull : TEXT.processFull, {
      headers: { 'Retry-After': String(RETRY_AFTER_S) },
    })
  }

  c.header('X-Accel-Buffering', 'no') // nginx: pass events through at once
  // A stream has no JSON value type; the route above documents the events.
  return streamSSE(c, async (stream) => {
    stream.onAbort(() => {
      ended ??= 'gone'
      admission.unsubscribe()
      wake?.()
    })
    try {
      await stream.writeSSE({ event: 'ready', data: '{}', retry: 3000 })
      if (user)
        await stream.writeSSE({ event: 'notifications', data: JSON.stringify({ unread: unreadCount(db, user.id) }) })
      while (ended === null) {
        const event = queue.shift()
        if (!event) {
          // Wait for an event, or send a heartbeat comment so proxies keep the line open.
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, HEARTBEAT_MS)
            wake = () => {
              clearTimeout(timer)
              resolve()
            }
          })
          wake = null
          if (ended === null && queue.length === 0) await stream.write(': keep-alive\n\n')
          continue
        }
        if (event.kind === 'notifications' && user) {
          await stream.writeSSE({
            event: 'notifications',
            data: JSON.stringify({ unread: unreadCount(db, user.id) }),
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
      // The browser must not reconnect with the old cookie's stream in mind: it closes on this.
      if (ended === 'session') await stream.writeSSE({ event: 'end', data: JSON.stringify({ reason: 'session' }) })
    } finally {
      admission.unsubscribe()
    }
  }) as never
})
