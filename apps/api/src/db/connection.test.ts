import { setTimeout as sleep } from 'node:timers/promises'
import Database from 'better-sqlite3'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { makeIdea, makeTheme, makeUser } from '../test/fixtures'
import { createTestApp, loginAs, request } from '../test/test-app'
import { connect } from './connection'
import type { Db } from './open'
import { auditLog, followers, ideas, settings, themes, votes } from './schema'

/** A value in the settings table, read outside any transaction. */
async function setting(db: Db, key: string): Promise<string | undefined> {
  return (await db.select().from(settings).where(eq(settings.key, key)))[0]?.value
}

/** Resolves when `signal()` is called: lets a test act while a transaction is open. */
function moment(): { reached: Promise<void>; signal: () => void } {
  let signal = () => {}
  const reached = new Promise<void>((resolve) => {
    signal = resolve
  })
  return { reached, signal }
}

describe('one gate per database: a transaction is never shared with another request', () => {
  it('holds a write from elsewhere until the transaction is over, so its rollback does not take that write', async () => {
    const { db } = createTestApp()
    const open = moment()
    const failing = db.transaction(async (tx) => {
      await tx.insert(settings).values({ key: 'rolled-back', value: 'x' })
      open.signal()
      // A real wait inside the transaction: other work runs meanwhile.
      await sleep(30)
      throw new Error('this transaction fails')
    })
    await open.reached
    const order: string[] = []
    const elsewhere = db
      .insert(settings)
      .values({ key: 'kept', value: 'y' })
      .then(() => order.push('write elsewhere'))
    await expect(failing.finally(() => order.push('rolled back'))).rejects.toThrow('this transaction fails')
    await elsewhere
    expect(order).toEqual(['rolled back', 'write elsewhere'])
    expect(await setting(db, 'rolled-back')).toBeUndefined()
    expect(await setting(db, 'kept')).toBe('y')
  })

  it('lets a transaction read its own writes, and others read them only once it committed', async () => {
    const { db } = createTestApp()
    const written = moment()
    let seenInside: string | undefined
    const committing = db.transaction(async (tx) => {
      await tx.insert(settings).values({ key: 'own-write', value: 'inside' })
      seenInside = (await tx.select().from(settings).where(eq(settings.key, 'own-write')))[0]?.value
      written.signal()
      await sleep(30)
      await tx.update(settings).set({ value: 'committed' }).where(eq(settings.key, 'own-write'))
    })
    await written.reached
    // Asked while the transaction is open: answered after it, with what it committed.
    const seenOutside = await setting(db, 'own-write')
    await committing
    expect(seenInside).toBe('inside')
    expect(seenOutside).toBe('committed')
  })

  it('runs transactions one after another: read-then-write across a wait loses no update', async () => {
    const { db } = createTestApp()
    await db.insert(settings).values({ key: 'counter', value: '0' })
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db.transaction(async (tx) => {
          const [row] = await tx.select().from(settings).where(eq(settings.key, 'counter'))
          await sleep(i % 3)
          await tx
            .update(settings)
            .set({ value: String(Number(row?.value) + 1) })
            .where(eq(settings.key, 'counter'))
        }),
      ),
    )
    expect(await setting(db, 'counter')).toBe('20')
  })

  it('refuses, in the tests, a statement on db inside a transaction and a nested db.transaction', async () => {
    // On PostgreSQL both would run on another connection of the pool, outside the transaction.
    const { db } = createTestApp()
    await expect(
      db.transaction(async () => {
        await db.insert(settings).values({ key: 'beside', value: 'x' })
      }),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/use its tx/) } })
    await expect(db.transaction(async () => await db.transaction(async () => {}))).rejects.toThrow(/use tx.transaction/)
    expect(await setting(db, 'beside')).toBeUndefined()
  })

  it('without that check (the server), such a statement fails after the wait a pool of one would give, and the transaction rolls back', async () => {
    const { file } = createTestApp()
    const db = connect(new Database(file), { gateTimeoutMs: 50 })
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(settings).values({ key: 'inside', value: 'x' })
        await db.insert(settings).values({ key: 'beside', value: 'x' })
      }),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/stayed busy for 50 ms/) } })
    // The gate is free again and nothing of the transaction stayed.
    expect(await setting(db, 'inside')).toBeUndefined()
    expect(await setting(db, 'beside')).toBeUndefined()
    db.$client.close()
  })

  it('refuses a statement on the handle of a transaction that has ended', async () => {
    const { db } = createTestApp()
    let kept: Parameters<Parameters<typeof db.transaction>[0]>[0] | undefined
    await db.transaction(async (tx) => {
      kept = tx
    })
    await expect(kept?.insert(settings).values({ key: 'late', value: 'x' })).rejects.toMatchObject({
      cause: { message: expect.stringMatching(/has ended/) },
    })
    expect(await setting(db, 'late')).toBeUndefined()
  })
})

describe.each([
  ['as the server runs', false],
  ["with the tests' check", true],
])('requests at the same moment, %s', (_name, strict) => {
  it("keep their writes when another request's transaction fails and rolls back, and count every vote", async () => {
    const ctx = createTestApp({}, { strict })
    const admin = await loginAs(ctx, 'admin')
    const theme = await makeTheme(ctx.db)
    const idea = await makeIdea(ctx.db, { authorId: (await makeUser(ctx.db)).id, themeId: theme.id })
    const members = []
    for (let i = 0; i < 12; i++) members.push(await loginAs(ctx, 'member'))
    // A failure inside the theme's transaction, after the theme itself is written: its
    // audit entry cannot be stored, so the whole request rolls back (and answers 500).
    ctx.db.$client.exec(`create trigger injected_failure before insert on audit_log
      when new.action = 'theme.created' begin select raise(abort, 'injected failure'); end`)

    const answers = await Promise.all([
      request(ctx, '/api/admin/themes', {
        cookie: admin.cookie,
        body: { name: 'Mislukt thema', nameEn: 'Failed theme', description: 'Wordt teruggedraaid.' },
      }),
      ...members.flatMap((m) => [
        request(ctx, `/api/ideas/${idea.id}/follow`, { method: 'PUT', cookie: m.cookie }),
        request(ctx, `/api/ideas/${idea.id}/vote`, { method: 'PUT', cookie: m.cookie }),
      ]),
    ])
    const [failed, ...others] = answers
    expect(failed?.status).toBe(500)
    expect(others.map((r) => r.status)).toEqual(others.map(() => 200))

    expect(await ctx.db.select().from(themes).where(eq(themes.name, 'Mislukt thema'))).toEqual([])
    expect(await ctx.db.select().from(auditLog).where(eq(auditLog.action, 'theme.created'))).toEqual([])
    expect(await ctx.db.select().from(votes).where(eq(votes.ideaId, idea.id))).toHaveLength(12)
    expect(await ctx.db.select().from(followers).where(eq(followers.ideaId, idea.id))).toHaveLength(12)
    const [counts] = await ctx.db
      .select({ voteCount: ideas.voteCount, followerCount: ideas.followerCount })
      .from(ideas)
      .where(eq(ideas.id, idea.id))
    expect(counts).toEqual({ voteCount: 12, followerCount: 12 })
  })
})
