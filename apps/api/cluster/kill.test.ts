import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import {
  accessLogSize,
  call,
  cluster,
  DEMO_PASSWORD,
  DEMO_STAFF,
  logIn,
  openDatabase,
  processes,
  signUpMembers,
  votableIdeas,
  waitFor,
  waitForRestart,
} from './cluster-client'
import { startTraffic } from './traffic'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

it('kill -9 of one process during writes: nginx keeps serving, no acknowledged write is lost, the process comes back', async () => {
  const { url } = cluster()
  const staffCookie = await logIn(url, DEMO_STAFF, DEMO_PASSWORD)
  const members = await signUpMembers(30, 'kill')
  const ideas = await votableIdeas(members[0]?.cookie ?? '', 8)
  const tag = `kill-${Date.now().toString(36)}`
  const traffic = startTraffic({ tag, staffCookie, members, ideas })

  await sleep(2_000)
  const victim = processes()[1]
  if (!victim?.pid) throw new Error('process 2 is not running')
  process.kill(victim.pid, 'SIGKILL')
  const killedAt = Date.now()
  const back = await waitForRestart(victim.index, victim.pid)
  const restartedIn = Date.now() - killedAt
  // It rejoins: nginx sends it requests again (after fail_timeout) and they succeed.
  const logFrom = accessLogSize()
  const rejoined = await waitFor(
    `nginx to send requests to process ${victim.index + 1} again`,
    () => {
      const lines = readFileSync(cluster().accessLog, 'utf8').slice(logFrom).split('\n')
      return lines.filter((l) => / 20[01] /.test(l) && l.includes(`upstream=127.0.0.1:${victim.port} `)).length >= 20
    },
    30_000,
  )
  const report = await traffic.stop()
  expect(rejoined).toBe(true)

  // Every write that was answered 2xx is in the database.
  const db = await openDatabase()
  const notes = new Set(
    (await db.query<{ body: string }>('select body from idea_notes where body like ?', [`${tag}-%`])).map(
      (r) => r.body,
    ),
  )
  const lostNotes = report.acknowledged.notes.filter((n) => !notes.has(n.body))
  const lostVotes: string[] = []
  for (const [key, v] of report.voteStates) {
    const row = await db.query('select 1 from votes where idea_id = ? and user_id = ?', [v.ideaId, v.userId])
    if (row.length > 0 !== v.voted) lostVotes.push(key)
  }
  const wrongCounts = await db.query(
    'select id from ideas where vote_count != (select count(*) from votes where votes.idea_id = ideas.id)',
  )
  await db.close()

  // Failures only among requests that were on the way when the process died: POSTs that
  // reached it (nginx does not send those twice). Anything sent after that succeeded.
  const afterKill = report.failures.filter((f) => f.started > killedAt + 100)
  console.info(
    `kill -9: ${report.requests} requests through nginx; writes acknowledged ${report.acknowledged.notes.length + report.acknowledged.votes} ` +
      `(${report.acknowledged.notes.length} notes, ${report.acknowledged.votes} votes), lost ${lostNotes.length + lostVotes.length}; ` +
      `failed ${report.failures.length} (in flight on the killed process: ${report.failures.map((f) => f.what.split(' ')[0]).join(', ') || 'none'}); ` +
      `process ${victim.index + 1} back with pid ${back.pid} after ${restartedIn} ms, serving through nginx again`,
  )
  expect(lostNotes).toEqual([])
  expect(lostVotes).toEqual([])
  expect(wrongCounts).toEqual([])
  expect(afterKill).toEqual([])
  for (const f of report.failures) expect(f.what.startsWith('POST'), f.what).toBe(true)
  expect(report.acknowledged.notes.length).toBeGreaterThan(20)
  // The others answered while it was gone.
  expect((await call(url, '/api/ready')).status).toBe(200)
})
