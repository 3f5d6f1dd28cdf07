import type { Idea, IdeaDetail, IdeaSort, IdeaStatus, TargetGroup, TimelineEntry } from '@meedenken/shared'
import { and, asc, desc, eq, inArray, ne, type SQL, sql } from 'drizzle-orm'
import type { Db } from '../../db/open'
import { ideas, statusChanges, users, votes } from '../../db/schema'
import { fromMask, masksIncluding } from '../../domain/target-mask'
import { type CursorValue, encodeCursor } from './cursor'

const SORT_COLUMN = {
  trending: ideas.hotScore,
  top: ideas.voteCount,
  new: ideas.createdAt,
  discussed: ideas.commentCount,
  updated: ideas.updatedAt,
} as const satisfies Record<IdeaSort, unknown>

export type IdeaFilters = {
  status?: IdeaStatus | undefined
  themeId?: number | undefined
  districtId?: number | undefined
  targetGroup?: TargetGroup | undefined
}

export type ListIdeasInput = IdeaFilters & {
  sort: IdeaSort
  cursor: CursorValue | null
  limit: number
  viewerId: number | null
}

const cardColumns = {
  id: ideas.id,
  title: ideas.title,
  body: ideas.body,
  status: ideas.status,
  themeId: ideas.themeId,
  districtId: ideas.districtId,
  targetMask: ideas.targetMask,
  channel: ideas.channel,
  voteCount: ideas.voteCount,
  commentCount: ideas.commentCount,
  followerCount: ideas.followerCount,
  mergedIntoId: ideas.mergedIntoId,
  hotScore: ideas.hotScore,
  createdAt: ideas.createdAt,
  updatedAt: ideas.updatedAt,
  authorId: ideas.authorId,
  authorName: users.displayName,
  authorGroup: users.targetGroup,
  authorDeletedAt: users.deletedAt,
}

function selectCards(db: Db) {
  return db.select(cardColumns).from(ideas).innerJoin(users, eq(users.id, ideas.authorId))
}

type CardRow = ReturnType<ReturnType<typeof selectCards>['all']>[number]

const DELETED_AUTHOR = 'Verwijderde deelnemer'

function toIdea(row: CardRow, hasVoted: boolean): Idea {
  const deleted = row.authorDeletedAt !== null
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    status: row.status,
    themeId: row.themeId,
    districtId: row.districtId,
    targetGroups: fromMask(row.targetMask),
    channel: row.channel,
    voteCount: row.voteCount,
    commentCount: row.commentCount,
    followerCount: row.followerCount,
    hasVoted,
    author: {
      id: deleted ? null : row.authorId,
      displayName: deleted ? DELETED_AUTHOR : row.authorName,
      targetGroup: deleted ? null : row.authorGroup,
    },
    mergedIntoId: row.mergedIntoId,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  }
}

function filterConditions(filters: IdeaFilters): SQL[] {
  const conditions: SQL[] = [eq(ideas.hidden, 0)]
  // Merged ideas live on in their target; they only show when someone asks for them.
  if (filters.status) conditions.push(eq(ideas.status, filters.status))
  else conditions.push(ne(ideas.status, 'merged'))
  if (filters.themeId) conditions.push(eq(ideas.themeId, filters.themeId))
  if (filters.districtId) conditions.push(eq(ideas.districtId, filters.districtId))
  if (filters.targetGroup) conditions.push(inArray(ideas.targetMask, masksIncluding(filters.targetGroup)))
  return conditions
}

/** The ideas the viewer voted on, among the given ones: one indexed lookup per page. */
function votedAmong(db: Db, viewerId: number | null, ideaIds: number[]): Set<number> {
  if (viewerId === null || ideaIds.length === 0) return new Set()
  const rows = db
    .select({ ideaId: votes.ideaId })
    .from(votes)
    .where(and(eq(votes.userId, viewerId), inArray(votes.ideaId, ideaIds)))
    .all()
  return new Set(rows.map((r) => r.ideaId))
}

export function listIdeas(db: Db, input: ListIdeasInput): { items: Idea[]; nextCursor: string | null } {
  const column = SORT_COLUMN[input.sort]
  const conditions = filterConditions(input)
  if (input.cursor) {
    // Row-value comparison keeps the keyset condition on the sort index.
    conditions.push(sql`(${column}, ${ideas.id}) < (${input.cursor.value}, ${input.cursor.id})`)
  }
  const rows = selectCards(db)
    .where(and(...conditions))
    .orderBy(desc(column), desc(ideas.id))
    .limit(input.limit + 1)
    .all()
  const page = rows.slice(0, input.limit)
  const voted = votedAmong(
    db,
    input.viewerId,
    page.map((r) => r.id),
  )
  const last = page.at(-1)
  const nextCursor =
    rows.length > input.limit && last ? encodeCursor({ value: Number(last[sortKey(input.sort)]), id: last.id }) : null
  return { items: page.map((r) => toIdea(r, voted.has(r.id))), nextCursor }
}

function sortKey(sort: IdeaSort): keyof CardRow {
  const keys = {
    trending: 'hotScore',
    top: 'voteCount',
    new: 'createdAt',
    discussed: 'commentCount',
    updated: 'updatedAt',
  } as const
  return keys[sort]
}

export function findIdea(db: Db, id: number, viewerId: number | null): IdeaDetail | null {
  const row = db
    .select({ ...cardColumns, bodyHtml: ideas.bodyHtml, hidden: ideas.hidden })
    .from(ideas)
    .innerJoin(users, eq(users.id, ideas.authorId))
    .where(eq(ideas.id, id))
    .get()
  if (!row || row.hidden) return null
  const hasVoted = votedAmong(db, viewerId, [id]).has(id)
  return { ...toIdea(row, hasVoted), bodyHtml: row.bodyHtml, timeline: timelineOf(db, id) }
}

export function timelineOf(db: Db, ideaId: number): TimelineEntry[] {
  const rows = db
    .select()
    .from(statusChanges)
    .where(eq(statusChanges.ideaId, ideaId))
    .orderBy(asc(statusChanges.createdAt), asc(statusChanges.id))
    .all()
  return rows.map((r) => ({
    id: r.id,
    fromStatus: r.fromStatus,
    toStatus: r.toStatus,
    explanation: r.explanation,
    declineReason: r.declineReason,
    referredTo: r.referredTo,
    closure:
      r.closureWhatChanged && r.closureSince && r.closureTeam
        ? { whatChanged: r.closureWhatChanged, since: r.closureSince, team: r.closureTeam, link: r.closureLink }
        : null,
    createdAt: new Date(r.createdAt).toISOString(),
  }))
}
