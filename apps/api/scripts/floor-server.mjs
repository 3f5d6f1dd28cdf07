// The benchmark's floor (shared/BENCHMARKS.md, bench/README.md): a bare Hono app on
// @hono/node-server with one JSON route and nothing else. It lives in apps/api so it
// resolves exactly the API's versions of both packages; `pnpm bench` starts it with the
// production server's node flags (apps/api/node-flags.json) beside our server and
// measures it between the rows. Usage: node scripts/floor-server.mjs <port> (or PORT=…).
import { serve } from '@hono/node-server'
import { Hono } from 'hono'

const port = Number(process.argv[2] ?? process.env.PORT)
if (!Number.isInteger(port) || port <= 0) {
  process.stderr.write('usage: node scripts/floor-server.mjs <port>\n')
  process.exit(2)
}

const app = new Hono()
app.get('/api/health', (c) => c.json({ status: 'ok' }))

const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`floor listening on http://127.0.0.1:${info.port}\n`)
})

function stop() {
  server.close(() => process.exit(0))
  if ('closeAllConnections' in server) server.closeAllConnections()
}
process.once('SIGTERM', stop)
process.once('SIGINT', stop)
