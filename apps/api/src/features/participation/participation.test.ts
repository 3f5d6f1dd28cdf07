import { IDEA_STATUSES, WORK_STATUSES } from '@meedenken/shared'
import { describe, expect, it } from 'vitest'
import { makeIdea, makeTheme, makeUser } from '../../test/fixtures'
import { createTestApp, databaseDigest, json, loginAs, request } from '../../test/test-app'

describe('progress updates', async () => {
  const ctx = createTestApp()
  const theme = await makeTheme(ctx.db)
  const author = await makeUser(ctx.db)
  const UPDATE = { body: 'De eerste tien bomen staan er. Volgende week komt de rest.' }

  it('takes an update only while the idea is planned or in progress', async () => {
    const staff = await loginAs(ctx, 'staff')
    const follower = await loginAs(ctx, 'member')
    for (const status of IDEA_STATUSES) {
      const idea = await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id, status })
      await request(ctx, `/api/ideas/${idea.id}/follow`, { method: 'PUT', cookie: follower.cookie })
      const before = await databaseDigest(ctx)
      const res = await request(ctx, `/api/staff/ideas/${idea.id}/updates`, { cookie: staff.cookie, body: UPDATE })
      if ((WORK_STATUSES as readonly string[]).includes(status)) {
        expect(res.status, status).toBe(201)
        expect((await json(res)).idea.progressUpdates).toHaveLength(1)
        continue
      }
      expect(res.status, status).toBe(409)
      const body = await json(res)
      expect(body.error).toEqual({
        code: 'conflict',
        message: 'U kunt alleen een update plaatsen zolang het idee gepland is of in uitvoering is.',
      })
      // Refused: no update, no notification, no audit entry, no "last update" moved.
      expect(await databaseDigest(ctx), status).toBe(before)
    }
  })

  it('says why in English to someone who reads English', async () => {
    const staff = await loginAs(ctx, 'staff')
    const idea = await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id, status: 'done' })
    const res = await request(ctx, `/api/staff/ideas/${idea.id}/updates`, {
      cookie: staff.cookie,
      body: UPDATE,
      headers: { 'accept-language': 'en' },
    })
    expect(res.status).toBe(409)
    expect((await json(res)).error.message).toBe(
      'You can only post an update while the idea is planned or in progress.',
    )
  })

  it('answers 404 for an unknown idea', async () => {
    const staff = await loginAs(ctx, 'staff')
    const res = await request(ctx, '/api/staff/ideas/999999/updates', { cookie: staff.cookie, body: UPDATE })
    expect(res.status).toBe(404)
  })
})
