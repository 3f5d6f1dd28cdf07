import { eq, inArray } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { engine } from '../db/engine'
import { closeDatabase } from '../db/open'
import { mailOutbox, notifications } from '../db/schema'
import { makeIdea, makeTheme, makeUser } from '../test/fixtures'
import { createTestApp, openSecondHandle } from '../test/test-app'
import { mailNotifications } from './mail-notifications'
import { notifyEach } from './notify.data'

// Every server process runs the notification mail job. Two runs at the same moment (two
// processes, each with its own connection) must send each person's news once, not twice.
describe('the notification mail job in two processes at once', () => {
  it('queues one mail per person, and marks every notification mailed once', async () => {
    const ctx = createTestApp()
    const other = openSecondHandle(ctx)
    const theme = await makeTheme(ctx.db)
    const people = await Promise.all(Array.from({ length: 12 }, () => makeUser(ctx.db)))
    const idea = await makeIdea(ctx.db, { authorId: (await makeUser(ctx.db)).id, themeId: theme.id })
    const now = ctx.clock.now()
    await notifyEach(
      ctx.db,
      people.map((p) => ({ userId: p.id, reason: 'follower' as const })),
      { kind: 'status_changed', ideaId: idea.id },
      now,
    )
    // On SQLite the file lets one writer in at a time, across processes; two connections in
    // one process cannot wait for each other (the waiting one would block the thread the other
    // needs), so there the second run follows the first.
    const [here, there] =
      engine === 'postgres'
        ? await Promise.all([mailNotifications(ctx.db, ctx.settings, now), mailNotifications(other, ctx.settings, now)])
        : [await mailNotifications(ctx.db, ctx.settings, now), await mailNotifications(other, ctx.settings, now)]
    expect(here + there).toBe(people.length)
    const mails = await ctx.db
      .select({ userId: mailOutbox.userId })
      .from(mailOutbox)
      .where(
        inArray(
          mailOutbox.userId,
          people.map((p) => p.id),
        ),
      )
    expect(mails.map((m) => m.userId).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
      people.map((p) => p.id).sort((a, b) => a - b),
    )
    expect(await ctx.db.$count(notifications, eq(notifications.mailedAt, now))).toBe(people.length)
    await closeDatabase(other)
  })
})
