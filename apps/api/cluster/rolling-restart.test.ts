import { expect, it } from 'vitest'
import {
  accessLogSize,
  call,
  cluster,
  clusterScript,
  DEMO_PASSWORD,
  DEMO_STAFF,
  logIn,
  openDatabase,
  processes,
  signUpMembers,
  upstreamCounts,
  votableIdeas,
} from './cluster-client'
import { startTraffic } from './traffic'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

it('a rolling restart, SIGTERM one process at a time, fails no request', async () => {
  const { url, stateFile } = cluster()
  const staffCookie = await logIn(url, DEMO_STAFF, DEMO_PASSWORD)
  const members = await signUpMembers(20, 'rol')
  const ideas = await votableIdeas(members[0]?.cookie ?? '', 8)
  const tag = `roll-${Date.now().toString(36)}`
  const pidsBefore = processes().map((p) => p.pid)
  const logFrom = accessLogSize()
  const traffic = startTraffic({ tag, staffCookie, members, ideas })
  await sleep(1_000)

  // The procedure `pnpm cluster` runs on SIGUSR2 (and README describes): per process, out of
  // nginx's rotation, SIGTERM, back and ready, into the rotation again.
  const took = await (await clusterScript()).rollingRestart(stateFile)
  await sleep(1_000)
  const report = await traffic.stop()
  const served = upstreamCounts(logFrom)

  for (const p of processes()) {
    expect(p.pid, `process ${p.index + 1} was started again`).not.toBe(pidsBefore[p.index])
    expect((await call(p.url, '/api/health')).status).toBe(200)
    expect((await call(p.url, '/api/ready')).status).toBe(200)
  }
  const db = await openDatabase()
  const notes = new Set(
    (await db.query<{ body: string }>('select body from idea_notes where body like ?', [`${tag}-%`])).map(
      (r) => r.body,
    ),
  )
  await db.close()
  const lost = report.acknowledged.notes.filter((n) => !notes.has(n.body))
  console.info(
    `rolling restart: ${report.requests} requests through nginx (reads, votes, notes) while each process in turn was taken out of nginx, ` +
      `stopped with SIGTERM and started again (out for ${took.map((t) => `${t.ms} ms`).join(', ')}); failed ${report.failures.length}; ` +
      `writes acknowledged ${report.acknowledged.notes.length + report.acknowledged.votes}, lost ${lost.length}; ` +
      `per process: ${[...served.entries()].map(([a, n]) => `${a.split(':').at(-1)} ${n}`).join(', ')}`,
  )
  expect(report.failures).toEqual([])
  expect(lost).toEqual([])
  expect(report.requests).toBeGreaterThan(500)
})
