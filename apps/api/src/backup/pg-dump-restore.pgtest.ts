import { execFile } from 'node:child_process'
import { mkdtempSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrateToPostgres } from '../cli/migrate-to-postgres'
import { loadDemoData } from '../db/demo/load-demo'
import { migratePostgres } from '../db/migrate-pg'
import { openDatabase } from '../db/open'
import { startThrowawayPostgres, type ThrowawayPostgres } from '../db/pg-throwaway'
import { repoRoot } from '../paths'
import { nextIds, pgTableNames, tableDigests } from './pg-digest'

/**
 * Backups on PostgreSQL are PostgreSQL's own: pg_dump's custom format and pg_restore into a new,
 * empty database, with exactly the commands README's "Back-ups" section gives. The demo goes
 * in through `pnpm admin migrate-to-postgres`'s copy. Run with `pnpm test:pg`.
 */

const run = promisify(execFile)

/** The demo laid out around one fixed moment, so the data is the same on any day. */
const DEMO_NOW = Date.parse('2026-11-16T09:30:00Z')

let server: ThrowawayPostgres
let bin: string
let live: string
let restored: string
let dumpFile: string
const clients: pg.Client[] = []

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  clients.push(client)
  return client
}

/** The installed PostgreSQL's programs (scripts/postgres.mjs finds the newest). */
async function postgresPrograms(): Promise<string> {
  const script: { postgresBin: () => string | null } = await import(
    pathToFileURL(path.join(repoRoot, 'scripts', 'postgres.mjs')).href
  )
  const found = script.postgresBin()
  if (!found) throw new Error('PostgreSQL is not installed: see src/db/pg-throwaway.ts')
  return found
}

beforeAll(async () => {
  server = await startThrowawayPostgres()
  bin = await postgresPrograms()
  const dir = mkdtempSync(path.join(tmpdir(), 'meedenken-pgdump-'))
  const demoFile = path.join(dir, 'demo.db')
  const db = openDatabase(demoFile)
  await loadDemoData(db, { now: () => DEMO_NOW })
  db.$client.close()
  live = await server.createDatabase('meedenken')
  await migrateToPostgres(demoFile, live)

  // README: back up (the server may keep running) …
  dumpFile = path.join(dir, 'meedenken.dump')
  await run(path.join(bin, 'pg_dump'), ['--format=custom', `--file=${dumpFile}`, live])
  // … and restore into a new, empty database.
  await run(path.join(bin, 'createdb'), [`--maintenance-db=${live}`, 'meedenken_hersteld'])
  restored = new URL('/meedenken_hersteld', live).toString()
  await run(path.join(bin, 'pg_restore'), ['--no-owner', '--single-transaction', `--dbname=${restored}`, dumpFile])
}, 180_000)

afterAll(async () => {
  for (const client of clients) await client.end()
  server?.stop()
})

describe('backups on PostgreSQL: pg_dump and pg_restore', () => {
  it('restores every table with the same rows as the dumped database', async () => {
    expect(statSync(dumpFile).size).toBeGreaterThan(10_000)
    const before = await tableDigests(await connect(live))
    const after = await tableDigests(await connect(restored))
    expect(Object.keys(after)).toEqual(pgTableNames())
    expect(after).toEqual(before)
    expect(after.ideas?.rows).toBeGreaterThanOrEqual(12)
    expect(after.votes?.rows).toBeGreaterThan(100)
  })

  it('restores every index, trigger and function of the schema', async () => {
    const schema = async (url: string) => {
      const client = await connect(url)
      const indexes = await client.query(
        "select indexname, indexdef from pg_indexes where schemaname = 'public' order by indexname",
      )
      const triggers = await client.query(
        'select tgname, tgdeferrable from pg_trigger where not tgisinternal order by tgname',
      )
      const functions = await client.query(
        "select proname from pg_proc where pronamespace = 'public'::regnamespace order by proname",
      )
      return { indexes: indexes.rows, triggers: triggers.rows, functions: functions.rows.map((r) => r.proname) }
    }
    const after = await schema(restored)
    expect(after).toEqual(await schema(live))
    expect(after.indexes.map((i) => i.indexname)).toContain('ideas_search')
    expect(after.triggers.map((t) => t.tgname)).toContain('list_version_idea_update')
    expect(after.functions).toContain('meedenken_unaccent')
  })

  it('finds an idea through the restored search column, by Dutch stem and without accents', async () => {
    const client = await connect(restored)
    const { rows } = await client.query(
      `select title from ideas
        where search @@ to_tsquery('dutch', meedenken_unaccent('ondernemer & een & loket'))`,
    )
    expect(rows.map((r) => r.title)).toContain('Eén loket voor ondernemers met vergunningvragen')
    const prefix = await client.query(
      `select title from ideas where search @@ to_tsquery('simple', meedenken_unaccent('vergunningv') || ':*')`,
    )
    expect(prefix.rows.map((r) => r.title)).toContain('Eén loket voor ondernemers met vergunningvragen')
  })

  it('continues each id sequence after the restored ids, and moves the list version on a change', async () => {
    const client = await connect(restored)
    expect(await nextIds(client)).toEqual(await nextIds(await connect(live)))
    const before = (await client.query('select sum(version)::int as v from list_version')).rows[0].v
    const { rows } = await client.query(
      `insert into departments (slug, name, name_en) values ('hersteld', 'Hersteld team', 'Restored team') returning id`,
    )
    const max = (await client.query('select max(id)::int as m from departments where id <> $1', [rows[0].id])).rows[0].m
    expect(rows[0].id).toBe(max + 1)
    await client.query('update ideas set vote_count = vote_count where id = (select min(id) from ideas)')
    expect((await client.query('select sum(version)::int as v from list_version')).rows[0].v).toBe(before + 1)
  })

  it('needs no migration when the server starts on it: migratePostgres finds nothing to do', async () => {
    const client = await connect(restored)
    const applied = async () =>
      (await client.query('select count(*)::int as n from drizzle.__drizzle_migrations')).rows[0].n
    const before = await applied()
    expect(before).toBeGreaterThan(0)
    await migratePostgres(restored)
    expect(await applied()).toBe(before)
  })
})
