import { DevMail } from '@meedenken/shared'
import { ApiError, MESSAGES } from '../../http/errors'
import { createRouter, jsonResponse, route } from '../../http/route'
import { latestMail } from '../../mail/outbox.data'

const listRoute = route('public', {
  method: 'get',
  path: '/mail',
  tags: ['Development'],
  summary: 'The latest 50 mails in the outbox; only when the development mailbox is switched on',
  responses: { 200: jsonResponse(DevMail, 'Latest mail first') },
})

/** Exists only when DEV_MAILBOX is on (the demo); otherwise it answers 404 like any unknown route. */
export const devMailRoutes = createRouter().openapi(listRoute, async (c) => {
  if (!c.var.settings.devMailbox) throw new ApiError('not_found', MESSAGES.notFound)
  const items = (await latestMail(c.var.db, 50)).map((m) => ({ ...m, createdAt: new Date(m.createdAt).toISOString() }))
  c.header('Cache-Control', 'private, no-store')
  return c.json({ items }, 200)
})
