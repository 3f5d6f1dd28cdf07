import { describe, expect, it } from 'vitest'
import { auditLog } from '../../db/schema'
import { createTestApp, databaseDigest, json, loginAs, request, signUpMember } from '../../test/test-app'

describe('people and roles (admin)', () => {
  const ctx = createTestApp({ devMailbox: true })

  it('finds people by part of their address or name', async () => {
    const admin = await loginAs(ctx, 'admin')
    await signUpMember(ctx, 'zoekmij@example.org')
    const res = await request(ctx, '/api/admin/users?q=zoekMIJ', { cookie: admin.cookie })
    expect(res.status).toBe(200)
    const { items } = await json(res)
    expect(items.map((u: { email: string }) => u.email)).toEqual(['zoekmij@example.org'])
    const wildcard = await json(await request(ctx, '/api/admin/users?q=%25', { cookie: admin.cookie }))
    expect(wildcard.items).toEqual([])
  })

  it('finds names and addresses with _ or % in them as the text they are, not as wildcards', async () => {
    const own = createTestApp({ devMailbox: true })
    const admin = await loginAs(own, 'admin')
    await signUpMember(own, 'jan.de.vries@example.org', { displayName: 'Jan de Vries' })
    await signUpMember(own, 'jan_de_vries@example.org', { displayName: 'Jan_de_Vries' })
    await signUpMember(own, 'groen@example.org', { displayName: '100% Groen' })
    await signUpMember(own, 'duizend@example.org', { displayName: '1000 Bomen' })
    const found = async (q: string) => {
      const res = await request(own, `/api/admin/users?q=${encodeURIComponent(q)}`, { cookie: admin.cookie })
      expect(res.status, q).toBe(200)
      return (await json<{ items: { displayName: string }[] }>(res)).items.map((u) => u.displayName)
    }
    expect(await found('n_de_V')).toEqual(['Jan_de_Vries'])
    expect(await found('jan_de')).toEqual(['Jan_de_Vries'])
    expect(await found('100%')).toEqual(['100% Groen'])
    expect(await found('de V')).toEqual(['Jan de Vries'])
    expect(await found('\\')).toEqual([])
  })

  it('refuses a cursor it did not issue, and an actor id that is not plain decimal, with 422 naming the field', async () => {
    const admin = await loginAs(ctx, 'admin')
    for (const cursor of ['0x10', '01', '1e3', '-5', '9007199254740993']) {
      const res = await request(ctx, `/api/admin/users?cursor=${cursor}`, { cookie: admin.cookie })
      expect(res.status, cursor).toBe(422)
      expect(Object.keys((await json(res)).error.fields), cursor).toEqual(['cursor'])
    }
    for (const actor of ['0x10', '01', '1e1', '%201']) {
      const res = await request(ctx, `/api/admin/audit?actor=${actor}`, { cookie: admin.cookie })
      expect(res.status, actor).toBe(422)
      expect(Object.keys((await json(res)).error.fields), actor).toEqual(['actor'])
    }
    expect((await request(ctx, `/api/admin/audit?actor=${admin.userId}`, { cookie: admin.cookie })).status).toBe(200)
  })

  it('changes a role, ends that person’s sessions and writes the audit log', async () => {
    const admin = await loginAs(ctx, 'admin')
    const member = await signUpMember(ctx, 'wordtmedewerker@example.org')
    const res = await request(ctx, `/api/admin/users/${member.userId}/role`, {
      method: 'PUT',
      cookie: admin.cookie,
      body: { role: 'staff' },
    })
    expect(res.status).toBe(200)
    expect((await json(res)).user.role).toBe('staff')
    expect((await request(ctx, '/api/me', { cookie: member.cookie })).status).toBe(401)
    const entries = await ctx.db.select().from(auditLog)
    expect(entries.at(-1)).toMatchObject({
      actorId: admin.userId,
      action: 'user.role_changed',
      subjectId: member.userId,
      details: { before: 'member', after: 'staff' },
    })
  })

  it('refuses members, staff and visitors, and changes nothing', async () => {
    const member = await loginAs(ctx, 'member')
    const staff = await loginAs(ctx, 'staff')
    const before = await databaseDigest(ctx)
    for (const [cookie, status] of [
      [undefined, 401],
      [member.cookie, 403],
      [staff.cookie, 403],
    ] as const) {
      const list = await request(ctx, '/api/admin/users', { cookie })
      expect(list.status).toBe(status)
      const change = await request(ctx, `/api/admin/users/${member.userId}/role`, {
        method: 'PUT',
        cookie,
        body: { role: 'admin' },
      })
      expect(change.status).toBe(status)
    }
    expect(await databaseDigest(ctx)).toBe(before)
  })

  it('does not let an admin change their own role', async () => {
    const admin = await loginAs(ctx, 'admin')
    const res = await request(ctx, `/api/admin/users/${admin.userId}/role`, {
      method: 'PUT',
      cookie: admin.cookie,
      body: { role: 'member' },
    })
    expect(res.status).toBe(409)
  })

  it('keeps staff signed in for 12 hours, not longer', async () => {
    const staff = await loginAs(ctx, 'staff')
    ctx.clock.advance(11 * 3_600_000)
    expect((await request(ctx, '/api/me', { cookie: staff.cookie })).status).toBe(200)
    ctx.clock.advance(1 * 3_600_000 + 1000)
    expect((await request(ctx, '/api/me', { cookie: staff.cookie })).status).toBe(401)
  })
})
