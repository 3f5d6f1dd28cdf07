import { createHash } from 'node:crypto'
import { copyFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import pg from 'pg'
import pino from 'pino'
import { inject } from 'vitest'
import { createApp } from '../app'
import { connectPostgres } from '../db/connection-pg'
import { engine } from '../db/engine'
import { type Db, openDatabase } from '../db/open'
import { rawRows } from '../db/raw-sql'
import { oneRow } from '../db/statements'
import type { Clock } from '../http/env'
import { LiveHub } from '../live/live-hub'
import { type Settings, testSettings } from '../settings'

/**
 * A clock tests can move: deadlines, expiry and phases without waiting. It starts where the
 * run says (the real time, or MEEDENKEN_TEST_NOW: see global-setup.ts), so every test must hold
 * on any day; a test about a particular day sets that day itself.
 */
export class TestClock implements Clock {
  constructor(private current = inject('testNow')) {}
  now = () => this.current
  set(iso: string): void {
    this.current = Date.parse(iso)
  }
  advance(ms: number): void {
    this.current += ms
  }
}

export type TestContext = {
  app: ReturnType<typeof createApp>
  db: Db
  clock: TestClock
  settings: Settings
  /** The SQLite file, or on PostgreSQL the test database's URL. */
  file: string
}

let made = 0
let admin: pg.Client | null = null
/** Each test database's creation, by URL: every pool on it waits for it before it connects. */
const creations = new Map<string, Promise<void>>()

/** A pool on a test database whose connections wait until the database exists. */
function poolOnTestDatabase(url: string): Db {
  const created = creations.get(url) ?? Promise.resolve()
  class WaitingClient extends pg.Client {
    // @ts-expect-error node-postgres' overloads (a promise, or a callback); the pool uses the callback.
    override connect(callback?: (error: Error | null) => void) {
      const ready = created.then(() => super.connect())
      if (!callback) return ready
      ready.then(
        () => callback(null),
        (error: Error) => callback(error),
      )
    }
  }
  const Client = WaitingClient as unknown as typeof pg.Client
  return connectPostgres(url, { Client, poolSize: 4 })
}

/**
 * A database of its own on the run's PostgreSQL server, copied from the migrated template
 * (global-setup-pg.ts). Made synchronously, as createTestApp is: the copy is started here
 * and the pool's connections wait for it before they connect.
 */
function postgresTestDatabase(): { db: Db; url: string } {
  const name = `test_${process.pid}_${++made}`
  const server = inject('postgresUrl')
  const url = new URL(server)
  url.pathname = `/${name}`
  creations.set(
    url.toString(),
    (async () => {
      if (!admin) {
        admin = new pg.Client({ connectionString: server })
        await admin.connect()
      }
      await admin.query(`create database "${name}" template meedenken_template`)
    })(),
  )
  return { db: poolOnTestDatabase(url.toString()), url: url.toString() }
}

/**
 * A fresh, migrated database and an app around it. One per test file (or per test).
 * SQLite: a copy of the migrated template file; the database refuses statements that bypass
 * a transaction (`strict`, see db/connection.ts) unless a test asks for the server's own
 * setting. PostgreSQL (`pnpm test:postgres`): a database copied from the template.
 */
export function createTestApp(overrides: Partial<Settings> = {}, options: { strict?: boolean } = {}): TestContext {
  const dir = mkdtempSync(path.join(tmpdir(), 'meedenken-api-'))
  let db: Db
  let file: string
  if (engine === 'postgres') {
    ;({ db, url: file } = postgresTestDatabase())
  } else {
    file = path.join(dir, 'test.db')
    copyFileSync(inject('templateDatabase'), file)
    db = openDatabase(file, { strict: options.strict ?? true })
  }
  const clock = new TestClock()
  const settings = testSettings({
    ...(engine === 'postgres' ? { databaseUrl: file } : { databasePath: file }),
    webDist: path.join(dir, 'no-web'),
    ...overrides,
  })
  const app = createApp({
    db,
    settings,
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    clock,
    live: new LiveHub(db),
  })
  return { app, db, clock, settings, file }
}

/**
 * Another connection to the test app's database, as another server process would have: a
 * second SQLite connection to the file, or a second pool on the PostgreSQL database. Close
 * it with closeDatabase (db/open.ts).
 */
export function openSecondHandle(ctx: TestContext): Db {
  return engine === 'postgres' ? poolOnTestDatabase(ctx.file) : openDatabase(ctx.file, { migrate: false })
}

export type RequestOptions = {
  method?: string
  body?: unknown
  rawBody?: string
  headers?: Record<string, string>
  cookie?: string
}

/** A real HTTP request through the whole app (middleware, routing, error handler). */
export function request(ctx: TestContext, url: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { ...options.headers }
  let body: string | undefined
  if (options.rawBody !== undefined) body = options.rawBody
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body)
    headers['content-type'] ??= 'application/json'
  }
  if (options.cookie) headers.cookie = options.cookie
  // As every HTTP client does: a body comes with its length (the server relies on it).
  if (body !== undefined) headers['content-length'] ??= String(Buffer.byteLength(body))
  return Promise.resolve(
    ctx.app.request(url, { method: options.method ?? (body === undefined ? 'GET' : 'POST'), headers, body }),
  )
}

export async function json<T = any>(res: Response): Promise<T> {
  return (await res.json()) as T
}

/** The session cookie from a response, ready for the next request's Cookie header. */
export function sessionCookie(res: Response): string {
  const header = res.headers.get('set-cookie') ?? ''
  const match = /(?:__Host-)?meedenken_session=([^;]*)/.exec(header)
  if (!match?.[1]) throw new Error(`no session cookie in: ${header}`)
  return match[0]
}

/** The latest mail to an address, through the development mailbox (the app must have it on). */
export async function lastMailTo(ctx: TestContext, to: string): Promise<{ subject: string; text: string } | undefined> {
  const res = await request(ctx, '/api/dev/mail')
  const { items } = await json<{ items: { to: string; subject: string; text: string }[] }>(res)
  return items.find((m) => m.to === to)
}

export function tokenFrom(text: string): string {
  const match = /token=([A-Za-z0-9_-]+)/.exec(text)
  if (!match?.[1]) throw new Error(`no token in mail: ${text}`)
  return match[1]
}

export const PASSWORD = 'een-lang-wachtwoord-voor-tests'

/** Signs a member up and verifies them the way a person would; returns their cookie. */
export async function signUpMember(
  ctx: TestContext,
  email: string,
  extra: Record<string, unknown> = {},
): Promise<{ cookie: string; userId: number }> {
  const signup = await request(ctx, '/api/auth/signup', {
    body: { email, password: PASSWORD, displayName: `Naam ${email.split('@')[0]}`, targetGroup: 'resident', ...extra },
  })
  if (signup.status !== 202) throw new Error(`signup answered ${signup.status}: ${await signup.text()}`)
  const mail = await lastMailTo(ctx, email)
  if (!mail) throw new Error('no verification mail')
  const verify = await request(ctx, '/api/auth/verify', { body: { token: tokenFrom(mail.text) } })
  if (verify.status !== 200) throw new Error(`verify answered ${verify.status}`)
  const { user } = await json(verify)
  return { cookie: sessionCookie(verify), userId: user.id }
}

/** Makes a verified account with any role directly, then logs in through the API. */
export async function loginAs(
  ctx: TestContext,
  role: 'member' | 'staff' | 'admin',
  email = `${role}-${Math.random().toString(36).slice(2)}@example.org`,
): Promise<{ cookie: string; userId: number; email: string }> {
  const { hashPassword } = await import('../security/passwords')
  const { users } = await import('../db/schema')
  const now = ctx.clock.now()
  const row = oneRow(
    await ctx.db
      .insert(users)
      .values({
        email,
        passwordHash: await hashPassword(PASSWORD),
        displayName: `${role} ${email.split('@')[0]}`,
        role,
        targetGroup: role === 'member' ? 'resident' : null,
        emailVerifiedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning(),
  )
  const res = await request(ctx, '/api/auth/login', { body: { email, password: PASSWORD } })
  if (res.status !== 200) throw new Error(`login answered ${res.status}`)
  return { cookie: sessionCookie(res), userId: row.id, email }
}

/** Every row of every table as text, in a fixed order, to prove something appears nowhere. */
export async function databaseText(ctx: TestContext): Promise<string> {
  const tables =
    engine === 'postgres'
      ? await rawRows(
          ctx.db,
          sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
        )
      : await rawRows(
          ctx.db,
          sql`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by 1`,
        )
  const texts: string[] = []
  for (const [name] of tables) {
    // Every column but PostgreSQL's generated search column (the same text as title and body).
    const rows = await rawRows(ctx.db, sql`select * from ${sql.identifier(String(name))} order by 1`)
    texts.push(JSON.stringify(rows))
  }
  return texts.join('\n')
}

/** A digest of all table contents: equal before and after means nothing changed. */
export async function databaseDigest(ctx: TestContext): Promise<string> {
  return createHash('sha256')
    .update(await databaseText(ctx))
    .digest('hex')
}
