import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditLog, users } from '../../db/schema'
import { makeUser } from '../../test/fixtures'
import { createTestApp, json, loginAs, request } from '../../test/test-app'

/** Finding a member to block or unblock, not only from a report. */
const ctx = createTestApp()
const truus = await makeUser(ctx.db, { displayName: 'Truus de Vries', email: 'truus.devries@example.org' })
await makeUser(ctx.db, { displayName: 'Truus Bakker', email: 'tb@example.org', role: 'staff' })
const erased = await makeUser(ctx.db, { displayName: 'Truus Weg', email: null })
await ctx.db.update(users).set({ deletedAt: 1 }).where(eq(users.id, erased.id))

type Member = { id: number; displayName: string; email: string | null; blocked: boolean }

async function search(cookie: string, q: string): Promise<Member[]> {
  const res = await request(ctx, `/api/staff/members?q=${encodeURIComponent(q)}`, { cookie })
  expect(res.status).toBe(200)
  return (await json(res)).items
}

describe('the member search', () => {
  it('finds members by name for staff, without their e-mail address, and never staff or erased accounts', async () => {
    const staff = await loginAs(ctx, 'staff')
    const found = await search(staff.cookie, 'truus')
    expect(found.map((m) => m.displayName)).toEqual(['Truus de Vries'])
    expect(found[0]).toMatchObject({ id: truus.id, email: null, blocked: false })
    // Staff cannot look an address up: it finds no one.
    expect(await search(staff.cookie, 'truus.devries@')).toEqual([])
  })

  it('lets administrators find members by e-mail address and see it', async () => {
    const admin = await loginAs(ctx, 'admin')
    const found = await search(admin.cookie, 'devries@example')
    expect(found).toEqual([expect.objectContaining({ id: truus.id, email: 'truus.devries@example.org' })])
  })

  it('is for staff only, and asks for at least two letters', async () => {
    expect((await request(ctx, '/api/staff/members?q=truus')).status).toBe(401)
    const member = await loginAs(ctx, 'member')
    expect((await request(ctx, '/api/staff/members?q=truus', { cookie: member.cookie })).status).toBe(403)
    const staff = await loginAs(ctx, 'staff')
    const short = await request(ctx, '/api/staff/members?q=t', { cookie: staff.cookie })
    expect(short.status).toBe(422)
    expect(Object.keys((await json(short)).error.fields)).toEqual(['q'])
  })

  it('blocks and unblocks a member found by the search, with a reason, in the audit log', async () => {
    const staff = await loginAs(ctx, 'staff')
    const [found] = await search(staff.cookie, 'de vries')
    const block = await request(ctx, `/api/staff/users/${found?.id}/block`, {
      cookie: staff.cookie,
      body: { reason: 'Scheldt in reacties op andere deelnemers' },
    })
    expect(block.status).toBe(204)
    expect((await search(staff.cookie, 'de vries'))[0]?.blocked).toBe(true)
    const unblock = await request(ctx, `/api/staff/users/${found?.id}/unblock`, {
      cookie: staff.cookie,
      body: { reason: 'Heeft excuses aangeboden en belooft beterschap' },
    })
    expect(unblock.status).toBe(204)
    expect((await search(staff.cookie, 'de vries'))[0]?.blocked).toBe(false)
    const entries = (await ctx.db.select().from(auditLog)).filter(
      (e) => e.subjectType === 'user' && e.subjectId === truus.id,
    )
    expect(entries.map((e) => [e.action, e.actorId, (e.details as { reason: string }).reason])).toEqual([
      ['user.blocked', staff.userId, 'Scheldt in reacties op andere deelnemers'],
      ['user.unblocked', staff.userId, 'Heeft excuses aangeboden en belooft beterschap'],
    ])
  })
})
