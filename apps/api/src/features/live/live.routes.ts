import { QueryId } from '@meedenken/shared'
import { z } from 'zod'
import { ApiError } from '../../http/errors'
import { createRouter, route } from '../../http/route'
import { ideaIsVisible } from '../../live/live.data'
import { clientNetwork } from '../../security/client-ip'
import { unreadCount } from '../notifications/notifications.data'

/** A refused browser waits this long before it tries again (and polls meanwhile). */
const RETRY_AFTER_S = 30
/** A comment line this often keeps proxies from closing a quiet stream. */
const HEARTBEAT_MS = 25_000
/** Events a browser may leave unread before its stream is closed. */
const MAX_UNREAD = 100

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
    request: { query: z.object({ idea: QueryId.optional() }) },
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

/** One event in the text/event-stream format. */
function sse(event: string, data: unknown, id?: number): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n${id === undefined ? '' : `id: ${id}\n`}\n`
}

const encoder = new TextEncoder()

export const liveRoutes = createRouter().openapi(liveRoute, async (c) => {
  const ideaId = c.req.valid('query').idea ?? null
  const user = c.var.user
  const { live, db } = c.var
  // As GET /api/ideas/{id}: no stream for an idea that page would not show.
  if (ideaId !== null && !(await ideaIsVisible(db, ideaId))) throw new ApiError('not_found', TEXT.notFound)

  // The stream is a bare ReadableStream the hub writes into as events come: no queue, no
  // loop, no TransformStream per connection (hono's streamSSE held about 40 KB a stream).
  let line: ReadableStreamDefaultController<Uint8Array> | null = null
  let heartbeat: NodeJS.Timeout | undefined
  /** Ends the stream: after what is written (close), or at once, dropping the connection (error). */
  const end = (how: 'close' | 'error' = 'close') => {
    clearInterval(heartbeat)
    if (admission.ok) admission.unsubscribe()
    try {
      if (how === 'close') line?.close()
      else line?.error(new Error('the browser stopped reading'))
    } catch {
      // already closed by the browser
    }
    line = null
  }
  const write = (text: string) => {
    if (!line) return
    // A browser that stopped reading while events pile up is let go; it reconnects when it reads again.
    if ((line.desiredSize ?? 0) < -MAX_UNREAD) return end('error')
    line.enqueue(encoder.encode(text))
  }
  const admission = await live.subscribe({
    ideaId,
    userId: user?.id ?? null,
    sessionId: user?.sessionId ?? null,
    // A member's tabs are one client wherever they are; a visitor is their address (an IPv6 /64).
    client: user ? `user:${user.id}` : `ip:${clientNetwork(c)}`,
    send: async (event) => {
      if (event.kind === 'notifications' && user) {
        write(sse('notifications', { unread: await unreadCount(db, user.id) }, event.id))
      } else if (event.kind === 'votes') {
        write(sse('votes', { ideaId: event.ideaId, voteCount: event.value }, event.id))
      } else if (event.kind === 'comments') {
        write(sse('comments', { ideaId: event.ideaId, commentCount: event.value }, event.id))
      }
    },
    close: (reason) => {
      // The browser must not reconnect with the old session in mind: it closes on this.
      if (reason === 'session') write(sse('end', { reason: 'session' }))
      end()
    },
  })
  if (!admission.ok) {
    throw new ApiError('unavailable', admission.full === 'client' ? TEXT.clientFull : TEXT.processFull, {
      headers: { 'Retry-After': String(RETRY_AFTER_S) },
    })
  }

  const body = new ReadableStream<Uint8Array>({
    start: async (controller) => {
      line = controller
      write(`retry: 3000\n${sse('ready', {})}`)
      if (user) write(sse('notifications', { unread: await unreadCount(db, user.id) }))
      // A comment line now and then keeps proxies from closing a quiet stream.
      heartbeat = setInterval(() => write(': keep-alive\n\n'), HEARTBEAT_MS)
      heartbeat.unref()
    },
    // The browser left (or its connection broke).
    cancel: () => {
      line = null
      end()
    },
  })
  // A stream has no JSON value type; the route above documents the events.
  return c.body(body, 200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'private, no-store',
    'X-Accel-Buffering': 'no', // nginx: pass events through at once
  }) as never
})
