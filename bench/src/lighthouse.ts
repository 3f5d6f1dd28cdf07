import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { benchDir } from './paths'

/**
 * Lighthouse 12.2.3, pinned: the last version whose lock `npm ci` accepts on Node 20
 * (12.3-13.4 are refused, 13 needs Node 22). Its command line with its defaults is the
 * mobile preset: a Moto G Power screen, simulated slow 4G and a 4× slower CPU.
 */
const CLI = path.join(benchDir, 'node_modules', 'lighthouse', 'cli', 'index.js')

/** The flags every Chromium of this bench gets (web.ts), and Lighthouse's headless mode. */
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const
export type Category = (typeof CATEGORIES)[number]

/** BENCHMARKS.md: performance ≥ 95, accessibility 100, best practices 100, SEO 100. */
export const LIGHTHOUSE_BUDGET: Record<Category, number> = {
  performance: 95,
  accessibility: 100,
  'best-practices': 100,
  seo: 100,
}

const METRICS = {
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  tbt: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  si: 'speed-index',
} as const

/** An audit that costs points: its id, its score (0-1) and what Lighthouse says about it. */
export type CostlyAudit = { id: string; category: Category | 'opportunity'; score: number | null; value: string }

export type LighthouseRun = {
  scores: Record<Category, number>
  /** Milliseconds (CLS: unitless), as Lighthouse computed them under its simulated throttling. */
  metrics: Record<keyof typeof METRICS, number>
  lcpElement: string
  /** Audits that lose points in a category, and performance opportunities with savings. */
  costs: CostlyAudit[]
  warnings: string[]
  /**
   * Audits Lighthouse could not compute. With 12.2.3 and Debian's Chromium 156, six
   * diagnostics (the LCP element, layout shifts, render-blocking resources…) fail on a trace
   * field the newer browser no longer writes; none of them carries weight in a score.
   */
  errored: string[]
  /** Where the whole JSON report of this run is. */
  report: string
}

type Audit = {
  id: string
  title: string
  score: number | null
  scoreDisplayMode: string
  errorMessage?: string
  displayValue?: string
  numericValue?: number
  metricSavings?: Record<string, number>
  details?: { type?: string; items?: unknown[]; overallSavingsBytes?: number; overallSavingsMs?: number }
}
type Report = {
  runtimeError?: { code: string; message: string }
  runWarnings: string[]
  categories: Record<Category, { score: number | null; auditRefs: { id: string; weight: number }[] }>
  audits: Record<string, Audit>
}

/**
 * One Lighthouse run of `url` in a Chromium of its own (`CHROME_PATH`, the same Debian
 * Chromium as the other web rows), the report written to `reportFile`.
 */
export async function runLighthouse(url: string, reportFile: string): Promise<LighthouseRun> {
  mkdirSync(path.dirname(reportFile), { recursive: true })
  rmSync(reportFile, { force: true })
  const args = [
    CLI,
    url,
    '--output=json',
    `--output-path=${reportFile}`,
    `--only-categories=${CATEGORIES.join(',')}`,
    `--chrome-flags=${CHROME_FLAGS.join(' ')}`,
    '--quiet',
  ]
  const output: string[] = []
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const keep = (chunk: Buffer) => output.push(chunk.toString())
    child.stdout?.on('data', keep)
    child.stderr?.on('data', keep)
    // Lighthouse gives up on a page after 45 s itself; this only catches a hung browser.
    const timer = setTimeout(() => child.kill('SIGKILL'), 180_000)
    child.once('exit', (exitCode) => {
      clearTimeout(timer)
      resolve(exitCode)
    })
    child.once('error', () => resolve(-1))
  })
  if (code !== 0 || !existsSync(reportFile))
    throw new Error(`lighthouse ${url} exited ${code}:\n${output.join('').slice(-2000)}`)
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as Report
  if (report.runtimeError)
    throw new Error(`lighthouse ${url}: ${report.runtimeError.code} ${report.runtimeError.message}`)
  return { ...summarise(report), report: reportFile }
}

function summarise(report: Report): Omit<LighthouseRun, 'report'> {
  const scores = Object.fromEntries(
    CATEGORIES.map((c) => [c, Math.round((report.categories[c]?.score ?? 0) * 100)]),
  ) as Record<Category, number>
  const metrics = Object.fromEntries(
    Object.entries(METRICS).map(([key, id]) => [key, report.audits[id]?.numericValue ?? 0]),
  ) as Record<keyof typeof METRICS, number>
  const costs: CostlyAudit[] = []
  const value = (a: Audit) => a.displayValue ?? a.title
  for (const category of CATEGORIES) {
    for (const ref of report.categories[category]?.auditRefs ?? []) {
      const audit = report.audits[ref.id]
      if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 1) continue
      costs.push({ id: audit.id, category, score: audit.score, value: value(audit) })
    }
  }
  // Opportunities and diagnostics that would make the metrics better (no weight of their own).
  for (const audit of Object.values(report.audits)) {
    if (costs.some((c) => c.id === audit.id)) continue
    const savings = Object.values(audit.metricSavings ?? {}).some((s) => s > 0)
    const bytes = (audit.details?.overallSavingsBytes ?? 0) > 0
    if ((savings || bytes) && audit.score !== null && audit.score < 1)
      costs.push({ id: audit.id, category: 'opportunity', score: audit.score, value: value(audit) })
  }
  const lcpItems = report.audits['largest-contentful-paint-element']?.details?.items as
    | { items?: { node?: { selector?: string; snippet?: string } }[] }[]
    | undefined
  const node = lcpItems?.[0]?.items?.[0]?.node
  return {
    scores,
    metrics,
    lcpElement: node?.selector ?? node?.snippet ?? '',
    costs,
    warnings: report.runWarnings,
    errored: Object.values(report.audits)
      .filter((a) => a.scoreDisplayMode === 'error')
      .map((a) => `${a.id}: ${(a.errorMessage ?? '').slice(0, 120)}`),
  }
}

/** Median of each category's score over the runs (and of each metric), with the run nearest the median performance. */
export function medianRun(runs: LighthouseRun[]): {
  scores: Record<Category, number>
  metrics: Record<keyof typeof METRICS, number>
  typical: LighthouseRun
} {
  const mid = <T>(xs: T[], key: (x: T) => number) => {
    const sorted = [...xs].sort((a, b) => key(a) - key(b))
    return sorted[Math.floor((sorted.length - 1) / 2)] as T
  }
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, mid(runs, (r) => r.scores[c]).scores[c]])) as Record<
    Category,
    number
  >
  const metrics = Object.fromEntries(
    (Object.keys(METRICS) as (keyof typeof METRICS)[]).map((m) => [m, mid(runs, (r) => r.metrics[m]).metrics[m]]),
  ) as Record<keyof typeof METRICS, number>
  return { scores, metrics, typical: mid(runs, (r) => r.scores.performance) }
}
