import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import type { MiddlewareHandler } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AppEnv } from './env'
import { sharedHtml } from './http-cache'
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
  // The build's files are known when the server starts (a deploy restarts it), so their
  // caching is decided before the file is served, not by changing the answer afterwards
  // (decision 017). Hashed assets never change; anything else is asked for again.
  const built = builtFiles(webDist)
  const cacheHeader: MiddlewareHandler<AppEnv> = (c, next) => {
    if (built.has(c.req.path)) {
      c.header('Cache-Control', c.req.path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache')
    } else if (!c.req.path.startsWith('/assets/')) {
      // index.html for a client-side route; a missing asset gets a plain 404.
      c.header('Cache-Control', 'no-cache')
    }
    return next()
  }
  const clientRoutes: MiddlewareHandler<AppEnv> = (c, next) =>
    c.req.path.startsWith('/assets/') ? next() : indexHtml(c, next)

  const renderPage = createPageRenderer(webDist, api)
  const list: MiddlewareHandler<AppEnv> = async (c, next) => {
    const page = await renderPage(c)
    if (!page) {
      // The plain shell (no server entry built): the same for everyone, asked for again.
      if (!c.var.user) c.header('Cache-Control', 'no-cache')
      return indexHtml(c, next)
    }
    // Personal when signed in (the header, "you voted"; private, no-store from the session);
    // a visitor's page is the same for every visitor: an ETag, and a proxy may keep it briefly.
    if (c.var.user) return c.html(page.html, page.status as ContentfulStatusCode)
    return sharedHtml(c, page.html, page.status)
  }
  return { list: [list], files: [cacheHeader, files, clientRoutes] }
}

/** Every file of the build as a URL path (`/assets/start-abc123.js`, `/favicon.svg`). */
function builtFiles(webDist: string): Set<string> {
  const paths = new Set<string>()
  for (const entry of readdirSync(webDist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const full = path.join(entry.parentPath, entry.name)
    paths.add(`/${path.relative(webDist, full).split(path.sep).join('/')}`)
  }
  return paths
}
