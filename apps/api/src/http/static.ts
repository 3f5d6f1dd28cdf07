import { existsSync } from 'node:fs'
import path from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import type { MiddlewareHandler } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AppEnv } from './env'
import { createPageRenderer } from './render-page'
import { sendKept, type VisitorStore, visitorKey } from './visitor-cache'

const HTML_TYPE = 'text/html; charset=UTF-8'
const utf8 = new TextEncoder()

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
 * `api` answers the server-rendered page's data requests in this process; a visitor's
 * rendered page is kept in `visitors` until the data changes (decision 012).
 */
export function serveWebApp(
  webDist: string,
  api: (request: Request) => Response | Promise<Response>,
  visitors: VisitorStore,
): WebApp | null {
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
    // A visitor's page is the same for every visitor: rendering it costs tens of
    // milliseconds, answering it from memory well under one.
    const key = `page:${visitorKey(c)}`
    const seen = c.var.user ? null : visitors.version()
    const hit = c.var.user ? undefined : visitors.lookup(key)
    if (hit) {
      c.header('Cache-Control', 'private, no-cache')
      return sendKept(c, hit, HTML_TYPE)
    }
    const page = await renderPage(c)
    if (!page) return indexHtml(c, next)
    // Personal when signed in (the header, "you voted"): never stored. Either way it
    // depends on the session cookie; a visitor's, kept or not, may come gzipped.
    c.header('Cache-Control', c.var.user ? 'private, no-store' : 'private, no-cache')
    c.header('Vary', c.var.user ? 'Cookie' : 'Cookie, Accept-Encoding')
    if (seen !== null && page.status === 200) {
      const plain = utf8.encode(page.html)
      const entry = visitors.keep(key, plain, seen)
      if (entry) return sendKept(c, entry, HTML_TYPE, plain)
    }
    return c.html(page.html, page.status as ContentfulStatusCode)
  }
  return { list: [cacheHeader, list], files: [cacheHeader, files, clientRoutes] }
}
