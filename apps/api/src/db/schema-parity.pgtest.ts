import { readFileSync } from 'node:fs'
import path from 'node:path'
import { asc, eq } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/node-postgres'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest'
import { migratePostgres, pgMigrationsFolder } from './migrate-pg'
import { openDatabase } from './open'
import { startThrowawayPostgres, type ThrowawayPostgres } from './pg-throwaway'
import * as pgSchema from './schema.pg'
import type * as sqliteSchema from './schema.sqlite'

/**
 * The two engines' migrated schemas, side by side: SQLite's from drizzle/ (in memory),
 * PostgreSQL's from drizzle-pg/ (a throwaway server). Run with `pnpm test:pg`.
 */

let server: ThrowawayPostgres
const clients: pg.Client[] = []

beforeAll(async () => {
  server = await startThrowawayPostgres()
}, 120_000)

afterAll(async () => {
  for (const client of clients) await client.end()
  server?.stop()
})

/** A new database migrated by migratePostgres, and a client on it. */
async function migratedDatabase(name: string): Promise<{ url: string; client: pg.Client }> {
  const url = await server.createDatabase(name)
  await migratePostgres(url)
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  clients.push(client)
  return { url, client }
}

function one<T>(rows: T[]): T {
  const [row] = rows
  if (row === undefined) throw new Error('expected a row')
  return row
}

/** What two schemas must agree on, in words, so a difference reads as a diff. */
type Shape = {
  tables: string[]
  /** `table.column` → type family, nullability, default */
  columns: Record<string, string>
  /** table → its primary key's columns */
  primaryKeys: Record<string, string>
  /** `table(columns) → table(columns) on delete … on update …` */
  foreignKeys: string[]
  /** index name → `[unique] table(columns) [where …]` */
  indexes: Record<string, string>
  triggers: string[]
}

/** SQL as each engine prints it, in one spelling: no quotes, casts, table prefixes or brackets. */
function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/["`]/g, '')
    .replace(/'(-?\d+)'::\w+/g, '$1')
    .replace(/::(double precision|\w+)/g, '')
    .replace(/= any \(array\[([^\]]*)\]\)/g, 'in ($1)')
    .replace(/\b[a-z_]+\.(?=[a-z_])/g, '')
    .replace(/[()]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/ ,/g, ',')
    .trim()
}

/** The columns and the WHERE of a CREATE INDEX statement, from either engine. */
function indexDefinition(table: string, createIndex: string): string {
  const unique = /^create unique index/i.test(createIndex)
  const on = createIndex.search(/ on /i)
  const open = createIndex.indexOf('(', on)
  let depth = 0
  let close = open
  const columns: string[] = []
  let start = open + 1
  for (let i = open; i < createIndex.length; i++) {
    const ch = createIndex[i]
    if (ch === '(') depth++
    if (ch === ')') depth--
    if ((ch === ',' && depth === 1) || depth === 0) {
      columns.push(normalize(createIndex.slice(start, i)))
      start = i + 1
    }
    if (depth === 0) {
      close = i
      break
    }
  }
  const where = createIndex.slice(close + 1).match(/where\s+([\s\S]*)$/i)?.[1]
  return `${unique ? 'unique ' : ''}${table}(${columns.join(', ')})${where ? ` where ${normalize(where)}` : ''}`
}

const sqliteFamilies: Record<string, string> = { integer: 'integer', text: 'text', real: 'real', blob: 'bytes' }
const pgFamilies: Record<string, string> = {
  integer: 'integer',
  bigint: 'integer',
  text: 'text',
  json: 'text',
  'double precision': 'real',
  bytea: 'bytes',
  tsvector: 'tsvector',
}

function sqliteShape(): Shape {
  const sqlite = openDatabase(':memory:').$client
  const all = <T>(query: string, ...params: unknown[]) => sqlite.prepare(query).all(...params) as T[]
  const tables = all<{ name: string }>(
    "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name <> '__drizzle_migrations' order by name",
  ).map((t) => t.name)
  const shape: Shape = { tables, columns: {}, primaryKeys: {}, foreignKeys: [], indexes: {}, triggers: [] }
  for (const table of tables) {
    if (table.startsWith('ideas_fts')) continue
    const columns = all<{ name: string; type: string; notnull: number; dflt_value: string | null; pk: number }>(
      'select * from pragma_table_info(?)',
      table,
    )
    for (const c of columns) {
      const family = sqliteFamilies[c.type.toLowerCase()] ?? `unknown ${c.type}`
      shape.columns[`${table}.${c.name}`] =
        `${family} ${c.notnull ? 'not null' : 'null'}${c.dflt_value === null ? '' : ` default ${normalize(c.dflt_value)}`}`
    }
    const key = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk)
    if (key.length > 0) shape.primaryKeys[table] = key.map((c) => c.name).join(', ')
    const references = all<{
      id: number
      table: string
      from: string
      to: string
      on_update: string
      on_delete: string
    }>('select * from pragma_foreign_key_list(?) order by id, seq', table)
    for (const id of new Set(references.map((r) => r.id))) {
      const parts = references.filter((r) => r.id === id)
      const [first] = parts
      if (!first) continue
      shape.foreignKeys.push(
        `${table}(${parts.map((p) => p.from).join(', ')}) → ${first.table}(${parts.map((p) => p.to).join(', ')}) ` +
          `on delete ${first.on_delete.toLowerCase()} on update ${first.on_update.toLowerCase()}`,
      )
    }
    // Indexes made by CREATE INDEX (a primary key's own index is the primary key, compared above).
    for (const index of all<{ name: string; sql: string }>(
      "select name, sql from sqlite_master where type = 'index' and tbl_name = ? and sql is not null",
      table,
    )) {
      shape.indexes[index.name] = indexDefinition(table, index.sql)
    }
  }
  shape.triggers = all<{ name: string }>("select name from sqlite_master where type = 'trigger' order by name").map(
    (t) => t.name,
  )
  shape.foreignKeys.sort()
  sqlite.close()
  return shape
}

async function pgShape(client: pg.Client): Promise<Shape> {
  const rows = async <T>(query: string) => (await client.query(query)).rows as T[]
  const tables = (
    await rows<{ name: string }>(
      "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1",
    )
  ).map((t) => t.name)
  const shape: Shape = { tables, columns: {}, primaryKeys: {}, foreignKeys: [], indexes: {}, triggers: [] }
  for (const c of await rows<{ table: string; name: string; type: string; nullable: string; dflt: string | null }>(
    `select table_name as table, column_name as name, data_type as type, is_nullable as nullable, column_default as dflt
       from information_schema.columns where table_schema = 'public'`,
  )) {
    const family = pgFamilies[c.type] ?? `unknown ${c.type}`
    shape.columns[`${c.table}.${c.name}`] =
      `${family} ${c.nullable === 'NO' ? 'not null' : 'null'}${c.dflt === null ? '' : ` default ${normalize(c.dflt)}`}`
  }
  const keyColumns = (relation: string, numbers: string) =>
    `array(select a.attname::text from unnest(${numbers}) with ordinality k(n, o)
       join pg_attribute a on a.attrelid = ${relation} and a.attnum = k.n order by k.o)`
  for (const k of await rows<{ table: string; columns: string[] }>(
    `select conrelid::regclass::text as table, ${keyColumns('conrelid', 'conkey')} as columns
       from pg_constraint where contype = 'p' and connamespace = 'public'::regnamespace`,
  )) {
    shape.primaryKeys[k.table] = k.columns.join(', ')
  }
  const action: Record<string, string> = {
    a: 'no action',
    r: 'restrict',
    c: 'cascade',
    n: 'set null',
    d: 'set default',
  }
  for (const f of await rows<{
    table: string
    columns: string[]
    target: string
    targets: string[]
    del: string
    upd: string
  }>(
    `select conrelid::regclass::text as table, ${keyColumns('conrelid', 'conkey')} as columns,
            confrelid::regclass::text as target, ${keyColumns('confrelid', 'confkey')} as targets,
            confdeltype as del, confupdtype as upd
       from pg_constraint where contype = 'f' and connamespace = 'public'::regnamespace`,
  )) {
    shape.foreignKeys.push(
      `${f.table}(${f.columns.join(', ')}) → ${f.target}(${f.targets.join(', ')}) ` +
        `on delete ${action[f.del]} on update ${action[f.upd]}`,
    )
  }
  for (const index of await rows<{ name: string; table: string; definition: string }>(
    `select i.relname as name, t.relname as table, pg_get_indexdef(x.indexrelid) as definition
       from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
      where t.relnamespace = 'public'::regnamespace and not x.indisprimary`,
  )) {
    shape.indexes[index.name] = indexDefinition(index.table, index.definition)
  }
  shape.triggers = (
    await rows<{ name: string }>(
      `select t.tgname as name from pg_trigger t join pg_class c on c.oid = t.tgrelid
        where not t.tgisinternal and c.relnamespace = 'public'::regnamespace order by 1`,
    )
  ).map((t) => t.name)
  shape.foreignKeys.sort()
  return shape
}

/** What only one engine has, by design, each with its reason. */
const onlySqlite = {
  // FTS5: the search index, its four storage tables and its vocabulary (drizzle/0002, 0008).
  tables: ['ideas_fts', 'ideas_fts_config', 'ideas_fts_data', 'ideas_fts_docsize', 'ideas_fts_idx', 'ideas_fts_vocab'],
  // FTS5 is kept in step by triggers; PostgreSQL's search column is generated.
  triggers: ['ideas_fts_after_delete', 'ideas_fts_after_insert', 'ideas_fts_after_update'],
}
const onlyPostgres = {
  // The generated tsvector and its GIN index (drizzle-pg/0001); the titles' words alone for
  // similar ideas while typing (drizzle-pg/0002).
  columns: ['ideas.search'],
  indexes: ['ideas_search', 'ideas_title_search'],
}
/** Each engine's SQL for "now in milliseconds" as a default. */
const engineDefaults = ['settings.updated_at']
/**
 * The schema says ON DELETE CASCADE; SQLite's drizzle/0007 added the column with
 * ALTER TABLE … ADD … REFERENCES, which drizzle-kit wrote without the action, so SQLite has
 * NO ACTION. Nothing deletes campaigns yet. Mending it on SQLite means rebuilding the
 * notifications table in a migration of its own.
 */
const sqliteDrift = {
  'notifications(campaign_id) → campaigns(id) on delete no action on update no action':
    'notifications(campaign_id) → campaigns(id) on delete cascade on update no action',
}

describe('one schema source, two engines', () => {
  it('migrates SQLite and PostgreSQL to the same tables, columns, keys, indexes and triggers, apart from each engine’s search', async () => {
    const { client } = await migratedDatabase('parity')
    const lite = sqliteShape()
    const post = await pgShape(client)

    // The expected differences exist, exactly as listed…
    expect(lite.tables).toEqual(expect.arrayContaining(onlySqlite.tables))
    expect(lite.triggers).toEqual(expect.arrayContaining(onlySqlite.triggers))
    expect(post.columns['ideas.search']).toBe('tsvector not null')
    expect(post.indexes.ideas_search).toBe('ideas(search)')
    expect(
      (await client.query("select indexdef from pg_indexes where indexname = 'ideas_search'")).rows[0].indexdef,
    ).toMatch(/USING gin \(search\)/)
    expect(
      (await client.query("select indexdef from pg_indexes where indexname = 'ideas_title_search'")).rows[0].indexdef,
    ).toMatch(/USING gin .*meedenken_unaccent\(title\)/)
    expect(lite.columns['settings.updated_at']).toBe('integer not null default unixepoch * 1000')
    expect(post.columns['settings.updated_at']).toBe('integer not null default extract epoch from now * 1000')
    for (const drift of Object.keys(sqliteDrift)) expect(lite.foreignKeys).toContain(drift)

    // …and nothing else differs.
    const withoutOnly = <T>(record: Record<string, T>, names: string[]) =>
      Object.fromEntries(Object.entries(record).filter(([name]) => !names.includes(name)))
    const liteCompared: Shape = {
      tables: lite.tables.filter((t) => !onlySqlite.tables.includes(t)),
      columns: withoutOnly(lite.columns, engineDefaults),
      primaryKeys: lite.primaryKeys,
      foreignKeys: lite.foreignKeys.map((f) => sqliteDrift[f as keyof typeof sqliteDrift] ?? f).sort(),
      indexes: lite.indexes,
      triggers: lite.triggers.filter((t) => !onlySqlite.triggers.includes(t)),
    }
    const postCompared: Shape = {
      ...post,
      columns: withoutOnly(post.columns, [...onlyPostgres.columns, ...engineDefaults]),
      indexes: withoutOnly(post.indexes, onlyPostgres.indexes),
    }
    expect(postCompared).toEqual(liteCompared)

    // The comparison has teeth: every table, with its keys and the partial and expression indexes.
    expect(liteCompared.tables).toHaveLength(32)
    expect(Object.keys(liteCompared.columns).length).toBeGreaterThan(200)
    expect(liteCompared.primaryKeys.stats_counters).toBe('month, theme_id, target_group, metric')
    expect(liteCompared.indexes.ideas_department_open).toBe(
      'ideas(department_id, case when first_response_at is null then created_at else 10000000000000 + coalesce last_public_update_at, created_at end, id)' +
        " where status in 'new', 'under_review', 'planned', 'in_progress'",
    )
    expect(liteCompared.indexes.comments_official).toBe(
      'comments(idea_id, created_at, id) where official = 1 and hidden = 0 and deleted_at is null',
    )
    expect(liteCompared.indexes.users_email_unique).toBe('unique users(email)')
    expect(liteCompared.triggers).toEqual([
      'list_version_author',
      'list_version_idea_delete',
      'list_version_idea_insert',
      'list_version_idea_update',
    ])
  })

  it('gives both engines’ tables the same select and insert types, and PostgreSQL reads back numbers and JSON as SQLite does', async () => {
    type Rows<S> = { [K in keyof S]: S[K] extends { $inferSelect: infer R } ? R : never }
    type Inserts<S> = { [K in keyof S]: S[K] extends { $inferInsert: infer R } ? R : never }
    expectTypeOf<Rows<typeof pgSchema>>().toEqualTypeOf<Rows<typeof sqliteSchema>>()
    expectTypeOf<Inserts<typeof pgSchema>>().toEqualTypeOf<Inserts<typeof sqliteSchema>>()

    const { client } = await migratedDatabase('types')
    const db = drizzle({ client, schema: pgSchema })
    const { themes, users, ideas, auditLog } = pgSchema
    // Past 2^31 ms and 2^31 s: times need 64 bits, and come back as numbers.
    const at = 4_102_444_800_123
    const theme = one(await db.insert(themes).values({ slug: 'groen', name: 'Groen', nameEn: 'Green' }).returning())
    const user = one(
      await db
        .insert(users)
        .values({ displayName: 'Anna', targetGroup: 'resident', createdAt: at, updatedAt: at })
        .returning(),
    )
    await db.insert(ideas).values({
      title: 'Meer bankjes',
      body: 'In het park',
      bodyHtml: '<p>In het park</p>',
      themeId: theme.id,
      authorId: user.id,
      hotScore: 12345.678901234567,
      createdAt: at,
      updatedAt: at,
    })
    await db.insert(auditLog).values({
      actorId: user.id,
      action: 'idea.correct',
      subjectType: 'idea',
      details: { zeta: 1, alpha: { before: 'a', after: 'b' } },
      createdAt: at,
    })

    const idea = one(await db.select().from(ideas).where(eq(ideas.authorId, user.id)))
    expect(idea).toMatchObject({ id: 1, createdAt: at, hotScore: 12345.678901234567, hidden: 0, voteCount: 0 })
    expect(typeof idea.createdAt).toBe('number')
    expect(idea.firstResponseAt).toBeNull()
    const entry = one(await db.select().from(auditLog).orderBy(asc(auditLog.id)))
    // JSON comes back as written, keys in their order, as SQLite's text does.
    expect(Object.keys(entry.details ?? {})).toEqual(['zeta', 'alpha'])
    expect(entry.details).toEqual({ zeta: 1, alpha: { before: 'a', after: 'b' } })
    const setting = one(await db.insert(pgSchema.settings).values({ key: 'k', value: 'v' }).returning())
    expect(typeof setting.updatedAt).toBe('number')
    expect(setting.updatedAt).toBeGreaterThan(1_700_000_000_000)
  })
})

describe('migratePostgres', () => {
  it('applies every migration once when three processes start against one empty database at the same moment', async () => {
    const url = await server.createDatabase('race')
    await Promise.all([migratePostgres(url), migratePostgres(url), migratePostgres(url)])
    await migratePostgres(url)
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    clients.push(client)
    const journal = JSON.parse(readFileSync(path.join(pgMigrationsFolder, 'meta', '_journal.json'), 'utf8'))
    const applied = await client.query('select count(*)::int as n from drizzle.__drizzle_migrations')
    expect(applied.rows[0].n).toBe(journal.entries.length)
    expect((await client.query('select version from list_version')).rows).toEqual([{ version: '0' }])
  })
})

describe('search on PostgreSQL', () => {
  let client: pg.Client
  const ids: Record<string, number> = {}

  beforeAll(async () => {
    ;({ client } = await migratedDatabase('search'))
    await client.query("insert into themes (slug, name, name_en) values ('t', 'Verkeer', 'Traffic')")
    await client.query("insert into users (display_name, created_at, updated_at) values ('Anna', 0, 0)")
    const add = async (key: string, title: string, body: string) => {
      const { rows } = await client.query(
        `insert into ideas (title, body, body_html, theme_id, author_id, created_at, updated_at)
         values ($1, $2, '', 1, 1, 0, 0) returning id`,
        [title, body],
      )
      ids[key] = rows[0].id
    }
    await add('fietspaden', 'Fietspaden', 'Veiliger naar school.')
    await add('zuidbroek', 'Bankjes in zuidbroek', 'Bij het station.')
    await add('cafe', 'Terras bij het café', 'Een plein om elkaar te treffen.')
    await add('gemeentehuis', 'Ruimer parkeren', 'Meer plekken bij het gemeentehuis.')
    await add('body-fiets', 'Verlichting langs de weg', 'Het fietsenrek staat in het donker.')
  })

  const found = async (query: string, ...params: unknown[]) =>
    (await client.query(`select id from ideas where search @@ ${query} order by id`, params)).rows.map((r) => r.id)

  it('finds "Fietspaden" for "fietspad" by its Dutch stem', async () => {
    expect(await found("to_tsquery('dutch', meedenken_unaccent($1))", 'fietspad')).toEqual([ids.fietspaden])
  })

  it('finds "zuidbroek" for "Zuidbroek", whatever the case', async () => {
    expect(await found("to_tsquery('dutch', meedenken_unaccent(lower($1)))", 'Zuidbroek')).toEqual([ids.zuidbroek])
  })

  it('finds "café" for "cafe" and for "café": accents do not count', async () => {
    expect(await found("to_tsquery('dutch', meedenken_unaccent($1))", 'cafe')).toEqual([ids.cafe])
    expect(await found("to_tsquery('dutch', meedenken_unaccent($1))", 'café')).toEqual([ids.cafe])
  })

  it('matches a prefix with "fiets:*", in title and body, and in the title only with :*A', async () => {
    expect(await found("to_tsquery('simple', 'fiets:*')")).toEqual([ids.fietspaden, ids['body-fiets']])
    expect(await found("to_tsquery('dutch', 'fiets:*')")).toEqual([ids.fietspaden, ids['body-fiets']])
    expect(await found("to_tsquery('simple', 'fiets:*A')")).toEqual([ids.fietspaden])
  })

  it('matches a half-typed word by its unstemmed prefix where the stemmer would cut it differently', async () => {
    // The Dutch stemmer makes "gemeen" 'gemen', no prefix of 'gemeentehuis'; the plain words keep it.
    expect(await found("to_tsquery('dutch', 'gemeen:*')")).toEqual([])
    expect(await found("to_tsquery('simple', meedenken_unaccent($1) || ':*')", 'gemeen')).toEqual([ids.gemeentehuis])
  })

  it('ranks a match in the title above one in the body', async () => {
    const { rows } = await client.query(
      `select id from ideas, to_tsquery('simple', 'fiets:*') q where search @@ q order by ts_rank(search, q) desc, id`,
    )
    expect(rows.map((r) => r.id)).toEqual([ids.fietspaden, ids['body-fiets']])
  })

  it('keeps the search column in step when a title changes, and serves a prefix search from the GIN index', async () => {
    await client.query("update ideas set title = 'Fietsenstalling' where id = $1", [ids.zuidbroek])
    expect(await found("to_tsquery('simple', 'fietsenst:*')")).toEqual([ids.zuidbroek])
    expect(await found("to_tsquery('dutch', 'zuidbroek')")).toEqual([])
    await client.query('begin')
    await client.query('set local enable_seqscan = off')
    const plan = await client.query("explain select id from ideas where search @@ to_tsquery('simple', 'fiets:*')")
    await client.query('rollback')
    expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('Bitmap Index Scan on ideas_search')
  })
})

describe('the list version on PostgreSQL', () => {
  let client: pg.Client
  let url: string
  // The sum of its rows, as the API reads it (one row per connection, drizzle-pg/0008).
  const version = async () =>
    Number((await client.query('select coalesce(sum(version), 0) as v from list_version')).rows[0].v)

  beforeAll(async () => {
    ;({ client, url } = await migratedDatabase('list_version'))
    await client.query("insert into themes (slug, name, name_en) values ('t', 'Verkeer', 'Traffic')")
    await client.query(
      "insert into users (display_name, email, created_at, updated_at) values ('Anna', 'a@example.org', 0, 0)",
    )
  })

  it('moves with every insert, update and delete of an idea, once per transaction, at its commit', async () => {
    const before = await version()
    await client.query('begin')
    await client.query(
      "insert into ideas (title, body, body_html, theme_id, author_id, created_at, updated_at) values ('a', 'b', '', 1, 1, 0, 0)",
    )
    await client.query(
      "insert into ideas (title, body, body_html, theme_id, author_id, created_at, updated_at) values ('b', 'c', '', 1, 1, 0, 0)",
    )
    await client.query('update ideas set vote_count = vote_count + 1')
    expect(await version()).toBe(before) // moved at commit, with the change
    await client.query('commit')
    // Four changed rows, one transaction: one step, so a batch of votes takes the row once.
    expect(await version()).toBe(before + 1)
    await client.query('update ideas set vote_count = vote_count + 1')
    expect(await version()).toBe(before + 2)
    await client.query('delete from ideas')
    expect(await version()).toBe(before + 3)
  })

  it('moves when what a card shows of its author changes, and not for their e-mail address', async () => {
    const before = await version()
    await client.query("update users set display_name = 'Anna B.'")
    await client.query("update users set target_group = 'resident'")
    await client.query('update users set deleted_at = 1')
    expect(await version()).toBe(before + 3)
    await client.query("update users set email = 'b@example.org'")
    expect(await version()).toBe(before + 3)
  })

  it('lets writers on two connections commit without waiting for each other', async () => {
    const ideaOf = async (title: string) =>
      (
        await client.query(
          "insert into ideas (title, body, body_html, theme_id, author_id, created_at, updated_at) values ($1, 'b', '', 1, 1, 0, 0) returning id",
          [title],
        )
      ).rows[0].id as number
    const [one, two] = [await ideaOf('een'), await ideaOf('twee')]
    // Two connections whose rows differ (1 + backend pid % 16).
    const shardOf = async (c: pg.Client) => 1 + ((await c.query('select pg_backend_pid() as p')).rows[0].p % 16)
    const others: pg.Client[] = []
    let other: pg.Client | undefined
    while (!other) {
      const c = new pg.Client({ connectionString: url })
      await c.connect()
      others.push(c)
      if ((await shardOf(c)) !== (await shardOf(client))) other = c
    }
    try {
      const before = await version()
      await client.query('begin')
      await client.query('update ideas set vote_count = vote_count + 1 where id = $1', [one])
      // The version's step taken now, not at commit: this transaction holds its row.
      await client.query('set constraints all immediate')
      await other.query("set statement_timeout = '2s'")
      await other.query('update ideas set vote_count = vote_count + 1 where id = $1', [two])
      await client.query('commit')
      expect(await version()).toBe(before + 2)
    } finally {
      for (const c of others) await c.end()
    }
  })

  it('stays put when a transaction rolls back', async () => {
    const before = await version()
    await client.query('begin')
    await client.query('update ideas set vote_count = vote_count + 1')
    await client.query(
      "insert into ideas (title, body, body_html, theme_id, author_id, created_at, updated_at) values ('c', 'd', '', 1, 1, 0, 0)",
    )
    await client.query('rollback')
    expect(await version()).toBe(before)
  })
})
