import { createApp } from '../../apps/api/src/app'
import { type Db, openDatabase } from '../../apps/api/src/db/open'
import { COMMON_MATCHES } from '../../apps/api/src/features/ideas/ideas.data'
import { systemClock } from '../../apps/api/src/http/env'
import { LiveHub } from '../../apps/api/src/live/live-hub'
import { createLogger } from '../../apps/api/src/logger'
import { testSettings } from '../../apps/api/src/settings'

/** The big tables: a SCAN of any of them in a hot path fails its row. */
const BIG_TABLES = new Set(['ideas', 'votes', 'comments', 'users', 'followers', 'status_changes'])
const SQL_WORDS = new Set(['on', 'where', 'inner', 'left', 'join', 'order', 'limit', 'group', 'select', 'using'])

export type PlanGroup = { label: string; requests: { method?: 'GET' | 'PUT'; path: string; cookie?: string }[] }

/** A statement the app ran, with the values it was bound to. */
type Statement = { sql: string; params: unknown[] }

export type PlanStatement = { sql: string; plan: string[]; ms: number; problems: string[] }

export type PlanResult = {
  label: string
  statements: number
  problems: string[]
  slowest: PlanStatement | null
  tempSorts: number
}

/** Table behind each name or alias a statement uses (`from ideas_fts f join ideas i`). */
function aliases(sql: string): Map<string, string> {
  const map = new Map<string, string>()
  for (const m of sql.matchAll(/\b(?:from|join)\s+"?(\w+)"?(?:\s+(?:as\s+)?"?(\w+)"?)?/gi)) {
    const table = (m[1] ?? '').toLowerCase()
    map.set(table, table)
    const alias = m[2]?.toLowerCase()
    if (alias && !SQL_WORDS.has(alias)) map.set(alias, table)
  }
  return map
}

/** The most ideas any search expression among the statement's parameters matches. */
function searchMatches(client: Db['$client'], sql: string, params: unknown[]): number {
  if (!/ideas_fts match \?/i.test(sql)) return 0
  const count = client.prepare('select count(*) as n from ideas_fts where ideas_fts match ?')
  let most = 0
  for (const param of params) {
    if (typeof param !== 'string') continue
    try {
      most = Math.max(most, (count.get(param) as { n: number }).n)
    } catch {
      // not a search expression (a status, a cursor value)
    }
  }
  return most
}

/** A statement slower than this on an idle connection cannot meet a 15 ms p99 under load. */
export const SLOW_STATEMENT_MS = 10

/**
 * What is wrong with a plan: scans of big tables, or a sort of every visible idea or of
 * every match of a common search word. `searchMatches` is how many ideas the statement's
 * search matches: sorting at most COMMON_MATCHES of them is the bounded sort the API
 * chooses for rare words on purpose (docs/decisions/010-performance.md).
 */
export function planProblems(sql: string, plan: string[], searchMatches = Number.POSITIVE_INFINITY): string[] {
  const names = aliases(sql)
  const problems: string[] = []
  for (const detail of plan) {
    const m = /^SCAN (\S+)/.exec(detail)
    if (!m || detail.includes('VIRTUAL TABLE')) continue
    const table = names.get((m[1] ?? '').toLowerCase()) ?? (m[1] ?? '').toLowerCase()
    if (BIG_TABLES.has(table)) problems.push(`${detail} (scans ${table})`)
  }
  // Narrowing only on "hidden" and then sorting is a whole-table sort in disguise.
  const hiddenOnly = plan.some((d) => /^SEARCH \S+ USING (COVERING )?INDEX \w+ \(hidden=\?\)$/.test(d))
  const tempSort = plan.some((d) => d.startsWith('USE TEMP B-TREE FOR ORDER BY'))
  if (hiddenOnly && tempSort) problems.push(`sorts every visible idea: ${plan.join(' | ')}`)
  // Matches of a search term feeding a sort: for a common word that is most of the table.
  const ftsDriven = plan.some((d) => d.startsWith('LIST SUBQUERY')) && plan.some((d) => /ideas_fts/.test(d))
  if (ftsDriven && tempSort && searchMatches > COMMON_MATCHES) {
    problems.push(`sorts every match of the search (${searchMatches}): ${plan.join(' | ')}`)
  }
  return problems
}

/** Each statement runs RUNS times in a row (the first run warms the cache), in each of ROUNDS rounds. */
const RUNS = 3
const ROUNDS = 2

/**
 * The fastest run of each statement. The host sometimes slows everything for a second or
 * two, and three runs in a row can all fall in such a spell; a second round over all
 * statements, seconds later, gives each one another chance (bench/README.md).
 */
function fastestRuns(client: Db['$client'], statements: Statement[]): Map<Statement, number> {
  const fastest = new Map<Statement, number>()
  for (let round = 0; round < ROUNDS; round++) {
    for (const statement of statements) {
      const prepared = client.prepare(statement.sql)
      for (let run = 0; run < RUNS; run++) {
        const t = performance.now()
        prepared.all(...statement.params)
        const ms = performance.now() - t
        fastest.set(statement, Math.min(fastest.get(statement) ?? ms, ms))
      }
    }
  }
  return fastest
}

/**
 * Sends the hot-path requests through the real app on the benchmark database with a
 * query logger, then asks SQLite how it runs each statement (EXPLAIN QUERY PLAN) and how
 * long it takes at this size. The same SQL the server runs, at the scale it must handle.
 */
export async function checkPlans(file: string, groups: PlanGroup[]): Promise<PlanResult[]> {
  let captured: Statement[] = []
  const db = openDatabase(file, { queryLogger: { logQuery: (sql, params) => captured.push({ sql, params }) } })
  // Wired as src/server.ts wires the production app, with a silent logger.
  const logger = createLogger({ logLevel: 'silent' })
  const app = createApp({
    db,
    settings: testSettings({ databasePath: file }),
    logger,
    clock: systemClock,
    live: new LiveHub(db, logger),
  })
  const selectsOf: Statement[][] = []
  try {
    for (const group of groups) {
      captured = []
      for (const r of group.requests) {
        const headers: Record<string, string> = r.cookie ? { cookie: r.cookie } : {}
        const init = { method: r.method ?? 'GET', headers }
        const res = await app.request(r.path, init)
        if (!res.ok) throw new Error(`plan check: ${init.method} ${r.path} answered ${res.status}`)
        const body = (await res.json()) as { nextCursor?: string | null }
        // The second page too: its keyset condition must stay on the index.
        if (body.nextCursor) {
          const sep = r.path.includes('?') ? '&' : '?'
          const next = await app.request(`${r.path}${sep}cursor=${encodeURIComponent(body.nextCursor)}`, init)
          if (!next.ok) throw new Error(`plan check: page 2 of ${r.path} answered ${next.status}`)
        }
      }
      const seen = new Set<string>()
      selectsOf.push(
        captured.filter(({ sql, params }) => {
          const key = `${sql}\u0000${JSON.stringify(params)}`
          if (!/^\s*select/i.test(sql) || seen.has(key)) return false
          seen.add(key)
          return true
        }),
      )
    }
    // Timed after every request was sent: a round then takes a few seconds.
    const fastest = fastestRuns(db.$client, selectsOf.flat())
    return groups.map((group, g): PlanResult => {
      const statements = (selectsOf[g] ?? []).map((statement): PlanStatement => {
        const { sql, params } = statement
        const plan = (db.$client.prepare(`explain query plan ${sql}`).all(...params) as { detail: string }[]).map(
          (p) => p.detail,
        )
        const ms = fastest.get(statement) ?? Number.POSITIVE_INFINITY
        const problems = planProblems(sql, plan, searchMatches(db.$client, sql, params))
        if (ms > SLOW_STATEMENT_MS) problems.push(`takes ${ms.toFixed(1)} ms at this scale: ${plan.join(' | ')}`)
        return { sql, plan, ms, problems }
      })
      return {
        label: group.label,
        statements: statements.length,
        problems: statements.flatMap((s) => s.problems.map((p) => `${p}   ← ${s.sql.slice(0, 160)}`)),
        slowest: statements.reduce<PlanStatement | null>((a, b) => (a && a.ms >= b.ms ? a : b), null),
        tempSorts: statements.filter((s) => s.plan.some((d) => d.startsWith('USE TEMP B-TREE FOR ORDER BY'))).length,
      }
    })
  } finally {
    db.$client.close()
  }
}
