import { getTableName } from 'drizzle-orm'
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core'
import type pg from 'pg'
import * as pgTables from '../db/schema.pg'

export type TableDigest = { rows: number; md5: string }

/** The names of the app's tables on PostgreSQL (schema.pg.ts), sorted. */
export function pgTableNames(): string[] {
  return (Object.values(pgTables) as PgTable[]).map((table) => getTableName(table)).sort()
}

/**
 * Each app table's row count and a checksum of its rows (every column, the generated search
 * column too, in a fixed order): two databases with equal digests hold the same data. For
 * tests of copies and backups; it reads every row, so not for a large database.
 */
export async function tableDigests(client: pg.Client): Promise<Record<string, TableDigest>> {
  const digests: Record<string, TableDigest> = {}
  for (const name of pgTableNames()) {
    const { rows } = await client.query(
      `select count(*)::int as rows, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as md5 from "${name}" t`,
    )
    digests[name] = { rows: rows[0].rows, md5: rows[0].md5 }
  }
  return digests
}

/** Where each identity sequence stands: the id the next row gets. */
export async function nextIds(client: pg.Client): Promise<Record<string, number>> {
  const next: Record<string, number> = {}
  for (const table of Object.values(pgTables) as PgTable[]) {
    if (!getTableConfig(table).columns.some((column) => column.name === 'id')) continue
    const name = getTableName(table)
    const { rows } = await client.query('select pg_get_serial_sequence($1, $2) as seq', [`"${name}"`, 'id'])
    const position = await client.query(`select last_value::int as last, is_called from ${rows[0].seq}`)
    next[name] = position.rows[0].is_called ? position.rows[0].last + 1 : position.rows[0].last
  }
  return next
}
