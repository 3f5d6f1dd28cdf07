import type { Server } from 'node:http'
import { serve } from '@hono/node-server'
import { createApp } from './app'
import { startCheckpointer } from './db/checkpointer'
import { loadDemoData } from './db/demo/load-demo'
import { engine } from './db/engine'
import { closeDatabase, openConfiguredDatabase } from './db/open'
import { clockFor } from './http/env'
import { startBackgroundJobs } from './jobs'
import { LiveHub } from './live/live-hub'
import { createLogger } from './logger'
import { readSettings } from './settings'
import { ensureStats } from './stats/rebuild'

const settings = readSettings()
const logger = createLogger(settings)
const db = await openConfiguredDatabase(settings)
const clock = clockFor(settings)
if (settings.clockStart !== null)
  logger.warn({ now: new Date(clock.now()).toISOString() }, 'the clock starts at a chosen moment')
logger.info(
  { engine, database: settings.databaseUrl ? new URL(settings.databaseUrl).host : settings.databasePath },
  'database ready (migrations applied)',
)

if (settings.demoData) {
  const result = await loadDemoData(db, clock)
  logger.info(result.loaded ? 'demo data loaded' : 'demo data already present, left as is')
}
if (await ensureStats(db)) logger.info('scorecard counters rebuilt from the data')
// SQLite's write-ahead log needs checkpoints; PostgreSQL does its own.
const checkpointer = engine === 'sqlite' ? startCheckpointer(db.$client, logger) : null

const deps = { db, settings, logger, clock, live: new LiveHub(db, logger) }
const app = createApp(deps)
const stopJobs = startBackgroundJobs(deps)
const server = serve({ fetch: app.fetch, port: settings.port, hostname: settings.host }, (info) => {
  const url = settings.publicUrl ?? `http://${info.address === '127.0.0.1' ? 'localhost' : info.address}:${info.port}`
  logger.info({ url }, 'Meedenken is listening')
  printBanner(url)
})

// Keep idle keep-alive connections longer than the 5 s default, and longer than a proxy's
// own idle timeout (nginx, cloud load balancers: 60 s), so the server is never the side that
// closes a connection at the moment a request arrives on it (the client sees "other side
// closed"; seen in the load trust run on a busy host).
const http1 = server as Server
http1.keepAliveTimeout = 75_000
http1.headersTimeout = 76_000

function printBanner(url: string): void {
  if (!process.stdout.isTTY && !process.env.MEEDENKEN_BANNER) return
  const lines = [
    '',
    `  Meedenken draait op ${url}`,
    ...(settings.demoData
      ? [
          '',
          '  Demo-accounts (wachtwoord voor allemaal: meedenken-demo):',
          '    medewerker  medewerker@midden-groningen.example',
          '    beheerder   beheerder@midden-groningen.example',
          '    inwoner     inwoner@midden-groningen.example',
        ]
      : []),
    ...(settings.devMailbox
      ? ['', `  LET OP: de ontwikkel-mailbox staat aan (${url}/dev/mail). Niet gebruiken in productie.`]
      : []),
    '',
  ]
  process.stdout.write(`${lines.join('\n')}\n`)
}

/**
 * Graceful stop: refuse new connections, let requests in flight finish, close the
 * database cleanly (checkpointing the WAL), and give up after 25 s.
 */
function shutdown(signal: string): void {
  logger.info({ signal }, 'shutting down')
  const force = setTimeout(() => {
    logger.error('requests did not finish in time; exiting')
    process.exit(1)
  }, 25_000)
  force.unref()
  const jobsStopped = stopJobs()
  // Live streams would keep connections open for ever: end them so the server can close.
  deps.live.stop()
  server.close(async () => {
    await jobsStopped
    await checkpointer?.stop()
    await closeDatabase(db)
    logger.info('stopped')
    process.exit(0)
  })
  if ('closeIdleConnections' in server) server.closeIdleConnections()
  // Keep-alive connections that stay quiet are closed after the requests in flight had time.
  setTimeout(() => {
    if ('closeAllConnections' in server) server.closeAllConnections()
  }, 10_000).unref()
}

process.once('SIGTERM', () => shutdown('SIGTERM'))
process.once('SIGINT', () => shutdown('SIGINT'))
