import { sql } from 'drizzle-orm'
import { blob, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

/**
 * The column facade the one schema source (schema-source.ts) is written against: a table
 * function, the column kinds this schema uses, its key and index builders, and the SQL
 * of "now". This is SQLite's; PostgreSQL's (schema-facade.pg.ts) has the same keys and
 * builds the natural PostgreSQL column for each kind (decision 022).
 *
 * SQLite's entries are drizzle's own builders, so the tables in schema.ts have exactly the
 * types and SQL they had before the facade: no SQLite migration changed.
 */
export const sqliteFacade = {
  table: sqliteTable,
  /** The row id: SQLite's rowid alias, assigned on insert. */
  id: () => integer('id').primaryKey(),
  /** A 32-bit-safe number: ids of other rows, counts, 0/1 flags, bit sets. */
  integer,
  /** A moment as integer milliseconds since the epoch (UTC): compact, indexable, unambiguous. */
  time: <TName extends string>(name: TName) => integer(name),
  /** A number that may outgrow 32 bits (a version that every change moves). */
  bigint: <TName extends string>(name: TName) => integer(name),
  /** Text; `{ mode: 'json' }` stores a value as JSON text. */
  text,
  /** A double-precision float. */
  real,
  /** Binary data (a photo's bytes), read and written as a Node Buffer. */
  bytes: <TName extends string>(name: TName) => blob(name, { mode: 'buffer' }),
  index,
  uniqueIndex,
  primaryKey,
  /** Now, in milliseconds since the epoch, as a column default. */
  nowMs: sql`(unixepoch() * 1000)`,
}

export type SchemaFacade = typeof sqliteFacade
