import { execFile } from 'node:child_process'
import { copyFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import Database from 'better-sqlite3'
import { eq, getTableName, sql } from 'drizzle-orm'
import { drizzle as sqliteDrizzle } from 'drizzle-orm/better-sqlite3'
import { drizzle as pgDrizzle } from 'drizzle-orm/node-postgres'
import type { PgTable } from 'drizzle-orm/pg-core'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { nextIds, type TableDigest, tableDigests } from '../backup/pg-digest'
import { loadDemoData } from '../db/demo/load-demo'
import { openDatabase } from '../db/open'
import { startThrowawayPostgres, type ThrowawayPostgres } from '../db/pg-throwaway'
import * as pgTables from '../db/schema.pg'
import * as sqliteTables from '../db/schema.sqlite'
import { ideasSearch } from '../db/search-index.pg'
import { type CopyReport, migrateToPostgres, TargetNotEmptyError } from './migrate-to-postgres'

/**
 * `pnpm admin migrate-to-postgres`: the demo in a SQLite file, copied into a throwaway
 * PostgreSQL server, and read back through drizzle on both engines. Run with `pnpm test:pg`.
 */

const run = promisify(execFile)
const apiRoot = fileURLToPath(new URL('../..', import.meta.url))
const tsx = path.join(apiRoot, 'node_modules/.bin/tsx')
const cli = path.join(apiRoot, 'src/cli/admin.ts')

const PHOTO_BYTES = Buffer.from(Array.from({ length: 256 }, (_, i) => i))

/** The demo laid out around one fixed moment, so the data is the same on any day. */
const DEMO_NOW = Date.parse('2026-11-16T09:30:00Z')

let server: ThrowawayPostgres
let demoFile: string
let target: string
let report: CopyReport
const clients: pg.Client[] = []

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  clients.push(client)
  return client
}

/** Every table's rows and every sequence's position: "changes nothing" is an equal digest. */
async function digest(url: string): Promise<{ tables: Record<string, TableDigest>; nextIds: Record<string, number> }> {
  const client = await connect(url)
  return { tables: await tableDigests(client), nextIds: await nextIds(client) }
}

const tableName = (table: PgTable) => getTableName(table)

/** Rows in one order on both engines, whatever each engine's collation. */
function sorted<T>(rows: T[]): T[] {
  return rows
    .map((row) => [JSON.stringify(row), row] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, row]) => row)
}

beforeAll(async () => {
  server = await startThrowawayPostgres()
  demoFile = path.join(mkdtempSync(path.join(tmpdir(), 'meedenken-copy-')), 'demo.db')
  const db = openDatabase(demoFile)
  await loadDemoData(db, { now: () => DEMO_NOW })
  // Rows the demo does not write: a JSON object with diacritics and a JSON array.
  const lite = sqliteDrizzle({ client: db.$client })
  lite
    .insert(sqliteTables.mailOutbox)
    .values({
      toAddress: 'zoë@voorbeeld.nl',
      subject: 'Uw idee is geëvalueerd',
      text: 'Beste Zoë,\n\nDank u wel — ’t idee over de café-terrassen is bekeken.',
      headers: { 'List-Unsubscribe': '<https://meedenken.example/afmelden?t=ë>', 'X-Örde': '2' },
      nextAttemptAt: DEMO_NOW,
      createdAt: DEMO_NOW,
    })
    .run()
  const [idea] = lite.select({ id: sqliteTables.ideas.id }).from(sqliteTables.ideas).limit(1).all()
  lite
    .insert(sqliteTables.ideaCorrections)
    .values({ ideaId: idea?.id ?? 1, reason: 'Spelfout in de titel', fields: ['title', 'body'], createdAt: DEMO_NOW })
    .run()
  // A photo whose bytes are in the database (every byte value, a zero first).
  const [photo] = lite
    .insert(sqliteTables.photos)
    .values({ ideaId: idea?.id ?? 1, altText: 'Een bank in het park', width: 16, height: 16, createdAt: DEMO_NOW })
    .returning({ id: sqliteTables.photos.id })
    .all()
  lite
    .insert(sqliteTables.photoFiles)
    .values({
      key: 'k'.repeat(43),
      photoId: photo?.id ?? 1,
      format: 'webp',
      width: 16,
      height: 16,
      size: 256,
      data: PHOTO_BYTES,
    })
    .run()
  db.$client.close()
  target = await server.createDatabase('copy')
  report = await migrateToPostgres(demoFile, target)
}, 180_000)

afterAll(async () => {
  for (const client of clients) await client.end()
  server?.stop()
})

describe('pnpm admin migrate-to-postgres', () => {
  it('copies every table of schema.pg.ts, and each count and sum matches', async () => {
    expect(report.ok).toBe(true)
    expect(report.tables.map((t) => t.table).sort()).toEqual(
      Object.values(pgTables)
        .map((t) => tableName(t as PgTable))
        .sort(),
    )
    for (const row of [...report.tables, ...report.checks]) expect(row.target, row.table).toBe(row.source)
    const count = (name: string) => report.tables.find((t) => t.table === name)?.target ?? 0
    expect(count('ideas')).toBeGreaterThanOrEqual(12)
    expect(count('votes')).toBeGreaterThan(100)
    expect(count('comments')).toBeGreaterThan(10)
    expect(count('audit_log')).toBeGreaterThan(0)
    expect(count('stats_counters')).toBeGreaterThan(0)
    const client = await connect(target)
    const votes = await client.query(
      'select (select sum(vote_count) from ideas)::int as counted, count(*)::int as n from votes',
    )
    expect(votes.rows[0].counted).toBe(votes.rows[0].n)
  })

  it('reads back every row of every table the same through drizzle on both engines, ids included', async () => {
    const source = new Database(demoFile, { readonly: true })
    const lite = sqliteDrizzle({ client: source })
    const client = await connect(target)
    const pgDb = pgDrizzle({ client })
    try {
      for (const [key, pgTable] of Object.entries(pgTables) as [string, PgTable][]) {
        const sqliteTable = (sqliteTables as Record<string, SQLiteTable>)[key] as SQLiteTable
        const before = sorted(lite.select().from(sqliteTable).all())
        const after = sorted(await pgDb.select().from(pgTable))
        expect(after, tableName(pgTable)).toEqual(before)
      }
    } finally {
      source.close()
    }
  })

  it('keeps JSON, times, empty columns and diacritics as they were, in PostgreSQL’s own types', async () => {
    const client = await connect(target)
    const pgDb = pgDrizzle({ client })
    const [mail] = await pgDb
      .select()
      .from(pgTables.mailOutbox)
      .where(eq(pgTables.mailOutbox.toAddress, 'zoë@voorbeeld.nl'))
    expect(mail).toMatchObject({
      subject: 'Uw idee is geëvalueerd',
      text: 'Beste Zoë,\n\nDank u wel — ’t idee over de café-terrassen is bekeken.',
      headers: { 'List-Unsubscribe': '<https://meedenken.example/afmelden?t=ë>', 'X-Örde': '2' },
      createdAt: DEMO_NOW,
      sentAt: null,
      lastError: null,
    })
    const raw = await client.query(
      `select headers::text as headers, pg_typeof(headers)::text as json_type, pg_typeof(created_at)::text as time_type,
        created_at::text as created from mail_outbox where to_address = 'zoë@voorbeeld.nl'`,
    )
    expect(raw.rows[0]).toEqual({
      headers: '{"List-Unsubscribe":"<https://meedenken.example/afmelden?t=ë>","X-Örde":"2"}',
      json_type: 'json',
      time_type: 'bigint',
      created: String(DEMO_NOW),
    })
    const [correction] = await pgDb.select().from(pgTables.ideaCorrections)
    expect(correction?.fields).toEqual(['title', 'body'])
    const [loket] = await pgDb
      .select()
      .from(pgTables.ideas)
      .where(eq(pgTables.ideas.title, 'Eén loket voor ondernemers met vergunningvragen'))
    expect(loket?.body).toContain('één vaste contactpersoon')
    const withoutDistrict = await client.query('select count(*)::int as n from ideas where district_id is null')
    const sqliteWithout = new Database(demoFile, { readonly: true })
    try {
      expect(withoutDistrict.rows[0].n).toBe(
        sqliteWithout.prepare('select count(*) from ideas where district_id is null').pluck().get(),
      )
    } finally {
      sqliteWithout.close()
    }
  })

  it("copies a photo's bytes (blob) into bytea byte for byte", async () => {
    const client = await connect(target)
    const [file] = await pgDrizzle({ client }).select().from(pgTables.photoFiles)
    expect(file?.data).toEqual(PHOTO_BYTES)
  })

  it('moves every id sequence on: a new row after the copy gets the next free id', async () => {
    const client = await connect(target)
    const pgDb = pgDrizzle({ client })
    const last = await client.query('select max(id)::int as id from departments')
    const [added] = await pgDb
      .insert(pgTables.departments)
      .values({ slug: 'nieuw-team', name: 'Nieuw team', nameEn: 'New team' })
      .returning()
    expect(added?.id).toBe(last.rows[0].id + 1)
    await pgDb.delete(pgTables.departments).where(eq(pgTables.departments.slug, 'nieuw-team'))
    // Every identity sequence's next value is past its table's highest id.
    const behind: string[] = []
    for (const [name, next] of Object.entries(await nextIds(client))) {
      const max = (await client.query(`select coalesce(max(id), 0)::int as m from "${name}"`)).rows[0].m
      if (next <= max) behind.push(`${name}: next ${next}, max ${max}`)
    }
    expect(Object.keys(await nextIds(client))).toContain('ideas')
    expect(behind).toEqual([])
  })

  it('keeps the list version as the source had it: the copied ideas do not move it', async () => {
    const client = await connect(target)
    const source = new Database(demoFile, { readonly: true })
    try {
      const version = source.prepare('select version from list_version where id = 1').pluck().get()
      const rows = await client.query('select id, version from list_version')
      expect(rows.rows).toEqual([{ id: 1, version: String(version) }])
      // The triggers are on again: a change to an idea moves it.
      await client.query('update ideas set vote_count = vote_count where id = (select min(id) from ideas)')
      const moved = await client.query('select sum(version)::int as v from list_version')
      expect(moved.rows[0].v).toBe(Number(version) + 1)
    } finally {
      source.close()
    }
  })

  it('finds a copied idea through the search column (Dutch stem, accents ignored)', async () => {
    const client = await connect(target)
    const pgDb = pgDrizzle({ client })
    const found = await pgDb
      .select({ id: ideasSearch.id })
      .from(ideasSearch)
      .where(sql`${ideasSearch.search} @@ to_tsquery('dutch', meedenken_unaccent('ondernemer & een & loket'))`)
    const [loket] = await pgDb
      .select({ id: pgTables.ideas.id })
      .from(pgTables.ideas)
      .where(eq(pgTables.ideas.title, 'Eén loket voor ondernemers met vergunningvragen'))
    expect(found.map((r) => r.id)).toContain(loket?.id)
  })

  it('refuses a database that already holds rows, with exit code 1 and a Dutch and English message, and changes nothing', async () => {
    const before = await digest(target)
    await expect(migrateToPostgres(demoFile, target)).rejects.toBeInstanceOf(TargetNotEmptyError)
    const cliRun = run(tsx, [cli, 'migrate-to-postgres', target], {
      env: { ...process.env, DATABASE_PATH: demoFile, LOG_LEVEL: 'silent' },
    })
    await expect(cliRun).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(
        /niet leeg: in .*ideas.* staan al rijen[\s\S]*not empty: .*ideas.* already hold rows/,
      ),
    })
    expect(await digest(target)).toEqual(before)
  })

  it('copies through the admin command and prints the counts per table', async () => {
    const url = await server.createDatabase('by_command')
    const { stdout } = await run(tsx, [cli, 'migrate-to-postgres', url], {
      env: { ...process.env, DATABASE_PATH: demoFile, LOG_LEVEL: 'silent' },
    })
    const ideas = report.tables.find((t) => t.table === 'ideas')?.source
    expect(stdout).toMatch(new RegExp(`^ideas +${ideas} +${ideas} +ok$`, 'm'))
    expect(stdout).toMatch(/^sum\(ideas\.vote_count\) +(\d+) +\1 +ok$/m)
    expect(stdout).not.toMatch(/MISMATCH|not copied/)
    // The same rows as the copy above (its list version has moved since).
    const { list_version: _a, ...copied } = (await digest(url)).tables
    const { list_version: _b, ...first } = (await digest(target)).tables
    expect(copied).toEqual(first)
  })

  it('leaves the target empty when a row fails half-way (one transaction)', async () => {
    // PostgreSQL's text cannot hold a NUL character, SQLite's can: the comments come late in the copy.
    const broken = path.join(path.dirname(demoFile), 'broken.db')
    copyFileSync(demoFile, broken)
    const file = new Database(broken)
    file.prepare('update comments set body = body || char(0) where id = (select max(id) from comments)').run()
    file.close()
    const url = await server.createDatabase('half_way')
    await expect(migrateToPostgres(broken, url)).rejects.toThrow(/^comments: .*unicode/i)
    const client = await connect(url)
    const held: string[] = []
    for (const name of Object.values(pgTables).map((t) => tableName(t as PgTable))) {
      if (name === 'list_version') continue
      const { rows } = await client.query(`select count(*)::int as n from "${name}"`)
      if (rows[0].n > 0) held.push(`${name}: ${rows[0].n}`)
    }
    expect(held).toEqual([])
    expect((await client.query('select id, version::int from list_version')).rows).toEqual([{ id: 1, version: 0 }])
    // And a good copy into it afterwards still works.
    expect((await migrateToPostgres(demoFile, url)).ok).toBe(true)
  })
})
