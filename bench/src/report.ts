import { execFileSync } from 'node:child_process'
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { repoRoot, resultsDir } from './paths'

export type Row = {
  /** Stable key, so history lines can be compared run by run. */
  id: string
  label: string
  /** What was measured, for people: value, and latencies where they apply. */
  measured: string
  budget: string
  /** null: printed for information, no budget. */
  pass: boolean | null
  value: number | null
  unit: string
  details?: Record<string, unknown>
}

export function gitInfo(): { commit: string | null; dirty: boolean | null } {
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim()
    const status = execFileSync('git', ['status', '--porcelain'], { cwd: repoRoot, encoding: 'utf8' })
    return { commit, dirty: status.trim().length > 0 }
  } catch {
    return { commit: null, dirty: null }
  }
}

export function machineInfo() {
  const cpus = os.cpus()
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 1e9),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
  }
}

/** The table: row, measured, budget, PASS/FAIL. */
export function formatTable(rows: Row[]): string {
  const header = ['row', 'measured', 'budget', 'result']
  const cells = rows.map((r) => [r.label, r.measured, r.budget, r.pass === null ? 'info' : r.pass ? 'PASS' : 'FAIL'])
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)))
  const line = (c: string[]) => `| ${c.map((v, i) => v.padEnd(widths[i] ?? 0)).join(' | ')} |`
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`
  return [line(header), rule, ...cells.map(line)].join('\n')
}

export type Report = {
  benchmark: 'meedenken'
  /** The database engine the servers ran on (`pnpm bench --engine …`). */
  engine: 'sqlite' | 'postgres'
  quick: boolean
  startedAt: string
  wallSeconds: number
  passed: boolean
  git: ReturnType<typeof gitInfo>
  machine: ReturnType<typeof machineInfo>
  dataset: Record<string, unknown>
  /** Seconds each part of the run took. */
  phaseSeconds: Record<string, number>
  /** `--only`: the server rows this run measured (null: all); such a run is not a run of the budgets. */
  only: string[] | null
  rows: Row[]
}

/**
 * latest.json (latest-quick.json; on PostgreSQL latest-postgres.json, latest-postgres-quick.json)
 * gets the whole report; history.jsonl one line per run.
 */
export function writeReport(report: Report): { latest: string; history: string } {
  mkdirSync(resultsDir, { recursive: true })
  const name = `latest${report.engine === 'postgres' ? '-postgres' : ''}${report.quick ? '-quick' : ''}${report.only ? '-only' : ''}.json`
  const latest = path.join(resultsDir, name)
  writeFileSync(latest, `${JSON.stringify(report, null, 2)}\n`)
  const history = path.join(resultsDir, 'history.jsonl')
  const line = {
    timestamp: report.startedAt,
    engine: report.engine,
    quick: report.quick,
    only: report.only,
    passed: report.passed,
    commit: report.git.commit,
    dirty: report.git.dirty,
    machine: report.machine,
    wallSeconds: report.wallSeconds,
    phaseSeconds: report.phaseSeconds,
    rows: Object.fromEntries(report.rows.map((r) => [r.id, { value: r.value, unit: r.unit, pass: r.pass }])),
  }
  appendFileSync(history, `${JSON.stringify(line)}\n`)
  return { latest, history }
}
