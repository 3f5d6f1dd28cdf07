import { COMMENT_EDIT_WINDOW_MS, type Comment, type Reply } from '@meedenken/shared'
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm'
import { recordAudit } from '../../audit/audit.data'
import type { Db, DbOrTx } from '../../db/open'
import { comments, ideas, reports, users } from '../../db/schema'
import { oneRow, prepared } from '../../db/statements'
import { hotScoreAdding } from '../../domain/hot-score'
import { emitIdeaEvent } from '../../live/live.data'
import { notifyAuthorOfComment, notifyFollowers, notifyUsers } from '../../notify/notify.data'
import { publicAnswer } from '../../stats/idea-events'
import { renderMarkdown } from '../../text/markdown'
import { recountHotScore } from '../ideas/hot-score.data'

const DELETED_AUTHOR = 'Verwijderde deelnemer'

const columns = {
  id: comments.id,
  ideaId: comments.ideaId,
  parentId: comments.parentId,
  body: comments.body,
  bodyHtml: comments.bodyHtml,
  official: comments.official,
  hidden: comments.hidden,
  deletedAt: comments.deletedAt,
  createdAt: comments.createdAt,
  updatedAt: comments.updatedAt,
  authorId: users.id,
  authorName: users.displayName,
  authorGroup: users.targetGroup,
  authorRole: users.role,
  authorDeletedAt: users.deletedAt,
}

function selectComments(db: Db) {
  return db.select(columns).from(comments).innerJoin(users, eq(users.id, comments.authorId))
}

export type Row = Awaited<ReturnType<typeof selectComments>>[number]

/** Deleted and hidden comments keep their place (replies stay readable) but not their words. */
export function toReply(row: Row): Reply {
  const deleted = row.deletedAt !== null
  const hidden = row.hidden === 1
  const withheld = deleted || hidden
  const authorGone = row.authorDeletedAt !== null
  return {
    id: row.id,
    ideaId: row.ideaId,
    parentId: row.parentId,
    body: withheld ? '' : row.body,
    bodyHtml: withheld ? '' : row.bodyHtml,
    official: row.official === 1,
    deleted,
    hidden,
    edited: !withheld && row.updatedAt > row.createdAt,
    author: withheld
      ? null
      : {
          id: authorGone ? null : row.authorId,
          displayName: authorGone ? DELETED_AUTHOR : row.authorName,
          targetGroup: authorGone ? null : row.authorGroup,
          isStaff: row.authorRole === 'staff' || row.authorRole === 'admin',
        },
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  }
}

const p = sql.placeholder

/** The replies to a page of comments, oldest first: one statement per page length. */
async function replyRows(db: Db, parents: Row[]): Promise<Row[]> {
  if (parents.length === 0) return []
  return await prepared(db, `comments.replies.${parents.length}`, (d) =>
    selectComments(d)
      .where(
        inArray(
          comments.parentId,
          parents.map((_, i) => p(`parent${i}`)),
        ),
      )
      .orderBy(asc(comments.createdAt), asc(comments.id))
      .prepare(),
  ).execute(Object.fromEntries(parents.map((row, i) => [`parent${i}`, row.id])))
}

async function withReplies(db: Db, parents: Row[]): Promise<Comment[]> {
  const replies = await replyRows(db, parents)
  return parents.map((p) => ({
    ...toReply(p),
    replies: replies.filter((r) => r.parentId === p.id).map(toReply),
  }))
}

export type CommentCursor = { value: number; id: number }

/**
 * The rows of one page of top-level comments, oldest first (a conversation reads top
 * down), and of their replies. The public list and the staff view shape them differently.
 */
export async function commentPageRows(db: Db, ideaId: number, cursor: CommentCursor | null, limit: number) {
  const rows = await prepared(db, `comments.page.${cursor ? 'after' : 'first'}`, (d) =>
    selectComments(d)
      .where(
        and(
          eq(comments.ideaId, p('idea')),
          isNull(comments.parentId),
          cursor ? sql`(${comments.createdAt}, ${comments.id}) > (${p('afterValue')}, ${p('afterId')})` : undefined,
        ),
      )
      .orderBy(asc(comments.createdAt), asc(comments.id))
      .limit(p('limit'))
      .prepare(),
  ).execute({ idea: ideaId, limit: limit + 1, ...(cursor ? { afterValue: cursor.value, afterId: cursor.id } : {}) })
  const page = rows.slice(0, limit)
  const last = page.at(-1)
  return {
    page,
    replies: await replyRows(db, page),
    next: rows.length > limit && last ? { value: last.createdAt, id: last.id } : null,
  }
}

/** A page of top-level comments with their replies, as everyone sees it. */
export async function listComments(db: Db, ideaId: number, cursor: CommentCursor | null, limit: number) {
  const { page, replies, next } = await commentPageRows(db, ideaId, cursor, limit)
  return {
    items: page.map((p) => ({
      ...toReply(p),
      replies: replies.filter((r) => r.parentId === p.id).map(toReply),
    })),
    next,
  }
}

export async function findComment(db: Db, id: number): Promise<Comment | null> {
  const [row] = await selectComments(db).where(eq(comments.id, id)).limit(1)
  if (!row) return null
  if (row.parentId !== null) return { ...toReply(row), replies: [] }
  return (await withReplies(db, [row]))[0] ?? null
}

/** Whether everyone may read this idea and its conversation: it exists and is not hidden. */
export async function ideaIsPublic(db: Db, ideaId: number): Promise<boolean> {
  return (
    (
      await db
        .select({ id: ideas.id })
        .from(ideas)
        .where(and(eq(ideas.id, ideaId), eq(ideas.hidden, 0)))
        .limit(1)
    )[0] !== undefined
  )
}

export type CommentFailure = 'idea_not_found' | 'idea_merged' | 'parent_invalid'

/** Why a comment cannot go here, or null. Read-only, so callers can ask before counting limits. */
export async function commentTargetProblem(
  db: DbOrTx,
  ideaId: number,
  parentId: number | null,
): Promise<CommentFailure | null> {
  const [idea] = await db
    .select({ status: ideas.status, hidden: ideas.hidden })
    .from(ideas)
    .where(eq(ideas.id, ideaId))
    .limit(1)
  if (!idea || idea.hidden) return 'idea_not_found'
  if (idea.status === 'merged') return 'idea_merged'
  if (parentId !== null) {
    const [parent] = await db
      .select({ ideaId: comments.ideaId, parentId: comments.parentId, deletedAt: comments.deletedAt })
      .from(comments)
      .where(eq(comments.id, parentId))
      .limit(1)
    // One level of replies: a reply answers a top-level comment of the same idea.
    if (!parent || parent.ideaId !== ideaId || parent.parentId !== null || parent.deletedAt !== null) {
      return 'parent_invalid'
    }
  }
  return null
}

/** Adds a comment or reply; the idea's counter, hot score and "last update" move with it. */
export async function createComment(
  db: Db,
  values: { ideaId: number; authorId: number; body: string; parentId: number | null; official: boolean },
  now: number,
): Promise<{ id: number } | { error: CommentFailure }> {
  return await db.transaction(
    async (tx) => {
      const problem = await commentTargetProblem(tx, values.ideaId, values.parentId)
      if (problem) return { error: problem }
      const id = oneRow(
        await tx
          .insert(comments)
          .values({
            ideaId: values.ideaId,
            authorId: values.authorId,
            parentId: values.parentId,
            body: values.body,
            bodyHtml: renderMarkdown(values.body),
            official: values.official ? 1 : 0,
            createdAt: now,
            updatedAt: now,
          })
          .returning({ id: comments.id }),
      ).id
      await bumpCommentCount(tx, values.ideaId, 1, now, now)
      if (values.parentId !== null) {
        // The person replied to hears about it (not when they answer themselves).
        await notifyUsers(
          tx,
          sql`select c.author_id as user_id from comments c join users u on u.id = c.author_id
            where c.id = ${values.parentId} and c.author_id != ${values.authorId} and u.deleted_at is null`,
          { kind: 'reply', ideaId: values.ideaId, commentId: id },
          now,
        )
      }
      // The idea's author hears of a comment by someone else (see notifyAuthorOfComment for when not).
      await notifyAuthorOfComment(tx, { id, ...values }, now)
      if (values.official) await recordOfficialAnswer(tx, values.ideaId, id, values.authorId, now)
      return { id }
    },
    { behavior: 'immediate' },
  )
}

/** An official answer stops the first-answer clock, counts as a public update and tells followers. */
async function recordOfficialAnswer(
  tx: DbOrTx,
  ideaId: number,
  commentId: number,
  actorId: number,
  now: number,
): Promise<void> {
  await publicAnswer(tx, ideaId, now)
  await notifyFollowers(tx, { ideaId, kind: 'official_answer', commentId, exceptUserId: actorId }, now)
  await recordAudit(
    tx,
    { actorId, action: 'comment.official_answer', subjectType: 'comment', subjectId: commentId, details: { ideaId } },
    now,
  )
}

export type MarkOfficialResult = { ok: true } | { ok: false; reason: 'not_found' | 'not_staff' }

/** Staff mark (or unmark) a comment by a civil servant as the municipality's answer. */
export async function markOfficial(
  db: Db,
  commentId: number,
  official: boolean,
  actorId: number,
  now: number,
): Promise<MarkOfficialResult> {
  return await db.transaction(
    async (tx) => {
      const [row] = await tx
        .select({
          ideaId: comments.ideaId,
          official: comments.official,
          deletedAt: comments.deletedAt,
          role: users.role,
        })
        .from(comments)
        .innerJoin(users, eq(users.id, comments.authorId))
        .where(eq(comments.id, commentId))
        .limit(1)
      if (!row || row.deletedAt !== null) return { ok: false, reason: 'not_found' } as const
      if (row.role === 'member') return { ok: false, reason: 'not_staff' } as const
      if ((row.official === 1) === official) return { ok: true } as const
      await tx
        .update(comments)
        .set({ official: official ? 1 : 0 })
        .where(eq(comments.id, commentId))

      if (official) await recordOfficialAnswer(tx, row.ideaId, commentId, actorId, now)
      else {
        await recordAudit(
          tx,
          {
            actorId,
            action: 'comment.official_removed',
            subjectType: 'comment',
            subjectId: commentId,
            details: { ideaId: row.ideaId },
          },
          now,
        )
      }
      return { ok: true } as const
    },
    { behavior: 'immediate' },
  )
}

/** A visible comment came or went: its count, and its term in the hot score (written at `at`). */
async function bumpCommentCount(tx: DbOrTx, ideaId: number, delta: 1 | -1, now: number, at: number) {
  const [row] = await tx
    .update(ideas)
    .set({
      commentCount: sql`${ideas.commentCount} + ${delta}`,
      ...(delta > 0 ? { hotScore: hotScoreAdding(ideas.hotScore, at, ideas.status), updatedAt: now } : {}),
    })
    .where(eq(ideas.id, ideaId))
    .returning({ commentCount: ideas.commentCount })

  // A term taken out of the sum is counted afresh (rounding would lose the small ones).
  if (delta < 0) await recountHotScore(tx, ideaId)
  if (row) await emitIdeaEvent(tx, 'comments', ideaId, row.commentCount, now)
}

export async function commentOwnership(db: Db, id: number) {
  return (
    await db
      .select({
        authorId: comments.authorId,
        createdAt: comments.createdAt,
        deletedAt: comments.deletedAt,
        hidden: comments.hidden,
        ideaId: comments.ideaId,
      })
      .from(comments)
      .where(eq(comments.id, id))
      .limit(1)
  )[0]
}

export function canStillEdit(createdAt: number, now: number): boolean {
  return now - createdAt <= COMMENT_EDIT_WINDOW_MS
}

export async function editComment(db: Db, id: number, body: string, now: number): Promise<void> {
  await db
    .update(comments)
    .set({ body, bodyHtml: renderMarkdown(body), updatedAt: now })
    .where(and(eq(comments.id, id), isNull(comments.deletedAt)))
}

/**
 * The words go, the place stays: replies remain readable under "reactie verwijderd". While
 * someone's report on it waits for a moderator, the words stay for staff only (the public
 * sees it removed at once), or deleting would wipe the evidence; the decision wipes them.
 */
export async function deleteComment(db: Db, id: number, now: number): Promise<void> {
  await db.transaction(
    async (tx) => {
      const [underReview] = await tx
        .select({ id: reports.id })
        .from(reports)
        .where(and(eq(reports.subjectType, 'comment'), eq(reports.subjectId, id), isNull(reports.resolvedAt)))
        .limit(1)

      const [row] = await tx
        .update(comments)
        .set({ ...(underReview ? {} : { body: '', bodyHtml: '' }), deletedAt: now, official: 0 })
        .where(and(eq(comments.id, id), isNull(comments.deletedAt)))
        .returning({ ideaId: comments.ideaId, hidden: comments.hidden, createdAt: comments.createdAt })

      if (row && row.hidden === 0) await bumpCommentCount(tx, row.ideaId, -1, now, row.createdAt)
    },
    { behavior: 'immediate' },
  )
}
