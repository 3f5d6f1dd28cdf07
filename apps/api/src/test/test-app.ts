import { copyFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pino from 'pino'
import { inject } from 'vitest'
import { createApp } from '../app'
import { type Db, openDatabase } from '../db/open'
import type { Clock } from '../http/env'
import { type Settings, testSettings } from '../settings'

/** A clock tests can move: deadlines, expiry and phases without waiting. */
export class TestClock implements Clock {
  constructor(private current = Date.parse('2026-11-02T09:00:00Z')) {}
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
  file: string
}

/** A fresh, migrated SQLite file and an app around it. One per test file (or per test). */
export function createTestApp(overrides: Partial<Settings> = {}): TestContext {
  const dir = mkdtempSync(path.join(tmpdir(), 'meedenken-api-'))
  const file = path.join(dir, 'test.db')
  copyFileSync(inject('templateDatabase'), file)
  const db = openDatabase(file)
  const clock = new TestClock()
  const settings = testSettings({ databasePath: file, webDist: path.join(dir, 'no-web'), ...overrides })
  const app = createApp({ db, settings, logger: pino({ level: 'silent' }), clock })
  return { app, db, clock, settings, file }
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
  return Promise.resolve(
    ctx.app.request(url, { method: options.method ?? (body === undefined ? 'GET' : 'POST'), headers, body }),
  )
}

export async function json<T = any>(res: Response): Promise<T> {
  return (await res.json()) as T
}
