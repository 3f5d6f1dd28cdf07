import { type Breakdown, MIN_CELL_SIZE, type Satisfaction } from '@meedenken/shared'
import { and, desc, eq, isNull, lte, sql } from 'drizzle-orm'
import { installationSettings } from '../../config/installation.data'
import type { Db, DbOrTx } from '../../db/open'
import { comments, followupAnswers, ideas, ratings, statusChanges, users } from '../../db/schema'
import { foldSmallCells } from '../../domain/small-cells'
import { notifyFollowers } from '../../notify/notify.data'
import { bump, ratingCell } from '../../stats/counters.data'

const WEEK = 7 * 86_400_000

/** The author, the voters and the followers are the people involved in an idea. */
export function isInvolved(db: DbOrTx, ideaId: number, userId: number): boolean {
  const row = db.get<{ involved: number }>(sql`select
      exists(select 1 from ideas where id = ${ideaId} and author_id = ${userId})
      or exists(select 1 from votes where idea_id = ${ideaId} and user_id = ${userId})
      or exists(select 1 from followers where idea_id = ${ideaId} and user_id = ${userId}) as involved`)
  return row?.involved === 1
}

function occasionsOf(db: DbOrTx, ideaId: number) {
  const changes = db
    .select({ id: statusChanges.id, status: statusChanges.toStatus, createdAt: statusChanges.createdAt })
    .from(statusChanges)
    .where(eq(statusChanges.ideaId, ideaId))
    .all()
    .map((c) => ({ type: 'status_change' as const, id: c.id, status: c.status, createdAt: c.createdAt }))
  const answers = db
    .select({ id: comments.id, createdAt: comments.createdAt })
    .from(comments)
    .where(and(eq(comments.ideaId, ideaId), eq(comments.official, 1), sql`${comments.deletedAt} is null`))
    .all()
    .map((c) => ({ type: 'official_answer' as const, id: c.id, status: null, createdAt: c.createdAt }))
  return [...changes, ...answers].sort((a, b) => b.createdAt - a.createdAt || b.id - a.id)
}

export function satisfactionFor(db: Db, ideaId: number, userId: number, now: number): Satisfaction | null {
  const idea = db
    .select({ status: ideas.status, doneAt: ideas.doneAt, hidden: ideas.hidden })
    .from(ideas)
    .where(eq(ideas.id, ideaId))
    .get()
  if (!idea || idea.hidden) return null
  const mine = db
    .select({
      occasionType: ratings.occasionType,
      occasionId: ratings.occasionId,
      score: ratings.score,
      remark: ratings.remark,
    })
    .from(ratings)
    .where(and(eq(ratings.ideaId, ideaId), eq(ratings.userId, userId)))
    .all()
  const occasions = occasionsOf(db, ideaId).map((o) => {
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
  const weeks = installationSettings(db).followupWeeks
  const followupOpen = idea.status === 'done' && idea.doneAt !== null && now >= idea.doneAt + weeks * WEEK
  const answer = db
    .select({ answer: followupAnswers.answer, remark: followupAnswers.remark })
    .from(followupAnswers)
    .where(and(eq(followupAnswers.ideaId, ideaId), eq(followupAnswers.userId, userId)))
    .get()
  return {
    canRate: isInvolved(db, ideaId, userId),
    occasions,
    followup:
      idea.status === 'done'
        ? { open: followupOpen, myAnswer: answer?.answer ?? null, myRemark: answer?.remark ?? null }
        : null,
  }
}

export type RateResult = { ok: true } | { ok: false; reason: 'not_found' | 'not_involved' | 'no_occasion' }

function raterOf(tx: DbOrTx, userId: number) {
  return tx
    .select({ group: users.targetGroup, districtId: users.districtId })
    .from(users)
    .where(eq(users.id, userId))
    .get()
}

/**
 * One rating per person per occasion; rating again changes it. The scorecard counters move
 * in the same transaction: the month and group of the first rating stay its cell.
 */
export function rate(
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
): RateResult {
  return db.transaction(
    (tx) => {
      const idea = tx
        .select({ themeId: ideas.themeId, hidden: ideas.hidden })
        .from(ideas)
        .where(eq(ideas.id, input.ideaId))
        .get()
      if (!idea || idea.hidden) return { ok: false, reason: 'not_found' } as const
      if (!isInvolved(tx, input.ideaId, input.userId)) return { ok: false, reason: 'not_involved' } as const
      if (!occasionsOf(tx, input.ideaId).some((o) => o.type === input.occasionType && o.id === input.occasionId)) {
        return { ok: false, reason: 'no_occasion' } as const
      }
      const existing = tx
        .select()
        .from(ratings)
        .where(
          and(
            eq(ratings.occasionType, input.occasionType),
            eq(ratings.occasionId, input.occasionId),
            eq(ratings.userId, input.userId),
          ),
        )
        .get()
      if (existing) {
        tx.update(ratings)
          .set({ score: input.score, remark: input.remark, updatedAt: now })
          .where(eq(ratings.id, existing.id))
          .run()
        const cell = ratingCell(idea.themeId, existing.createdAt, existing.raterGroup)
        bump(tx, cell, `rating_score:${existing.score}`, -1)
        bump(tx, cell, `rating_score:${input.score}`, 1)
        bump(tx, cell, 'rating_45', (input.score >= 4 ? 1 : 0) - (existing.score >= 4 ? 1 : 0))
        return { ok: true } as const
      }
      const rater = raterOf(tx, input.userId)
      tx.insert(ratings)
        .values({
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
        .run()
      const cell = ratingCell(idea.themeId, now, rater?.group ?? null)
      bump(tx, cell, 'rating_n', 1)
      bump(tx, cell, `rating_score:${input.score}`, 1)
      if (input.score >= 4) bump(tx, cell, 'rating_45', 1)
      return { ok: true } as const
    },
    { behavior: 'immediate' },
  )
}

export type FollowupResult = { ok: true } | { ok: false; reason: 'not_found' | 'not_involved' | 'not_open' }

export function answerFollowup(
  db: Db,
  input: { ideaId: number; userId: number; answer: 'yes' | 'partly' | 'no'; remark: string | null },
  now: number,
): FollowupResult {
  const weeks = installationSettings(db).followupWeeks
  return db.transaction(
    (tx) => {
      const idea = tx
        .select({ themeId: ideas.themeId, status: ideas.status, doneAt: ideas.doneAt, hidden: ideas.hidden })
        .from(ideas)
        .where(eq(ideas.id, input.ideaId))
        .get()
      if (!idea || idea.hidden) return { ok: false, reason: 'not_found' } as const
      if (idea.status !== 'done' || idea.doneAt === null || now < idea.doneAt + weeks * WEEK) {
        return { ok: false, reason: 'not_open' } as const
      }
      if (!isInvolved(tx, input.ideaId, input.userId)) return { ok: false, reason: 'not_involved' } as const
      const existing = tx
        .select()
        .from(followupAnswers)
        .where(and(eq(followupAnswers.ideaId, input.ideaId), eq(followupAnswers.userId, input.userId)))
        .get()
      if (existing) {
        tx.update(followupAnswers)
          .set({ answer: input.answer, remark: input.remark, updatedAt: now })
          .where(eq(followupAnswers.id, existing.id))
          .run()
        const cell = ratingCell(idea.themeId, existing.createdAt, existing.raterGroup)
        bump(tx, cell, `followup:${existing.answer}`, -1)
        bump(tx, cell, `followup:${input.answer}`, 1)
        return { ok: true } as const
      }
      const rater = raterOf(tx, input.userId)
      tx.insert(followupAnswers)
        .values({
          ideaId: input.ideaId,
          userId: input.userId,
          answer: input.answer,
          remark: input.remark,
          raterGroup: rater?.group ?? null,
          createdAt: now,
          updatedAt: now,
        })
        .run()
      bump(tx, ratingCell(idea.themeId, now, rater?.group ?? null), `followup:${input.answer}`, 1)
      return { ok: true } as const
    },
    { behavior: 'immediate' },
  )
}

/** Ratings with remarks, for staff only. */
export function ratingsForStaff(db: Db, ideaId: number) {
  return db
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
    .all()
    .map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() }))
}

/**
 * Who supports an idea, by target group and district. Groups under MIN_CELL_SIZE are never
 * named, and the total minus the lines shown never gives a small number (foldSmallCells).
 */
export function supporterBreakdown(db: Db, ideaId: number): Breakdown | null {
  const idea = db.select({ hidden: ideas.hidden }).from(ideas).where(eq(ideas.id, ideaId)).get()
  if (!idea || idea.hidden) return null
  const byGroup = db.all<{ group: string | null; n: number }>(sql`
    select u.target_group as "group", count(*) as n from votes v join users u on u.id = v.user_id
    where v.idea_id = ${ideaId} group by u.target_group`)
  const byDistrict = db.all<{ districtId: number | null; n: number }>(sql`
    select u.district_id as "districtId", count(*) as n from votes v join users u on u.id = v.user_id
    where v.idea_id = ${ideaId} group by u.district_id order by n desc`)
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
export function askDueFollowups(db: Db, now: number): number {
  const weeks = installationSettings(db).followupWeeks
  const due = db
    .select({ id: ideas.id })
    .from(ideas)
    .where(and(isNull(ideas.followupAskedAt), lte(ideas.doneAt, now - weeks * WEEK), eq(ideas.status, 'done')))
    .limit(200)
    .all()
  let asked = 0
  for (const { id } of due) {
    db.transaction(
      (tx) => {
        const claimed = tx
          .update(ideas)
          .set({ followupAskedAt: now })
          .where(and(eq(ideas.id, id), isNull(ideas.followupAskedAt)))
          .run()
        if (claimed.changes === 1)
          asked += notifyFollowers(tx, { ideaId: id, kind: 'followup_question', exceptUserId: null }, now)
      },
      { behavior: 'immediate' },
    )
  }
  return asked
}
