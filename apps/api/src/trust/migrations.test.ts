import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { describe, expect, it } from 'vitest'
import { applyPragmas, migrationsFolder, openDatabase } from '../db/open'

function schemaOf(sqlite: Database.Database): string {
  return JSON.stringify(sqlite.prepare('select type, name, sql from sqlite_master order by name').all())
}

describe('migrations', () => {
  it('leave the schema exactly as it was when one of them fails', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'meedenken-migrate-'))
    const file = path.join(dir, 'db.sqlite')
    openDatabase(file).$client.close()

    // A copy of the real migrations plus a broken one: a good statement, then a bad one.
    const folder = path.join(dir, 'drizzle')
    cpSync(migrationsFolder, folder, { recursive: true })
    const journalFile = path.join(folder, 'meta', '_journal.json')
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as {
      entries: { idx: number; tag: string; when: number; version: string; breakpoints: boolean }[]
    }
    const last = journal.entries.at(-1)
    if (!last) throw new Error('no migrations')
    journal.entries.push({ ...last, idx: last.idx + 1, tag: '9999_broken', when: last.when + 1 })
    writeFileSync(journalFile, JSON.stringify(journal))
    writeFileSync(
      path.join(folder, '9999_broken.sql'),
      'CREATE TABLE `half_done` (`id` integer PRIMARY KEY);\n--> statement-breakpoint\nALTER TABLE `ideas` ADD `title` text;',
    )

    const sqlite = new Database(file)
    applyPragmas(sqlite)
    const before = schemaOf(sqlite)
    const applied = sqlite.prepare('select count(*) as n from __drizzle_migrations').get()
    expect(() => migrate(drizzle({ client: sqlite }), { migrationsFolder: folder })).toThrow()
    expect(schemaOf(sqlite)).toBe(before)
    expect(sqlite.prepare('select count(*) as n from __drizzle_migrations').get()).toEqual(applied)
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    sqlite.close()
  })

  it('bring an empty file to the current schema in one go, and do nothing the second time', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'meedenken-migrate-')), 'db.sqlite')
    const first = openDatabase(file)
    const schema = schemaOf(first.$client)
    first.$client.close()
    const second = openDatabase(file)
    expect(schemaOf(second.$client)).toBe(schema)
    second.$client.close()
  })
})
