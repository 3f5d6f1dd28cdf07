import { SiteConfig } from '@meedenken/shared'
import { createRouter, jsonResponse, route } from '../../http/route'

const configRoute = route('public', {
  method: 'get',
  path: '/config',
  tags: ['Operations'],
  summary: 'What the web app needs to know about this installation',
  responses: { 200: jsonResponse(SiteConfig, 'The installation') },
})

export const siteRoutes = createRouter().openapi(configRoute, (c) =>
  c.json(
    {
      municipalityName: c.var.settings.municipalityName,
      devMailbox: c.var.settings.devMailbox,
      now: new Date(c.var.clock.now()).toISOString(),
    },
    200,
  ),
)
