import { type Policy, ROLE_RANK } from '@meedenken/shared'
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { photos, sessions, users } from '../db/schema'
import { oneRow } from '../db/statements'
import { createSession } from '../http/session.data'
import { makeIdea, makeTheme, makeUser } from '../test/fixtures'
import { createTestApp, databaseDigest, json, loginAs, PASSWORD, request, sessionCookie } from '../test/test-app'

/**
 * Who may call what: one line per route, decided on purpose. A new route without a line
 * here fails the first test, so nobody adds an endpoint without thinking about access.
 * `owner` marks routes where only the author of the object may act (another member: 403).
 */
const MATRIX: Record<string, { policy: Policy; owner?: boolean }> = {
  'GET /api/health': { policy: 'public' },
  'GET /api/ready': { policy: 'public' },
  'GET /api/config': { policy: 'public' },
  'GET /api/themes': { policy: 'public' },
  'GET /api/districts': { policy: 'public' },
  'GET /api/ideas': { policy: 'public' },
  'GET /api/ideas/similar': { policy: 'public' },
  'GET /api/ideas/count': { policy: 'public' },
  'GET /api/reports/mine': { policy: 'member' },
  'GET /api/staff/export': { policy: 'staff' },
  'GET /api/staff/dashboard/export': { policy: 'staff' },
  'GET /api/staff/members': { policy: 'staff' },
  'POST /api/staff/bulk/assign': { policy: 'staff' },
  'POST /api/staff/bulk/status': { policy: 'staff' },
  'POST /api/staff/bulk/merge': { policy: 'staff' },
  'GET /api/staff/answer-templates': { policy: 'staff' },
  'POST /api/staff/answer-templates': { policy: 'staff' },
  'PUT /api/staff/answer-templates/{id}': { policy: 'staff' },
  'DELETE /api/staff/answer-templates/{id}': { policy: 'staff' },
  'GET /api/staff/ideas/{id}/answer-templates': { policy: 'staff' },
  'POST /api/staff/ideas/{id}/correction': { policy: 'staff' },
  'GET /api/admin/audit/export': { policy: 'admin' },
  'POST /api/admin/themes': { policy: 'admin' },
  'PUT /api/admin/themes/{id}': { policy: 'admin' },
  'PUT /api/admin/themes/{id}/archived': { policy: 'admin' },
  'POST /api/admin/districts': { policy: 'admin' },
  'PUT /api/admin/districts/{id}': { policy: 'admin' },
  'PUT /api/admin/districts/{id}/archived': { policy: 'admin' },
  'PUT /api/admin/districts/{id}/boundary': { policy: 'admin' },
  'DELETE /api/admin/districts/{id}/boundary': { policy: 'admin' },
  'GET /api/map/config': { policy: 'public' },
  'GET /api/map/ideas': { policy: 'public' },
  'POST /api/ideas/{id}/photos': { policy: 'member', owner: true },
  'PATCH /api/ideas/{id}/photos/{photoId}': { policy: 'member', owner: true },
  'DELETE /api/ideas/{id}/photos/{photoId}': { policy: 'member', owner: true },
  'GET /api/photos/{key}': { policy: 'public' },
  'GET /api/places/suggest': { policy: 'public' },
  'GET /api/places/lookup': { policy: 'public' },
  'GET /api/places/district': { policy: 'public' },
  'GET /api/places/outlines': { policy: 'public' },
  'GET /api/ideas/{id}': { policy: 'public' },
  'GET /api/ideas/{id}/comments': { policy: 'public' },
  'GET /api/ideas/{id}/supporters': { policy: 'public' },
  'GET /api/stats/scorecard': { policy: 'public' },
  'GET /api/open-data/scorecard.csv': { policy: 'public' },
  'GET /api/open-data/ideas.csv': { policy: 'public' },
  'GET /api/open-data/ideas.json': { policy: 'public' },
  'GET /api/roadmap': { policy: 'public' },
  'GET /api/you-said-we-did': { policy: 'public' },
  'GET /api/campaigns': { policy: 'public' },
  'GET /api/campaigns/{id}': { policy: 'public' },
  'GET /api/live': { policy: 'public' },
  'GET /api/dev/mail': { policy: 'public' },
  'POST /api/unsubscribe': { policy: 'public' },
  'POST /api/auth/signup': { policy: 'public' },
  'GET /api/auth/verify': { policy: 'public' },
  'POST /api/auth/verify': { policy: 'public' },
  'POST /api/auth/verify/resend': { policy: 'public' },
  'POST /api/auth/login': { policy: 'public' },
  'POST /api/auth/logout': { policy: 'public' },
  'POST /api/auth/password-reset': { policy: 'public' },
  'POST /api/auth/password-reset/confirm': { policy: 'public' },
  'POST /api/ideas': { policy: 'member' },
  'POST /api/ideas/preview': { policy: 'member' },
  'PATCH /api/ideas/{id}': { policy: 'member', owner: true },
  'PUT /api/ideas/{id}/vote': { policy: 'member' },
  'DELETE /api/ideas/{id}/vote': { policy: 'member' },
  'PUT /api/ideas/{id}/follow': { policy: 'member' },
  'DELETE /api/ideas/{id}/follow': { policy: 'member' },
  'POST /api/ideas/{id}/comments': { policy: 'member' },
  'PATCH /api/comments/{id}': { policy: 'member', owner: true },
  'DELETE /api/comments/{id}': { policy: 'member', owner: true },
  'POST /api/reports': { policy: 'member' },
  'GET /api/ideas/{id}/satisfaction': { policy: 'member' },
  'PUT /api/ideas/{id}/ratings': { policy: 'member' },
  'PUT /api/ideas/{id}/followup': { policy: 'member' },
  'PUT /api/ideas/{id}/help': { policy: 'member' },
  'DELETE /api/ideas/{id}/help': { policy: 'member' },
  'GET /api/me': { policy: 'public' },
  'PATCH /api/me': { policy: 'member' },
  'DELETE /api/me': { policy: 'member' },
  'POST /api/me/password': { policy: 'member' },
  'GET /api/me/export': { policy: 'member' },
  'GET /api/me/notifications': { policy: 'member' },
  'POST /api/me/notifications/read': { policy: 'member' },
  'PUT /api/comments/{id}/official': { policy: 'staff' },
  'POST /api/ideas/{id}/status': { policy: 'staff' },
  'GET /api/staff/inbox': { policy: 'staff' },
  'GET /api/staff/colleagues': { policy: 'staff' },
  'GET /api/staff/ideas/{id}': { policy: 'staff' },
  'GET /api/staff/ideas/{id}/comments': { policy: 'staff' },
  'POST /api/staff/ideas/{id}/notes': { policy: 'staff' },
  'POST /api/staff/ideas/{id}/assign': { policy: 'staff' },
  'POST /api/staff/ideas/{id}/merge': { policy: 'staff' },
  'POST /api/staff/ideas': { policy: 'staff' },
  'GET /api/staff/ideas/{id}/ratings': { policy: 'staff' },
  'GET /api/staff/ideas/{id}/helpers': { policy: 'staff' },
  'POST /api/staff/ideas/{id}/updates': { policy: 'staff' },
  'GET /api/staff/moderation': { policy: 'staff' },
  'GET /api/staff/blocked-members': { policy: 'staff' },
  'POST /api/staff/moderation/{type}/{id}': { policy: 'staff' },
  'POST /api/staff/users/{id}/block': { policy: 'staff' },
  'POST /api/staff/users/{id}/unblock': { policy: 'staff' },
  'GET /api/staff/dashboard': { policy: 'staff' },
  'POST /api/staff/campaigns': { policy: 'staff' },
  'PUT /api/staff/campaigns/{id}': { policy: 'staff' },
  'POST /api/staff/campaigns/{id}/outcome': { policy: 'staff' },
  'GET /api/departments': { policy: 'staff' },
  'GET /api/settings': { policy: 'staff' },
  'POST /api/admin/departments': { policy: 'admin' },
  'PUT /api/admin/departments/{id}': { policy: 'admin' },
  'PUT /api/admin/themes/{id}/department': { policy: 'admin' },
  'PUT /api/admin/users/{id}/department': { policy: 'admin' },
  'PUT /api/admin/settings': { policy: 'admin' },
  'GET /api/admin/audit': { policy: 'admin' },
  'GET /api/admin/users': { policy: 'admin' },
  'PUT /api/admin/users/{id}/role': { policy: 'admin' },
}

type Role = 'visitor' | 'unverified' | 'member' | 'otherMember' | 'blocked' | 'staff' | 'admin'
const ROLES: Role[] = ['visitor', 'unverified', 'member', 'otherMember', 'blocked', 'staff', 'admin']

const ctx = createTestApp({ devMailbox: true })
const cookies: Partial<Record<Role, string>> = {}
let ideaId = 0
let commentId = 0
let userId = 0
let photoId = 0
let doc: { paths: Record<string, Record<string, { 'x-policy': Policy }>> } = { paths: {} }

beforeAll(async () => {
  doc = await json(await request(ctx, '/api/openapi.json'))
  const theme = await makeTheme(ctx.db)
  const owner = await loginAs(ctx, 'member')
  cookies.member = owner.cookie
  cookies.otherMember = (await loginAs(ctx, 'member')).cookie
  cookies.staff = (await loginAs(ctx, 'staff')).cookie
  cookies.admin = (await loginAs(ctx, 'admin')).cookie
  ideaId = (await makeIdea(ctx.db, { authorId: owner.userId, themeId: theme.id })).id
  const comment = await json(
    await request(ctx, `/api/ideas/${ideaId}/comments`, { cookie: owner.cookie, body: { body: 'Mijn reactie' } }),
  )
  commentId = comment.comment.id
  // A photo row as an upload leaves it (the upload itself is tested in features/photos).
  photoId = oneRow(
    await ctx.db
      .insert(photos)
      .values({ ideaId, uploaderId: owner.userId, altText: 'Een bankje', width: 10, height: 10, createdAt: 0 })
      .returning({ id: photos.id }),
  ).id
  userId = (await makeUser(ctx.db)).id

  // An unverified person: signed up, never clicked the link, so logging in gives no session.
  await request(ctx, '/api/auth/signup', {
    body: { email: 'onbevestigd@example.org', password: PASSWORD, displayName: 'Onbevestigd', targetGroup: 'resident' },
  })
  const unverified = await request(ctx, '/api/auth/login', {
    body: { email: 'onbevestigd@example.org', password: PASSWORD },
  })
  expect(unverified.status).toBe(403)
  expect(unverified.headers.get('set-cookie')).toBeNull()
  // Even a session made behind the API's back would not count for an unverified or blocked person.
  const unverifiedId = oneRow(
    await ctx.db.select({ id: users.id }).from(users).where(eq(users.email, 'onbevestigd@example.org')),
  ).id
  cookies.unverified = `meedenken_session=${(await createSession(ctx.db, unverifiedId, 'member', ctx.clock.now())).token}`
  await ctx.db.update(users).set({ emailVerifiedAt: null }).where(eq(users.id, unverifiedId))

  const blocked = await loginAs(ctx, 'member')
  await request(ctx, `/api/staff/users/${blocked.userId}/block`, {
    cookie: cookies.staff,
    body: { reason: 'Proef voor de toegangstabel' },
  })
  cookies.blocked = `meedenken_session=${(await createSession(ctx.db, blocked.userId, 'member', ctx.clock.now())).token}`
  expect((await ctx.db.select().from(sessions)).length).toBeGreaterThan(0)
})

function concrete(path: string): string {
  return path
    .replace('{type}', 'comment')
    .replace('/comments/{id}', `/comments/${commentId}`)
    .replace('/users/{id}', `/users/${userId}`)
    .replace('{photoId}', String(photoId))
    .replace(/\{id\}/g, String(ideaId))
}

/** What each role may expect: refused (401/403), or let through to the handler. */
function expected(route: { policy: Policy; owner?: boolean }, role: Role): 401 | 403 | 'allowed' {
  if (route.policy === 'public') return 'allowed'
  if (role === 'visitor' || role === 'unverified' || role === 'blocked') return 401
  const rank = role === 'admin' ? ROLE_RANK.admin : role === 'staff' ? ROLE_RANK.staff : ROLE_RANK.member
  if (rank < ROLE_RANK[route.policy]) return 403
  if (route.owner && role === 'otherMember') return 403
  return 'allowed'
}

// Routes whose handler may refuse for a reason of its own (not who you are): a rating by
// someone not involved, an unsigned unsubscribe link.
const BUSINESS_403 = new Set(['PUT /api/ideas/{id}/ratings', 'PUT /api/ideas/{id}/followup', 'POST /api/unsubscribe'])

const SAMPLE_BODY = {
  body: 'Een voorbeeldtekst die lang genoeg is.',
  title: 'Een voorbeeldtitel',
  reason: 'Een reden',
  altText: 'Een bankje in het park',
}

describe('the access-control matrix', () => {
  it('has a decided line for every route, and each matches the route’s declared policy', () => {
    const declared = Object.fromEntries(
      Object.entries(doc.paths).flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, op]) => [`${method.toUpperCase()} ${path}`, op['x-policy']]),
      ),
    )
    expect(Object.keys(declared).sort()).toEqual(Object.keys(MATRIX).sort())
    for (const [key, route] of Object.entries(MATRIX)) expect(declared[key], key).toBe(route.policy)
  })

  it('refuses every role it should, for every route, and a refused call changes nothing', async () => {
    let checked = 0
    for (const [key, route] of Object.entries(MATRIX)) {
      const [method, path] = key.split(' ') as [string, string]
      if (path === '/api/live') continue // an endless stream; its policy is public
      for (const role of ROLES) {
        const want = expected(route, role)
        if (want === 'allowed') continue
        // A refused write must change nothing (the digest reads every table: only where it counts).
        const before = method === 'GET' ? null : await databaseDigest(ctx)
        const res = await request(ctx, concrete(path), {
          method,
          cookie: cookies[role],
          ...(method === 'GET' ? {} : { body: SAMPLE_BODY }),
        })
        expect(res.status, `${key} as ${role}`).toBe(want)
        if (before !== null) expect(await databaseDigest(ctx), `${key} as ${role} changed the database`).toBe(before)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(200)
    // Some 300 requests and a digest of every table around each refused write: seconds alone,
    // several times that on a machine busy with the rest of the suite.
  }, 60_000)

  it('lets every allowed role past the access check (no 401 or 403, never a 500)', async () => {
    for (const [key, route] of Object.entries(MATRIX)) {
      const [method, path] = key.split(' ') as [string, string]
      if (path === '/api/live' || key === 'DELETE /api/me' || key.startsWith('POST /api/auth/logout')) continue
      for (const role of ROLES) {
        if (expected(route, role) !== 'allowed' || role === 'visitor' || role === 'unverified' || role === 'blocked')
          continue
        if (route.owner && role !== 'member') continue
        const res = await request(ctx, concrete(path), {
          method,
          cookie: cookies[role],
          ...(method === 'GET' ? {} : { body: {} }),
        })
        expect(res.status, `${key} as ${role}`).not.toBe(401)
        if (!BUSINESS_403.has(key)) expect(res.status, `${key} as ${role}`).not.toBe(403)
        expect(res.status, `${key} as ${role}`).toBeLessThan(500)
      }
    }
  })
})

function expectPersonal(res: Response, label: string) {
  expect(res.headers.get('cache-control'), label).toBe('private, no-store')
  expect(res.headers.get('vary') ?? '', label).toMatch(/\bCookie\b/i)
}

describe('answers that depend on the session', () => {
  it('are private, no-store and vary by Cookie for every route a signed-in person calls, allowed or refused', async () => {
    let checked = 0
    for (const [key] of Object.entries(MATRIX)) {
      const [method, path] = key.split(' ') as [string, string]
      // These end the session the walk still needs; the next test covers them.
      if (key === 'DELETE /api/me' || key === 'POST /api/auth/logout') continue
      for (const role of ['member', 'otherMember', 'staff', 'admin'] as const) {
        const res = await request(ctx, concrete(path), {
          method,
          cookie: cookies[role],
          ...(method === 'GET' ? {} : { body: {} }),
        })
        if (path === '/api/live') await res.body?.cancel()
        expectPersonal(res, `${key} as ${role} (${res.status})`)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(300)
  })

  it('are private, no-store when they set or clear the session cookie', async () => {
    const person = await loginAs(ctx, 'member')
    const login = await request(ctx, '/api/auth/login', { body: { email: person.email, password: PASSWORD } })
    expect(login.status).toBe(200)
    expectPersonal(login, 'login')
    const logout = await request(ctx, '/api/auth/logout', { method: 'POST', cookie: sessionCookie(login) })
    expect(logout.headers.get('set-cookie')).toMatch(/Max-Age=0/)
    expectPersonal(logout, 'logout')
    // A cookie for a session that has ended is cleared on the next request, whatever it asks.
    const stale = await request(ctx, '/api/health', { cookie: sessionCookie(login) })
    expect(stale.headers.get('set-cookie')).toMatch(/Max-Age=0/)
    expectPersonal(stale, 'a stale cookie cleared')
    // Also on the reads a visitor's answers are kept for: the cleared cookie makes them personal.
    for (const path of ['/api/ideas', `/api/ideas/${ideaId}`, `/api/ideas/${ideaId}/comments`]) {
      const read = await request(ctx, path, { cookie: sessionCookie(login) })
      expect(read.headers.get('set-cookie'), path).toMatch(/Max-Age=0/)
      expectPersonal(read, `${path} with a stale cookie`)
    }
    const gone = await loginAs(ctx, 'member')
    const erase = await request(ctx, '/api/me', { method: 'DELETE', cookie: gone.cookie, body: { password: PASSWORD } })
    expect(erase.status).toBe(204)
    expectPersonal(erase, 'account erased')
  })

  it('are private, no-store for anything under /api/me and /api/auth, even to a visitor', async () => {
    for (const [method, path] of [
      ['GET', '/api/me'],
      ['GET', '/api/me/export'],
      ['GET', '/api/auth/verify?token=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG'],
      ['POST', '/api/auth/login'],
      ['POST', '/api/auth/password-reset'],
    ] as const) {
      const res = await request(ctx, path, {
        method,
        ...(method === 'POST' ? { body: { email: 'x@example.org' } } : {}),
      })
      expect(res.headers.get('cache-control'), `${method} ${path} (${res.status})`).toBe('private, no-store')
    }
  })

  it('lets a proxy keep a visitor’s lists, idea pages and accountability figures briefly, and leaves other public answers alone', async () => {
    for (const path of [
      '/api/ideas',
      `/api/ideas/${ideaId}`,
      `/api/ideas/${ideaId}/comments`,
      '/api/stats/scorecard',
      '/api/roadmap',
      '/api/you-said-we-did',
    ]) {
      const res = await request(ctx, path)
      expect(res.headers.get('cache-control'), path).toBe('public, max-age=0, s-maxage=5')
      expect(res.headers.get('etag'), path).toMatch(/^W\//)
    }
    for (const path of ['/api/health', '/api/themes', `/api/ideas/${ideaId}/supporters`]) {
      expect((await request(ctx, path)).headers.get('cache-control'), path).toBeNull()
    }
  })
})
