import { existsSync } from 'node:fs'
import path from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import type { MiddlewareHandler } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AppEnv } from './env'
import { createPageRenderer } from './render-page'

export type WebApp = {
  /** The idea list (`/`): rendered on the server when its bundle is built, else the shell. */
  list: MiddlewareHandler<AppEnv>[]
  /** Hashed assets, other files, and the shell for every other client-side route. */
  files: MiddlewareHandler<AppEnv>[]
}

/**
 * Serves the built web app: hashed assets cached for a year, everything else (index.html
 * and client-side routes) never cached, so a deploy shows at once. A missing asset is a
 * 404, never index.html: an old page asking for an old file must not cache the wrong one.
 * `api` answers the server-rendered page's data requests in this process.
 */
export function serveWebApp(webDist: string, api: (request: Request) => Response | Promise<Response>): WebApp | null {
  if (!existsSync(path.join(webDist, 'index.html'))) return null
  const files = serveStatic<AppEnv>({ root: webDist })
  const indexHtml = serveStatic<AppEnv>({ root: webDist, rewriteRequestPath: () => '/index.html' })
  const cacheHeader: MiddlewareHandler<AppEnv> = async (c, next) => {
    await next()
    if (c.res.status !== 200) return
    // A server-rendered page sets its own (it may be personal).
    if (c.res.headers.has('Cache-Control')) return
    const hashed = c.req.path.startsWith('/assets/')
    c.res.headers.set('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache')
  }
  const clientRoutes: MiddlewareHandler<AppEnv> = (c, next) =>
    c.req.path.startsWith('/assets/') ? next() : indexHtml(c, next)

  const renderPage = createPageRenderer(webDist, api)
  const list: MiddlewareHandler<AppEnv> = async (c, next) => {
    const page = await renderPage(c)
    if (!page) return indexHtml(c, next)
    // Personal when signed in (the header, "you voted"): never stored. Either way it
    // depends on the session and language cookies.
    c.header('Cache-Control', c.var.user ? 'private, no-store' : 'private, no-cache')
    c.header('Vary', 'Cookie')
    return c.html(page.html, page.status as ContentfulStatusCode)
  }
  return { list: [cacheHeader, list], files: [cacheHeader, files, clientRoutes] }
}
