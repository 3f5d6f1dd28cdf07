import type { DepartmentFigures, RoadmapItem, YouSaidWeDidItem } from '@meedenken/shared'
import type { OPEN_DATA_IDEA_COLUMNS } from '@meedenken/shared/constants'
import { and, asc, count, desc, eq, gt, inArray, isNotNull, isNull, lt, ne, type SQL, sql } from 'drizzle-orm'
import { installationSettings } from '../../config/installation.data'
import type { Db } from '../../db/open'
import { updateStatusSql } from '../../db/queue-sql'
import { departments, districts, ideas, statsCounters, statusChanges, themes } from '../../db/schema'
import { fromMask } from '../../domain/target-mask'
import { overdueCutoff } from '../../domain/working-days'
import { answerDaysHistogram, medianOfHistogram } from '../../stats/median'
import { monthsOfQuarter } from '../../stats/periods'

const DAY = 86_400_000
const ROADMAP_COLUMN_LIMIT = 50

/** Planned, in progress, and done in the last 180 days; newest update first in each column. */
export async function roadmap(
  db: Db,
  filters: { themeId?: number | undefined; districtId?: number | undefined },
  now: number,
) {
  const column = async (status: 'planned' | 'in_progress' | 'done'): Promise<RoadmapItem[]> => {
    const conditions: SQL[] = [eq(ideas.hidden, 0), eq(ideas.status, status)]
    if (filters.themeId) conditions.push(eq(ideas.themeId, filters.themeId))
    if (filters.districtId) conditions.push(eq(ideas.districtId, filters.districtId))
    if (status === 'done') conditions.push(gt(ideas.lastPublicUpdateAt, now - 180 * DAY))
    return (
      await db
        .select({
          id: ideas.id,
          title: ideas.title,
          status: ideas.status,
          themeId: ideas.themeId,
          districtId: ideas.districtId,
          voteCount: ideas.voteCount,
          lastUpdateAt: sql<number>`coalesce(${ideas.lastPublicUpdateAt}, ${ideas.createdAt})`,
        })
        .from(ideas)
        .where(and(...conditions))
        .orderBy(desc(ideas.lastPublicUpdateAt), desc(ideas.id))
        .limit(ROADMAP_COLUMN_LIMIT)
    ).map((r) => ({ ...r, lastUpdateAt: new Date(r.lastUpdateAt).toISOString() }))
  }
  return { planned: await column('planned'), inProgress: await column('in_progress'), done: await column('done') }
}

/** "Jij zei, wij deden": the closure records of completed ideas, newest first. */
export async function youSaidWeDid(
  db: Db,
  input: { themeId?: number | undefined; before: { value: number; id: number } | null; limit: number },
): Promise<{ items: YouSaidWeDidItem[]; next: { value: number; id: number } | null }> {
  const conditions: SQL[] = [
    eq(statusChanges.toStatus, 'done'),
    isNotNull(statusChanges.closureWhatChanged),
    eq(ideas.hidden, 0),
    eq(ideas.status, 'done'),
  ]
  if (input.themeId) conditions.push(eq(ideas.themeId, input.themeId))
  if (input.before) {
    conditions.push(
      sql`(${statusChanges.createdAt}, ${statusChanges.id}) < (${input.before.value}, ${input.before.id})`,
    )
  }
  const rows = await db
    .select({
      id: statusChanges.id,
      ideaId: ideas.id,
      title: ideas.title,
      themeId: ideas.themeId,
      districtId: ideas.districtId,
      explanation: statusChanges.explanation,
      whatChanged: statusChanges.closureWhatChanged,
      since: statusChanges.closureSince,
      team: statusChanges.closureTeam,
      link: statusChanges.closureLink,
      createdAt: statusChanges.createdAt,
    })
    .from(statusChanges)
    .innerJoin(ideas, eq(ideas.id, statusChanges.ideaId))
    .where(and(...conditions))
    .orderBy(desc(statusChanges.createdAt), desc(statusChanges.id))
    .limit(input.limit + 1)

  const page = rows.slice(0, input.limit)
  const last = page.at(-1)
  return {
    items: page.map((r) => ({
      ideaId: r.ideaId,
      title: r.title,
      themeId: r.themeId,
      districtId: r.districtId,
      explanation: r.explanation,
      closure: { whatChanged: r.whatChanged ?? '', since: r.since ?? '', team: r.team ?? '', link: r.link },
      doneAt: new Date(r.createdAt).toISOString(),
    })),
    next: rows.length > input.limit && last ? { value: last.createdAt, id: last.id } : null,
  }
}

export type OpenDataIdea = {
  [K in (typeof OPEN_DATA_IDEA_COLUMNS)[number]]: string | number | boolean | null
} & { id: number }

const iso = (ms: number | null) => (ms === null ? null : `${new Date(ms).toISOString().slice(0, 19)}Z`)

/**
 * An idea's place in the open data: 3 decimals, for every idea alike (all are by residents,
 * or filed by staff for one). In Midden-Groningen (53.1°-53.3° N) a step of 0.001° is 111 m
 * north-south and 67 m east-west: the point moves by up to about 55 m and 35 m, into a cell of
 * about 100 m across on average, so a row points at a stretch of street, not at a house. A
 * coarser step for longitude alone would make numbers (6.7215) that look more exact than they
 * are; 3 decimals is what a reader expects of "about 100 m". The map shows the exact point
 * (map.data.ts): its author chose it and chose to show it on the idea's page; a file that is
 * copied, joined and kept for years gets less.
 */
const roundedDegrees = (degrees: number | null) => (degrees === null ? null : Math.round(degrees * 1000) / 1000)

/**
 * Ideas as open data, a batch at a time by id (an index range, never one huge read).
 * No names, addresses, remarks or anything else that points to a person. The theme is
 * named as everywhere in the open data: its number (themeId) and its short name (themeSlug).
 */
export async function openDataBatch(db: Db, afterId: number, limit: number): Promise<OpenDataIdea[]> {
  return (
    await db
      .select({
        id: ideas.id,
        title: ideas.title,
        body: ideas.body,
        status: ideas.status,
        themeId: ideas.themeId,
        themeSlug: themes.slug,
        themeName: themes.name,
        districtId: ideas.districtId,
        districtName: districts.name,
        targetMask: ideas.targetMask,
        channel: ideas.channel,
        votes: ideas.voteCount,
        comments: ideas.commentCount,
        followers: ideas.followerCount,
        createdAt: ideas.createdAt,
        firstResponseAt: ideas.firstResponseAt,
        firstResponseWorkingDays: ideas.firstResponseWorkingDays,
        responseDueAt: ideas.responseDueAt,
        doneAt: ideas.doneAt,
        latitude: ideas.latitude,
        longitude: ideas.longitude,
      })
      .from(ideas)
      .innerJoin(themes, eq(themes.id, ideas.themeId))
      .leftJoin(districts, eq(districts.id, ideas.districtId))
      .where(and(gt(ideas.id, afterId), eq(ideas.hidden, 0)))
      .orderBy(asc(ideas.id))
      .limit(limit)
  ).map((r) => ({
    id: r.id,
    title: r.title,
    body: r.body,
    status: r.status,
    themeId: r.themeId,
    themeSlug: r.themeSlug,
    themeName: r.themeName,
    districtId: r.districtId,
    districtName: r.districtName,
    targetGroups: fromMask(r.targetMask).join(' '),
    channel: r.channel,
    votes: r.votes,
    comments: r.comments,
    followers: r.followers,
    createdAt: iso(r.createdAt),
    firstAnswerAt: iso(r.firstResponseAt),
    firstAnswerWorkingDays: r.firstResponseWorkingDays,
    answeredWithinNorm:
      r.firstResponseAt === null ? null : r.responseDueAt === null || r.firstResponseAt <= r.responseDueAt,
    doneAt: iso(r.doneAt),
    latitude: roundedDegrees(r.latitude),
    longitude: roundedDegrees(r.longitude),
  }))
}

/** Theme number → slug and Dutch name, for the scorecard's rows. */
export async function themeNames(db: Db): Promise<Map<number, { slug: string; name: string }>> {
  return new Map(
    (await db.select({ id: themes.id, slug: themes.slug, name: themes.name }).from(themes)).map((t) => [
      t.id,
      { slug: t.slug, name: t.name },
    ]),
  )
}

/** The scorecard per department (through the themes it owns), plus what needs action now. */
export async function departmentFigures(db: Db, quarter: string, now: number): Promise<DepartmentFigures[]> {
  const config = await installationSettings(db)
  const months = monthsOfQuarter(quarter)
  const themeToDepartment = new Map(
    (await db.select({ id: themes.id, departmentId: themes.departmentId }).from(themes)).map((t) => [
      t.id,
      t.departmentId,
    ]),
  )
  const counters = await db.select().from(statsCounters).where(inArray(statsCounters.month, months))
  const departmentIds = [null, ...(await db.select({ id: departments.id }).from(departments)).map((d) => d.id)]
  const sum = (departmentId: number | null, metric: (m: string) => boolean) =>
    counters
      .filter((c) => themeToDepartment.get(c.themeId) === departmentId && metric(c.metric))
      .reduce((s, c) => s + c.count, 0)
  const live = async (departmentId: number | null, where: SQL) =>
    (
      await db
        .select({ n: count() })
        .from(ideas)
        .where(and(departmentId === null ? isNull(ideas.departmentId) : eq(ideas.departmentId, departmentId), where))
    )[0]?.n ?? 0
  const figures: DepartmentFigures[] = []
  for (const departmentId of departmentIds) {
    const received = sum(departmentId, (m) => m === 'received')
    const answered = sum(departmentId, (m) => m === 'answered')
    const ratings = sum(departmentId, (m) => m === 'rating_n')
    const median = medianOfHistogram(
      answerDaysHistogram(
        counters
          .filter((c) => themeToDepartment.get(c.themeId) === departmentId)
          .map((c) => [c.metric, c.count] as const),
      ),
    )
    const unanswered = await live(
      departmentId,
      and(eq(ideas.hidden, 0), isNull(ideas.firstResponseAt), ne(ideas.status, 'merged')) as SQL,
    )
    const overdue = await live(
      departmentId,
      and(
        eq(ideas.hidden, 0),
        isNull(ideas.firstResponseAt),
        ne(ideas.status, 'merged'),
        lt(ideas.createdAt, overdueCutoff(now, config.responseNormDays)),
      ) as SQL,
    )
    const stale = await live(
      departmentId,
      and(
        // Word for word as in the partial index ideas_department_stale (db/queue-sql.ts).
        sql.raw(updateStatusSql('"ideas"."status"')),
        lt(ideas.lastPublicUpdateAt, now - config.staleAfterDays * DAY),
      ) as SQL,
    )
    const pct = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 1000) / 10 : null)
    figures.push({
      departmentId,
      received,
      withinNormPct: pct(
        sum(departmentId, (m) => m === 'within_norm'),
        answered,
      ),
      medianAnswerDays: median,
      implementedPct: pct(
        sum(departmentId, (m) => m === 'status:done'),
        received,
      ),
      satisfactionPct: pct(
        sum(departmentId, (m) => m === 'rating_45'),
        ratings,
      ),
      ratings,
      overdue,
      stale,
      unanswered,
    })
  }
  return figures
}

/** Department number → name, for the dashboard's file. */
export async function departmentNames(db: Db): Promise<Map<number, string>> {
  return new Map(
    (await db.select({ id: departments.id, name: departments.name }).from(departments)).map((d) => [d.id, d.name]),
  )
}
