import type {
  Channel,
  Idea,
  IdeaDetail,
  IdeaSort,
  IdeaStatus,
  Reply,
  TargetGroup,
  TimelineEntry,
} from '@meedenken/shared'
import { and, asc, desc, eq, inArray, ne, type SQL, sql } from 'drizzle-orm'
import { installationSettings } from '../../config/installation.data'
import type { Db } from '../../db/open'
import {
  campaigns,
  comments,
  districts,
  followers,
  ideaHelpers,
  ideas,
  progressUpdates,
  statusChanges,
  themes,
  users,
  votes,
} from '../../db/schema'
import type { CampaignWindow } from '../../domain/campaign-phase'
import { hotScore } from '../../domain/hot-score'
import { fromMask, masksIncluding, toMask } from '../../domain/target-mask'
import { calendarDaysBetween, dueAt, workingDaysBetween } from '../../domain/working-days'
import { type CursorValue, encodeCursor } from '../../http/cursor'
import { ideaCell } from '../../stats/counters.data'
import { ideaReceived, ideaRethemed } from '../../stats/idea-events'
import { monthOf } from '../../stats/periods'
import { renderMarkdown } from '../../text/markdown'
import { matchAll, matchAny } from '../../text/search-query'

type StoredSort = Exclude<IdeaSort, 'relevance'>

const SORT_COLUMN = {
  trending: ideas.hotScore,
  top: ideas.voteCount,
  new: ideas.createdAt,
  discussed: ideas.commentCount,
  updated: ideas.updatedAt,
} as const satisfies Record<StoredSort, unknown>

export type IdeaFilters = {
  status?: IdeaStatus | undefined
  themeId?: number | undefined
  districtId?: number | undefined
  targetGroup?: TargetGroup | undefined
  campaignId?: number | undefined
  q?: string | undefined
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

export function selectCards(db: Db) {
  return db.select(cardColumns).from(ideas).innerJoin(users, eq(users.id, ideas.authorId))
}

export type CardRow = ReturnType<ReturnType<typeof selectCards>['all']>[number]

export const DELETED_AUTHOR = 'Verwijderde deelnemer'

export function toIdea(row: CardRow, hasVoted: boolean): Idea {
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

/** The WHERE of every public list: visible rows, then the filters the person chose. */
function filterConditions(filters: IdeaFilters, match: string | null): SQL[] {
  const conditions: SQL[] = [eq(ideas.hidden, 0)]
  // Merged ideas live on in their target; they only show when someone asks for them.
  if (filters.status) conditions.push(eq(ideas.status, filters.status))
  else conditions.push(ne(ideas.status, 'merged'))
  if (filters.themeId) conditions.push(eq(ideas.themeId, filters.themeId))
  if (filters.districtId) conditions.push(eq(ideas.districtId, filters.districtId))
  if (filters.targetGroup) conditions.push(inArray(ideas.targetMask, masksIncluding(filters.targetGroup)))
  if (filters.campaignId) conditions.push(eq(ideas.campaignId, filters.campaignId))
  if (match) conditions.push(sql`${ideas.id} in (select rowid from ideas_fts where ideas_fts match ${match})`)
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

export type ListResult = { items: Idea[]; nextCursor: string | null }

/** The query a list request runs; exported so the plan test reads the very same SQL. */
export function listQuery(db: Db, input: ListIdeasInput) {
  const match = input.q ? matchAll(input.q) : null
  const sort: StoredSort = input.sort === 'relevance' ? 'trending' : input.sort
  const column = SORT_COLUMN[sort]
  const conditions = filterConditions(input, match)
  if (input.cursor) {
    // Row-value comparison keeps the keyset condition on the sort index.
    conditions.push(sql`(${column}, ${ideas.id}) < (${input.cursor.value}, ${input.cursor.id})`)
  }
  return selectCards(db)
    .where(and(...conditions))
    .orderBy(desc(column), desc(ideas.id))
    .limit(input.limit + 1)
}

/** Ranked search: FTS5's bm25 rank (title weighs ten times the body), then id. */
export function relevanceQuery(input: ListIdeasInput, match: string) {
  const conditions = filterConditions({ ...input, q: undefined }, null)
  const after = input.cursor ? sql`and (f.rank, f.rowid) > (${input.cursor.value}, ${input.cursor.id})` : sql``
  return sql`select f.rowid as id, f.rank as rank
    from ideas_fts f join ${ideas} on ${ideas.id} = f.rowid
    where ideas_fts match ${match} and rank match 'bm25(10.0, 1.0)' and ${and(...conditions)} ${after}
    order by f.rank, f.rowid limit ${input.limit + 1}`
}

function page(db: Db, rows: CardRow[], input: ListIdeasInput, cursorOf: (row: CardRow) => number): ListResult {
  const items = rows.slice(0, input.limit)
  const voted = votedAmong(
    db,
    input.viewerId,
    items.map((r) => r.id),
  )
  const last = items.at(-1)
  const nextCursor = rows.length > input.limit && last ? encodeCursor({ value: cursorOf(last), id: last.id }) : null
  return { items: items.map((r) => toIdea(r, voted.has(r.id))), nextCursor }
}

export function listIdeas(db: Db, input: ListIdeasInput): ListResult {
  const match = input.q ? matchAll(input.q) : null
  if (input.q && !match) return { items: [], nextCursor: null }
  if (match && input.sort === 'relevance') {
    const ranked = db.all<{ id: number; rank: number }>(relevanceQuery(input, match))
    if (ranked.length === 0) return { items: [], nextCursor: null }
    const rank = new Map(ranked.map((r) => [r.id, r.rank]))
    const rows = selectCards(db)
      .where(
        inArray(
          ideas.id,
          ranked.map((r) => r.id),
        ),
      )
      .all()
      .sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0) || a.id - b.id)
    return page(db, rows, input, (row) => rank.get(row.id) ?? 0)
  }
  const sort: StoredSort = input.sort === 'relevance' ? 'trending' : input.sort
  const key = {
    trending: 'hotScore',
    top: 'voteCount',
    new: 'createdAt',
    discussed: 'commentCount',
    updated: 'updatedAt',
  } as const
  return page(db, listQuery(db, input).all(), input, (row) => Number(row[key[sort]]))
}

/** Up to five visible ideas whose words look like the title being typed. */
export function similarIdeas(db: Db, title: string, limit = 5) {
  const match = matchAny(title)
  if (!match) return []
  return db.all<{ id: number; title: string; status: IdeaStatus; voteCount: number }>(
    sql`select i.id, i.title, i.status, i.vote_count as voteCount
      from ideas_fts f join ideas i on i.id = f.rowid
      where ideas_fts match ${match} and rank match 'bm25(10.0, 1.0)' and i.hidden = 0 and i.status != 'merged'
      order by f.rank limit ${limit}`,
  )
}

function officialAnswerOf(db: Db, ideaId: number): Reply | null {
  const row = db
    .select({
      id: comments.id,
      ideaId: comments.ideaId,
      parentId: comments.parentId,
      body: comments.body,
      bodyHtml: comments.bodyHtml,
      createdAt: comments.createdAt,
      updatedAt: comments.updatedAt,
      authorId: users.id,
      authorName: users.displayName,
    })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(
      and(
        eq(comments.ideaId, ideaId),
        eq(comments.official, 1),
        eq(comments.hidden, 0),
        sql`${comments.deletedAt} is null`,
      ),
    )
    .orderBy(desc(comments.createdAt), desc(comments.id))
    .limit(1)
    .get()
  if (!row) return null
  return {
    id: row.id,
    ideaId: row.ideaId,
    parentId: row.parentId,
    body: row.body,
    bodyHtml: row.bodyHtml,
    official: true,
    deleted: false,
    hidden: false,
    edited: row.updatedAt > row.createdAt,
    author: { id: row.authorId, displayName: row.authorName, targetGroup: null, isStaff: true },
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  }
}

export function findIdea(
  db: Db,
  id: number,
  viewerId: number | null,
  now: number,
  options: { includeHidden?: boolean } = {},
): IdeaDetail | null {
  const row = db
    .select({
      ...cardColumns,
      bodyHtml: ideas.bodyHtml,
      hidden: ideas.hidden,
      firstResponseAt: ideas.firstResponseAt,
      lastPublicUpdateAt: ideas.lastPublicUpdateAt,
      campaignId: ideas.campaignId,
    })
    .from(ideas)
    .innerJoin(users, eq(users.id, ideas.authorId))
    .where(eq(ideas.id, id))
    .get()
  if (!row || (row.hidden && !options.includeHidden)) return null
  const hasVoted = votedAmong(db, viewerId, [id]).has(id)
  const { responseNormDays } = installationSettings(db)
  const inProgress = row.status === 'planned' || row.status === 'in_progress'
  const isFollowing =
    viewerId !== null &&
    db
      .select({ ideaId: followers.ideaId })
      .from(followers)
      .where(and(eq(followers.ideaId, id), eq(followers.userId, viewerId)))
      .get() !== undefined
  return {
    ...toIdea(row, hasVoted),
    bodyHtml: row.bodyHtml,
    timeline: timelineOf(db, id),
    isFollowing,
    officialAnswer: officialAnswerOf(db, id),
    responseNormDays,
    waitingWorkingDays: row.firstResponseAt === null ? workingDaysBetween(row.createdAt, now) : null,
    daysSinceUpdate: inProgress ? calendarDaysBetween(row.lastPublicUpdateAt ?? row.createdAt, now) : null,
    campaignId: row.campaignId,
    ...helpersOf(db, id, viewerId),
    progressUpdates: progressUpdatesOf(db, id),
  }
}

function helpersOf(db: Db, ideaId: number, viewerId: number | null) {
  const helperCount =
    db.select({ n: sql<number>`count(*)` }).from(ideaHelpers).where(eq(ideaHelpers.ideaId, ideaId)).get()?.n ?? 0
  const isHelping =
    viewerId !== null &&
    db
      .select({ ideaId: ideaHelpers.ideaId })
      .from(ideaHelpers)
      .where(and(eq(ideaHelpers.ideaId, ideaId), eq(ideaHelpers.userId, viewerId)))
      .get() !== undefined
  return { helperCount, isHelping }
}

function progressUpdatesOf(db: Db, ideaId: number) {
  return db
    .select({
      id: progressUpdates.id,
      bodyHtml: progressUpdates.bodyHtml,
      authorName: users.displayName,
      createdAt: progressUpdates.createdAt,
    })
    .from(progressUpdates)
    .leftJoin(users, eq(users.id, progressUpdates.authorId))
    .where(eq(progressUpdates.ideaId, ideaId))
    .orderBy(desc(progressUpdates.createdAt), desc(progressUpdates.id))
    .all()
    .map((u) => ({ ...u, authorName: u.authorName ?? '', createdAt: new Date(u.createdAt).toISOString() }))
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

export function themeDepartment(db: Db, themeId: number): { departmentId: number | null } | undefined {
  return db.select({ departmentId: themes.departmentId }).from(themes).where(eq(themes.id, themeId)).get()
}

/** The phase dates of a campaign, for the rules on new ideas and votes. */
export function campaignWindow(db: Db, id: number): CampaignWindow | undefined {
  return db
    .select({
      ideasFrom: campaigns.ideasFrom,
      ideasUntil: campaigns.ideasUntil,
      votingFrom: campaigns.votingFrom,
      votingUntil: campaigns.votingUntil,
    })
    .from(campaigns)
    .where(eq(campaigns.id, id))
    .get()
}

export function districtExists(db: Db, id: number): boolean {
  return db.select({ id: districts.id }).from(districts).where(eq(districts.id, id)).get() !== undefined
}

export type NewIdeaValues = {
  title: string
  body: string
  themeId: number
  districtId: number | null
  targetGroups: TargetGroup[]
  authorId: number
  channel: Channel
  departmentId: number | null
  campaignId?: number | null
}

/** A new idea: rendered once, routed to its theme's department, followed by its author. */
export function createIdea(db: Db, values: NewIdeaValues, now: number): number {
  return db.transaction(
    (tx) => {
      const authorGroup =
        tx.select({ group: users.targetGroup }).from(users).where(eq(users.id, values.authorId)).get()?.group ?? null
      const { responseNormDays } = installationSettings(tx)
      const id = tx
        .insert(ideas)
        .values({
          authorGroup,
          responseDueAt: dueAt(now, responseNormDays),
          title: values.title,
          body: values.body,
          bodyHtml: renderMarkdown(values.body),
          themeId: values.themeId,
          districtId: values.districtId,
          targetMask: toMask(values.targetGroups),
          authorId: values.authorId,
          channel: values.channel,
          status: 'new',
          followerCount: 1,
          hotScore: hotScore(0, 0, now),
          departmentId: values.departmentId,
          campaignId: values.campaignId ?? null,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: ideas.id })
        .get().id
      tx.insert(followers).values({ ideaId: id, userId: values.authorId, createdAt: now }).run()
      ideaReceived(
        tx,
        { themeId: values.themeId, month: monthOf(now), targetGroup: authorGroup ?? 'unknown' },
        values.channel,
      )
      return id
    },
    { behavior: 'immediate' },
  )
}

export function ideaOwnership(db: Db, id: number) {
  return db
    .select({ authorId: ideas.authorId, status: ideas.status, hidden: ideas.hidden, themeId: ideas.themeId })
    .from(ideas)
    .where(eq(ideas.id, id))
    .get()
}

export type IdeaChanges = Partial<{
  title: string
  body: string
  themeId: number
  districtId: number | null
  targetGroups: TargetGroup[]
  departmentId: number | null
}>

/** Only while the idea is still new; the status check is part of the update itself. */
export function updateNewIdea(db: Db, id: number, changes: IdeaChanges, now: number): boolean {
  const { targetGroups, body, ...rest } = changes
  return db.transaction((tx) => {
    const before = tx
      .select({ themeId: ideas.themeId, channel: ideas.channel })
      .from(ideas)
      .where(eq(ideas.id, id))
      .get()
    const fromCell = ideaCell(tx, id)
    const result = tx
      .update(ideas)
      .set({
        ...rest,
        ...(body !== undefined ? { body, bodyHtml: renderMarkdown(body) } : {}),
        ...(targetGroups !== undefined ? { targetMask: toMask(targetGroups) } : {}),
        updatedAt: now,
      })
      .where(and(eq(ideas.id, id), eq(ideas.status, 'new')))
      .run()
    if (result.changes !== 1) return false
    const toCell = ideaCell(tx, id)
    if (before && fromCell && toCell && before.themeId !== toCell.themeId)
      ideaRethemed(tx, fromCell, toCell, before.channel)
    return true
  })
}
