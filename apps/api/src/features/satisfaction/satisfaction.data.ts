import { type Breakdown, MIN_CELL_SIZE, type Satisfaction } from '@meedenken/shared'
import { and, count, desc, eq, isNull, lte, sql } from 'drizzle-orm'
import { installationSettings } from '../../config/installation.data'
import type { Db, DbOrTx } from '../../db/open'
import { comments, followupAnswers, ideas, ratings, statusChanges, users, votes } from '../../db/schema'
import { foldSmallCells } from '../../domain/small-cells'
import { notifyFollowers } from '../../notify/notify.data'
import { bump, ratingCell } from '../../stats/counters.data'

const WEEK = 7 * 86_400_000

/** The author, the voters and the followers are the people involved in an idea. */
export async function isInvolved(db: DbOrTx, ideaId: number, userId: number): Promise<boolean> {
  const [row] = await db
    .select({
      involved: sql<boolean>`exists(select 1 from votes where idea_id = ${ideaId} and user_id = ${userId})
        or exists(select 1 from followers where idea_id = ${ideaId} and user_id = ${userId})`.mapWith(Boolean),
      authorId: ideas.authorId,
    })
    .from(ideas)
    .where(eq(ideas.id, ideaId))
    .limit(1)
  return row !== undefined && (row.authorId === userId || row.involved)
}

async function occasionsOf(db: DbOrTx, ideaId: number) {
  const changes = (
    await db
      .select({ id: statusChanges.id, status: statusChanges.toStatus, createdAt: statusChanges.createdAt })
      .from(statusChanges)
      .where(eq(statusChanges.ideaId, ideaId))
  ).map((c) => ({ type: 'status_change' as const, id: c.id, status: c.status, createdAt: c.createdAt }))
  const answers = (
    await db
      .select({ id: comments.id, createdAt: comments.createdAt })
      .from(comments)
      .where(and(eq(comments.ideaId, ideaId), eq(comments.official, 1), sql`${comments.deletedAt} is null`))
  ).map((c) => ({ type: 'official_answer' as const, id: c.id, status: null, createdAt: c.createdAt }))
  return [...changes, ...answers].sort((a, b) => b.createdAt - a.createdAt || b.id - a.id)
}

export async function satisfactionFor(
  db: Db,
  ideaId: number,
  userId: number,
  now: number,
): Promise<Satisfaction | null> {
  const [idea] = await db
    .select({ status: ideas.status, doneAt: ideas.doneAt, hidden: ideas.hidden })
    .from(ideas)
    .where(eq(ideas.id, ideaId))
    .limit(1)
  if (!idea || idea.hidden) return null
  const mine = await db
    .select({
      occasionType: ratings.occasionType,
      occasionId: ratings.occasionId,
      score: ratings.score,
      remark: ratings.remark,
    })
    .from(ratings)
    .where(and(eq(ratings.ideaId, ideaId), eq(ratings.userId, userId)))

  const occasions = (await occasionsOf(db, ideaId)).map((o) => {
    const rating = mine.find((m) => m.occasionType === o.type && m.occasionId === o.id)
    return {
      type: o.type,
      id: o.id,
      status: o.status,
      createdAt: new Date(o.createdAt).toISOString(),
      myScore: rating?.score ?? null,
      myRemark: rating?.remark ?? null,
    }
  })
  const weeks = (await installationSettings(db)).followupWeeks
  const followupOpen = idea.status === 'done' && idea.doneAt !== null && now >= idea.doneAt + weeks * WEEK
  const [answer] = await db
    .select({ answer: followupAnswers.answer, remark: followupAnswers.remark })
    .from(followupAnswers)
    .where(and(eq(followupAnswers.ideaId, ideaId), eq(followupAnswers.userId, userId)))
    .limit(1)
  return {
    canRate: await isInvolved(db, ideaId, userId),
    occasions,
    followup:
      idea.status === 'done'
        ? { open: followupOpen, myAnswer: answer?.answer ?? null, myRemark: answer?.remark ?? null }
        : null,
  }
}

export type RateResult = { ok: true } | { ok: false; reason: 'not_found' | 'not_involved' | 'no_occasion' }

async function raterOf(tx: DbOrTx, userId: number) {
  return (
    await tx
      .select({ group: users.targetGroup, districtId: users.districtId })
      .from(users)
      .where(eq(users.id, userId))
      .limit(1)
  )[0]
}

/**
 * One rating per person per occasion; rating again changes it. The scorecard counters move
 * in the same transaction: the month and group of the first rating stay its cell.
 */
export async function rate(
  db: Db,
  input: {
    ideaId: number
    userId: number
    occasionType: 'status_change' | 'official_answer'
    occasionId: number
    score: number
    remark: string | null
  },
  now: number,
): Promise<RateResult> {
  return await db.transaction(
    async (tx) => {
      const [idea] = await tx
        .select({ themeId: ideas.themeId, hidden: ideas.hidden })
        .from(ideas)
        .where(eq(ideas.id, input.ideaId))
        .limit(1)
      if (!idea || idea.hidden) return { ok: false, reason: 'not_found' } as const
      if (!(await isInvolved(tx, input.ideaId, input.userId))) return { ok: false, reason: 'not_involved' } as const
      if (
        !(await occasionsOf(tx, input.ideaId)).some((o) => o.type === input.occasionType && o.id === input.occasionId)
      ) {
        return { ok: false, reason: 'no_occasion' } as const
      }
      const [existing] = await tx
        .select()
        .from(ratings)
        .where(
          and(
            eq(ratings.occasionType, input.occasionType),
            eq(ratings.occasionId, input.occasionId),
            eq(ratings.userId, input.userId),
          ),
        )
        .limit(1)
      if (existing) {
        await tx
          .update(ratings)
          .set({ score: input.score, remark: input.remark, updatedAt: now })
          .where(eq(ratings.id, existing.id))

        const cell = ratingCell(idea.themeId, existing.createdAt, existing.raterGroup)
        await bump(tx, cell, `rating_score:${existing.score}`, -1)
        await bump(tx, cell, `rating_score:${input.score}`, 1)
        await bump(tx, cell, 'rating_45', (input.score >= 4 ? 1 : 0) - (existing.score >= 4 ? 1 : 0))
        return { ok: true } as const
      }
      const rater = await raterOf(tx, input.userId)
      await tx.insert(ratings).values({
        ideaId: input.ideaId,
        userId: input.userId,
        occasionType: input.occasionType,
        occasionId: input.occasionId,
        score: input.score,
        remark: input.remark,
        raterGroup: rater?.group ?? null,
        raterDistrictId: rater?.districtId ?? null,
        createdAt: now,
        updatedAt: now,
      })

      const cell = ratingCell(idea.themeId, now, rater?.group ?? null)
      await bump(tx, cell, 'rating_n', 1)
      await bump(tx, cell, `rating_score:${input.score}`, 1)
      if (input.score >= 4) await bump(tx, cell, 'rating_45', 1)
      return { ok: true } as const
    },
    { behavior: 'immediate' },
  )
}

export type FollowupResult = { ok: true } | { ok: false; reason: 'not_found' | 'not_involved' | 'not_open' }

export async function answerFollowup(
  db: Db,
  input: { ideaId: number; userId: number; answer: 'yes' | 'partly' | 'no'; remark: string | null },
  now: number,
): Promise<FollowupResult> {
  const weeks = (await installationSettings(db)).followupWeeks
  return await db.transaction(
    async (tx) => {
      const [idea] = await tx
        .select({ themeId: ideas.themeId, status: ideas.status, doneAt: ideas.doneAt, hidden: ideas.hidden })
        .from(ideas)
        .where(eq(ideas.id, input.ideaId))
        .limit(1)
      if (!idea || idea.hidden) return { ok: false, reason: 'not_found' } as const
      if (idea.status !== 'done' || idea.doneAt === null || now < idea.doneAt + weeks * WEEK) {
        return { ok: false, reason: 'not_open' } as const
      }
      if (!(await isInvolved(tx, input.ideaId, input.userId))) return { ok: false, reason: 'not_involved' } as const
      const [existing] = await tx
        .select()
        .from(followupAnswers)
        .where(and(eq(followupAnswers.ideaId, input.ideaId), eq(followupAnswers.userId, input.userId)))
        .limit(1)
      if (existing) {
        await tx
          .update(followupAnswers)
          .set({ answer: input.answer, remark: input.remark, updatedAt: now })
          .where(eq(followupAnswers.id, existing.id))

        const cell = ratingCell(idea.themeId, existing.createdAt, existing.raterGroup)
        await bump(tx, cell, `followup:${existing.answer}`, -1)
        await bump(tx, cell, `followup:${input.answer}`, 1)
        return { ok: true } as const
      }
      const rater = await raterOf(tx, input.userId)
      await tx.insert(followupAnswers).values({
        ideaId: input.ideaId,
        userId: input.userId,
        answer: input.answer,
        remark: input.remark,
        raterGroup: rater?.group ?? null,
        createdAt: now,
        updatedAt: now,
      })

      await bump(tx, ratingCell(idea.themeId, now, rater?.group ?? null), `followup:${input.answer}`, 1)
      return { ok: true } as const
    },
    { behavior: 'immediate' },
  )
}

/** Ratings with remarks, for staff only. */
export async function ratingsForStaff(db: Db, ideaId: number) {
  return (
    await db
      .select({
        occasionType: ratings.occasionType,
        occasionId: ratings.occasionId,
        score: ratings.score,
        remark: ratings.remark,
        raterGroup: ratings.raterGroup,
        createdAt: ratings.createdAt,
      })
      .from(ratings)
      .where(eq(ratings.ideaId, ideaId))
      .orderBy(desc(ratings.createdAt))
  ).map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() }))
}

/**
 * Who supports an idea, by target group and district. Groups under MIN_CELL_SIZE are never
 * named, and the total minus the lines shown never gives a small number (foldSmallCells).
 */
export async function supporterBreakdown(db: Db, ideaId: number): Promise<Breakdown | null> {
  const [idea] = await db.select({ hidden: ideas.hidden }).from(ideas).where(eq(ideas.id, ideaId)).limit(1)
  if (!idea || idea.hidden) return null
  const byGroup = await db
    .select({ group: users.targetGroup, n: count() })
    .from(votes)
    .innerJoin(users, eq(users.id, votes.userId))
    .where(eq(votes.ideaId, ideaId))
    .groupBy(users.targetGroup)
  const byDistrict = await db
    .select({ districtId: users.districtId, n: count() })
    .from(votes)
    .innerJoin(users, eq(users.id, votes.userId))
    .where(eq(votes.ideaId, ideaId))
    .groupBy(users.districtId)
    .orderBy(desc(count()))
  const total = byGroup.reduce((sum, g) => sum + g.n, 0)
  const groups = foldSmallCells(
    byGroup.map((g) => g.n),
    MIN_CELL_SIZE,
  )
  const districts = foldSmallCells(
    byDistrict.map((d) => d.n),
    MIN_CELL_SIZE,
  )
  return {
    total,
    byTargetGroup: byGroup
      .filter((_, i) => groups.shown[i])
      .map((g) => ({ targetGroup: g.group ?? 'unknown', count: g.n })),
    otherTargetGroups: groups.other,
    byDistrict: byDistrict.filter((_, i) => districts.shown[i]).map((d) => ({ districtId: d.districtId, count: d.n })),
    otherDistricts: districts.other,
    suppressedBelow: MIN_CELL_SIZE,
  }
}

/**
 * Asks everyone involved, once, whether a completed idea helped, when the follow-up
 * period has passed. Safe to run in several processes: the marker is set in the same transaction.
 */
export async function askDueFollowups(db: Db, now: number): Promise<number> {
  const weeks = (await installationSettings(db)).followupWeeks
  const due = await db
    .select({ id: ideas.id })
    .from(ideas)
    .where(and(isNull(ideas.followupAskedAt), lte(ideas.doneAt, now - weeks * WEEK), eq(ideas.status, 'done')))
    .limit(200)

  let asked = 0
  for (const { id } of due) {
    await db.transaction(
      async (tx) => {
        const claimed = await tx
          .update(ideas)
          .set({ followupAskedAt: now })
          .where(and(eq(ideas.id, id), isNull(ideas.followupAskedAt)))
          .returning({ id: ideas.id })
        if (claimed.length === 1)
          asked += await notifyFollowers(tx, { ideaId: id, kind: 'followup_question', exceptUserId: null }, now)
      },
      { behavior: 'immediate' },
    )
  }
  return asked
}
