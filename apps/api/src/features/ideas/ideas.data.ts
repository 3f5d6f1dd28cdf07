import {
  type Channel,
  IDEA_CORRECTIONS_SHOWN,
  type Idea,
  type IdeaDetail,
  type IdeaSort,
  type IdeaStatus,
  type Reply,
  type TargetGroup,
  type TimelineEntry,
} from '@meedenken/shared'
import { EXCERPT_LENGTH, excerpt } from '@meedenken/shared/text'
import { and, desc, eq } from 'drizzle-orm'
import { installationSettings } from '../../config/installation.data'
import type { Db } from '../../db/open'
import { placeholders, queryAll, queryGet } from '../../db/prepared'
import { campaigns, followers, ideaCorrections, ideas, themes, users } from '../../db/schema'
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
    excerpt: excerpt(row.body),
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

const SORT_SQL = {
  trending: 'hot_score',
  top: 'vote_count',
  new: 'created_at',
  discussed: 'comment_count',
  updated: 'updated_at',
} as const satisfies Record<StoredSort, string>

const SORT_KEY = {
  trending: 'hotScore',
  top: 'voteCount',
  new: 'createdAt',
  discussed: 'commentCount',
  updated: 'updatedAt',
} as const satisfies Record<StoredSort, keyof CardRow>

/** Enough of the text for an excerpt once markdown and spacing are taken out; lists never read whole texts. */
const BODY_PREFIX = EXCERPT_LENGTH * 2

const CARD_SQL = `select i.id, i.title, substr(i.body, 1, ${BODY_PREFIX}) as body, i.status, i.theme_id as themeId, i.district_id as districtId,
    i.target_mask as targetMask, i.channel, i.vote_count as voteCount, i.comment_count as commentCount,
    i.follower_count as followerCount, i.merged_into_id as mergedIntoId, i.hot_score as hotScore,
    i.created_at as createdAt, i.updated_at as updatedAt, i.author_id as authorId,
    u.display_name as authorName, u.target_group as authorGroup, u.deleted_at as authorDeletedAt
  from ideas i join users u on u.id = i.author_id`

/**
 * Above this many matches a search word counts as common: ranking or sorting every match
 * would cost tens of milliseconds, so the list walks its sort index instead and keeps the
 * ideas that match (see docs/decisions/010-performance.md).
 */
export const COMMON_MATCHES = 2_000

/** How many ideas a search could match at most: the rarest of its words, from the vocabulary. */
export function estimateMatches(db: Db, q: string): number {
  const words = (
    q
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).slice(0, 8)
  let fewest = Number.POSITIVE_INFINITY
  for (const raw of words) {
    // The same folding the index applies: diacritics off, so "ideeën" counts as "ideeen".
    const word = raw.normalize('NFD').replace(/\p{M}/gu, '').slice(0, 40)
    const next = word.slice(0, -1) + String.fromCodePoint((word.codePointAt(word.length - 1) ?? 0) + 1)
    const row = queryGet<{ n: number | null }>(
      db,
      'select sum(doc) as n from ideas_fts_vocab where term >= ? and term < ?',
      word,
      next,
    )
    fewest = Math.min(fewest, row?.n ?? 0)
  }
  return fewest === Number.POSITIVE_INFINITY ? 0 : fewest
}

/** The WHERE of every public list: visible rows, then the filters the person chose. */
function whereOf(filters: IdeaFilters, match: string | null, common: boolean): { sql: string; params: unknown[] } {
  const parts = ['i.hidden = 0']
  const params: unknown[] = []
  // Merged ideas live on in their target; they only show when someone asks for them.
  if (filters.status) {
    parts.push('i.status = ?')
    params.push(filters.status)
  } else parts.push("i.status != 'merged'")
  if (filters.themeId) {
    parts.push('i.theme_id = ?')
    params.push(filters.themeId)
  }
  if (filters.districtId) {
    parts.push('i.district_id = ?')
    params.push(filters.districtId)
  }
  if (filters.targetGroup) {
    const masks = masksIncluding(filters.targetGroup)
    parts.push(`i.target_mask in (${placeholders(masks.length)})`)
    params.push(...masks)
  }
  if (filters.campaignId) {
    parts.push('i.campaign_id = ?')
    params.push(filters.campaignId)
  }
  if (match) {
    // "+i.id" keeps the planner on the sort index for common words, testing membership in
    // the match set as it walks; for rare words it reads the few matches by id and sorts them.
    parts.push(`${common ? '+i.id' : 'i.id'} in (select rowid from ideas_fts where ideas_fts match ?)`)
    params.push(match)
  }
  return { sql: parts.join(' and '), params }
}

/** The ideas the viewer voted on, among the given ones: one indexed lookup per page. */
function votedAmong(db: Db, viewerId: number | null, ideaIds: number[]): Set<number> {
  if (viewerId === null || ideaIds.length === 0) return new Set()
  const rows = queryAll<{ ideaId: number }>(
    db,
    `select idea_id as ideaId from votes where user_id = ? and idea_id in (${placeholders(ideaIds.length)})`,
    viewerId,
    ...ideaIds,
  )
  return new Set(rows.map((r) => r.ideaId))
}

export type ListResult = { items: Idea[]; nextCursor: string | null }

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

/** Ranked search: FTS5's bm25 rank (title weighs ten times the body), then id. */
function rankedPage(db: Db, input: ListIdeasInput, match: string): ListResult {
  const where = whereOf({ ...input, q: undefined }, null, false)
  const after = input.cursor ? ' and (f.rank, f.rowid) > (?, ?)' : ''
  const ranked = queryAll<{ id: number; rank: number }>(
    db,
    `select f.rowid as id, f.rank as rank from ideas_fts f join ideas i on i.id = f.rowid
     where ideas_fts match ? and rank match 'bm25(10.0, 1.0)' and ${where.sql}${after}
     order by f.rank, f.rowid limit ?`,
    match,
    ...where.params,
    ...(input.cursor ? [input.cursor.value, input.cursor.id] : []),
    input.limit + 1,
  )
  if (ranked.length === 0) return { items: [], nextCursor: null }
  const rank = new Map(ranked.map((r) => [r.id, r.rank]))
  const rows = queryAll<CardRow>(
    db,
    `${CARD_SQL} where i.id in (${placeholders(ranked.length)})`,
    ...ranked.map((r) => r.id),
  ).sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0) || a.id - b.id)
  return page(db, rows, input, (row) => rank.get(row.id) ?? 0)
}

export function listIdeas(db: Db, input: ListIdeasInput): ListResult {
  const match = input.q ? matchAll(input.q) : null
  if (input.q && !match) return { items: [], nextCursor: null }
  const common = match !== null && estimateMatches(db, input.q ?? '') > COMMON_MATCHES
  // Ranking every match of a common word costs too much; those lists read as "trending".
  if (match && input.sort === 'relevance' && !common) return rankedPage(db, input, match)
  const sort: StoredSort = input.sort === 'relevance' ? 'trending' : input.sort
  const column = SORT_SQL[sort]
  const where = whereOf(input, match, common)
  // Row-value comparison keeps the keyset condition on the sort index.
  const after = input.cursor ? ` and (i.${column}, i.id) < (?, ?)` : ''
  const params = [...where.params, ...(input.cursor ? [input.cursor.value, input.cursor.id] : []), input.limit + 1]
  const cursorOf = (row: CardRow) => Number(row[SORT_KEY[sort]])
  if (!match && narrowed(input)) {
    return page(
      db,
      sortedCards(db, `where ${where.sql}${after} order by i.${column} desc, i.id desc`, params),
      input,
      cursorOf,
    )
  }
  const rows = queryAll<CardRow>(
    db,
    `${CARD_SQL} where ${where.sql}${after} order by i.${column} desc, i.id desc limit ?`,
    ...params,
  )
  return page(db, rows, input, cursorOf)
}

/** Whether a list is filtered: then the planner reads a filter index and sorts the matches. */
function narrowed(filters: IdeaFilters): boolean {
  return Boolean(filters.status || filters.themeId || filters.districtId || filters.targetGroup || filters.campaignId)
}

/**
 * The page's ids first, then their cards. Sorting every matching row with its card read
 * every row's page of the table; sorting ids and keys needs only the filter index when it
 * carries the sort keys (theme + district + status does), and then twenty rows are read
 * (docs/decisions/010-performance.md). Both reads happen in one tick, so nothing changes in between.
 */
function sortedCards(db: Db, tail: string, params: unknown[]): CardRow[] {
  const ids = queryAll<{ id: number }>(db, `select i.id from ideas i ${tail} limit ?`, ...params).map((r) => r.id)
  if (ids.length === 0) return []
  const position = new Map(ids.map((id, index) => [id, index]))
  return queryAll<CardRow>(db, `${CARD_SQL} where i.id in (${placeholders(ids.length)})`, ...ids).sort(
    (a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0),
  )
}

/** Up to five visible ideas whose words look like the title being typed. */
export function similarIdeas(db: Db, title: string, limit = 5) {
  const match = matchAny(title)
  if (!match) return []
  // Rank title matches only: cheap even for common words, and a duplicate shares its title's words.
  return queryAll<{ id: number; title: string; status: IdeaStatus; voteCount: number }>(
    db,
    `select i.id, i.title, i.status, i.vote_count as voteCount
     from ideas_fts f join ideas i on i.id = f.rowid
     where ideas_fts match ? and i.hidden = 0 and i.status != 'merged'
     order by f.rank limit ?`,
    `title : (${match})`,
    limit,
  )
}

type OfficialRow = {
  id: number
  ideaId: number
  parentId: number | null
  body: string
  bodyHtml: string
  createdAt: number
  updatedAt: number
  authorId: number
  authorName: string
}

/** Named index: without fresh statistics the planner would read every comment of the idea instead. */
function officialAnswerOf(db: Db, ideaId: number): Reply | null {
  const row = queryGet<OfficialRow>(
    db,
    `select c.id, c.idea_id as ideaId, c.parent_id as parentId, c.body, c.body_html as bodyHtml,
       c.created_at as createdAt, c.updated_at as updatedAt, u.id as authorId, u.display_name as authorName
     from comments c indexed by comments_official join users u on u.id = c.author_id
     where c.idea_id = ? and c.official = 1 and c.hidden = 0 and c.deleted_at is null
     order by c.created_at desc, c.id desc limit 1`,
    ideaId,
  )
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

type DetailRow = CardRow & {
  fullBody: string
  helperCount: number
  bodyHtml: string
  hidden: number
  firstResponseAt: number | null
  lastPublicUpdateAt: number | null
  campaignId: number | null
}

/** What an idea's page counts from the clock: these change without any write. */
export type DayCountRow = {
  status: IdeaStatus
  createdAt: number
  firstResponseAt: number | null
  lastPublicUpdateAt: number | null
}

export function dayCounts(row: DayCountRow, now: number) {
  const inProgress = row.status === 'planned' || row.status === 'in_progress'
  return {
    waitingWorkingDays: row.firstResponseAt === null ? workingDaysBetween(row.createdAt, now) : null,
    daysSinceUpdate: inProgress ? calendarDaysBetween(row.lastPublicUpdateAt ?? row.createdAt, now) : null,
  }
}

export function findIdea(
  db: Db,
  id: number,
  viewerId: number | null,
  now: number,
  options: { includeHidden?: boolean } = {},
): IdeaDetail | null {
  const row = queryGet<DetailRow>(
    db,
    `${CARD_SQL.replace(
      'from ideas i',
      ', i.body as fullBody, i.body_html as bodyHtml, i.hidden, i.first_response_at as firstResponseAt, i.last_public_update_at as lastPublicUpdateAt, i.campaign_id as campaignId, (select count(*) from idea_helpers h where h.idea_id = i.id) as helperCount from ideas i',
    )} where i.id = ?`,
    id,
  )
  if (!row || (row.hidden && !options.includeHidden)) return null
  const mine =
    viewerId === null
      ? { voted: 0, following: 0, helping: 0 }
      : (queryGet<{ voted: number; following: number; helping: number }>(
          db,
          `select exists(select 1 from votes where idea_id = ? and user_id = ?) as voted,
             exists(select 1 from followers where idea_id = ? and user_id = ?) as following,
             exists(select 1 from idea_helpers where idea_id = ? and user_id = ?) as helping`,
          id,
          viewerId,
          id,
          viewerId,
          id,
          viewerId,
        ) ?? { voted: 0, following: 0, helping: 0 })
  const { responseNormDays } = installationSettings(db)
  return {
    ...toIdea(row, mine.voted === 1),
    body: row.fullBody,
    bodyHtml: row.bodyHtml,
    timeline: timelineOf(db, id),
    isFollowing: mine.following === 1,
    officialAnswer: officialAnswerOf(db, id),
    responseNormDays,
    ...dayCounts(row, now),
    campaignId: row.campaignId,
    helperCount: row.helperCount,
    isHelping: mine.helping === 1,
    progressUpdates: progressUpdatesOf(db, id),
    corrections: correctionsOf(db, id),
  }
}

/** What the municipality corrected (staff, see features/staff), newest first, with its reason. */
function correctionsOf(db: Db, ideaId: number) {
  return db
    .select({ reason: ideaCorrections.reason, createdAt: ideaCorrections.createdAt })
    .from(ideaCorrections)
    .where(eq(ideaCorrections.ideaId, ideaId))
    .orderBy(desc(ideaCorrections.createdAt), desc(ideaCorrections.id))
    .limit(IDEA_CORRECTIONS_SHOWN)
    .all()
    .map((c) => ({ reason: c.reason, createdAt: new Date(c.createdAt).toISOString() }))
}

function progressUpdatesOf(db: Db, ideaId: number) {
  return queryAll<{ id: number; bodyHtml: string; authorName: string | null; createdAt: number }>(
    db,
    `select p.id, p.body_html as bodyHtml, u.display_name as authorName, p.created_at as createdAt
     from progress_updates p left join users u on u.id = p.author_id
     where p.idea_id = ? order by p.created_at desc, p.id desc`,
    ideaId,
  ).map((u) => ({ ...u, authorName: u.authorName ?? '', createdAt: new Date(u.createdAt).toISOString() }))
}

type TimelineRow = {
  id: number
  fromStatus: IdeaStatus | null
  toStatus: IdeaStatus
  explanation: string
  declineReason: TimelineEntry['declineReason']
  referredTo: string | null
  whatChanged: string | null
  since: string | null
  team: string | null
  link: string | null
  createdAt: number
}

export function timelineOf(db: Db, ideaId: number): TimelineEntry[] {
  return queryAll<TimelineRow>(
    db,
    `select id, from_status as fromStatus, to_status as toStatus, explanation, decline_reason as declineReason,
       referred_to as referredTo, closure_what_changed as whatChanged, closure_since as since, closure_team as team,
       closure_link as link, created_at as createdAt
     from status_changes where idea_id = ? order by created_at, id`,
    ideaId,
  ).map((r) => ({
    id: r.id,
    fromStatus: r.fromStatus,
    toStatus: r.toStatus,
    explanation: r.explanation,
    declineReason: r.declineReason,
    referredTo: r.referredTo,
    closure:
      r.whatChanged && r.since && r.team
        ? { whatChanged: r.whatChanged, since: r.since, team: r.team, link: r.link }
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
