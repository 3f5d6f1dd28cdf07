import { existsSync } from 'node:fs'
import path from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from './env'

/**
 * Serves the built web app: hashed assets cached for a year, everything else (index.html
 * and client-side routes) never cached, so a deploy shows at once. A missing asset is a
 * 404, never index.html: an old page asking for an old file must not cache the wrong one.
 */
export function serveWebApp(webDist: string): MiddlewareHandler<AppEnv>[] | null {
  if (!existsSync(path.join(webDist, 'index.html'))) return null
  const files = serveStatic<AppEnv>({ root: webDist })
  const indexHtml = serveStatic<AppEnv>({ root: webDist, rewriteRequestPath: () => '/index.html' })
  const cacheHeader: MiddlewareHandler<AppEnv> = async (c, next) => {
    await next()
    if (c.res.status !== 200) return
    const hashed = c.req.path.startsWith('/assets/')
    c.res.headers.set('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache')
  }
  const clientRoutes: MiddlewareHandler<AppEnv> = (c, next) =>
    c.req.path.startsWith('/assets/') ? next() : indexHtml(c, next)
  return [cacheHeader, files, clientRoutes]
}
