import { canTransition, type DeclineReason, type IdeaStatus } from '@meedenken/shared'
import { eq, sql } from 'drizzle-orm'
import { recordAudit } from '../../audit/audit.data'
import { lockIdeas } from '../../db/locks'
import type { DbOrTx } from '../../db/open'
import { ideas, statusChanges } from '../../db/schema'
import { oneRow } from '../../db/statements'
import { hotScoreShift } from '../../domain/hot-score'
import { notifyFollowers } from '../../notify/notify.data'
import { publicAnswer, statusMoved } from '../../stats/idea-events'

export type StatusChangeInput = {
  ideaId: number
  actorId: number
  to: IdeaStatus
  explanation: string
  declineReason: DeclineReason | null
  referredTo: string | null
  closure: { whatChanged: string; since: string; team: string; link: string | null } | null
}

export type StatusChangeResult =
  | { ok: true; statusChangeId: number; notified: number }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'transition'; from: IdeaStatus }

/**
 * A public status change: the timeline row, the idea's status and "last update", the
 * first-answer clock, a notification per follower and the audit entry, all or nothing.
 */
export async function changeStatus(db: DbOrTx, input: StatusChangeInput, now: number): Promise<StatusChangeResult> {
  return await db.transaction(
    async (tx) => {
      await lockIdeas(tx, [input.ideaId])
      const [idea] = await tx.select({ status: ideas.status }).from(ideas).where(eq(ideas.id, input.ideaId)).limit(1)
      if (!idea) return { ok: false, reason: 'not_found' } as const
      if (!canTransition(idea.status, input.to)) return { ok: false, reason: 'transition', from: idea.status } as const
      await statusMoved(tx, input.ideaId, idea.status, input.to, input.declineReason, now)
      const statusChangeId = oneRow(
        await tx
          .insert(statusChanges)
          .values({
            ideaId: input.ideaId,
            fromStatus: idea.status,
            toStatus: input.to,
            explanation: input.explanation,
            declineReason: input.declineReason,
            referredTo: input.referredTo,
            closureWhatChanged: input.closure?.whatChanged ?? null,
            closureSince: input.closure?.since ?? null,
            closureTeam: input.closure?.team ?? null,
            closureLink: input.closure?.link ?? null,
            actorId: input.actorId,
            createdAt: now,
          })
          .returning({ id: statusChanges.id }),
      ).id
      // A decided idea moves behind the open ones in "Populair nu", and back when reopened.
      const shift = hotScoreShift(idea.status, input.to)
      await tx
        .update(ideas)
        .set({ status: input.to, updatedAt: now, ...(shift ? { hotScore: sql`${ideas.hotScore} + ${shift}` } : {}) })
        .where(eq(ideas.id, input.ideaId))

      await publicAnswer(tx, input.ideaId, now)
      const notified = await notifyFollowers(
        tx,
        { ideaId: input.ideaId, kind: 'status_changed', statusChangeId, exceptUserId: input.actorId },
        now,
      )
      await recordAudit(
        tx,
        {
          actorId: input.actorId,
          action: 'idea.status_changed',
          subjectType: 'idea',
          subjectId: input.ideaId,
          details: { before: idea.status, after: input.to, declineReason: input.declineReason },
        },
        now,
      )
      return { ok: true, statusChangeId, notified } as const
    },
    { behavior: 'immediate' },
  )
}
