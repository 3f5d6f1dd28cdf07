import { expect, it } from 'vitest'
import {
  accessLogSize,
  call,
  cluster,
  openDatabase,
  processes,
  signUpMembers,
  upstreamCounts,
  votableIdeas,
  voteCount,
} from './cluster-client'

const MEMBERS = 200
const IDEAS = 10

it(`${MEMBERS} members voting at once, spread over the processes: every count is exact`, async () => {
  const { url } = cluster()
  const signUpStarted = Date.now()
  const members = await signUpMembers(MEMBERS, 'stem')
  const signUpSeconds = (Date.now() - signUpStarted) / 1000
  const ideas = await votableIdeas(members[0]?.cookie ?? '', IDEAS)
  const baseline = new Map<number, number>()
  for (const id of ideas) baseline.set(id, await voteCount(url, id))

  // Everyone votes for every one of the ideas, all members at once through nginx; then each
  // takes one vote back, again all at once.
  const statuses = new Map<number, number>()
  const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1)
  const logStart = accessLogSize()
  const started = Date.now()
  await Promise.all(
    members.map(async (member, m) => {
      for (let i = 0; i < IDEAS; i++) {
        const idea = ideas[(m + i) % IDEAS]
        count((await call(url, `/api/ideas/${idea}/vote`, { method: 'PUT', cookie: member.cookie })).status)
      }
    }),
  )
  await Promise.all(
    members.map(async (member, m) => {
      const idea = ideas[m % IDEAS]
      count((await call(url, `/api/ideas/${idea}/vote`, { method: 'DELETE', cookie: member.cookie })).status)
    }),
  )
  const seconds = (Date.now() - started) / 1000
  const served = upstreamCounts(logStart)
  const sent = MEMBERS * IDEAS + MEMBERS
  const answers = Object.fromEntries(statuses)

  // Each idea: its baseline, plus every member, minus the twenty who took this one back.
  const expected = new Map(ideas.map((id) => [id, (baseline.get(id) ?? 0) + MEMBERS - MEMBERS / IDEAS]))
  const shown = new Map<string, number>()
  for (const p of processes()) {
    for (const id of ideas) shown.set(`idea ${id} on process ${p.index + 1}`, await voteCount(p.url, id))
  }
  const db = await openDatabase()
  const wrong = await db.query(
    'select id, vote_count from ideas where vote_count != (select count(*) from votes where votes.idea_id = ideas.id)',
  )
  const ours = await db.query<{ n: number | string }>(
    `select count(*) as n from votes where user_id in (${members.map(() => '?').join(',')})`,
    members.map((m) => m.userId),
  )
  await db.close()
  const counted = Number(ours[0]?.n)

  const perProcess = [...served.entries()].map(([addr, n]) => `${addr.split(':').at(-1)} ${n}`).join(', ')
  console.info(
    `votes: ${MEMBERS} members signed up through nginx in ${signUpSeconds.toFixed(1)} s; ${sent} vote requests ` +
      `(${MEMBERS * IDEAS} votes, ${MEMBERS} taken back) at once in ${seconds.toFixed(1)} s, answers ${JSON.stringify(answers)}; ` +
      `per process: ${perProcess}; votes in the database ${counted} of ${MEMBERS * IDEAS - MEMBERS} expected; ` +
      `ideas whose count differs from their votes: ${wrong.length}`,
  )
  expect(answers).toEqual({ 200: sent })
  for (const p of processes()) {
    for (const id of ideas) {
      const where = `idea ${id} on process ${p.index + 1}`
      expect(shown.get(where), where).toBe(expected.get(id))
    }
  }
  expect(wrong).toEqual([])
  expect(counted).toBe(MEMBERS * IDEAS - MEMBERS)
  // least_conn spread them: each process answered a real share.
  expect(served.size).toBe(processes().length)
  for (const n of served.values()) expect(n).toBeGreaterThan(sent / 10)
})
