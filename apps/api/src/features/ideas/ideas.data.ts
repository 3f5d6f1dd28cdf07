import {
  type Channel,
  IDEA_CORRECTIONS_SHOWN,
  IDEA_COUNT_CAP,
  type Idea,
  type IdeaCount,
  type IdeaCountQuery,
  type IdeaDetail,
  type IdeaSort,
  type IdeaStatus,
  type IdeaWithComments,
  PAGE_SIZE,
  type Reply,
  type TargetGroup,
  type TimelineEntry,
} from '@meedenken/shared'
import { EXCERPT_LENGTH, excerpt } from '@meedenken/shared/text'
import { and, asc, count, desc, eq, inArray, ne, type SQL, type SQLWrapper, sql } from 'drizzle-orm'
import type { z } from 'zod'
import { installationSettings } from '../../config/installation.data'
import type { Db } from '../../db/open'
import {
  campaigns,
  comments,
  followers,
  ideaCorrections,
  ideaHelpers,
  ideas,
  progressUpdates,
  statusChanges,
  themes,
  users,
  votes,
} from '../../db/schema'
import { oneRow, prepared } from '../../db/statements'
import type { CampaignWindow } from '../../domain/campaign-phase'
import { newIdeaHotScore } from '../../domain/hot-score'
import { fromMask, masksIncluding, toMask } from '../../domain/target-mask'
import { calendarDaysBetween, dueAt, workingDaysBetween } from '../../domain/working-days'
import { type CursorValue, encodeCursor } from '../../http/cursor'
import { ideaCell } from '../../stats/counters.data'
import { ideaReceived, ideaRethemed } from '../../stats/idea-events'
import { monthOf } from '../../stats/periods'
import { renderMarkdown } from '../../text/markdown'
import { listComments } from '../comments/comments.data'
import { photosOf } from '../photos/photos.data'
import {
  COMMON_MATCHES,
  ideaMatches,
  listSearch,
  rankedMatches,
  type Search,
  searchParams,
  searchPlan,
  searchShape,
  similarMatches,
  similarSearch,
} from './search.data'

// The bench reads the threshold from here.
export { COMMON_MATCHES }

type StoredSort = Exclude<IdeaSort, 'relevance'>

export type IdeaFilters = {
  status?: IdeaStatus | undefined
  themeId?: number | undefined
  districtId?: number | undefined
  targetGroup?: TargetGroup | undefined
  campaignId?: number | undefined
  q?: string | undefined
}

/**
 * The filters as the list, its count and the map name them in the address (one schema,
 * IdeaCountQuery), in the words of the data functions. An empty search is no search.
 */
export function ideaFilters(query: z.output<typeof IdeaCountQuery>): IdeaFilters {
  return {
    status: query.status,
    themeId: query.theme,
    districtId: query.district,
    targetGroup: query.targetGroup,
    campaignId: query.campaign,
    q: query.q || undefined,
  }
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

export type CardRow = Awaited<ReturnType<typeof selectCards>>[number]

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

const SORT_COLUMN = {
  trending: ideas.hotScore,
  top: ideas.voteCount,
  new: ideas.createdAt,
  discussed: ideas.commentCount,
  updated: ideas.updatedAt,
} as const satisfies Record<StoredSort, unknown>

const SORT_KEY = {
  trending: 'hotScore',
  top: 'voteCount',
  new: 'createdAt',
  discussed: 'commentCount',
  updated: 'updatedAt',
} as const satisfies Record<StoredSort, keyof CardRow>

/** Enough of the text for an excerpt once markdown and spacing are taken out; lists never read whole texts. */
const BODY_PREFIX = EXCERPT_LENGTH * 2

/** A card as lists show it: the body's first part only. */
const listCardColumns = {
  ...cardColumns,
  body: sql<string>`substr(${ideas.body}, 1, ${sql.raw(String(BODY_PREFIX))})`,
}

const p = sql.placeholder

/** Cards by id, for a page whose ids and order are known: one statement per page length. */
async function cardsByIds(db: Db, ids: number[]): Promise<CardRow[]> {
  const statement = prepared(db, `ideas.cards.${ids.length}`, (d) =>
    d
      .select(listCardColumns)
      .from(ideas)
      .innerJoin(users, eq(users.id, ideas.authorId))
      .where(
        inArray(
          ideas.id,
          ids.map((_, i) => p(`id${i}`)),
        ),
      )
      .prepare(),
  )
  return await statement.execute(Object.fromEntries(ids.map((id, i) => [`id${i}`, id])))
}

/**
 * Which filters a list has, and how it searches: each shape is one prepared statement,
 * with the chosen values bound as parameters.
 */
type ListShape = {
  status: boolean
  theme: boolean
  district: boolean
  /** How many target masks include the chosen group (0: no group chosen). */
  masks: number
  campaign: boolean
  /** `common`: walk the sort index and test membership; `rare`: read the few matches. */
  search: 'none' | 'common' | 'rare'
  after: boolean
}

function shapeKey(shape: ListShape, search: Search | null): string {
  const words = search && shape.search !== 'none' ? searchShape(search) : ''
  return `${+shape.status}${+shape.theme}${+shape.district}${shape.masks}${+shape.campaign}${shape.search[0]}${words}${+shape.after}`
}

/** The WHERE of every public list: visible rows, then the filters the person chose. */
function listConditions(shape: ListShape, sortColumn: SQLWrapper | null, search: Search | null): SQL | undefined {
  const conditions: (SQL | undefined)[] = [eq(ideas.hidden, 0)]
  // Merged ideas live on in their target; they only show when someone asks for them.
  conditions.push(shape.status ? eq(ideas.status, p('status')) : ne(ideas.status, 'merged'))
  if (shape.theme) conditions.push(eq(ideas.themeId, p('theme')))
  if (shape.district) conditions.push(eq(ideas.districtId, p('district')))
  if (shape.masks > 0) {
    conditions.push(
      inArray(
        ideas.targetMask,
        Array.from({ length: shape.masks }, (_, i) => p(`mask${i}`)),
      ),
    )
  }
  if (shape.campaign) conditions.push(eq(ideas.campaignId, p('campaign')))
  if (shape.search !== 'none' && search) {
    conditions.push(ideaMatches(search, shape.search === 'common', true))
  }
  // Row-value comparison keeps the keyset condition on the sort index.
  if (shape.after && sortColumn)
    conditions.push(sql`(${sortColumn}, ${ideas.id}) < (${p('afterValue')}, ${p('afterId')})`)
  return and(...conditions)
}

function listParams(input: ListIdeasInput, search: Search | null): Record<string, unknown> {
  const params: Record<string, unknown> = { limit: input.limit + 1 }
  if (input.status) params.status = input.status
  if (input.themeId) params.theme = input.themeId
  if (input.districtId) params.district = input.districtId
  if (input.targetGroup) {
    for (const [i, mask] of masksIncluding(input.targetGroup).entries()) params[`mask${i}`] = mask
  }
  if (input.campaignId) params.campaign = input.campaignId
  if (search) Object.assign(params, searchParams(search))
  if (input.cursor) {
    params.afterValue = input.cursor.value
    params.afterId = input.cursor.id
  }
  return params
}

/** The ideas the viewer voted on, among the given ones: one indexed lookup per page. */
async function votedAmong(db: Db, viewerId: number | null, ideaIds: number[]): Promise<Set<number>> {
  if (viewerId === null || ideaIds.length === 0) return new Set()
  const statement = prepared(db, `ideas.voted.${ideaIds.length}`, (d) =>
    d
      .select({ ideaId: votes.ideaId })
      .from(votes)
      .where(
        and(
          eq(votes.userId, p('viewer')),
          inArray(
            votes.ideaId,
            ideaIds.map((_, i) => p(`id${i}`)),
          ),
        ),
      )
      .prepare(),
  )
  const rows = await statement.execute({
    viewer: viewerId,
    ...Object.fromEntries(ideaIds.map((id, i) => [`id${i}`, id])),
  })
  return new Set(rows.map((r) => r.ideaId))
}

export type ListResult = { items: Idea[]; nextCursor: string | null }

async function page(
  db: Db,
  rows: CardRow[],
  input: ListIdeasInput,
  cursorOf: (row: CardRow) => number,
): Promise<ListResult> {
  const items = rows.slice(0, input.limit)
  const voted = await votedAmong(
    db,
    input.viewerId,
    items.map((r) => r.id),
  )
  const last = items.at(-1)
  const nextCursor = rows.length > input.limit && last ? encodeCursor({ value: cursorOf(last), id: last.id }) : null
  return { items: items.map((r) => toIdea(r, voted.has(r.id))), nextCursor }
}

/** Ranked search: best match first (search.data.ts), then id. */
async function rankedPage(db: Db, input: ListIdeasInput, search: Search): Promise<ListResult> {
  const shape: ListShape = { ...shapeOf(input), search: 'none' }
  const ranked = await rankedMatches(
    db,
    `ideas.${shapeKey(shape, null)}`,
    search,
    listConditions({ ...shape, after: false }, null, null),
    shape.after,
  ).execute(listParams(input, search))
  if (ranked.length === 0) return { items: [], nextCursor: null }
  const rank = new Map(ranked.map((r) => [r.id, r.rank]))
  const rows = (
    await cardsByIds(
      db,
      ranked.map((r) => r.id),
    )
  ).sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0) || a.id - b.id)
  return await page(db, rows, input, (row) => rank.get(row.id) ?? 0)
}

function shapeOf(input: ListIdeasInput): ListShape {
  return {
    status: Boolean(input.status),
    theme: Boolean(input.themeId),
    district: Boolean(input.districtId),
    masks: input.targetGroup ? masksIncluding(input.targetGroup).length : 0,
    campaign: Boolean(input.campaignId),
    search: 'none',
    after: input.cursor !== null,
  }
}

export async function listIdeas(db: Db, input: ListIdeasInput): Promise<ListResult> {
  const search = input.q ? listSearch(input.q) : null
  if (input.q && !search) return { items: [], nextCursor: null }
  const plan = search ? await searchPlan(db, search, input.sort === 'relevance') : null
  // Ranking every match of a common word costs too much; those lists read as "trending".
  if (search && plan?.rank) return await rankedPage(db, input, search)
  const sort: StoredSort = input.sort === 'relevance' ? 'trending' : input.sort
  const column = SORT_COLUMN[sort]
  const shape: ListShape = { ...shapeOf(input), search: plan ? (plan.walk ? 'common' : 'rare') : 'none' }
  const params = listParams(input, search)
  const cursorOf = (row: CardRow) => Number(row[SORT_KEY[sort]])
  const key = `${sort}.${shapeKey(shape, search)}`
  if (!search && narrowed(input)) {
    // The page's ids first, then their cards. Sorting every matching row with its card
    // read every row's page of the table; sorting ids and keys needs only the filter index
    // when it carries the sort keys (theme + district + status does), and then twenty rows
    // are read (docs/decisions/010-performance.md). A write between the two reads can
    // change a card's figures, never the order of the page.
    const ids = (
      await prepared(db, `ideas.ids.${key}`, (d) =>
        d
          .select({ id: ideas.id })
          .from(ideas)
          .where(listConditions(shape, column, search))
          .orderBy(desc(column), desc(ideas.id))
          .limit(p('limit'))
          .prepare(),
      ).execute(params)
    ).map((r) => r.id)
    if (ids.length === 0) return { items: [], nextCursor: null }
    const position = new Map(ids.map((id, index) => [id, index]))
    const rows = (await cardsByIds(db, ids)).sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0))
    return await page(db, rows, input, cursorOf)
  }
  const rows = await prepared(db, `ideas.list.${key}`, (d) =>
    d
      .select(listCardColumns)
      .from(ideas)
      .innerJoin(users, eq(users.id, ideas.authorId))
      .where(listConditions(shape, column, search))
      .orderBy(desc(column), desc(ideas.id))
      .limit(p('limit'))
      .prepare(),
  ).execute(params)
  return await page(db, rows, input, cursorOf)
}

/**
 * How many visible ideas the filters and search find, counted up to IDEA_COUNT_CAP + 1 from
 * the same index a list walks: "meer dan 1.000" is as useful as the exact number and stays
 * cheap at 100,000 ideas.
 */
export async function countIdeas(db: Db, filters: IdeaFilters): Promise<IdeaCount> {
  const filter = await listFilter(db, filters)
  if (!filter) return { count: 0, more: false }
  const capped = (
    await prepared(db, `ideas.count.${filter.key}`, (d) => {
      const matching = d.select({ id: ideas.id }).from(ideas).where(filter.where()).limit(p('limit')).as('matching')
      return d.select({ n: count() }).from(matching).prepare()
    }).execute({ ...filter.params, limit: IDEA_COUNT_CAP + 1 })
  )[0]
  const n = capped?.n ?? 0
  return { count: Math.min(n, IDEA_COUNT_CAP), more: n > IDEA_COUNT_CAP }
}

/** The list's filters and search as a condition over `ideas`, for another view of the same ideas. */
export type ListFilter = {
  /** The WHERE of the list (visible ideas, the filters, the search), with placeholders. */
  where: () => SQL | undefined
  /** The placeholders' values. */
  params: Record<string, unknown>
  /** The condition's shape, to name a prepared statement built on it. */
  key: string
}

/**
 * The list's filters and search, as the list and its count apply them, for a view that
 * adds its own conditions (the map). null when the search has no searchable word: then
 * nothing matches.
 */
export async function listFilter(db: Db, filters: IdeaFilters): Promise<ListFilter | null> {
  const search = filters.q ? listSearch(filters.q) : null
  if (filters.q && !search) return null
  const input: ListIdeasInput = { ...filters, sort: 'trending', cursor: null, limit: 0, viewerId: null }
  const plan = search ? await searchPlan(db, search, false) : null
  const shape: ListShape = { ...shapeOf(input), search: plan ? (plan.walk ? 'common' : 'rare') : 'none' }
  const { limit: _limit, ...params } = listParams(input, search)
  return { where: () => listConditions(shape, null, search), params, key: shapeKey(shape, search) }
}

/** Whether a list is filtered: then the planner reads a filter index and sorts the matches. */
function narrowed(filters: IdeaFilters): boolean {
  return Boolean(filters.status || filters.themeId || filters.districtId || filters.targetGroup || filters.campaignId)
}

/** Up to five visible ideas whose words look like the title being typed. */
export async function similarIdeas(db: Db, title: string, limit = 5) {
  const search = similarSearch(title)
  if (!search) return []
  // Rank title matches only: cheap even for common words, and a duplicate shares its title's words.
  return await similarMatches(db, search, limit)
}

const officialColumns = {
  id: comments.id,
  ideaId: comments.ideaId,
  parentId: comments.parentId,
  body: comments.body,
  bodyHtml: comments.bodyHtml,
  createdAt: comments.createdAt,
  updatedAt: comments.updatedAt,
  authorId: users.id,
  authorName: users.displayName,
}

/** Word for word as the partial index comments_official (schema.ts): literals, not parameters. */
const OFFICIAL_VISIBLE = sql`${comments.official} = 1 and ${comments.hidden} = 0 and ${comments.deletedAt} is null`

/**
 * The municipality's latest answer. The conditions repeat the partial index
 * comments_official word for word, and the order follows it, so the planner reads one
 * entry of that index instead of every comment of the idea.
 */
async function officialAnswerOf(db: Db, ideaId: number): Promise<Reply | null> {
  const row = (
    await prepared(db, 'ideas.official', (d) =>
      d
        .select(officialColumns)
        .from(comments)
        .innerJoin(users, eq(users.id, comments.authorId))
        .where(and(eq(comments.ideaId, p('idea')), OFFICIAL_VISIBLE))
        .orderBy(desc(comments.createdAt), desc(comments.id))
        .limit(1)
        .prepare(),
    ).execute({ idea: ideaId })
  )[0]
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

const detailColumns = {
  ...cardColumns,
  bodyHtml: ideas.bodyHtml,
  hidden: ideas.hidden,
  firstResponseAt: ideas.firstResponseAt,
  lastPublicUpdateAt: ideas.lastPublicUpdateAt,
  latitude: ideas.latitude,
  longitude: ideas.longitude,
  placeLabel: ideas.placeLabel,
  campaignId: ideas.campaignId,
  helperCount: sql<number>`(select count(*) from ${ideaHelpers} where ${ideaHelpers.ideaId} = ${ideas.id})`,
}

export async function findIdea(
  db: Db,
  id: number,
  viewerId: number | null,
  now: number,
  options: { includeHidden?: boolean } = {},
): Promise<IdeaDetail | null> {
  const row = (
    await prepared(db, 'ideas.detail', (d) =>
      d
        .select(detailColumns)
        .from(ideas)
        .innerJoin(users, eq(users.id, ideas.authorId))
        .where(eq(ideas.id, p('id')))
        .prepare(),
    ).execute({ id })
  )[0]
  if (!row || (row.hidden && !options.includeHidden)) return null
  const mine =
    viewerId === null
      ? { voted: false, following: false, helping: false }
      : ((
          await prepared(db, 'ideas.mine', (d) =>
            d
              .select({
                voted:
                  sql<boolean>`exists(select 1 from ${votes} where ${votes.ideaId} = ${p('idea')} and ${votes.userId} = ${p('viewer')})`.mapWith(
                    Boolean,
                  ),
                following:
                  sql<boolean>`exists(select 1 from ${followers} where ${followers.ideaId} = ${p('idea')} and ${followers.userId} = ${p('viewer')})`.mapWith(
                    Boolean,
                  ),
                helping:
                  sql<boolean>`exists(select 1 from ${ideaHelpers} where ${ideaHelpers.ideaId} = ${p('idea')} and ${ideaHelpers.userId} = ${p('viewer')})`.mapWith(
                    Boolean,
                  ),
              })
              .from(users)
              .where(eq(users.id, p('viewer')))
              .prepare(),
          ).execute({ idea: id, viewer: viewerId })
        )[0] ?? { voted: false, following: false, helping: false })
  const { responseNormDays } = await installationSettings(db)
  return {
    ...toIdea(row, mine.voted),
    body: row.body,
    bodyHtml: row.bodyHtml,
    timeline: await timelineOf(db, id),
    isFollowing: mine.following,
    officialAnswer: await officialAnswerOf(db, id),
    responseNormDays,
    ...dayCounts(row, now),
    campaignId: row.campaignId,
    helperCount: row.helperCount,
    isHelping: mine.helping,
    progressUpdates: await progressUpdatesOf(db, id),
    corrections: await correctionsOf(db, id),
    photos: await photosOf(db, id),
    place:
      row.latitude !== null && row.longitude !== null
        ? { latitude: row.latitude, longitude: row.longitude, label: row.placeLabel }
        : null,
  }
}

/** What the municipality corrected (staff, see features/staff), newest first, with its reason. */
async function correctionsOf(db: Db, ideaId: number) {
  return (
    await prepared(db, 'ideas.corrections', (d) =>
      d
        .select({ reason: ideaCorrections.reason, createdAt: ideaCorrections.createdAt })
        .from(ideaCorrections)
        .where(eq(ideaCorrections.ideaId, p('idea')))
        .orderBy(desc(ideaCorrections.createdAt), desc(ideaCorrections.id))
        .limit(IDEA_CORRECTIONS_SHOWN)
        .prepare(),
    ).execute({ idea: ideaId })
  ).map((c) => ({ reason: c.reason, createdAt: new Date(c.createdAt).toISOString() }))
}

async function progressUpdatesOf(db: Db, ideaId: number) {
  return (
    await prepared(db, 'ideas.progress', (d) =>
      d
        .select({
          id: progressUpdates.id,
          bodyHtml: progressUpdates.bodyHtml,
          authorName: users.displayName,
          createdAt: progressUpdates.createdAt,
        })
        .from(progressUpdates)
        .leftJoin(users, eq(users.id, progressUpdates.authorId))
        .where(eq(progressUpdates.ideaId, p('idea')))
        .orderBy(desc(progressUpdates.createdAt), desc(progressUpdates.id))
        .prepare(),
    ).execute({ idea: ideaId })
  ).map((u) => ({ ...u, authorName: u.authorName ?? '', createdAt: new Date(u.createdAt).toISOString() }))
}

export async function timelineOf(db: Db, ideaId: number): Promise<TimelineEntry[]> {
  return (
    await prepared(db, 'ideas.timeline', (d) =>
      d
        .select({
          id: statusChanges.id,
          fromStatus: statusChanges.fromStatus,
          toStatus: statusChanges.toStatus,
          explanation: statusChanges.explanation,
          declineReason: statusChanges.declineReason,
          referredTo: statusChanges.referredTo,
          whatChanged: statusChanges.closureWhatChanged,
          since: statusChanges.closureSince,
          team: statusChanges.closureTeam,
          link: statusChanges.closureLink,
          createdAt: statusChanges.createdAt,
        })
        .from(statusChanges)
        .where(eq(statusChanges.ideaId, p('idea')))
        .orderBy(asc(statusChanges.createdAt), asc(statusChanges.id))
        .prepare(),
    ).execute({ idea: ideaId })
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

/**
 * An idea with its first page of comments, as GET /api/ideas/{id} answers it; for a
 * member with their own vote, follow and offer of help.
 */
export async function ideaWithComments(
  db: Db,
  id: number,
  viewerId: number | null,
  now: number,
): Promise<IdeaWithComments | null> {
  const idea = await findIdea(db, id, viewerId, now)
  if (!idea) return null
  const comments = await listComments(db, id, null, PAGE_SIZE)
  return { idea, comments: { items: comments.items, nextCursor: comments.next ? encodeCursor(comments.next) : null } }
}

export async function themeDepartment(db: Db, themeId: number): Promise<{ departmentId: number | null } | undefined> {
  return (await db.select({ departmentId: themes.departmentId }).from(themes).where(eq(themes.id, themeId)).limit(1))[0]
}

/** The phase dates of a campaign, for the rules on new ideas and votes. */
export async function campaignWindow(db: Db, id: number): Promise<CampaignWindow | undefined> {
  return (
    await db
      .select({
        ideasFrom: campaigns.ideasFrom,
        ideasUntil: campaigns.ideasUntil,
        votingFrom: campaigns.votingFrom,
        votingUntil: campaigns.votingUntil,
      })
      .from(campaigns)
      .where(eq(campaigns.id, id))
      .limit(1)
  )[0]
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
  /** An optional point (already checked to lie in the Netherlands). */
  place?: { latitude: number; longitude: number; label?: string | undefined } | null | undefined
}

/** A new idea: rendered once, routed to its theme's department, followed by its author. */
export async function createIdea(db: Db, values: NewIdeaValues, now: number): Promise<number> {
  return await db.transaction(
    async (tx) => {
      const authorGroup =
        (await tx.select({ group: users.targetGroup }).from(users).where(eq(users.id, values.authorId)).limit(1))[0]
          ?.group ?? null
      const { responseNormDays } = await installationSettings(tx)
      const id = oneRow(
        await tx
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
            hotScore: newIdeaHotScore(now),
            departmentId: values.departmentId,
            campaignId: values.campaignId ?? null,
            latitude: values.place?.latitude ?? null,
            longitude: values.place?.longitude ?? null,
            placeLabel: values.place?.label || null,
            createdAt: now,
            updatedAt: now,
          })
          .returning({ id: ideas.id }),
      ).id
      await tx.insert(followers).values({ ideaId: id, userId: values.authorId, createdAt: now })
      await ideaReceived(
        tx,
        { themeId: values.themeId, month: monthOf(now), targetGroup: authorGroup ?? 'unknown' },
        values.channel,
      )
      return id
    },
    { behavior: 'immediate' },
  )
}

export async function ideaOwnership(db: Db, id: number) {
  return (
    await db
      .select({
        authorId: ideas.authorId,
        status: ideas.status,
        hidden: ideas.hidden,
        themeId: ideas.themeId,
        districtId: ideas.districtId,
      })
      .from(ideas)
      .where(eq(ideas.id, id))
      .limit(1)
  )[0]
}

export type IdeaChanges = Partial<{
  title: string
  body: string
  themeId: number
  districtId: number | null
  targetGroups: TargetGroup[]
  departmentId: number | null
  latitude: number | null
  longitude: number | null
  placeLabel: string | null
}>

/** Only while the idea is still new; the status check is part of the update itself. */
export async function updateNewIdea(db: Db, id: number, changes: IdeaChanges, now: number): Promise<boolean> {
  const { targetGroups, body, ...rest } = changes
  return await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ themeId: ideas.themeId, channel: ideas.channel })
      .from(ideas)
      .where(eq(ideas.id, id))
      .limit(1)
    const fromCell = await ideaCell(tx, id)
    const result = await tx
      .update(ideas)
      .set({
        ...rest,
        ...(body !== undefined ? { body, bodyHtml: renderMarkdown(body) } : {}),
        ...(targetGroups !== undefined ? { targetMask: toMask(targetGroups) } : {}),
        updatedAt: now,
      })
      .where(and(eq(ideas.id, id), eq(ideas.status, 'new')))
      .returning({ id: ideas.id })
    if (result.length !== 1) return false
    const toCell = await ideaCell(tx, id)
    if (before && fromCell && toCell && before.themeId !== toCell.themeId)
      await ideaRethemed(tx, fromCell, toCell, before.channel)
    return true
  })
}
