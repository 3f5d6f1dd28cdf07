import { existsSync } from 'node:fs'
import Database from 'better-sqlite3'
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core'
import pg from 'pg'
import { migratePostgres } from '../db/migrate-pg'
import { openDatabase } from '../db/open'
import * as pgTables from '../db/schema.pg'
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

/**
 * Rows per statement, and the most text one statement carries. Each batch is one INSERT whose
 * rows travel as one JSON parameter that PostgreSQL unpacks (json_populate_recordset). Measured
 * on the 100k-idea benchmark database: twice as fast as drizzle's multi-row INSERT … VALUES with
 * a parameter per value (1,000 rows a statement), and as fast as COPY, which would need another
 * dependency (pg-copy-streams); see the pnpm admin migrate-to-postgres paragraph in README.
 */
const BATCH_ROWS = 5_000
const BATCH_CHARS = 8_000_000

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

type ColumnPlan = { name: string; json: boolean }
type TablePlan = { name: string; columns: ColumnPlan[]; hasId: boolean }

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`

/**
 * The tables of schema.pg.ts, parents before children: the foreign keys are not deferrable,
 * so a row's parent must be there first. (SQLite's tables have the same names and columns,
 * both being built from schema-source.ts; checkSourceColumns makes sure of the file.)
 */
function tablePlans(): TablePlan[] {
  const plans = new Map<string, TablePlan & { parents: string[] }>()
  for (const table of Object.values(pgTables) as PgTable[]) {
    const config = getTableConfig(table)
    plans.set(config.name, {
      name: config.name,
      columns: config.columns.map((column) => ({ name: column.name, json: column.columnType === 'PgJson' })),
      hasId: config.columns.some((column) => column.name === 'id'),
      parents: config.foreignKeys
        .map((fk) => getTableConfig(fk.reference().foreignTable).name)
        .filter((parent) => parent !== config.name),
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
    sqlite: 'select coalesce(sum(version), 0) from list_version',
    pg: 'select coalesce(sum(version), 0) from list_version',
  },
]

function sqliteNumber(source: Database.Database, query: string): number {
  return Number(source.prepare(query).pluck().get())
}

async function pgNumber(client: pg.Client, query: string): Promise<number> {
  const result = await client.query({ text: query, rowMode: 'array' })
  return Number(result.rows[0]?.[0] ?? 0)
}

/** Fails before anything is written when the SQLite file lacks a column (it is older than this code). */
function checkSourceColumns(source: Database.Database, plans: TablePlan[]): void {
  for (const plan of plans) {
    const present = new Set(source.prepare('select name from pragma_table_info(?)').pluck().all(plan.name))
    const missing = plan.columns.filter((c) => !present.has(c.name)).map((c) => c.name)
    if (missing.length > 0) {
      throw new Error(
        `SQLite mist ${plan.name}(${missing.join(', ')}): start de server één keer op dit bestand, zodat het wordt bijgewerkt.\n` +
          `SQLite lacks ${plan.name}(${missing.join(', ')}): start the server once on this file so it is migrated.`,
      )
    }
  }
}

/**
 * SQLite tables that have no place in PostgreSQL beyond SQLite's own: the FTS5 search index
 * (PostgreSQL's is the generated ideas.search column) and drizzle's migration journal (each
 * engine keeps its own). Anything else left out is named in the log.
 */
const SQLITE_ONLY = /^(sqlite_|ideas_fts|__drizzle_migrations$)/

function otherSqliteTables(source: Database.Database, plans: TablePlan[]): string[] {
  const copied = new Set(plans.map((p) => p.name))
  return (
    source.prepare("select name from sqlite_master where type = 'table' order by name").pluck().all() as string[]
  ).filter((name) => !copied.has(name) && !SQLITE_ONLY.test(name))
}

/** The tables that hold rows; list_version's one row as the migration left it does not count. */
async function tablesWithRows(client: pg.Client, plans: TablePlan[]): Promise<string[]> {
  const held: string[] = []
  for (const plan of plans) {
    const seed = plan.name === 'list_version' ? ' where not (id = 1 and version = 0)' : ''
    if ((await pgNumber(client, `select count(*) from (select 1 from ${quote(plan.name)}${seed} limit 1) t`)) > 0) {
      held.push(plan.name)
    }
  }
  return held
}

/** A SQLite value as JSON. A JSON column's text is JSON already and goes as written (PostgreSQL's json keeps it so). */
function jsonValue(value: unknown, column: ColumnPlan): string {
  if (value === null) return 'null'
  if (column.json && typeof value === 'string') return value
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`${column.name}: ${value} has no JSON form`)
  if (typeof value === 'number' || typeof value === 'string') return JSON.stringify(value)
  if (typeof value === 'bigint') return value.toString()
  // A blob (photo_files.data): bytea's hex input form, which json_populate_recordset casts from text.
  if (Buffer.isBuffer(value)) return JSON.stringify(`\\x${value.toString('hex')}`)
  throw new Error(`${column.name}: a ${typeof value} value cannot be copied`)
}

async function copyTable(source: Database.Database, client: pg.Client, plan: TablePlan): Promise<number> {
  const list = plan.columns.map((c) => quote(c.name)).join(', ')
  const insert = `insert into ${quote(plan.name)} (${list}) select ${list} from json_populate_recordset(null::${quote(plan.name)}, $1::json)`
  const keys = plan.columns.map((c) => `${JSON.stringify(c.name)}:`)
  const select = source.prepare(`select ${list} from ${quote(plan.name)}${plan.hasId ? ' order by id' : ''}`).raw(true)
  let batch: string[] = []
  let chars = 0
  let copied = 0
  const flush = async () => {
    if (batch.length === 0) return
    await client.query(insert, [`[${batch.join(',')}]`])
    copied += batch.length
    batch = []
    chars = 0
  }
  for (const values of select.iterate() as Iterable<unknown[]>) {
    const row = `{${values.map((value, i) => `${keys[i]}${jsonValue(value, plan.columns[i] as ColumnPlan)}`).join(',')}}`
    batch.push(row)
    chars += row.length
    if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS) await flush()
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
): Promise<CopyReport> {
  const started = performance.now()
  const sqlite = typeof source === 'string' ? new Database(source, { readonly: true, fileMustExist: true }) : source
  const plans = tablePlans()
  try {
    checkSourceColumns(sqlite, plans)
    const unknown = otherSqliteTables(sqlite, plans)
    if (unknown.length > 0) log(`not copied (not in the PostgreSQL schema): ${unknown.join(', ')}`)
    await migratePostgres(url)
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    // The copy is a snapshot: SQLite's read transaction keeps it one moment while we read.
    sqlite.exec('begin')
    try {
      await client.query('begin')
      try {
        const report = await copyAll(sqlite, client, plans, log)
        await client.query('commit')
        // Fresh planner statistics, so the first requests already use the right indexes.
        await client.query('analyze')
        return { ...report, seconds: (performance.now() - started) / 1000 }
      } catch (error) {
        // The error is what matters; a connection that broke has rolled back by itself.
        await client.query('rollback').catch(() => {})
        throw error
      }
    } finally {
      sqlite.exec('commit')
      await client.end()
    }
  } finally {
    if (typeof source === 'string') sqlite.close()
  }
}

/** The copy itself, inside the target's transaction. */
async function copyAll(
  sqlite: Database.Database,
  client: pg.Client,
  plans: TablePlan[],
  log: (line: string) => void,
): Promise<CopyReport> {
  // Nobody writes while we check and copy (a server started too early waits for us).
  await client.query(`lock table ${plans.map((p) => quote(p.name)).join(', ')} in exclusive mode`)
  const held = await tablesWithRows(client, plans)
  if (held.length > 0) throw new TargetNotEmptyError(held)
  // The rows come with what triggers derive from them (list_version): no trigger may add to it.
  for (const plan of plans) await client.query(`alter table ${quote(plan.name)} disable trigger user`)
  await client.query('delete from list_version')
  const tables: TableCount[] = []
  for (const plan of plans) {
    const tableStarted = performance.now()
    let copied: number
    try {
      copied = await copyTable(sqlite, client, plan)
    } catch (error) {
      throw new Error(`${plan.name}: ${error instanceof Error ? error.message : String(error)}`, { cause: error })
    }
    tables.push({
      table: plan.name,
      source: sqliteNumber(sqlite, `select count(*) from ${quote(plan.name)}`),
      target: await pgNumber(client, `select count(*) from ${quote(plan.name)}`),
    })
    if (copied > 0) log(`${plan.name}: ${copied} rows (${((performance.now() - tableStarted) / 1000).toFixed(1)} s)`)
  }
  for (const plan of plans) await client.query(`alter table ${quote(plan.name)} enable trigger user`)
  // The next row of each table gets the id after the copied ones.
  for (const plan of plans.filter((p) => p.hasId)) {
    await client.query(
      `select setval(pg_get_serial_sequence($1, 'id'), coalesce((select max(id) from ${quote(plan.name)}), 0) + 1, false)`,
      [quote(plan.name)],
    )
  }
  const checks: TableCount[] = []
  for (const check of CHECKS) {
    checks.push({
      table: check.name,
      source: sqliteNumber(sqlite, check.sqlite),
      target: await pgNumber(client, check.pg),
    })
  }
  const report: CopyReport = {
    tables,
    checks,
    seconds: 0,
    ok: [...tables, ...checks].every((row) => row.source === row.target),
  }
  if (!report.ok) throw new CopyMismatchError(report)
  return report
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
      `Klaar in ${report.seconds.toFixed(1)} s. Start de server voortaan met DATABASE_URL=<deze postgres://-URL>.\n` +
        `Done in ${report.seconds.toFixed(1)} s. From now on, start the server with DATABASE_URL=<this postgres:// URL>.`,
    )
  } catch (error) {
    if (error instanceof CopyMismatchError) write(`\n${formatCopyReport(error.report)}\n`)
    throw error
  } finally {
    db.$client.close()
  }
}
