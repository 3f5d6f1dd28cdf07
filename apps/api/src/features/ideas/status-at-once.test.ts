import { asc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { statusChanges } from '../../db/schema'
import { makeIdea, makeTheme, makeUser } from '../../test/fixtures'
import { createTestApp, loginAs, request } from '../../test/test-app'

// Two civil servants who change one idea's status at the same moment: the changes happen one
// after the other, so the timeline reads as a chain (each change starts where the one before
// it ended). On PostgreSQL the idea's row is locked for the change (db/locks.ts); without
// that lock both would read "new" and both record "new → …".
describe('status changes at the same moment', () => {
  it('are recorded one after the other, each from the status the one before it left', async () => {
    const ctx = createTestApp()
    const theme = await makeTheme(ctx.db)
    const author = await makeUser(ctx.db)
    const [anna, bram] = [await loginAs(ctx, 'staff'), await loginAs(ctx, 'staff')]
    for (let round = 0; round < 5; round++) {
      const idea = await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id, status: 'new' })
      const answers = await Promise.all(
        [
          { cookie: anna.cookie, status: 'planned' },
          { cookie: bram.cookie, status: 'in_progress' },
        ].map(({ cookie, status }) =>
          request(ctx, `/api/ideas/${idea.id}/status`, {
            cookie,
            body: { status, explanation: 'We pakken dit op in het nieuwe jaar.' },
          }),
        ),
      )
      expect(answers.map((r) => r.status)).toEqual([201, 201])
      const chain = await ctx.db
        .select({ from: statusChanges.fromStatus, to: statusChanges.toStatus })
        .from(statusChanges)
        .where(eq(statusChanges.ideaId, idea.id))
        .orderBy(asc(statusChanges.id))
      expect(chain).toHaveLength(2)
      expect(chain[0]?.from).toBe('new')
      expect(chain[1]?.from).toBe(chain[0]?.to)
    }
  })
})
