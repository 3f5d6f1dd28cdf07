import { describe, expect, it } from 'vitest'
import { users } from '../../db/schema'
import { makeIdea, makeTheme, makeUser } from '../../test/fixtures'
import { createTestApp, databaseDigest, json, loginAs, request } from '../../test/test-app'

type BlockedPage = {
  items: {
    id: number
    displayName: string
    blockedAt: string
    blockedById: number | null
    blockedByName: string | null
    reason: string | null
  }[]
  nextCursor: string | null
}

const MINUTE = 60_000

describe('blocked members', () => {
  const ctx = createTestApp()
  const theme = makeTheme(ctx.db)

  async function block(cookie: string, userId: number, reason: string) {
    const res = await request(ctx, `/api/staff/users/${userId}/block`, { cookie, body: { reason } })
    expect(res.status).toBe(204)
  }

  it('says in the moderation queue whether the author of reported content is blocked', async () => {
    const staff = await loginAs(ctx, 'staff')
    const [writer, reporter] = [await loginAs(ctx, 'member'), await loginAs(ctx, 'member')]
    const idea = makeIdea(ctx.db, { authorId: writer.userId, themeId: theme.id })
    const { comment } = await json(
      await request(ctx, `/api/ideas/${idea.id}/comments`, {
        cookie: writer.cookie,
        body: { body: 'Koop mijn spullen' },
      }),
    )
    await request(ctx, '/api/reports', {
      cookie: reporter.cookie,
      body: { subjectType: 'comment', subjectId: comment.id, reason: 'spam' },
    })
    const itemOf = async () => {
      const queue = await json(await request(ctx, '/api/staff/moderation', { cookie: staff.cookie }))
      return queue.items.find((i: { subjectType: string; subjectId: number }) => i.subjectId === comment.id)
    }
    expect(await itemOf()).toMatchObject({ authorId: writer.userId, authorBlocked: false })
    await block(staff.cookie, writer.userId, 'Plaatst alleen reclame')
    expect(await itemOf()).toMatchObject({ authorId: writer.userId, authorBlocked: true })
    await request(ctx, `/api/staff/users/${writer.userId}/unblock`, {
      cookie: staff.cookie,
      body: { reason: 'Toch een vergissing' },
    })
    expect(await itemOf()).toMatchObject({ authorBlocked: false })
  })

  it('lists the members blocked now, newest block first, with who blocked them and why, page by page', async () => {
    const fresh = createTestApp()
    const staff = await loginAs(fresh, 'staff')
    const [a, b, c] = [makeUser(fresh.db), makeUser(fresh.db), makeUser(fresh.db)]
    const blockIn = async (userId: number, reason: string) => {
      fresh.clock.advance(MINUTE)
      const res = await request(fresh, `/api/staff/users/${userId}/block`, { cookie: staff.cookie, body: { reason } })
      expect(res.status).toBe(204)
    }
    await blockIn(a.id, 'Eerste blokkade, om te testen')
    await blockIn(b.id, 'Tweede blokkade, om te testen')
    await blockIn(c.id, 'Derde blokkade, om te testen')
    const blockedAtOf = (id: number) =>
      new Date(
        fresh.db
          .select()
          .from(users)
          .all()
          .find((u) => u.id === id)?.blockedAt ?? 0,
      )

    const first = await json<BlockedPage>(
      await request(fresh, '/api/staff/blocked-members?limit=2', { cookie: staff.cookie }),
    )
    expect(first.items).toEqual([
      {
        id: c.id,
        displayName: c.displayName,
        blockedAt: blockedAtOf(c.id).toISOString(),
        blockedById: staff.userId,
        blockedByName: expect.any(String),
        reason: 'Derde blokkade, om te testen',
      },
      expect.objectContaining({ id: b.id, reason: 'Tweede blokkade, om te testen', blockedById: staff.userId }),
    ])
    expect(first.nextCursor).not.toBeNull()
    const second = await json<BlockedPage>(
      await request(fresh, `/api/staff/blocked-members?limit=2&cursor=${first.nextCursor}`, { cookie: staff.cookie }),
    )
    expect(second.items.map((i) => i.id)).toEqual([a.id])
    expect(second.nextCursor).toBeNull()

    // Unblocked members leave the list; blocking again puts them on top with the new reason.
    await request(fresh, `/api/staff/users/${c.id}/unblock`, { cookie: staff.cookie, body: { reason: 'Opgelost' } })
    await request(fresh, `/api/staff/users/${a.id}/unblock`, { cookie: staff.cookie, body: { reason: 'Opgelost' } })
    await blockIn(a.id, 'Opnieuw geblokkeerd, nu echt')
    const after = await json<BlockedPage>(await request(fresh, '/api/staff/blocked-members', { cookie: staff.cookie }))
    expect(after.items.map((i) => [i.id, i.reason])).toEqual([
      [a.id, 'Opnieuw geblokkeerd, nu echt'],
      [b.id, 'Tweede blokkade, om te testen'],
    ])
  })

  it('still lists a member blocked without a recorded reason, saying nobody and no reason', async () => {
    const fresh = createTestApp()
    const staff = await loginAs(fresh, 'staff')
    const old = makeUser(fresh.db)
    fresh.db.$client.prepare('update users set blocked_at = ? where id = ?').run(fresh.clock.now() - MINUTE, old.id)
    const page = await json<BlockedPage>(await request(fresh, '/api/staff/blocked-members', { cookie: staff.cookie }))
    expect(page.items).toEqual([
      expect.objectContaining({ id: old.id, blockedById: null, blockedByName: null, reason: null }),
    ])
  })

  it('refuses a cursor it did not issue or a limit out of range with 422, changing nothing', async () => {
    const staff = await loginAs(ctx, 'staff')
    const before = databaseDigest(ctx)
    for (const query of ['cursor=!!', `cursor=${Buffer.from('"x"').toString('base64url')}`, 'limit=0', 'limit=51']) {
      const res = await request(ctx, `/api/staff/blocked-members?${query}`, { cookie: staff.cookie })
      expect(res.status, query).toBe(422)
      const body = await json(res)
      expect(body.error.code, query).toBe('validation_failed')
      expect(Object.keys(body.error.fields ?? {}), query).toHaveLength(1)
    }
    expect(databaseDigest(ctx)).toBe(before)
  })

  it('is for staff only', async () => {
    const member = await loginAs(ctx, 'member')
    expect((await request(ctx, '/api/staff/blocked-members')).status).toBe(401)
    expect((await request(ctx, '/api/staff/blocked-members', { cookie: member.cookie })).status).toBe(403)
  })
})
