import { existsSync } from 'node:fs'
import path from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from './env'

/**
 * Serves the built web app: hashed assets cached for a year, everything else
 * (client-side routes) answered with index.html, never cached, so a deploy shows at once.
 */
export function serveWebApp(webDist: string): MiddlewareHandler<AppEnv>[] | null {
  if (!existsSync(path.join(webDist, 'index.html'))) return null
  const files = serveStatic<AppEnv>({
    root: webDist,
    onFound: (filePath, c) => {
      const hashed = filePath.includes(`${path.sep}assets${path.sep}`)
      c.header('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache')
    },
  })
  const indexHtml = serveStatic<AppEnv>({
    root: webDist,
    rewriteRequestPath: () => '/index.html',
    onFound: (_p, c) => {
      c.header('Cache-Control', 'no-cache')
    },
  })
  return [files, indexHtml]
}
