import { expect, it } from 'vitest'
import {
  accessLogSize,
  call,
  cluster,
  DEMO_MEMBER,
  DEMO_PASSWORD,
  logIn,
  processes,
  sessionCookie,
  upstreamCounts,
} from './cluster-client'

type Me = { user: { email: string } | null }

it('a session made on one process works on every other; logout on one ends it on all', async () => {
  const [a, b, c] = processes()
  if (!a || !b || !c) throw new Error('three processes expected')
  const cookie = await logIn(a.url, DEMO_MEMBER, DEMO_PASSWORD)

  // Straight to each process: the session is in the database, not in A's memory.
  for (const p of [a, b, c]) {
    const me = await call(p.url, '/api/me', { cookie })
    expect(me.status, `process ${p.index + 1}`).toBe(200)
    expect(me.json<Me>().user?.email, `process ${p.index + 1}`).toBe(DEMO_MEMBER)
  }
  // And through nginx, whichever process it picks (the access log names them).
  const before = accessLogSize()
  for (let i = 0; i < 12; i++) {
    const me = await call(cluster().url, '/api/me', { cookie })
    expect(me.json<Me>().user?.email).toBe(DEMO_MEMBER)
  }
  const served = upstreamCounts(before)
  expect(served.size, `nginx spread 12 requests over ${JSON.stringify(Object.fromEntries(served))}`).toBe(3)

  // Logout on C ends it on A and B, and through nginx.
  const logout = await call(c.url, '/api/auth/logout', { method: 'POST', cookie })
  expect(logout.status).toBe(204)
  for (const p of [a, b, c]) {
    const me = await call(p.url, '/api/me', { cookie })
    expect(me.status, `process ${p.index + 1} after logout`).toBe(401)
  }
  expect((await call(cluster().url, '/api/me', { cookie })).status).toBe(401)
  const vote = await call(cluster().url, '/api/ideas/1/vote', { method: 'PUT', cookie })
  expect(vote.status).toBe(401)
})

it('rate limits count the client nginx saw, whatever X-Forwarded-For the client sends itself', async () => {
  const email = DEMO_MEMBER
  const tryWrong = (from: string, spoof: string) =>
    call(cluster().url, '/api/auth/login', {
      method: 'POST',
      from,
      headers: { 'x-forwarded-for': spoof },
      body: { email, password: 'niet-het-goede-wachtwoord' },
    })
  // Five failures for one address and account, each with another made-up address in the header.
  const statuses: number[] = []
  for (let i = 0; i < 6; i++) statuses.push((await tryWrong('127.0.0.21', `10.0.0.${i}`)).status)
  expect(statuses).toEqual([401, 401, 401, 401, 401, 429])
  // Another client is not held back by the first one's failures, and the right password works there.
  expect((await tryWrong('127.0.0.22', '10.0.0.1')).status).toBe(401)
  const ok = await call(cluster().url, '/api/auth/login', {
    method: 'POST',
    from: '127.0.0.23',
    body: { email, password: DEMO_PASSWORD },
  })
  expect(ok.status).toBe(200)
  sessionCookie(ok)
})
