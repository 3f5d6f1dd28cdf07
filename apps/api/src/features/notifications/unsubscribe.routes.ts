import { type Text, UnsubscribeBody } from '@meedenken/shared'
import { z } from 'zod'
import { ApiError, localeOf } from '../../http/errors'
import { createRouter, jsonResponse, route } from '../../http/route'
import { UNSUBSCRIBE_PURPOSE } from '../../notify/mail-notifications'
import { verifyFor } from '../../security/signing'
import { stopMail } from './notifications.data'

const TEXT = {
  done: {
    nl: 'U krijgt geen e-mail meer van Meedenken. In uw profiel kunt u dit altijd weer aanzetten.',
    en: 'You will no longer get e-mail from Meedenken. You can turn it back on in your profile at any time.',
  },
  invalid: {
    nl: 'Deze afmeldlink klopt niet. Gebruik de link uit de laatste e-mail, of wijzig het in uw profiel.',
    en: 'This unsubscribe link is not valid. Use the link from the latest e-mail, or change it in your profile.',
  },
} satisfies Record<string, Text>

const unsubscribeRoute = route('public', {
  method: 'post',
  path: '/unsubscribe',
  tags: ['Notifications'],
  summary: 'One-click unsubscribe with the signed link from a mail (RFC 8058; no body needed)',
  request: { query: UnsubscribeBody },
  responses: { 200: jsonResponse(z.object({ message: z.string() }), 'Unsubscribed') },
})

/** The signature ties the link to one person: it cannot be forged or used for anyone else. */
export const unsubscribeRoutes = createRouter().openapi(unsubscribeRoute, async (c) => {
  const { u, t } = c.req.valid('query')
  if (!(await verifyFor(c.var.db, UNSUBSCRIBE_PURPOSE, u, t))) {
    throw new ApiError('forbidden', TEXT.invalid)
  }
  await stopMail(c.var.db, u, c.var.clock.now())
  return c.json({ message: TEXT.done[localeOf(c)] }, 200)
})
