import { eq, getTableColumns, type InferInsertModel, max } from 'drizzle-orm'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import { installationSettings } from '../../config/installation.data'
import type { Clock } from '../../http/env'
import { hashPassword } from '../../security/passwords'
import { rebuildStats } from '../../stats/rebuild'
import { moveIdentitiesOn } from '../identities'
import type { Db, Tx } from '../open'
import {
  auditLog,
  campaigns,
  comments,
  departments,
  districts,
  followers,
  followupAnswers,
  ideaAssignments,
  ideaHelpers,
  ideaNotes,
  ideas,
  progressUpdates,
  ratings,
  reports,
  settings,
  statusChanges,
  themes,
  users,
  votes,
} from '../schema'
import { DEMO_PASSWORD, DEPARTMENTS, DISTRICTS, THEMES } from './demo-content'
import { buildDemoWorld } from './demo-generator'
import { villageOutline } from './demo-places'
import { demoTime } from './demo-time'
import type { ThemeSlug } from './demo-topics'
import type { DemoCatalog } from './demo-world'

const MARKER = 'demo_data_loaded_at'

/** Bound values per INSERT: far below SQLite's limit (32,766) and PostgreSQL's (65,535). */
const MAX_VARIABLES = 10_000

function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

/** Multi-row inserts, as many rows per statement as the variable budget allows. */
async function insertAll<T extends SQLiteTable>(tx: Tx, table: T, rows: InferInsertModel<T>[]): Promise<void> {
  if (rows.length === 0) return
  const columns = getTableColumns(table)
  const size = Math.max(1, Math.floor(MAX_VARIABLES / Object.keys(columns).length))
  // The generator's moments are sums of fractions of days; an integer column (a time in
  // milliseconds) takes whole numbers: PostgreSQL's bigint refuses a fraction, and SQLite
  // would keep it as a float.
  const integral = Object.entries(columns)
    .filter(([, column]) => /int/i.test(column.getSQLType()))
    .map(([key]) => key)
  const whole = rows.map((row) => {
    const copy: Record<string, unknown> = { ...row }
    for (const key of integral) {
      const value = copy[key]
      if (typeof value === 'number' && !Number.isInteger(value)) copy[key] = Math.round(value)
    }
    return copy as InferInsertModel<T>
  })
  for (let i = 0; i < whole.length; i += size) {
    await tx.insert(table).values(whole.slice(i, i + size))
  }
}

/** The first free id of a table: 1 on a fresh database, after anything already there otherwise. */
async function firstFreeId(tx: Tx, table: SQLiteTable & { id: SQLiteColumn }): Promise<number> {
  return Number((await tx.select({ last: max(table.id) }).from(table))[0]?.last ?? 0) + 1
}

/**
 * Loads the Midden-Groningen demo once: the fifteen hand-written ideas and a year of life
 * around them (demo-generator.ts), laid out relative to `clock.now()` and the same for the
 * same moment. A marker row makes a second start a no-op, so restarting `npm start` never
 * duplicates anything.
 */
export async function loadDemoData(db: Db, clock: Clock): Promise<{ loaded: boolean }> {
  if ((await db.select().from(settings).where(eq(settings.key, MARKER)).limit(1))[0]) return { loaded: false }
  // Hash outside the transaction: better-sqlite3 transactions must stay synchronous.
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  const now = clock.now()
  const { responseNormDays, followupWeeks } = await installationSettings(db)

  await db.transaction(async (tx) => {
    const departmentBase = await firstFreeId(tx, departments)
    const departmentRows = DEPARTMENTS.map((d, i) => ({ id: departmentBase + i, ...d }))
    await insertAll(tx, departments, departmentRows)
    const departmentIds = new Map(departmentRows.map((d) => [d.slug as string, d.id]))
    const themeBase = await firstFreeId(tx, themes)
    const themeRows = THEMES.map((t, position) => ({
      id: themeBase + position,
      slug: t.slug,
      name: t.name,
      nameEn: t.nameEn,
      description: t.description,
      departmentId: departmentIds.get(t.department) ?? null,
      position,
    }))
    await insertAll(tx, themes, themeRows)
    const districtBase = await firstFreeId(tx, districts)
    const districtRows = DISTRICTS.map((name, i) => ({
      id: districtBase + i,
      slug: slugify(name),
      name,
      boundary: villageOutline(name),
    }))
    await insertAll(tx, districts, districtRows)

    const catalog: DemoCatalog = {
      departments: new Map(departmentRows.map((d) => [d.slug, { id: d.id, name: d.name }])),
      themes: new Map(
        THEMES.map((t, i) => [t.slug as ThemeSlug, { id: themeBase + i, departmentSlug: t.department }] as const),
      ),
      districts: new Map(districtRows.map((d) => [d.name, d.id])),
    }
    const world = buildDemoWorld({
      time: demoTime(now),
      catalog,
      bases: {
        users: await firstFreeId(tx, users),
        ideas: await firstFreeId(tx, ideas),
        comments: await firstFreeId(tx, comments),
        statusChanges: await firstFreeId(tx, statusChanges),
        ratings: await firstFreeId(tx, ratings),
        followups: await firstFreeId(tx, followupAnswers),
        updates: await firstFreeId(tx, progressUpdates),
        notes: await firstFreeId(tx, ideaNotes),
        assignments: await firstFreeId(tx, ideaAssignments),
        audit: await firstFreeId(tx, auditLog),
        reports: await firstFreeId(tx, reports),
        campaigns: await firstFreeId(tx, campaigns),
      },
      passwordHash,
      responseNormDays,
      followupWeeks,
    })
    const rows = world.rows()
    // Parents before children, as the foreign keys require.
    await insertAll(tx, users, rows.users)
    await insertAll(tx, campaigns, rows.campaigns)
    await insertAll(tx, ideas, rows.ideas)
    await insertAll(tx, votes, rows.votes)
    await insertAll(tx, followers, rows.followers)
    await insertAll(tx, comments, rows.comments)
    await insertAll(tx, statusChanges, rows.statusChanges)
    await insertAll(tx, ratings, rows.ratings)
    await insertAll(tx, followupAnswers, rows.followupAnswers)
    await insertAll(tx, ideaHelpers, rows.ideaHelpers)
    await insertAll(tx, progressUpdates, rows.progressUpdates)
    await insertAll(tx, ideaNotes, rows.ideaNotes)
    await insertAll(tx, ideaAssignments, rows.ideaAssignments)
    await insertAll(tx, reports, rows.reports)
    await insertAll(tx, auditLog, rows.auditLog)
    await tx.insert(settings).values({ key: MARKER, value: new Date(now).toISOString(), updatedAt: now })
    await moveIdentitiesOn(tx, [
      departments,
      themes,
      districts,
      ...[users, campaigns, ideas, comments, statusChanges, ratings, followupAnswers, progressUpdates],
      ...[ideaNotes, ideaAssignments, reports, auditLog],
    ])
  })
  // The demo was written in bulk, past the events that keep the scorecard counters.
  await rebuildStats(db)
  return { loaded: true }
}
