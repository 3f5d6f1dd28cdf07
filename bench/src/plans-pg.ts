import { spawn } from 'node:child_process'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createApp } from '../../apps/api/src/app'
import { connectPostgres } from '../../apps/api/src/db/connection-pg'
import { engine } from '../../apps/api/src/db/engine'
import { systemClock } from '../../apps/api/src/http/env'
import { LiveHub } from '../../apps/api/src/live/live-hub'
import { createLogger } from '../../apps/api/src/logger'
import { testSettings } from '../../apps/api/src/settings'
import { type PlanNode, pgPlanProblems, sorts, summarize } from './plan-tree-pg'
import type { PlanGroup, PlanResult, PlanStatement } from './plans'
import { type PgPool, pgPool } from './postgres'

/**
 * The query-plan check on PostgreSQL: the hot-path requests of plans.ts go through the real
 * app on the benchmark database with drizzle's query logger, and every SELECT the app ran is
 * asked `EXPLAIN (ANALYZE, FORMAT JSON)` with the values it was bound to, and timed at this
 * scale. A row fails on a sequential scan of a big table, on a sort of more than
 * COMMON_MATCHES rows of them, or on a statement slower than 10 ms.
 *
 * It runs in a process of its own with DATABASE_URL set: the tables the data layer queries
 * are the engine's of the process, chosen when schema.ts is first imported (db/engine.ts),
 * and the bench's own process is a SQLite one (it builds the data sets).
 */

type Statement = { sql: string; params: unknown[] }

export type PgPlanStatement = PlanStatement & {
  /** The requests (method and path) that ran the statement. */
  requests: string[]
  /** The values it was bound to. */
  params: unknown[]
  /** The root node and how each table is read: `Limit · ideas: Index Scan ideas_hot`. */
  summary: string
  sorts: number
}

export type PgPlanResult = PlanResult & { statementsDetail: PgPlanStatement[] }

export const SLOW_STATEMENT_MS = 10

/** Each statement runs RUNS times in a row (the first warms the cache), in each of ROUNDS rounds (as plans.ts). */
const RUNS = 3
const ROUNDS = 2

async function fastestRuns(pool: PgPool, statements: Statement[]): Promise<Map<Statement, number>> {
  const fastest = new Map<Statement, number>()
  for (let round = 0; round < ROUNDS; round++) {
    for (const statement of statements) {
      for (let run = 0; run < RUNS; run++) {
        const t = performance.now()
        await pool.query(statement.sql, statement.params)
        const ms = performance.now() - t
        fastest.set(statement, Math.min(fastest.get(statement) ?? ms, ms))
      }
    }
  }
  return fastest
}

/** A statement that reads only: a plan check must not take locks that outlive it or change rows. */
function isRead(sql: string): boolean {
  return (
    /^\s*(select|with)\b/i.test(sql) &&
    !/\bpg_(try_)?advisory/i.test(sql) &&
    !/^\s*with[\s\S]*\b(insert|update|delete)\b/i.test(sql)
  )
}

/**
 * Sends the hot-path requests through the real app on the PostgreSQL benchmark database,
 * then asks PostgreSQL how it runs each SELECT and how long it takes at this size.
 */
export async function checkPlansPostgres(url: string, groups: PlanGroup[]): Promise<PgPlanResult[]> {
  if (engine !== 'postgres') throw new Error('plans-pg.ts runs in a process with DATABASE_URL=postgres://…')
  let captured: Statement[] = []
  const db = connectPostgres(url, { queryLogger: { logQuery: (sql, params) => captured.push({ sql, params }) } })
  const logger = createLogger({ logLevel: 'silent' })
  const app = createApp({
    db,
    settings: testSettings({ databaseUrl: url }),
    logger,
    clock: systemClock,
    live: new LiveHub(db, logger),
  })
  const pool = pgPool(url, 1)
  const perGroup: { statement: Statement; requests: string[] }[][] = []
  try {
    for (const group of groups) {
      const seen = new Map<string, { statement: Statement; requests: string[] }>()
      for (const r of group.requests) {
        const headers: Record<string, string> = r.cookie ? { cookie: r.cookie } : {}
        const init = { method: r.method ?? 'GET', headers }
        const request = `${init.method} ${r.path}`
        captured = []
        const res = await app.request(r.path, init)
        if (!res.ok) throw new Error(`plan check: ${request} answered ${res.status}: ${await res.text()}`)
        const body = (await res.json()) as { nextCursor?: string | null }
        // The second page too: its keyset condition must stay on the index.
        if (body.nextCursor) {
          const sep = r.path.includes('?') ? '&' : '?'
          const next = await app.request(`${r.path}${sep}cursor=${encodeURIComponent(body.nextCursor)}`, init)
          if (!next.ok) throw new Error(`plan check: page 2 of ${r.path} answered ${next.status}`)
        }
        for (const statement of captured) {
          if (!isRead(statement.sql)) continue
          const key = `${statement.sql}\u0000${JSON.stringify(statement.params)}`
          const known = seen.get(key)
          if (known) {
            if (!known.requests.includes(request)) known.requests.push(request)
          } else seen.set(key, { statement, requests: [request] })
        }
      }
      perGroup.push([...seen.values()])
    }
    // Timed after every request was sent, as on SQLite.
    const fastest = await fastestRuns(
      pool,
      perGroup.flat().map((s) => s.statement),
    )
    const results: PgPlanResult[] = []
    for (const [g, group] of groups.entries()) {
      const statements: PgPlanStatement[] = []
      for (const { statement, requests } of perGroup[g] ?? []) {
        const explained = await pool.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(
          `explain (analyze, format json) ${statement.sql}`,
          statement.params,
        )
        const plan = explained.rows[0]?.['QUERY PLAN'][0]?.Plan
        if (!plan) throw new Error(`no plan for ${statement.sql}`)
        const ms = fastest.get(statement) ?? Number.POSITIVE_INFINITY
        const summary = summarize(plan)
        const problems = pgPlanProblems(plan)
        if (ms > SLOW_STATEMENT_MS) problems.push(`takes ${ms.toFixed(1)} ms at this scale: ${summary}`)
        statements.push({
          sql: statement.sql,
          params: statement.params,
          plan: [summary],
          ms,
          problems,
          requests,
          summary,
          sorts: sorts(plan),
        })
      }
      results.push({
        label: group.label,
        statements: statements.length,
        problems: statements.flatMap((s) => s.problems.map((p) => `${p}   ← ${s.sql.slice(0, 160)}`)),
        slowest: statements.reduce<PlanStatement | null>((a, b) => (a && a.ms >= b.ms ? a : b), null),
        tempSorts: statements.filter((s) => s.sorts > 0).length,
        statementsDetail: statements,
      })
    }
    return results
  } finally {
    await pool.end()
    await (db.$client as unknown as PgPool).end()
  }
}

/**
 * The check from the bench's own (SQLite) process: this file as a program in a child process
 * with DATABASE_URL set, the groups and results passing through two files.
 */
export async function checkPlansInPostgres(url: string, groups: PlanGroup[]): Promise<PgPlanResult[]> {
  const base = path.join(os.tmpdir(), `meedenken-bench-plans-${process.pid}`)
  const input = `${base}-groups.json`
  const output = `${base}-results.json`
  writeFileSync(input, JSON.stringify(groups))
  try {
    const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), input, output], {
      env: { ...process.env, DATABASE_URL: url, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let said = ''
    child.stdout.on('data', (chunk: Buffer) => {
      said += chunk.toString()
    })
    child.stderr.on('data', (chunk: Buffer) => {
      said += chunk.toString()
    })
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
    if (code !== 0) throw new Error(`the PostgreSQL plan check failed (exit ${code}):\n${said.slice(-4000)}`)
    return JSON.parse(readFileSync(output, 'utf8')) as PgPlanResult[]
  } finally {
    rmSync(input, { force: true })
    rmSync(output, { force: true })
  }
}

// As a program: `DATABASE_URL=postgres://… node --import tsx plans-pg.ts <groups.json> <results.json>`.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [input, output] = process.argv.slice(2)
  const url = process.env.DATABASE_URL
  if (!input || !output || !url)
    throw new Error('usage: DATABASE_URL=postgres://… plans-pg.ts <groups.json> <results.json>')
  const groups = JSON.parse(readFileSync(input, 'utf8')) as PlanGroup[]
  writeFileSync(output, JSON.stringify(await checkPlansPostgres(url, groups)))
  process.exit(0)
}
