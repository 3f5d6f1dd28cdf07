import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import http from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { expect, it } from 'vitest'
import { LIVE_LIMITS } from '../src/live/live-hub'
import { makeSessions, type RunningServer, startServer } from './server-process'

const ATTEMPTS = Number(process.env.TRUST_LIVE_STREAMS ?? 3000)
const PER_ADDRESS = 10 // more than the per-client cap, so both caps are reached
const WAVE = 100 // attempts in flight at once
const probeScript = fileURLToPath(new URL('./heap-probe.cjs', import.meta.url))

type Memory = { seq: number; heapUsed: number; rss: number; heapLimit: number }
type Outcome =
  | { status: 200; ip: string; close: () => void; ended: () => boolean }
  | { status: number; ip: string; retryAfter?: string; code?: string; error?: string }

/** Asks the heap probe inside the server for its memory after a full garbage collection. */
async function memory(server: RunningServer, file: string): Promise<Memory> {
  const before = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Memory).seq : 0
  server.process.kill('SIGUSR2')
  const deadline = Date.now() + 10_000
  for (;;) {
    if (existsSync(file)) {
      const read = JSON.parse(readFileSync(file, 'utf8')) as Memory
      if (read.seq > before) return read
    }
    if (server.process.exitCode !== null || server.process.signalCode !== null)
      throw new Error(`the server died (${server.process.exitCode ?? server.process.signalCode})`)
    if (Date.now() > deadline) throw new Error('the heap probe did not answer')
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** One GET /api/live on its own connection, as a browser would open it; a 200 stays open. */
function openStream(url: string, ip: string, cookie?: string): Promise<Outcome> {
  return new Promise((resolve) => {
    let ended = false
    const headers: Record<string, string> = { 'x-forwarded-for': ip }
    if (cookie) headers.cookie = cookie
    const req = http.get(url, { agent: false, headers }, (res) => {
      res.setEncoding('utf8')
      let text = ''
      if (res.statusCode !== 200) {
        res.on('data', (chunk: string) => {
          text += chunk
        })
        res.on('end', () => {
          let code: string | undefined
          try {
            code = (JSON.parse(text) as { error: { code: string } }).error.code
          } catch {
            code = undefined
          }
          resolve({ status: res.statusCode ?? 0, ip, retryAfter: res.headers['retry-after'], code })
        })
        return
      }
      let ready = false
      res.on('data', (chunk: string) => {
        if (ready) return
        text += chunk
        if (!text.includes('event: ready')) return
        ready = true
        resolve({ status: 200, ip, close: () => req.destroy(), ended: () => ended })
      })
      res.on('close', () => {
        ended = true
        if (!ready) resolve({ status: 200, ip, error: 'ended before ready', code: 'no-ready' })
      })
    })
    req.on('error', (error) => resolve({ status: 0, ip, error: error.message }))
    req.setTimeout(20_000, () => req.destroy(new Error('no answer in 20 s')))
  })
}

/** GET /api/health every 50 ms: the slowest answer and any failure while it runs. */
function watchHealth(url: string) {
  let running = true
  let slowest = 0
  let count = 0
  const failures: string[] = []
  const done = (async () => {
    while (running) {
      const started = performance.now()
      try {
        const res = await fetch(`${url}/api/health`)
        await res.arrayBuffer()
        if (res.status !== 200) failures.push(`status ${res.status}`)
      } catch (error) {
        failures.push(String(error))
      }
      slowest = Math.max(slowest, performance.now() - started)
      count++
      await new Promise((r) => setTimeout(r, 50))
    }
  })()
  return {
    stop: async () => {
      running = false
      await done
      return { slowest, count, failures }
    },
  }
}

async function healthTime(url: string): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < 20; i++) {
    const started = performance.now()
    const res = await fetch(`${url}/api/health`)
    await res.arrayBuffer()
    expect(res.status).toBe(200)
    times.push(performance.now() - started)
  }
  return times.sort((a, b) => a - b)[10] ?? 0
}

it(`${ATTEMPTS} live streams from ${ATTEMPTS / PER_ADDRESS} addresses against the production server: the caps refuse the rest with 503, the process stays up and answers`, async () => {
  const started = Date.now()
  const dir = mkdtempSync(path.join(tmpdir(), 'meedenken-live-'))
  const file = path.join(dir, 'live.db')
  const probeFile = path.join(dir, 'memory.json')
  const server = await startServer(file, 3404, {
    DEMO_DATA: '1',
    TRUST_PROXY: '1',
    NODE_OPTIONS: `--require ${probeScript}`,
    HEAP_PROBE_FILE: probeFile,
  })
  const lookup = new Database(file, { readonly: true })
  const { id: ideaId } = lookup.prepare('select id from ideas where hidden = 0 order by id limit 1').get() as {
    id: number
  }
  lookup.close()
  const [member] = makeSessions(file, 1)
  const live = `${server.url}/api/live`

  // Warm up the paths a stream takes, then the baseline.
  for (const s of await Promise.all(Array.from({ length: 20 }, (_, i) => openStream(live, `10.255.0.${i}`)))) {
    if ('close' in s) s.close()
  }
  await new Promise((r) => setTimeout(r, 300))
  const base = await memory(server, probeFile)
  const calmHealth = await healthTime(server.url)

  const health = watchHealth(server.url)
  const outcomes: Outcome[] = []
  for (let from = 0; from < ATTEMPTS; from += WAVE) {
    const wave = Array.from({ length: Math.min(WAVE, ATTEMPTS - from) }, (_, k) => {
      const n = from + k
      const ip = `10.${Math.floor(n / PER_ADDRESS / 250)}.${Math.floor(n / PER_ADDRESS) % 250}.1`
      // Every other stream watches an idea, the way an idea page opens one.
      return openStream(n % 2 === 0 ? `${live}?idea=${ideaId}` : live, ip)
    })
    outcomes.push(...(await Promise.all(wave)))
  }
  // A member's tab, refused like anyone else while the process is full.
  const memberTab = await openStream(live, '10.254.0.1', member?.cookie)
  const during = await health.stop()
  const loaded = await memory(server, probeFile)
  const calmLoaded = await healthTime(server.url)

  const open = outcomes.filter((o): o is Extract<Outcome, { close: () => void }> => 'close' in o)
  const refused = outcomes.filter((o) => o.status === 503)
  const other = outcomes.filter((o) => !('close' in o) && o.status !== 503)
  const perAddress = new Map<string, number>()
  for (const o of open) perAddress.set(o.ip, (perAddress.get(o.ip) ?? 0) + 1)
  const mb = (n: number) => `${(n / 1_048_576).toFixed(1)} MB`
  const report = [
    `live streams: ${ATTEMPTS} attempts, ${open.length} open, ${refused.length} refused with 503, ${other.length} otherwise`,
    `heap ${mb(base.heapUsed)} before, ${mb(loaded.heapUsed)} with ${open.length} streams open: ${((loaded.heapUsed - base.heapUsed) / open.length / 1024).toFixed(1)} KB a stream; limit ${mb(loaded.heapLimit)}`,
    `rss ${mb(base.rss)} before, ${mb(loaded.rss)} with the streams open`,
    `health: median ${calmHealth.toFixed(1)} ms before, slowest ${during.slowest.toFixed(0)} ms of ${during.count} while ${ATTEMPTS} streams were asked for, median ${calmLoaded.toFixed(1)} ms with ${open.length} open`,
  ]
  console.info(report.join('\n'))

  expect(other.slice(0, 5)).toEqual([])
  expect(open.length).toBe(LIVE_LIMITS.total)
  expect(Math.max(...perAddress.values())).toBeLessThanOrEqual(LIVE_LIMITS.perClient)
  expect(refused.length).toBe(ATTEMPTS - LIVE_LIMITS.total)
  expect(refused.filter((o) => 'retryAfter' in o && Number(o.retryAfter) > 0 && o.code === 'unavailable').length).toBe(
    refused.length,
  )
  expect(memberTab.status).toBe(503)
  expect(open.filter((o) => o.ended())).toEqual([])
  // During the burst a health check waits behind at most one wave of requests; with the
  // streams open (and after) it is as fast as before.
  expect(during.failures).toEqual([])
  expect(during.slowest).toBeLessThan(3000)
  expect(calmLoaded).toBeLessThan(Math.max(50, calmHealth * 5))
  expect(server.process.exitCode).toBeNull()
  expect(loaded.heapUsed).toBeLessThan(loaded.heapLimit * 0.6)

  // Closed streams give their places back; the server is as fast as before.
  for (const o of open) o.close()
  await new Promise((r) => setTimeout(r, 500))
  const again = await Promise.all(
    Array.from({ length: LIVE_LIMITS.perClient }, () => openStream(live, '10.253.0.1', member?.cookie)),
  )
  expect(again.map((o) => o.status)).toEqual(again.map(() => 200))
  for (const o of again) if ('close' in o) o.close()
  await new Promise((r) => setTimeout(r, 300))
  const after = await memory(server, probeFile)
  const calmAfter = await healthTime(server.url)
  expect(calmAfter).toBeLessThan(Math.max(50, calmHealth * 5))

  server.process.kill('SIGTERM')
  expect(await server.exited).toBe(0)
  console.info(
    `live streams, after closing them: heap ${mb(after.heapUsed)}, rss ${mb(after.rss)}, health median ${calmAfter.toFixed(1)} ms; run took ${((Date.now() - started) / 1000).toFixed(1)} s`,
  )
}, 120_000)
