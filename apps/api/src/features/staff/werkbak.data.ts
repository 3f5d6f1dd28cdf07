import { type InboxTab, type InstallationSettings, WERKBAK_COUNT_CAP, type WerkbakFilters } from '@meedenken/shared'
import { and, asc, count, desc, eq, inArray, isNull, lt, ne, type SQL, sql } from 'drizzle-orm'
import { installationSettings } from '../../config/installation.data'
import type { Db } from '../../db/open'
import { answeredLastSql, openStatusSql, updateStatusSql } from '../../db/queue-sql'
import { departments, districts, ideas, themes, users } from '../../db/schema'
import { overdueCutoff } from '../../domain/working-days'
import { selectCards, toIdea } from '../ideas/ideas.data'
import { ideaMatches, listSearch, searchPlan } from '../ideas/search.data'
import { staffColumns, staffFields } from './staff.data'

const ideaColumn = (name: string) => `"ideas"."${name}"`
/** Word for word as in the partial indexes (db/queue-sql.ts), so SQLite uses them. */
const open = sql.raw(openStatusSql(ideaColumn('status')))
const stillUpdating = sql.raw(updateStatusSql(ideaColumn('status')))

const DAY = 86_400_000

export type InboxCursor = { value: number; id: number }

type Who = { staffId: number; departmentId: number | null }

type Tab = { where: SQL[]; order: SQL<number> | typeof ideas.createdAt; newestFirst: boolean }

/**
 * Which ideas a tab holds and in what order. Each reads a narrow index range: unanswered
 * ideas by age, a colleague's or department's open ideas, stale ones by last update; "all"
 * walks the visible ideas newest first.
 */
function tabQuery(tab: InboxTab, who: Who, now: number, config: InstallationSettings): Tab | null {
  const visible = eq(ideas.hidden, 0)
  const unanswered = isNull(ideas.firstResponseAt)
  const oldestFirst = (where: SQL[], order: Tab['order']): Tab => ({ where, order, newestFirst: false })
  switch (tab) {
    case 'needs_answer':
      return oldestFirst([visible, unanswered, ne(ideas.status, 'merged')], ideas.createdAt)
    case 'overdue':
      return oldestFirst(
        [
          visible,
          unanswered,
          ne(ideas.status, 'merged'),
          lt(ideas.createdAt, overdueCutoff(now, config.responseNormDays)),
        ],
        ideas.createdAt,
      )
    case 'mine':
      return oldestFirst(
        [eq(ideas.assigneeId, who.staffId), open],
        sql<number>`${sql.raw(answeredLastSql(ideaColumn))}`,
      )
    case 'department':
      if (who.departmentId === null) return null
      return oldestFirst(
        [eq(ideas.departmentId, who.departmentId), open],
        sql<number>`${sql.raw(answeredLastSql(ideaColumn))}`,
      )
    case 'stale':
      return oldestFirst(
        [stillUpdating, lt(ideas.lastPublicUpdateAt, now - config.staleAfterDays * DAY)],
        sql<number>`${ideas.lastPublicUpdateAt}`,
      )
    case 'reported':
      return oldestFirst(
        [
          sql`${ideas.id} in (select r.subject_id from reports r where r.subject_type = 'idea' and r.resolved_at is null
              union select c.idea_id from reports r join comments c on c.id = r.subject_id
              where r.subject_type = 'comment' and r.resolved_at is null)`,
        ],
        ideas.createdAt,
      )
    case 'all':
      return { where: [visible], order: ideas.createdAt, newestFirst: true }
  }
}

/**
 * The filters as conditions, or null when they can match nothing (a search without a
 * searchable word). The text search is the ideas search (ideas/search.data.ts).
 */
async function filterConditions(db: Db, tab: InboxTab, filters: WerkbakFilters): Promise<SQL[] | null> {
  const where: SQL[] = []
  if (filters.status) where.push(eq(ideas.status, filters.status))
  // Merged ideas live on in their target; as in the public list, only when asked for.
  else if (tab === 'all') where.push(ne(ideas.status, 'merged'))
  if (filters.theme) where.push(eq(ideas.themeId, filters.theme))
  if (filters.district) where.push(eq(ideas.districtId, filters.district))
  if (filters.department !== undefined)
    where.push(filters.department === 'none' ? isNull(ideas.departmentId) : eq(ideas.departmentId, filters.department))
  if (filters.assignee !== undefined)
    where.push(filters.assignee === 'none' ? isNull(ideas.assigneeId) : eq(ideas.assigneeId, filters.assignee))
  if (filters.q) {
    const search = listSearch(filters.q)
    if (!search) return null
    // As the ideas list does: a common search walks the tab's own order, testing each idea.
    where.push(ideaMatches(search, (await searchPlan(db, search, false)).walk, false))
  }
  return where
}

async function selection(
  db: Db,
  tab: InboxTab,
  filters: WerkbakFilters,
  who: Who,
  now: number,
  config: InstallationSettings,
) {
  const query = tabQuery(tab, who, now, config)
  const extra = await filterConditions(db, tab, filters)
  if (!query || !extra) return null
  return { ...query, where: [...query.where, ...extra] }
}

/** One tab of the Werkbak with its filters, most urgent first (all ideas: newest first). */
export async function werkbakPage(
  db: Db,
  input: { tab: InboxTab; filters: WerkbakFilters; who: Who; cursor: InboxCursor | null; limit: number },
  now: number,
) {
  const config = await installationSettings(db)
  const query = await selection(db, input.tab, input.filters, input.who, now, config)
  if (!query) return { items: [], nextCursor: null as InboxCursor | null }
  const conditions = [...query.where]
  if (input.cursor) {
    conditions.push(
      query.newestFirst
        ? sql`(${query.order}, ${ideas.id}) < (${input.cursor.value}, ${input.cursor.id})`
        : sql`(${query.order}, ${ideas.id}) > (${input.cursor.value}, ${input.cursor.id})`,
    )
  }
  const direction = query.newestFirst ? desc : asc
  const rows = await selectCards(db)
    .where(and(...conditions))
    .orderBy(direction(query.order), direction(ideas.id))
    .limit(input.limit + 1)
  const page = rows.slice(0, input.limit)
  const ids = page.map((r) => r.id)
  const extra = ids.length
    ? await db
        .select({ id: ideas.id, ...staffColumns, order: query.order })
        .from(ideas)
        .where(inArray(ideas.id, ids))
    : []
  const byId = new Map(extra.map((e) => [e.id, e]))
  const items = page.flatMap((r) => {
    const e = byId.get(r.id)
    return e
      ? [{ ...toIdea(r, false), ...staffFields({ ...e, createdAt: r.createdAt, status: r.status }, now, config) }]
      : []
  })
  const last = page.at(-1)
  const lastOrder = last ? byId.get(last.id)?.order : undefined
  return {
    items,
    nextCursor:
      rows.length > input.limit && last && lastOrder !== undefined ? { value: Number(lastOrder), id: last.id } : null,
  }
}

/**
 * How many ideas each tab holds with the same filters, for the tab labels. Each count
 * stops at WERKBAK_COUNT_CAP: a broad search would otherwise count every match, six times.
 */
export async function werkbakCounts(
  db: Db,
  filters: WerkbakFilters,
  who: Who,
  now: number,
): Promise<Record<InboxTab, number>> {
  const config = await installationSettings(db)
  const countTab = async (tab: InboxTab) => {
    const query = await selection(db, tab, filters, who, now, config)
    if (!query) return 0
    const capped = db
      .select({ one: sql<number>`1`.as('one') })
      .from(ideas)
      .where(and(...query.where))
      .limit(WERKBAK_COUNT_CAP)
      .as('capped')
    return (await db.select({ n: count() }).from(capped))[0]?.n ?? 0
  }
  return {
    needs_answer: await countTab('needs_answer'),
    mine: await countTab('mine'),
    department: await countTab('department'),
    overdue: await countTab('overdue'),
    stale: await countTab('stale'),
    reported: await countTab('reported'),
    all: await countTab('all'),
  }
}

/** Names by id for a download: themes, districts, departments and colleagues (small tables). */
export async function exportNames(db: Db) {
  const map = (rows: { id: number; name: string }[]) => new Map(rows.map((r) => [r.id, r.name]))
  return {
    themes: map(await db.select({ id: themes.id, name: themes.name }).from(themes)),
    districts: map(await db.select({ id: districts.id, name: districts.name }).from(districts)),
    departments: map(await db.select({ id: departments.id, name: departments.name }).from(departments)),
    colleagues: map(
      await db
        .select({ id: users.id, name: users.displayName })
        .from(users)
        .where(inArray(users.role, ['staff', 'admin'])),
    ),
  }
}
