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
  const members = await signUpMembers(MEMBERS, 'stem')
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
  expect(Object.fromEntries(statuses)).toEqual({ 200: sent })

  // Each idea: its baseline, plus every member, minus the twenty who took this one back.
  const expected = new Map(ideas.map((id) => [id, (baseline.get(id) ?? 0) + MEMBERS - MEMBERS / IDEAS]))
  for (const p of processes()) {
    for (const id of ideas)
      expect(await voteCount(p.url, id), `idea ${id} on process ${p.index + 1}`).toBe(expected.get(id))
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
  expect(wrong).toEqual([])
  const counted = Number(ours[0]?.n)
  expect(counted).toBe(MEMBERS * IDEAS - MEMBERS)

  const perProcess = [...served.entries()].map(([addr, n]) => `${addr.split(':').at(-1)} ${n}`).join(', ')
  console.info(
    `votes: ${sent} vote requests (${MEMBERS * IDEAS} votes, ${MEMBERS} taken back) by ${MEMBERS} members at once in ${seconds.toFixed(1)} s, all 200; ` +
      `per process: ${perProcess}; counted ${counted} of ${counted} expected; every idea's count equals its votes on all ${processes().length} processes and in the database`,
  )
  // least_conn spread them: each process answered a real share.
  expect(served.size).toBe(processes().length)
  for (const n of served.values()) expect(n).toBeGreaterThan(sent / 10)
})
