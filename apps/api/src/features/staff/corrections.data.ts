import { and, desc, eq } from 'drizzle-orm'
import { recordAudit } from '../../audit/audit.data'
import { lockIdeas } from '../../db/locks'
import type { Db, DbOrTx } from '../../db/open'
import { followupAnswers, ideaCorrections, ideas, ratings, statusChanges } from '../../db/schema'
import { bump, MAX_ANSWER_DAYS } from '../../stats/counters.data'
import { monthOf } from '../../stats/periods'
import { renderMarkdown } from '../../text/markdown'

export type Correction = { title?: string; body?: string; themeId?: number; districtId?: number | null }

const FIELDS = ['title', 'body', 'themeId', 'districtId'] as const
type Field = (typeof FIELDS)[number]

export type CorrectResult = { ok: true; fields: Field[] } | { ok: false; reason: 'not_found' | 'unchanged' }

/**
 * Staff correct an idea's title, text, theme or district, with a public reason. The idea's
 * status and its author's rights stay as they were (a new idea stays editable by its
 * author); the search index follows through its trigger; a theme change moves every
 * scorecard count of the idea to the new theme. The district is no scorecard dimension:
 * its change moves no count. The department stays: hand-offs are a separate, logged step.
 */
export async function correctIdea(
  db: Db,
  input: { ideaId: number; actorId: number; reason: string; changes: Correction },
  now: number,
): Promise<CorrectResult> {
  return await db.transaction(
    async (tx) => {
      await lockIdeas(tx, [input.ideaId])
      const [before] = await tx
        .select({ title: ideas.title, body: ideas.body, themeId: ideas.themeId, districtId: ideas.districtId })
        .from(ideas)
        .where(eq(ideas.id, input.ideaId))
        .limit(1)
      if (!before) return { ok: false, reason: 'not_found' } as const
      const fields = FIELDS.filter((f) => input.changes[f] !== undefined && input.changes[f] !== before[f])
      if (fields.length === 0) return { ok: false, reason: 'unchanged' } as const
      const pick = (source: Record<Field, unknown>) => Object.fromEntries(fields.map((f) => [f, source[f]]))
      const after = { ...before, ...pick(input.changes as Record<Field, unknown>) } as typeof before
      if (fields.includes('themeId')) await moveThemeCounts(tx, input.ideaId, before.themeId, after.themeId)
      await tx
        .update(ideas)
        .set({
          ...pick(after),
          ...(fields.includes('body') ? { bodyHtml: renderMarkdown(after.body) } : {}),
          updatedAt: now,
        })
        .where(eq(ideas.id, input.ideaId))

      await tx
        .insert(ideaCorrections)
        .values({ ideaId: input.ideaId, actorId: input.actorId, reason: input.reason, fields, createdAt: now })

      await recordAudit(
        tx,
        {
          actorId: input.actorId,
          action: 'idea.corrected',
          subjectType: 'idea',
          subjectId: input.ideaId,
          details: { reason: input.reason, before: pick(before), after: pick(after) },
        },
        now,
      )
      return { ok: true, fields } as const
    },
    { behavior: 'immediate' },
  )
}

/**
 * Everything the idea counts for on the scorecard, from the old theme to the new one: what
 * stats/rebuild.ts would count for it from the rows (its arrival, channel, status, decline
 * reason, first answer; each rating and follow-up answer in the month it was given).
 */
async function moveThemeCounts(tx: DbOrTx, ideaId: number, fromTheme: number, toTheme: number): Promise<void> {
  const [idea] = await tx
    .select({
      createdAt: ideas.createdAt,
      authorGroup: ideas.authorGroup,
      channel: ideas.channel,
      status: ideas.status,
      firstResponseAt: ideas.firstResponseAt,
      firstResponseWorkingDays: ideas.firstResponseWorkingDays,
      responseDueAt: ideas.responseDueAt,
    })
    .from(ideas)
    .where(eq(ideas.id, ideaId))
    .limit(1)
  if (!idea) return
  const counts: { month: string; group: string | null; metric: string }[] = []
  const own = (metric: string) => counts.push({ month: monthOf(idea.createdAt), group: idea.authorGroup, metric })
  own('received')
  own(`channel:${idea.channel}`)
  own(`status:${idea.status}`)
  if (idea.status === 'declined') {
    const reason = (
      await tx
        .select({ reason: statusChanges.declineReason })
        .from(statusChanges)
        .where(and(eq(statusChanges.ideaId, ideaId), eq(statusChanges.toStatus, 'declined')))
        .orderBy(desc(statusChanges.createdAt), desc(statusChanges.id))
        .limit(1)
    )[0]?.reason
    if (reason) own(`decline:${reason}`)
  }
  if (idea.firstResponseAt !== null) {
    own('answered')
    own(`answer_days:${Math.min(idea.firstResponseWorkingDays ?? 0, MAX_ANSWER_DAYS)}`)
    if (idea.responseDueAt === null || idea.firstResponseAt <= idea.responseDueAt) own('within_norm')
  }
  const given = await tx
    .select({ createdAt: ratings.createdAt, group: ratings.raterGroup, score: ratings.score })
    .from(ratings)
    .where(eq(ratings.ideaId, ideaId))

  for (const r of given) {
    const month = monthOf(r.createdAt)
    counts.push(
      { month, group: r.group, metric: 'rating_n' },
      { month, group: r.group, metric: `rating_score:${r.score}` },
    )
    if (r.score >= 4) counts.push({ month, group: r.group, metric: 'rating_45' })
  }
  const answers = await tx
    .select({ createdAt: followupAnswers.createdAt, group: followupAnswers.raterGroup, answer: followupAnswers.answer })
    .from(followupAnswers)
    .where(eq(followupAnswers.ideaId, ideaId))

  for (const f of answers) counts.push({ month: monthOf(f.createdAt), group: f.group, metric: `followup:${f.answer}` })
  for (const { month, group, metric } of counts) {
    const targetGroup = group ?? 'unknown'
    await bump(tx, { themeId: fromTheme, month, targetGroup }, metric, -1)
    await bump(tx, { themeId: toTheme, month, targetGroup }, metric, 1)
  }
}
