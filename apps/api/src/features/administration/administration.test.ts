import { describe, expect, it } from 'vitest'
import { auditLog } from '../../db/schema'
import { createTestApp, databaseDigest, json, loginAs, request } from '../../test/test-app'

describe('installation settings', () => {
  const ctx = createTestApp()

  const settingsEntries = async () =>
    (await ctx.db.select().from(auditLog)).filter((e) => e.action === 'settings.changed')

  it('writes nothing, not even an audit entry, when saving settings that did not change', async () => {
    const admin = await loginAs(ctx, 'admin')
    const current = await json(await request(ctx, '/api/settings', { cookie: admin.cookie }))
    const before = await databaseDigest(ctx)
    const res = await request(ctx, '/api/admin/settings', { method: 'PUT', cookie: admin.cookie, body: current })
    expect(res.status).toBe(200)
    expect(await json(res)).toEqual(current)
    expect(await databaseDigest(ctx)).toBe(before)
    expect(await settingsEntries()).toEqual([])
  })

  it('names the settings that changed in the audit entry, with their old and new values', async () => {
    const admin = await loginAs(ctx, 'admin')
    const current = await json(await request(ctx, '/api/settings', { cookie: admin.cookie }))
    const next = { ...current, responseNormDays: current.responseNormDays + 2 }
    const res = await request(ctx, '/api/admin/settings', { method: 'PUT', cookie: admin.cookie, body: next })
    expect(res.status).toBe(200)
    expect(await json(res)).toEqual(next)
    expect(await settingsEntries()).toEqual([
      expect.objectContaining({
        actorId: admin.userId,
        subjectType: 'settings',
        details: {
          changed: ['responseNormDays'],
          before: { responseNormDays: current.responseNormDays },
          after: { responseNormDays: next.responseNormDays },
        },
      }),
    ])
    // Saving the new values again is no change.
    await request(ctx, '/api/admin/settings', { method: 'PUT', cookie: admin.cookie, body: next })
    expect(await settingsEntries()).toHaveLength(1)
    const both = { ...next, staleAfterDays: next.staleAfterDays + 1, followupWeeks: next.followupWeeks + 1 }
    await request(ctx, '/api/admin/settings', { method: 'PUT', cookie: admin.cookie, body: both })
    expect((await settingsEntries()).at(-1)?.details).toMatchObject({ changed: ['staleAfterDays', 'followupWeeks'] })
    expect(await json(await request(ctx, '/api/settings', { cookie: admin.cookie }))).toEqual(both)
  })

  it('refuses a value out of range with 422, changing nothing', async () => {
    const admin = await loginAs(ctx, 'admin')
    const current = await json(await request(ctx, '/api/settings', { cookie: admin.cookie }))
    const before = await databaseDigest(ctx)
    const res = await request(ctx, '/api/admin/settings', {
      method: 'PUT',
      cookie: admin.cookie,
      body: { ...current, responseNormDays: 0 },
    })
    expect(res.status).toBe(422)
    expect(Object.keys((await json(res)).error.fields)).toEqual(['responseNormDays'])
    expect(await databaseDigest(ctx)).toBe(before)
  })
})

describe('the audit log filter', () => {
  const ctx = createTestApp()

  it('takes only actions from the shared list', async () => {
    const admin = await loginAs(ctx, 'admin')
    expect((await request(ctx, '/api/admin/audit?action=settings.changed', { cookie: admin.cookie })).status).toBe(200)
    const res = await request(ctx, '/api/admin/audit?action=idea.bogus', { cookie: admin.cookie })
    expect(res.status).toBe(422)
    expect(Object.keys((await json(res)).error.fields)).toEqual(['action'])
  })
})
