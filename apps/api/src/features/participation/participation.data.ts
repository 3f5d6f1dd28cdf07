import { WORK_STATUSES } from '@meedenken/shared'
import { and, asc, count, eq } from 'drizzle-orm'
import { recordAudit } from '../../audit/audit.data'
import type { Db } from '../../db/open'
import { ideaHelpers, ideas, progressUpdates, users } from '../../db/schema'
import { oneRow } from '../../db/statements'
import { notifyFollowers } from '../../notify/notify.data'
import { publicAnswer } from '../../stats/idea-events'
import { renderMarkdown } from '../../text/markdown'

const isWork = (status: string) => (WORK_STATUSES as readonly string[]).includes(status)

export type HelpResult =
  | { ok: true; helperCount: number; isHelping: boolean }
  | { ok: false; reason: 'not_found' | 'not_helpable' }

async function helperCount(db: Pick<Db, 'select'>, ideaId: number): Promise<number> {
  return (await db.select({ n: count() }).from(ideaHelpers).where(eq(ideaHelpers.ideaId, ideaId)))[0]?.n ?? 0
}

/** "Ik denk mee": offer to help with a planned or running idea (withdrawing is always possible). */
export async function setHelping(
  db: Db,
  input: { ideaId: number; userId: number; helping: boolean; note: string | null },
  now: number,
): Promise<HelpResult> {
  return await db.transaction(async (tx) => {
    const [idea] = await tx
      .select({ status: ideas.status, hidden: ideas.hidden })
      .from(ideas)
      .where(eq(ideas.id, input.ideaId))
      .limit(1)
    if (!idea || idea.hidden) return { ok: false, reason: 'not_found' } as const
    if (input.helping) {
      if (!isWork(idea.status)) return { ok: false, reason: 'not_helpable' } as const
      await tx
        .insert(ideaHelpers)
        .values({ ideaId: input.ideaId, userId: input.userId, note: input.note, createdAt: now })
        .onConflictDoUpdate({ target: [ideaHelpers.ideaId, ideaHelpers.userId], set: { note: input.note } })
    } else {
      await tx
        .delete(ideaHelpers)
        .where(and(eq(ideaHelpers.ideaId, input.ideaId), eq(ideaHelpers.userId, input.userId)))
    }
    return { ok: true, helperCount: await helperCount(tx, input.ideaId), isHelping: input.helping } as const
  })
}

/** For staff: who offered help, with their note and address (never shown to other members). */
export async function helpersOf(db: Db, ideaId: number) {
  return (
    await db
      .select({
        userId: users.id,
        displayName: users.displayName,
        email: users.email,
        note: ideaHelpers.note,
        createdAt: ideaHelpers.createdAt,
      })
      .from(ideaHelpers)
      .innerJoin(users, eq(users.id, ideaHelpers.userId))
      .where(eq(ideaHelpers.ideaId, ideaId))
      .orderBy(asc(ideaHelpers.createdAt))
  ).map((h) => ({ ...h, createdAt: new Date(h.createdAt).toISOString() }))
}

export type ProgressResult = { ok: true; id: number } | { ok: false; reason: 'not_found' | 'not_running' }

/**
 * A progress update: public on the idea, a public update for the "stale" clock, sent to
 * followers. Only while the work is planned or in progress: before, there is nothing to
 * report on; after, the closure record or the decline says how it ended.
 */
export async function postProgressUpdate(
  db: Db,
  input: { ideaId: number; authorId: number; body: string },
  now: number,
): Promise<ProgressResult> {
  return await db.transaction(
    async (tx) => {
      const [idea] = await tx.select({ status: ideas.status }).from(ideas).where(eq(ideas.id, input.ideaId)).limit(1)
      if (!idea) return { ok: false, reason: 'not_found' } as const
      if (!isWork(idea.status)) return { ok: false, reason: 'not_running' } as const
      const id = oneRow(
        await tx
          .insert(progressUpdates)
          .values({
            ideaId: input.ideaId,
            authorId: input.authorId,
            body: input.body,
            bodyHtml: renderMarkdown(input.body),
            createdAt: now,
          })
          .returning({ id: progressUpdates.id }),
      ).id
      await tx.update(ideas).set({ updatedAt: now }).where(eq(ideas.id, input.ideaId))
      await publicAnswer(tx, input.ideaId, now)
      await notifyFollowers(
        tx,
        { ideaId: input.ideaId, kind: 'progress_update', progressUpdateId: id, exceptUserId: input.authorId },
        now,
      )
      await recordAudit(
        tx,
        {
          actorId: input.authorId,
          action: 'idea.progress_update',
          subjectType: 'idea',
          subjectId: input.ideaId,
          details: { updateId: id },
        },
        now,
      )
      return { ok: true, id } as const
    },
    { behavior: 'immediate' },
  )
}
