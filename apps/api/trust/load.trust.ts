import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { expect, it } from 'vitest'
import { makeSessions, startServer } from './server-process'

const MEMBERS = 200
const SECONDS = Number(process.env.TRUST_LOAD_SECONDS ?? 60)

it(`${MEMBERS} members voting and un-voting for ${SECONDS} s: no 5xx, every count equals the votes table`, async () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'meedenken-load-')), 'load.db')
  let server = await startServer(file, 3401, { DEMO_DATA: '1' })
  server.process.kill('SIGTERM')
  await server.exited
  const cookies = makeSessions(file, MEMBERS).map((p) => p.cookie)
  server = await startServer(file, 3401)
  const open = new Database(file, { readonly: true })
  const ideaIds = (
    open.prepare("select id from ideas where status not in ('done','declined','merged')").all() as { id: number }[]
  ).map((r) => r.id)
  open.close()

  const statuses = new Map<number, number>()
  let requests = 0
  const end = Date.now() + SECONDS * 1000
  await Promise.all(
    cookies.map(async (cookie, i) => {
      let n = i
      while (Date.now() < end) {
        const idea = ideaIds[n++ % ideaIds.length]
        const res = await fetch(`${server.url}/api/ideas/${idea}/vote`, {
          method: n % 3 === 0 ? 'DELETE' : 'PUT',
          headers: { cookie },
        })
        await res.arrayBuffer()
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1)
        requests++
      }
    }),
  )
  server.process.kill('SIGTERM')
  expect(await server.exited).toBe(0)

  const db = new Database(file, { readonly: true })
  const wrong = db
    .prepare(
      'select id, vote_count, (select count(*) from votes where idea_id = ideas.id) as rows from ideas where vote_count != (select count(*) from votes where idea_id = ideas.id)',
    )
    .all()
  db.close()
  console.info(
    `load: ${requests} vote requests in ${SECONDS} s (${Math.round(requests / SECONDS)}/s), statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
  )
  expect([...statuses.keys()].filter((s) => s >= 500)).toEqual([])
  expect(wrong).toEqual([])
  expect(requests).toBeGreaterThan(MEMBERS)
}, 180_000)
