import { OpenAPIHono } from '@hono/zod-openapi'
import { accountabilityRoutes } from './features/accountability/accountability.routes'
import { authRoutes } from './features/accounts/auth.routes'
import { meRoutes } from './features/accounts/me.routes'
import { adminUserRoutes } from './features/admin-users/admin-users.routes'
import { administrationRoutes } from './features/administration/administration.routes'
import { campaignRoutes } from './features/campaigns/campaigns.routes'
import { catalogRoutes } from './features/catalog/catalog.routes'
import { commentRoutes } from './features/comments/comments.routes'
import { devMailRoutes } from './features/dev-mail/dev-mail.routes'
import { followRoutes } from './features/follows/follows.routes'
import { healthRoutes } from './features/health/health.routes'
import { ideaRoutes } from './features/ideas/ideas.routes'
import { statusRoutes } from './features/ideas/status.routes'
import { liveRoutes } from './features/live/live.routes'
import { mapRoutes } from './features/map/map.routes'
import { moderationRoutes } from './features/moderation/moderation.routes'
import { notificationRoutes } from './features/notifications/notifications.routes'
import { unsubscribeRoutes } from './features/notifications/unsubscribe.routes'
import { participationRoutes } from './features/participation/participation.routes'
import { photoRoutes } from './features/photos/photos.routes'
import { placeRoutes } from './features/places/places.routes'
import { satisfactionRoutes } from './features/satisfaction/satisfaction.routes'
import { siteRoutes } from './features/site/site.routes'
import { staffRoutes } from './features/staff/staff.routes'
import { voteRoutes } from './features/votes/votes.routes'
import { baseline } from './http/baseline'
import type { AppEnv, Deps } from './http/env'
import { notFound, onError, validationHook } from './http/errors'
import { requirePolicy } from './http/policy'
import { SERVER_RENDERED_PATHS } from './http/render-page'
import { checkOrigin, limitBodySize, refuseNulInQuery } from './http/security'
import { loadSession, personalAnswers } from './http/session'
import { serveWebApp } from './http/static'
import { themeStylesheet } from './http/theme'

function apiRoutes() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .route('/', healthRoutes)
    .route('/', catalogRoutes)
    .route('/', siteRoutes)
    .route('/ideas', ideaRoutes)
    .route('/ideas', voteRoutes)
    .route('/ideas', followRoutes)
    .route('/', mapRoutes)
    .route('/', placeRoutes)
    .route('/', commentRoutes)
    .route('/', photoRoutes)
    .route('/', statusRoutes)
    .route('/staff', staffRoutes)
    .route('/', moderationRoutes)
    .route('/', administrationRoutes)
    .route('/', satisfactionRoutes)
    .route('/', accountabilityRoutes)
    .route('/', campaignRoutes)
    .route('/', participationRoutes)
    .route('/', liveRoutes)
    .route('/', unsubscribeRoutes)
    .route('/me/notifications', notificationRoutes)
    .route('/auth', authRoutes)
    .route('/me', meRoutes)
    .route('/admin/users', adminUserRoutes)
    .route('/dev', devMailRoutes)
}

/**
 * Builds the whole application around the given dependencies. Tests call it with a
 * fresh database per file; the server calls it once with the real one.
 */
export function createApp(deps: Deps) {
  const root = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  const app = root
    // Every request, pages and files included: id, dependencies, protective headers, the
    // Host check (DNS rebinding) and the log line, in one step (decision 017).
    .use('*', baseline(deps))
    .use('/api/*', refuseNulInQuery, limitBodySize, checkOrigin(deps.settings), loadSession)
    // Who I am, my data, signing in and out: never kept by a cache, a visitor's answer neither.
    .use('/api/me/*', personalAnswers)
    .use('/api/auth/*', personalAnswers)
    .route('/api', apiRoutes())

  root.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'meedenken_session',
    description: 'Set by logging in; HttpOnly, so browsers send it and scripts cannot read it.',
  })
  app.get('/api/openapi.json', requirePolicy('public'), (c) =>
    c.json(
      root.getOpenAPI31Document({
        openapi: '3.1.0',
        info: {
          title: 'Meedenken API',
          version: '1.0.0',
          description:
            'Public API of Meedenken, the co-creation platform of the municipality of ' +
            `${deps.settings.municipalityName}. Read routes are open to everyone; lists use cursor pagination. ` +
            'Every error has the shape `{ "error": { "code", "message", "fields"? } }`.',
        },
      }),
    ),
  )
  app.all('/api/*', requirePolicy('public'), notFound)
  // RFC 9116: where to report a vulnerability. Expires a year ahead, so it never goes stale.
  app.get('/.well-known/security.txt', requirePolicy('public'), (c) => {
    const expires = new Date(deps.clock.now() + 365 * 86_400_000).toISOString()
    const canonical = deps.settings.publicUrl ? `Canonical: ${deps.settings.publicUrl}/.well-known/security.txt\n` : ''
    return c.text(
      `Contact: ${deps.settings.securityContact}\nExpires: ${expires}\nPreferred-Languages: nl, en\n${canonical}`,
    )
  })

  // The installation's theme (THEME): every page links it.
  app.get(
    '/theme.css',
    requirePolicy('public'),
    themeStylesheet(deps.settings.webDist, deps.settings.theme, deps.logger),
  )

  // The public pages are rendered on the server (decisions 011 and 020), with data read from
  // this app in-process; they need the session for the header and "you voted".
  const web = serveWebApp(deps.settings.webDist, (request) => app.request(request))
  if (web) {
    for (const page of SERVER_RENDERED_PATHS) app.get(page, requirePolicy('public'), loadSession, ...web.pages)
    // Every other address: a file of the build, else a page (the shell, or "not found" with a 404).
    app.get('*', requirePolicy('public'), ...web.files, loadSession, ...web.fallback)
  }
  app.notFound(notFound)
  app.onError(onError)
  return app
}

export type App = ReturnType<typeof createApp>
export type AppType = App
export type { RenderInput, RenderPage, RenderResult } from './http/render-page'
