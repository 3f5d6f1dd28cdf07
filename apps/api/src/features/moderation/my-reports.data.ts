import { and, eq, inArray, or } from 'drizzle-orm'
import type { Db } from '../../db/open'
import { comments, photos, reports } from '../../db/schema'
import type { Subject } from './moderation.data'

/** Whether this person reported this idea or comment before (one report per person and subject). */
export async function hasReported(db: Db, reporterId: number, subject: Subject): Promise<boolean> {
  return (
    (
      await db
        .select({ id: reports.id })
        .from(reports)
        .where(
          and(
            eq(reports.subjectType, subject.type),
            eq(reports.subjectId, subject.id),
            eq(reports.reporterId, reporterId),
          ),
        )
        .limit(1)
    )[0] !== undefined
  )
}

/**
 * What this person reported on one idea: the idea itself, and which of its comments and photos. Read
 * through the reporter's own reports (reports_by_reporter), a handful per person.
 */
export async function myReportsOnIdea(
  db: Db,
  reporterId: number,
  ideaId: number,
): Promise<{ idea: boolean; comments: number[]; photos: number[] }> {
  const ofIdea = db.select({ id: comments.id }).from(comments).where(eq(comments.ideaId, ideaId))
  const photosOfIdea = db.select({ id: photos.id }).from(photos).where(eq(photos.ideaId, ideaId))
  const rows = await db
    .select({ type: reports.subjectType, id: reports.subjectId })
    .from(reports)
    .where(
      and(
        eq(reports.reporterId, reporterId),
        or(
          and(eq(reports.subjectType, 'idea'), eq(reports.subjectId, ideaId)),
          and(eq(reports.subjectType, 'comment'), inArray(reports.subjectId, ofIdea)),
          and(eq(reports.subjectType, 'photo'), inArray(reports.subjectId, photosOfIdea)),
        ),
      ),
    )

  const ofType = (type: string) =>
    rows
      .filter((r) => r.type === type)
      .map((r) => r.id)
      .sort((a, b) => a - b)
  return { idea: rows.some((r) => r.type === 'idea'), comments: ofType('comment'), photos: ofType('photo') }
}
