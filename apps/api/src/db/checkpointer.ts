import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import type Database from 'better-sqlite3'
import type { Logger } from 'pino'

/** How often the background thread copies the write-ahead log into the database. */
const EVERY_MS = 100
/**
 * The request thread checkpoints only when the log grows past this many pages (about
 * 80 MB): a backstop for when the background thread falls behind or has stopped. By then
 * nearly every page is already copied, so even that checkpoint is short.
 */
const BACKSTOP_PAGES = 20_000

/**
 * The worker's whole program: its own connection, a PASSIVE checkpoint at each tick
 * (it never waits for the server's writes and never blocks them). Plain JavaScript in a
 * string, so it runs the same from the bundle, from tsx and in the tests.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.file)
db.pragma('busy_timeout = 5000')
db.pragma('wal_autocheckpoint = 0')
const tick = () => {
  try {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)')
    parentPort.postMessage({ ok: true, logPages: r.log, copiedPages: r.checkpointed })
  } catch (error) {
    parentPort.postMessage({ ok: false, message: String((error && error.message) || error) })
  }
}
const timer = setInterval(tick, workerData.everyMs)
parentPort.on('message', (m) => {
  if (m !== 'stop') return
  clearInterval(timer)
  db.close()
  parentPort.close()
})
`

export type CheckpointReport = { ok: true; logPages: number; copiedPages: number } | { ok: false; message: string }

export type Checkpointer = { stop: () => Promise<void> }

/**
 * Moves WAL checkpoints off the request thread (docs/decisions/013-background-checkpoints.md).
 * SQLite normally checkpoints inside the commit that fills the log past 1,000 pages, so a
 * vote now and then paid for copying the pages of the hundred votes before it; with 50
 * members voting at once that was a fifth of the server's time.
 */
export function startCheckpointer(
  client: Database.Database,
  logger: Logger,
  options: { everyMs?: number; onReport?: (report: CheckpointReport) => void } = {},
): Checkpointer {
  // An in-memory database has no log to copy.
  if (client.memory) return { stop: async () => {} }
  client.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`)
  const driver = createRequire(import.meta.url).resolve('better-sqlite3')
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file: client.name, driver, everyMs: options.everyMs ?? EVERY_MS },
  })
  // The server must be able to exit while the worker waits for its next tick.
  worker.unref()
  let running = true
  worker.on('message', (report: CheckpointReport) => {
    if (!report.ok) logger.warn({ error: report.message }, 'background checkpoint failed; will try again')
    options.onReport?.(report)
  })
  worker.on('error', (error) => logger.error({ error: String(error) }, 'checkpoint thread stopped'))
  worker.on('exit', () => {
    if (!running) return
    running = false
    // Without the thread, the request thread checkpoints as SQLite does by default.
    client.pragma('wal_autocheckpoint = 1000')
    logger.warn('checkpoint thread ended; checkpoints run in the request thread again')
  })
  return {
    stop: () =>
      new Promise((resolve) => {
        if (!running) return resolve()
        running = false
        worker.once('exit', () => resolve())
        worker.postMessage('stop')
      }),
  }
}
