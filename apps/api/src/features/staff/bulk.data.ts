import { canTransition, type DeclineReason, type IdeaStatus } from '@meedenken/shared'
import { eq, inArray } from 'drizzle-orm'
import type { Db, DbOrTx, Tx } from '../../db/open'
import { departments, ideas, users } from '../../db/schema'
import { changeStatus } from '../ideas/status.data'
import { assignIdea, mergeIdeas } from './staff.data'

/** Why one idea of a selection cannot take part; nothing changes when any can't. */
export type BulkProblem =
  | { ideaId: number; reason: 'not_found' | 'already_merged' | 'is_target' }
  | { ideaId: number; reason: 'transition'; from: IdeaStatus }

export type BulkResult<Extra = object> =
  | ({ ok: true; ideaIds: number[] } & Extra)
  | { ok: false; problems: BulkProblem[] }
  | { ok: false; reason: 'unknown_department' | 'unknown_assignee' | 'target_not_found' | 'target_closed' }

/** A step that was checked and failed anyway: the whole selection rolls back. */
export class BulkAborted extends Error {}

/**
 * Runs the per-idea action for each idea in one transaction: the same function the single
 * action calls (audit entry, notifications and all), each in a savepoint of this one.
 */
async function allOrNothing<T>(db: Db, run: (tx: Tx) => Promise<T>): Promise<T> {
  return await db.transaction(run, { behavior: 'immediate' })
}

async function statusesOf(db: DbOrTx, ids: number[]): Promise<Map<number, { status: IdeaStatus; hidden: number }>> {
  const rows = await db
    .select({ id: ideas.id, status: ideas.status, hidden: ideas.hidden })
    .from(ideas)
    .where(inArray(ideas.id, ids))

  return new Map(rows.map((r) => [r.id, r]))
}

function missing(ids: number[], found: Map<number, unknown>): BulkProblem[] {
  return ids.filter((id) => !found.has(id)).map((ideaId) => ({ ideaId, reason: 'not_found' as const }))
}

/** One status change, one public explanation, for every idea: only if each may make it. */
export async function bulkChangeStatus(
  db: Db,
  input: {
    ideaIds: number[]
    actorId: number
    to: IdeaStatus
    explanation: string
    declineReason: DeclineReason | null
    referredTo: string | null
    closure: { whatChanged: string; since: string; team: string; link: string | null } | null
  },
  now: number,
): Promise<BulkResult> {
  return await allOrNothing(db, async (tx) => {
    const found = await statusesOf(tx, input.ideaIds)
    const problems: BulkProblem[] = missing(input.ideaIds, found)
    for (const [ideaId, idea] of found) {
      if (!canTransition(idea.status, input.to)) problems.push({ ideaId, reason: 'transition', from: idea.status })
    }
    if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.ideaId - b.ideaId) }
    for (const ideaId of input.ideaIds) {
      const { ideaIds: _all, ...rest } = input
      if (!(await changeStatus(tx, { ...rest, ideaId }, now)).ok) throw new BulkAborted()
    }
    return { ok: true, ideaIds: input.ideaIds }
  })
}

/**
 * Hands every idea to a department and/or colleague. Ideas already there are left alone
 * (no hand-off is logged for them); the answer names the ideas that moved.
 */
export async function bulkAssign(
  db: Db,
  input: {
    ideaIds: number[]
    actorId: number
    departmentId?: number | null | undefined
    assigneeId?: number | null | undefined
    note?: string | undefined
  },
  now: number,
): Promise<BulkResult> {
  return await allOrNothing(db, async (tx) => {
    if (
      input.departmentId &&
      !(
        await tx.select({ id: departments.id }).from(departments).where(eq(departments.id, input.departmentId)).limit(1)
      )[0]
    ) {
      return { ok: false, reason: 'unknown_department' } as const
    }
    if (input.assigneeId) {
      const [assignee] = await tx
        .select({ role: users.role, deletedAt: users.deletedAt })
        .from(users)
        .where(eq(users.id, input.assigneeId))
        .limit(1)
      if (!assignee || assignee.role === 'member' || assignee.deletedAt !== null)
        return { ok: false, reason: 'unknown_assignee' } as const
    }
    const rows = await tx
      .select({ id: ideas.id, departmentId: ideas.departmentId, assigneeId: ideas.assigneeId })
      .from(ideas)
      .where(inArray(ideas.id, input.ideaIds))

    const found = new Map(rows.map((r) => [r.id, r]))
    const problems = missing(input.ideaIds, found)
    if (problems.length > 0) return { ok: false, problems }
    const moved = input.ideaIds.filter((id) => {
      const idea = found.get(id)
      return (
        (input.departmentId !== undefined && input.departmentId !== idea?.departmentId) ||
        (input.assigneeId !== undefined && input.assigneeId !== idea?.assigneeId)
      )
    })
    for (const ideaId of moved) {
      const result = await assignIdea(
        tx,
        {
          ideaId,
          actorId: input.actorId,
          ...(input.departmentId !== undefined ? { departmentId: input.departmentId } : {}),
          ...(input.assigneeId !== undefined ? { assigneeId: input.assigneeId } : {}),
          ...(input.note ? { note: input.note } : {}),
        },
        now,
      )
      if (!result.ok) throw new BulkAborted()
    }
    return { ok: true, ideaIds: moved }
  })
}

/**
 * Merges several duplicates into one idea, one after another with the single merge: a
 * person who voted for more than one of them keeps one vote on the target.
 */
export async function bulkMerge(
  db: Db,
  input: { sourceIds: number[]; targetId: number; actorId: number; explanation: string },
  now: number,
): Promise<BulkResult<{ movedVotes: number }>> {
  return await allOrNothing(db, async (tx) => {
    const target = (await statusesOf(tx, [input.targetId])).get(input.targetId)
    if (!target) return { ok: false, reason: 'target_not_found' } as const
    if (target.status === 'merged' || target.hidden) return { ok: false, reason: 'target_closed' } as const
    const found = await statusesOf(tx, input.sourceIds)
    const problems: BulkProblem[] = missing(input.sourceIds, found)
    for (const [ideaId, idea] of found) {
      if (ideaId === input.targetId) problems.push({ ideaId, reason: 'is_target' })
      else if (idea.status === 'merged') problems.push({ ideaId, reason: 'already_merged' })
    }
    if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.ideaId - b.ideaId) }
    let movedVotes = 0
    for (const sourceId of input.sourceIds) {
      const result = await mergeIdeas(
        tx,
        { sourceId, targetId: input.targetId, actorId: input.actorId, explanation: input.explanation },
        now,
      )
      if (!result.ok) throw new BulkAborted()
      movedVotes += result.movedVotes
    }
    return { ok: true, ideaIds: input.sourceIds, movedVotes }
  })
}
