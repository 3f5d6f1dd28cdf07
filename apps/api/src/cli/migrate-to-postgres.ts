import { existsSync } from 'node:fs'
import Database from 'better-sqlite3'
import { type Column, getTableColumns, sql } from 'drizzle-orm'
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres'
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import pg from 'pg'
import { migratePostgres } from '../db/migrate-pg'
import { openDatabase } from '../db/open'
import * as pgTables from '../db/schema.pg'
import * as sqliteTables from '../db/schema.sqlite'
import { readSettings } from '../settings'

/**
 * `pnpm admin migrate-to-postgres <postgres-url>`: copies a SQLite installation into an empty
 * PostgreSQL database, so a municipality that started small grows without losing its history.
 * This is the one place that knows both engines, so it speaks each one's SQL explicitly.
 *
 * Every table of schema.pg.ts is copied with its ids, parents before children, in one
 * PostgreSQL transaction: a failure leaves the target as empty as it was. The SQLite side is
 * read in one read transaction, so the copy is the database as it was at one moment.
 */

/** Rows per multi-row INSERT; fewer for wide tables (PostgreSQL takes at most 65,535 parameters). */
const BATCH_ROWS = 1_000
const MAX_PARAMETERS = 60_000

export type TableCount = { table: string; source: number; target: number }
export type CopyReport = {
  tables: TableCount[]
  /** Sums that must survive the copy too (votes counted on the ideas, the list version). */
  checks: TableCount[]
  seconds: number
  ok: boolean
}

/** The target held rows already: nothing was written. */
export class TargetNotEmptyError extends Error {
  constructor(readonly tables: string[]) {
    super(
      `De PostgreSQL-database is niet leeg: in ${tables.join(', ')} staan al rijen. ` +
        'Kopieer alleen naar een lege database (maak een nieuwe aan, bijvoorbeeld met createdb). Er is niets geschreven.\n' +
        `The PostgreSQL database is not empty: ${tables.join(', ')} already hold rows. ` +
        'Copy only into an empty database (create a new one, e.g. with createdb). Nothing was written.',
    )
  }
}

/** The counts differed: the copy was rolled back. */
export class CopyMismatchError extends Error {
  constructor(readonly report: CopyReport) {
    super(
      'De aantallen in PostgreSQL wijken af van SQLite (zie de tabel); de kopie is teruggedraaid, de database is leeg gebleven.\n' +
        'The counts in PostgreSQL differ from SQLite (see the table); the copy was rolled back, the database is still empty.',
    )
  }
}

type ColumnPlan = { key: string; name: string; decode: (value: unknown) => unknown }
type TablePlan = { name: string; table: PgTable; columns: ColumnPlan[]; hasId: boolean }

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`

/**
 * The tables of schema.pg.ts with their SQLite twins (same export name, same columns), parents
 * before children: the foreign keys are not deferrable, so a row's parent must be there first.
 */
function tablePlans(): TablePlan[] {
  const plans = new Map<string, TablePlan & { parents: string[] }>()
  for (const [key, table] of Object.entries(pgTables) as [string, PgTable][]) {
    const config = getTableConfig(table)
    const sqliteTable = (sqliteTables as Record<string, SQLiteTable>)[key]
    if (!sqliteTable) throw new Error(`schema.sqlite.ts has no table ${key}`)
    const sqliteColumns = getTableColumns(sqliteTable) as Record<string, Column>
    const columns = Object.entries(getTableColumns(table) as Record<string, Column>).map(([columnKey, column]) => {
      const twin = sqliteColumns[columnKey]
      if (!twin) throw new Error(`schema.sqlite.ts: ${config.name} has no column ${columnKey}`)
      // SQLite's own reading of the value (JSON text parsed, numbers as numbers); drizzle's
      // PostgreSQL column then writes it its way (json, bigint).
      return {
        key: columnKey,
        name: column.name,
        decode: (v: unknown) => (v === null ? null : twin.mapFromDriverValue(v)),
      }
    })
    const parents = config.foreignKeys
      .map((fk) => getTableConfig(fk.reference().foreignTable).name)
      .filter((parent) => parent !== config.name)
    plans.set(config.name, {
      name: config.name,
      table,
      columns,
      hasId: columns.some((c) => c.name === 'id'),
      parents,
    })
  }
  const ordered: TablePlan[] = []
  const placed = new Set<string>()
  while (placed.size < plans.size) {
    const ready = [...plans.values()]
      .filter((p) => !placed.has(p.name) && p.parents.every((parent) => placed.has(parent)))
      .sort((a, b) => a.name.localeCompare(b.name))
    if (ready.length === 0) throw new Error('the foreign keys of schema.pg.ts form a cycle; copy order unknown')
    for (const plan of ready) {
      placed.add(plan.name)
      ordered.push(plan)
    }
  }
  return ordered
}

/** The checks beyond row counts, in each engine's SQL. */
const CHECKS: { name: string; sqlite: string; pg: string }[] = [
  {
    name: 'sum(ideas.vote_count)',
    sqlite: 'select coalesce(sum(vote_count), 0) from ideas',
    pg: 'select coalesce(sum(vote_count), 0) from ideas',
  },
  {
    name: 'sum(ideas.comment_count)',
    sqlite: 'select coalesce(sum(comment_count), 0) from ideas',
    pg: 'select coalesce(sum(comment_count), 0) from ideas',
  },
  {
    name: 'list_version.version',
    sqlite: 'select coalesce(max(version), 0) from list_version',
    pg: 'select coalesce(max(version), 0) from list_version',
  },
]

function sqliteNumber(source: Database.Database, query: string): number {
  return Number(source.prepare(query).pluck().get())
}

async function pgNumber(tx: NodePgDatabase, query: string): Promise<number> {
  const result = await tx.execute(sql.raw(query))
  return Number(Object.values(result.rows[0] ?? {})[0] ?? 0)
}

/** Fails before anything is written when the SQLite file lacks a column (it is older than this code). */
function checkSourceColumns(source: Database.Database, plans: TablePlan[]): void {
  for (const plan of plans) {
    const present = new Set(
      (source.prepare(`select name from pragma_table_info(?)`).pluck().all(plan.name) as string[]).map(String),
    )
    const missing = plan.columns.filter((c) => !present.has(c.name)).map((c) => c.name)
    if (missing.length > 0) {
      throw new Error(
        `SQLite mist ${plan.name}(${missing.join(', ')}): start de server één keer op dit bestand, zodat het wordt bijgewerkt.\n` +
          `SQLite lacks ${plan.name}(${missing.join(', ')}): start the server once on this file so it is migrated.`,
      )
    }
  }
}

/** The tables that hold rows; list_version's one row as the migration left it does not count. */
async function tablesWithRows(tx: NodePgDatabase, plans: TablePlan[]): Promise<string[]> {
  const held: string[] = []
  for (const plan of plans) {
    const seed = plan.name === 'list_version' ? ' where not (id = 1 and version = 0)' : ''
    const result = await tx.execute(sql.raw(`select exists (select 1 from ${quote(plan.name)}${seed}) as held`))
    if (result.rows[0]?.held === true) held.push(plan.name)
  }
  return held
}

async function copyTable(
  source: Database.Database,
  tx: NodePgDatabase,
  plan: TablePlan,
  batchRows: number,
): Promise<number> {
  const size = Math.max(1, Math.min(batchRows, Math.floor(MAX_PARAMETERS / plan.columns.length)))
  const select = source
    .prepare(
      `select ${plan.columns.map((c) => quote(c.name)).join(', ')} from ${quote(plan.name)}${plan.hasId ? ' order by id' : ''}`,
    )
    .raw(true)
  let batch: Record<string, unknown>[] = []
  let copied = 0
  const flush = async () => {
    if (batch.length === 0) return
    await tx.insert(plan.table).values(batch as never)
    copied += batch.length
    batch = []
  }
  for (const values of select.iterate() as Iterable<unknown[]>) {
    const row: Record<string, unknown> = {}
    plan.columns.forEach((column, i) => {
      row[column.key] = column.decode(values[i])
    })
    batch.push(row)
    if (batch.length >= size) await flush()
  }
  await flush()
  return copied
}

/**
 * Copies `source` (a SQLite file or an open better-sqlite3 connection, at the current schema)
 * into the PostgreSQL database at `url`, migrating it first. Refuses (TargetNotEmptyError)
 * when the target holds rows; rolls back (CopyMismatchError) when a count differs afterwards.
 */
export async function migrateToPostgres(
  source: Database.Database | string,
  url: string,
  log: (line: string) => void = () => {},
  options: { batchRows?: number } = {},
): Promise<CopyReport> {
  const started = performance.now()
  const sqlite = typeof source === 'string' ? new Database(source, { readonly: true, fileMustExist: true }) : source
  const plans = tablePlans()
  checkSourceColumns(sqlite, plans)
  await migratePostgres(url)
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  // The copy is a snapshot: SQLite's read transaction keeps it one moment while we read.
  sqlite.exec('begin')
  try {
    const db = drizzle({ client })
    const report = await db.transaction(async (tx) => {
      // Nobody writes while we check and copy (a server started too early waits for us).
      await tx.execute(sql.raw(`lock table ${plans.map((p) => quote(p.name)).join(', ')} in exclusive mode`))
      const held = await tablesWithRows(tx, plans)
      if (held.length > 0) throw new TargetNotEmptyError(held)
      // The rows come with what triggers derive from them (list_version): no trigger may add to it.
      for (const plan of plans) await tx.execute(sql.raw(`alter table ${quote(plan.name)} disable trigger user`))
      await tx.execute(sql.raw('delete from list_version'))
      const tables: TableCount[] = []
      for (const plan of plans) {
        const tableStarted = performance.now()
        const copied = await copyTable(sqlite, tx, plan, options.batchRows ?? BATCH_ROWS)
        const target = await pgNumber(tx, `select count(*) from ${quote(plan.name)}`)
        const sourceCount = sqliteNumber(sqlite, `select count(*) from ${quote(plan.name)}`)
        tables.push({ table: plan.name, source: sourceCount, target })
        if (copied > 0) {
          log(`${plan.name}: ${copied} rows (${((performance.now() - tableStarted) / 1000).toFixed(1)} s)`)
        }
      }
      for (const plan of plans) await tx.execute(sql.raw(`alter table ${quote(plan.name)} enable trigger user`))
      // The next row of each table gets the id after the copied ones.
      for (const plan of plans.filter((p) => p.hasId)) {
        await tx.execute(
          sql.raw(
            `select setval(pg_get_serial_sequence('${quote(plan.name)}', 'id'), coalesce((select max(id) from ${quote(plan.name)}), 0) + 1, false)`,
          ),
        )
      }
      const checks: TableCount[] = []
      for (const check of CHECKS) {
        checks.push({
          table: check.name,
          source: sqliteNumber(sqlite, check.sqlite),
          target: await pgNumber(tx, check.pg),
        })
      }
      const result: CopyReport = {
        tables,
        checks,
        seconds: 0,
        ok: [...tables, ...checks].every((row) => row.source === row.target),
      }
      if (!result.ok) throw new CopyMismatchError(result)
      return result
    })
    // Fresh planner statistics, so the first requests already use the right indexes.
    await client.query('analyze')
    return { ...report, seconds: (performance.now() - started) / 1000 }
  } finally {
    sqlite.exec('commit')
    await client.end()
    if (typeof source === 'string') sqlite.close()
  }
}

/** The counts as a table for the terminal. */
export function formatCopyReport(report: Pick<CopyReport, 'tables' | 'checks'>): string {
  const rows = [...report.tables, ...report.checks]
  const width = Math.max(5, ...rows.map((r) => r.table.length))
  const line = (a: string, b: string, c: string, d: string) =>
    `${a.padEnd(width)}  ${b.padStart(10)}  ${c.padStart(10)}  ${d}`
  return [
    line('table', 'SQLite', 'PostgreSQL', ''),
    ...rows.map((r) =>
      line(r.table, String(r.source), String(r.target), r.source === r.target ? 'ok' : 'VERSCHIL / MISMATCH'),
    ),
  ].join('\n')
}

/** Where a URL points, without its password, for messages. */
function describe(url: string): string {
  const parsed = new URL(url)
  return `${parsed.host}${parsed.pathname}`
}

/** The admin command: DATABASE_PATH's SQLite file into the PostgreSQL database at the URL given. */
export async function migrateToPostgresCommand(args: string[]): Promise<void> {
  const url = args[0]
  if (!url || !/^postgres(ql)?:\/\//i.test(url)) {
    throw new Error('Geef de PostgreSQL-database op als postgres://… / Name the PostgreSQL database as postgres://…')
  }
  const { databasePath } = readSettings()
  if (!existsSync(databasePath)) {
    throw new Error(`Er is geen SQLite-database op ${databasePath} / There is no SQLite database at ${databasePath}`)
  }
  // Opened as the server opens it: pending SQLite migrations first, so both schemas are the same.
  const db = openDatabase(databasePath)
  const write = (line: string) => process.stdout.write(`${line}\n`)
  write(`${databasePath} → ${describe(url)}`)
  try {
    const report = await migrateToPostgres(db.$client, url, write)
    write(`\n${formatCopyReport(report)}\n`)
    write(
      `Klaar in ${report.seconds.toFixed(1)} s. Start de server met DATABASE_URL=${describe(url)} (de volledige postgres://-URL).\n` +
        `Done in ${report.seconds.toFixed(1)} s. Start the server with DATABASE_URL set to the postgres:// URL.`,
    )
  } catch (error) {
    if (error instanceof CopyMismatchError) write(`\n${formatCopyReport(error.report)}\n`)
    throw error
  } finally {
    db.$client.close()
  }
}
