import { type Column, type MakeColumnConfig, sql } from 'drizzle-orm'
import {
  bigint,
  customType,
  doublePrecision,
  index,
  integer,
  json,
  type PgColumn,
  type PgTableWithColumns,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { SchemaFacade } from './schema-facade'

/** `bytea`, read as a Node Buffer (node-postgres returns one) like SQLite's blob in buffer mode. */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' })

/** Only the column options the schema source uses: anything else would differ silently between engines. */
function plain(kind: string, name: string, config: unknown): void {
  if (config !== undefined) throw new Error(`schema facade: ${kind}('${name}') takes no options on PostgreSQL`)
}

/**
 * PostgreSQL's column facade: the same keys as SQLite's (schema-facade.ts), each building
 * the natural PostgreSQL column whose values have the same TypeScript type (decision 022):
 * - times and versions: `bigint`, read as numbers (milliseconds since the epoch stay below
 *   2^53), so every data function and every `created_at + …` in SQL works alike;
 * - ids, counts, 0/1 flags: `integer`; the row id an identity column ("by default", so a
 *   copy from SQLite may keep its ids);
 * - JSON: `json`, which keeps the text as written (key order too), as SQLite's text does;
 * - `real`: `double precision`, the 8-byte float SQLite's REAL is;
 * - bytes: `bytea`, as SQLite's blob a Buffer in TypeScript.
 */
const pgFacade = {
  table: pgTable,
  id: () => integer('id').primaryKey().generatedByDefaultAsIdentity(),
  integer: (name: string, config?: unknown) => {
    plain('integer', name, config)
    return integer(name)
  },
  time: (name: string) => bigint(name, { mode: 'number' }),
  bigint: (name: string) => bigint(name, { mode: 'number' }),
  text: (name: string, config?: { mode?: 'json' | 'text' }) => {
    const { mode, ...rest } = config ?? {}
    plain('text', name, Object.keys(rest).length > 0 ? rest : undefined)
    return mode === 'json' ? json(name) : text(name)
  },
  real: (name: string, config?: unknown) => {
    plain('real', name, config)
    return doublePrecision(name)
  },
  bytes: (name: string) => bytea(name),
  index,
  uniqueIndex,
  primaryKey,
  nowMs: sql`(extract(epoch from now()) * 1000)::bigint`,
} satisfies Record<keyof SchemaFacade, unknown>

/**
 * The schema source is typed against SQLite's builders, whose chains (notNull, default,
 * references, primaryKey, unique, $type; index…on…where) PostgreSQL's builders share. At
 * runtime these build PostgreSQL tables; their types come from `PgTables` below.
 */
export const pgFacadeForSource = pgFacade as unknown as SchemaFacade

type PgColumnType<T extends string> = T extends 'SQLiteInteger'
  ? 'PgInteger' | 'PgBigInt53'
  : T extends 'SQLiteText'
    ? 'PgText'
    : T extends 'SQLiteTextJson'
      ? 'PgJson'
      : T extends 'SQLiteReal'
        ? 'PgDoublePrecision'
        : T extends 'SQLiteBlobBuffer'
          ? 'PgCustomColumn'
          : never

/**
 * A SQLite column's PostgreSQL twin: drizzle's own re-typing of a column for another table
 * (as its aliases do), with the PostgreSQL column type. Name, data type, nullability,
 * defaults and primary key stay, so both engines' select and insert types are the same.
 */
type PgColumnOf<TColumn extends Column, TTableName extends string> = PgColumn<
  Omit<MakeColumnConfig<TColumn['_'], TTableName>, 'columnType'> & {
    columnType: PgColumnType<TColumn['_']['columnType']>
  }
>

export type PgTableOf<TTable extends SQLiteTable> = PgTableWithColumns<{
  name: TTable['_']['name']
  schema: undefined
  columns: {
    [K in keyof TTable['_']['columns']]: PgColumnOf<TTable['_']['columns'][K], TTable['_']['name']>
  }
  dialect: 'pg'
}>

/** Every table of a schema, as PostgreSQL tables. */
export type PgTables<T extends Record<string, SQLiteTable>> = { [K in keyof T]: PgTableOf<T[K]> }
