import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, it } from 'vitest'
import { makeSessions, startServer } from './server-process'

it('on SIGTERM with requests in flight, each completes or is refused cleanly, and the process exits within 30 s', async () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'meedenken-shutdown-')), 'shutdown.db')
  let server = await startServer(file, 3403, { DEMO_DATA: '1' })
  server.process.kill('SIGTERM')
  await server.exited
  const [member] = makeSessions(file, 1)
  server = await startServer(file, 3403)

  // A live stream stays open by design; shutting down must end it rather than wait for ever.
  const live = await fetch(`${server.url}/api/live?idea=1`, { headers: { cookie: member?.cookie ?? '' } })
  const liveDone = live.body?.pipeTo(new WritableStream()).then(
    () => 'ended',
    () => 'ended',
  )
  const outcomes: string[] = []
  const inFlight = Array.from({ length: 60 }, async (_, i) => {
    const url = i % 3 === 0 ? '/api/open-data/ideas.json' : i % 3 === 1 ? '/api/ideas?sort=top' : '/api/ideas/1/vote'
    try {
      const res = await fetch(`${server.url}${url}`, {
        method: i % 3 === 2 ? 'PUT' : 'GET',
        headers: { cookie: member?.cookie ?? '' },
      })
      await res.arrayBuffer()
      outcomes.push(res.status < 500 ? 'completed' : `server error ${res.status}`)
    } catch {
      outcomes.push('refused') // connection closed before it was accepted: clean for a client to retry
    }
  })
  await new Promise((r) => setTimeout(r, 30))
  const started = Date.now()
  server.process.kill('SIGTERM')
  const code = await server.exited
  const seconds = (Date.now() - started) / 1000
  await Promise.all(inFlight)
  expect(await liveDone).toBe('ended')
  console.info(
    `shutdown: exit code ${code} after ${seconds.toFixed(1)} s; ${outcomes.filter((o) => o === 'completed').length} completed, ${outcomes.filter((o) => o === 'refused').length} refused`,
  )
  expect(code).toBe(0)
  expect(seconds).toBeLessThan(30)
  expect(outcomes.filter((o) => o.startsWith('server error'))).toEqual([])
  expect(outcomes.filter((o) => o === 'completed').length).toBeGreaterThan(0)
}, 120_000)
