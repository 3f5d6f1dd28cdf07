import { readFileSync } from 'node:fs'
import path from 'node:path'
import { getTableName, is, SQL } from 'drizzle-orm'
import { getTableConfig as pgTableConfig } from 'drizzle-orm/pg-core'
import { getTableConfig as sqliteTableConfig } from 'drizzle-orm/sqlite-core'
import { describe, expect, it } from 'vitest'
import { apiRoot } from '../paths'
import * as pgSchema from './schema.pg'
import * as sqliteSchema from './schema.sqlite'

/** The snapshot drizzle-kit wrote with the newest migration in a folder. */
function newestSnapshot(folder: string) {
  const journal = JSON.parse(readFileSync(path.join(apiRoot, folder, 'meta', '_journal.json'), 'utf8'))
  const newest = journal.entries.at(-1)
  const file = `${String(newest.idx).padStart(4, '0')}_snapshot.json`
  return JSON.parse(readFileSync(path.join(apiRoot, folder, 'meta', file), 'utf8'))
}

// The PostgreSQL column each kind of the facade builds (schema-facade.pg.ts).
const pgColumnTypes: Record<string, string[]> = {
  SQLiteInteger: ['PgInteger', 'PgBigInt53'],
  SQLiteText: ['PgText'],
  SQLiteTextJson: ['PgJson'],
  SQLiteReal: ['PgDoublePrecision'],
  SQLiteBlobBuffer: ['PgCustomColumn'],
}
// drizzle calls a custom column's data type "custom"; bytea's values are Buffers as the blob's are.
const pgDataType = (sqliteColumnType: string, dataType: string) =>
  sqliteColumnType === 'SQLiteBlobBuffer' ? 'custom' : dataType

describe('the one schema source', () => {
  it('has its migration on both engines: drizzle-kit finds nothing to generate for SQLite or PostgreSQL', async () => {
    const kit = await import('drizzle-kit/api')
    const sqlite = await kit.generateSQLiteDrizzleJson(sqliteSchema)
    expect(await kit.generateSQLiteMigration(newestSnapshot('drizzle'), sqlite)).toEqual([])
    const pg = kit.generateDrizzleJson(pgSchema)
    expect(await kit.generateMigration(newestSnapshot('drizzle-pg'), pg)).toEqual([])
  }, 30_000)

  it('builds every table on PostgreSQL with the columns, keys and indexes it has on SQLite', () => {
    expect(Object.keys(pgSchema)).toEqual(Object.keys(sqliteSchema))
    const pgTables = new Map(Object.entries(pgSchema))
    for (const [name, table] of Object.entries(sqliteSchema)) {
      const lite = sqliteTableConfig(table)
      const pgTable = pgTables.get(name)
      if (!pgTable) throw new Error(`${name} has no PostgreSQL table`)
      const post = pgTableConfig(pgTable)
      expect(post.name).toBe(lite.name)
      expect(post.columns.map((c) => c.name)).toEqual(lite.columns.map((c) => c.name))
      for (const [i, column] of lite.columns.entries()) {
        const twin = post.columns[i]
        if (!twin) throw new Error(`${lite.name}.${column.name} has no PostgreSQL twin`)
        const where = `${lite.name}.${column.name}`
        expect({ where, notNull: twin.notNull, primary: twin.primary, dataType: twin.dataType }).toEqual({
          where,
          notNull: column.notNull,
          primary: column.primary,
          dataType: pgDataType(column.columnType, column.dataType),
        })
        expect(pgColumnTypes[column.columnType], where).toContain(twin.columnType)
        if (!is(column.default, SQL)) expect(twin.default, where).toEqual(column.default)
        expect(twin.isUnique, where).toBe(column.isUnique)
        // A row id SQLite assigns is one PostgreSQL assigns too: the insert types promise it.
        if (column.primary && column.columnType === 'SQLiteInteger')
          expect(twin.generatedIdentity?.type).toBe('byDefault')
      }
      const indexes = (config: typeof lite | typeof post) =>
        config.indexes.map(
          (i) => `${i.config.unique ? 'unique ' : ''}${i.config.name}${i.config.where ? ' partial' : ''}`,
        )
      expect(indexes(post)).toEqual(indexes(lite))
      expect(post.primaryKeys.map((k) => k.columns.map((c) => c.name))).toEqual(
        lite.primaryKeys.map((k) => k.columns.map((c) => c.name)),
      )
      const references = (config: typeof lite | typeof post) =>
        config.foreignKeys.map((f) => {
          const ref = f.reference()
          return `${ref.columns.map((c) => c.name)} → ${getTableName(ref.foreignTable)} on delete ${f.onDelete ?? 'no action'}`
        })
      expect(references(post)).toEqual(references(lite))
    }
  })
})
