import { Cursor, NotificationPage, PageLimit } from '@meedenken/shared'
import { z } from 'zod'
import { decodeIdCursor } from '../../http/cursor'
import { localeOf } from '../../http/errors'
import { signedIn } from '../../http/policy'
import { createRouter, jsonBody, jsonResponse, route } from '../../http/route'
import { listNotifications, markRead } from './notifications.data'

const BAD_CURSOR = { nl: 'Laad de meldingen opnieuw.', en: 'Please load the notifications again.' }

const listRoute = route('member', {
  method: 'get',
  path: '/',
  tags: ['Notifications'],
  summary: 'My notifications, newest first, with the unread count',
  request: { query: z.object({ cursor: Cursor.optional(), limit: PageLimit }) },
  responses: { 200: jsonResponse(NotificationPage, 'A page of notifications') },
})

const readRoute = route('member', {
  method: 'post',
  path: '/read',
  tags: ['Notifications'],
  summary: 'Mark notifications as read (all when no ids are given)',
  request: { body: jsonBody(z.object({ ids: z.array(z.number().int().positive()).max(100).optional() })) },
  responses: { 204: { description: 'Marked' } },
})

export const notificationRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    const query = c.req.valid('query')
    const beforeId = decodeIdCursor(query.cursor, BAD_CURSOR)
    const page = await listNotifications(c.var.db, signedIn(c).id, beforeId, query.limit, localeOf(c))
    return c.json(
      {
        items: page.items,
        unread: page.unread,
        nextCursor: page.nextBeforeId === null ? null : String(page.nextBeforeId),
      },
      200,
    )
  })
  .openapi(readRoute, async (c) => {
    await markRead(c.var.db, signedIn(c).id, c.req.valid('json').ids ?? 'all', c.var.clock.now())
    return c.body(null, 204)
  })
