import { spawn } from 'node:child_process'
import { closeSync, copyFileSync, existsSync, openSync, readdirSync, readFileSync, readSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openDatabase } from '../../apps/api/src/db/open'
import { COMMON_MATCHES } from '../../apps/api/src/features/ideas/ideas.data'
import { sha256 } from '../../apps/api/src/security/tokens'
import { IDEA_SORTS } from '../../packages/shared/src/constants'
import { COMMON_TERMS, STREETS } from './content'
import { cpuSnapshot, loadAverage, othersCores, waitForQuiet } from './cpu'
import { consistencyProblems, type Dataset, ensureDataset, SCALES, type Scale, tableCounts } from './dataset'
import { type Burst, burst, interleaved, median, type Summary, summarize, type Target } from './interleave'
import { CATEGORIES, LIGHTHOUSE_BUDGET, type LighthouseRun, medianRun, runLighthouse } from './lighthouse'
import type { Request } from './load'
import { dataDir, repoRoot, webDist } from './paths'
import { addPhotos } from './photos'
import { checkPlans, type PlanGroup, type PlanResult, SLOW_STATEMENT_MS } from './plans'
import { checkPlansInPostgres, type PgPlanStatement } from './plans-pg'
import {
  type BenchPostgres,
  ensurePostgresDataset,
  type PostgresDataset,
  pgConsistencyProblems,
  pgPool,
  pgTableCounts,
  removeStalePostgres,
} from './postgres'
import { mulberry32 } from './prng'
import { progressBar } from './progress'
import { formatTable, gitInfo, machineInfo, type Row, writeReport } from './report'
import { freePort, type MemorySampler, type RunningServer, sampleMemory, startFloor, startServer } from './server'
import {
  CARD,
  CHROMIUM_PATH,
  FLOOR_SHOWN,
  type LcpSample,
  launchBrowser,
  measureAssets,
  measureLcp,
  measureLongTasks,
  type PageAssets,
  serveFloorPage,
} from './web'

const argv = process.argv.slice(2).filter((a) => a !== '--')
/** Takes `--name value` or `--name=value` out of argv: its value, '' when it has none, null when absent. */
function takeOption(name: string): string | null {
  const at = argv.findIndex((a) => a === name || a.startsWith(`${name}=`))
  if (at < 0) return null
  const given = argv[at] ?? ''
  const value = given.includes('=') ? given.slice(name.length + 1) : (argv[at + 1] ?? '')
  argv.splice(at, given.includes('=') ? 1 : 2)
  return value
}
/** `--engine postgres` or `--engine=postgres`; SQLite when absent. */
const engineArg = takeOption('--engine') ?? 'sqlite'
/** `--only votes,idea`: just these server rows (their ids), for work on one of them; not a run of the budgets. */
const onlyArg = takeOption('--only')
const ONLY = onlyArg === null ? null : new Set(onlyArg.split(',').filter(Boolean))
const args = new Set(argv)
const QUICK = args.has('--quick')
const SKIP_WEB = args.has('--no-web') || ONLY !== null
// Said at the start, not after ten minutes of server rows.
if (!SKIP_WEB && !existsSync(CHROMIUM_PATH)) {
  process.stderr.write(
    `The browser rows need Chromium at ${CHROMIUM_PATH} (npm test installs it; or set CHROMIUM_PATH), or run with --no-web.\n`,
  )
  process.exit(2)
}
const KNOWN = new Set(['--quick', '--rebuild', '--no-web', '--lighthouse', '--help'])
const unknown = [...args].filter((a) => !KNOWN.has(a))
if (engineArg !== 'sqlite' && engineArg !== 'postgres') unknown.push(`--engine ${engineArg}`)
if (args.has('--help') || unknown.length > 0) {
  process.stderr.write(
    `${unknown.length ? `unknown option ${unknown.join(' ')}\n` : ''}usage: pnpm bench [--engine sqlite|postgres] [--quick] [--rebuild] [--no-web] [--lighthouse] [--only row,row]\n`,
  )
  process.exit(unknown.length ? 2 : 0)
}
const ENGINE: 'sqlite' | 'postgres' = engineArg === 'postgres' ? 'postgres' : 'sqlite'
const PG = ENGINE === 'postgres'
const ENGINE_NAME = PG ? 'PostgreSQL' : 'SQLite'
/**
 * Lighthouse runs on SQLite, and on PostgreSQL only when asked: its scores are simulated for a
 * phone on slow 4G from the page's HTML, scripts and styles, which are the same on both engines,
 * and the few milliseconds of server time in which the engines differ do not register in them.
 * The browser rows (LCP, long tasks, JavaScript and CSS) load real pages from the server, so
 * they run on both.
 */
const LIGHTHOUSE = !PG || args.has('--lighthouse')

/**
 * Each server row: a warm-up, then `rounds` × [a burst of the floor, a burst of the row on
 * each data set]. Medians of the bursts (bench/README.md). In --quick the floor's bursts are
 * half a second: at 20,000 requests a second that is plenty, and it keeps the run under 2
 * minutes on a busy host.
 */
const SETTINGS = QUICK
  ? {
      rounds: 3,
      burst: 1,
      floorBurst: 0.5,
      warmup: 0.25,
      floorWarmup: 1,
      quietWait: 0,
      lcpRounds: 1,
      scrollRows: 100,
      lighthouseRuns: 1,
    }
  : {
      rounds: 3,
      burst: 3,
      floorBurst: 3,
      warmup: 2,
      floorWarmup: 3,
      quietWait: 20,
      lcpRounds: 5,
      scrollRows: 1000,
      lighthouseRuns: 3,
    }
const CONNECTIONS = 10
const MEMBERS_VOTING = 50
const SORTS = IDEA_SORTS.filter((s) => s !== 'relevance')
/** BENCHMARKS.md: per-request server CPU at 100k ideas ÷ at 10k. */
const GROWTH_BUDGET = 1.3

const progress = progressBar()
const log = (line: string) => progress.log(line)
const started = performance.now()
const startedAt = new Date().toISOString()
const loadAtStart = loadAverage()

const pct = (x: number) => `${(x * 100).toFixed(1)} %`
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`
const num = (x: number) => Math.round(x).toLocaleString('en')
const µs = (milliseconds: number) => `${(milliseconds * 1000).toFixed(0)} µs`
const seconds = (milliseconds: number) => `${(milliseconds / 1000).toFixed(2)} s`
const loadText = (l: readonly number[]) => l.map((x) => x.toFixed(2)).join(' ')
const tagOf = (scale: Scale) => `${scale.ideas / 1000}k`

/** How long each part of the run took, for the JSON (and for keeping --quick under 2 minutes). */
const phaseSeconds: Record<string, number> = {}
let phaseStart = performance.now()
const endPhase = (name: string) => {
  const now = performance.now()
  phaseSeconds[name] = Math.round((now - phaseStart) / 100) / 10
  phaseStart = now
}

// 1. Build the web app and the bundled server from the current source (a stale build would
// measure yesterday's code), in the background while the data sets are checked or built.
// Its output goes to a file, shown only when it fails.
log('  building the web app and the server (pnpm build)')
const buildLog = path.join(os.tmpdir(), `meedenken-bench-build-${process.pid}.log`)
const buildFd = openSync(buildLog, 'w')
const build = new Promise<number | null>((resolve) => {
  const child = spawn('pnpm', ['build'], { cwd: repoRoot, stdio: ['ignore', buildFd, buildFd] })
  child.once('exit', (code) => resolve(code))
  child.once('error', () => resolve(-1))
})

// 2. The data sets: reused when generator, scale and migrations are unchanged. A full run
// measures every server row on 100,000 and on 10,000 ideas (the growth rows compare them).
const scales: Scale[] = QUICK ? [SCALES.quick] : [SCALES.full, SCALES.quick]
log(
  `Meedenken benchmark (${QUICK ? 'quick' : 'full'}): data sets of ${scales.map((s) => num(s.ideas)).join(' and ')} ideas; load ${loadText(loadAtStart)}`,
)
const datasets: Dataset[] = []
for (const scale of scales) {
  const dataset = await ensureDataset(scale, progress, { rebuild: args.has('--rebuild') })
  progress.done()
  log(
    dataset.built
      ? `  built ${dataset.file} in ${dataset.buildSeconds?.toFixed(1)} s`
      : `  reused ${dataset.file} (same generator, scale and migrations)`,
  )
  datasets.push(dataset)
}

// 3. Working copies, so the pristine data sets are never changed by a run (votes, sessions).
/** Copies a run left behind when it was killed: named after its process, which is gone. */
function removeStaleCopies(): void {
  if (!existsSync(dataDir)) return
  for (const file of readdirSync(dataDir)) {
    const m = /^run-\w+(?:-(\d+))?\.db(?:-wal|-shm)?$/.exec(file)
    if (!m) continue
    const pid = Number(m[1] ?? 0)
    if (pid > 0 && pid !== process.pid && processAlive(pid)) continue
    rmSync(path.join(dataDir, file), { force: true })
  }
  removeStalePostgres((pid) => pid === process.pid || processAlive(pid))
}
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}
removeStaleCopies()

const rng = mulberry32(0x62656e63)
const FRESH = { votesBefore: 0, votesSent: 0, server: null, memory: null, idleRss: 0 }
const pick = <T>(items: readonly T[]): T => rng.pick(items)

type Sample = {
  cookies: string[]
  staffCookie: string
  visibleIds: number[]
  votePairs: { cookie: string; ideaId: number }[]
  themeIds: number[]
  districtIds: number[]
  /** `status|theme|district` combinations with more than one page (20) of visible ideas. */
  fullFilters: string[]
}

/** One data set in this run: its working copy, the ids to ask for, its server. */
type Run = {
  scale: Scale
  tag: string
  dataset: Dataset
  /** The SQLite working copy the server runs on (null on PostgreSQL). */
  workFile: string | null
  /** The PostgreSQL server holding the data set's working copy (null on SQLite). */
  pg: PostgresDataset | null
  sample: Sample
  votesBefore: number
  /** Vote requests handed to the load generator: beyond the pairs, votes would repeat. */
  votesSent: number
  server: RunningServer | null
  memory: MemorySampler | null
  idleRss: number
}

/** A row of `sessions`: token hash, user, created, last seen, expires. */
type SessionRow = [string, number, number, number, number]
const INSERT_SESSION = 'insert into sessions (token_hash, user_id, created_at, last_seen_at, expires_at)'

/**
 * Member sessions with known tokens (the table keeps only their hash), and ids to ask for,
 * read from `file`. The sessions are written into it when it is a working copy (SQLite);
 * for PostgreSQL `file` is the data set itself, only read, and the caller writes the
 * sessions into PostgreSQL's working copy (the same rows, ids kept by the copy).
 */
function prepareSample(file: string, writeSessions: boolean): { sample: Sample; sessions: SessionRow[] } {
  const db = openDatabase(file, { migrate: false })
  const client = db.$client
  const now = Date.now()
  const sessions: SessionRow[] = []
  const members = client
    .prepare(
      `select id from users where role = 'member' and deleted_at is null and blocked_at is null order by id limit ? offset 100`,
    )
    .all(MEMBERS_VOTING) as { id: number }[]
  const cookies = members.map((m) => {
    const token = sha256(`bench-session-${m.id}`)
    sessions.push([sha256(token), m.id, now, now, now + 30 * 86_400_000])
    return `meedenken_session=${token}`
  })
  const staff = client.prepare(`select id from users where role = 'staff' order by id limit 1`).get() as { id: number }
  const staffToken = sha256(`bench-session-staff-${staff.id}`)
  sessions.push([sha256(staffToken), staff.id, now, now, now + 3_600_000])
  if (writeSessions) {
    const insertSession = client.prepare(`${INSERT_SESSION} values (?, ?, ?, ?, ?)`)
    for (const row of sessions) insertSession.run(...row)
  }
  const ids = (query: string) => (client.prepare(query).all() as { id: number }[]).map((r) => r.id)
  const visibleIds = ids('select id from ideas where hidden = 0')
  const openIds = ids(
    `select id from ideas where hidden = 0 and status in ('new', 'under_review', 'planned', 'in_progress')`,
  )
  const voted = client.prepare('select 1 from votes where idea_id = ? and user_id = ?')
  const pairs: { cookie: string; ideaId: number }[] = []
  const seen = new Set<string>()
  // More than a run's votes ever need (a full run on a calm host: 8,000 a second for 11 s):
  // each request must be a new (member, idea) pair. The 10k set has about 340,000.
  const wanted = QUICK ? 60_000 : 150_000
  while (pairs.length < wanted) {
    const m = rng.int(0, members.length - 1)
    const ideaId = pick(openIds)
    const key = `${m}:${ideaId}`
    if (seen.has(key) || voted.get(ideaId, members[m]?.id)) continue
    seen.add(key)
    pairs.push({ cookie: cookies[m] ?? '', ideaId })
  }
  const sample: Sample = {
    cookies,
    staffCookie: `meedenken_session=${staffToken}`,
    visibleIds,
    votePairs: pairs,
    themeIds: ids('select id from themes'),
    districtIds: ids('select id from districts'),
    fullFilters: (
      client
        .prepare(
          `select status, theme_id as theme, district_id as district from ideas
           where hidden = 0 and status != 'merged' and theme_id is not null and district_id is not null
           group by status, theme_id, district_id having count(*) > 20`,
        )
        .all() as { status: string; theme: number; district: number }[]
    ).map((f) => `${f.status}|${f.theme}|${f.district}`),
  }
  client.close()
  return { sample, sessions }
}

endPhase('data sets')
// PostgreSQL servers are stopped however the run ends (an exception, Ctrl-C).
const pgServers: BenchPostgres[] = []
let pgStopped = false
const stopPostgres = () => {
  if (pgStopped) return
  pgStopped = true
  for (const server of pgServers) server.stop()
}
process.once('exit', stopPostgres)
process.once('SIGINT', () => process.exit(130))
process.once('SIGTERM', () => process.exit(143))

const runs: Run[] = []
let pgPort = 3380
for (const [i, scale] of scales.entries()) {
  const dataset = datasets[i] as Dataset
  if (!PG) {
    const workFile = path.join(dataDir, `run-${scale.name}-${process.pid}.db`)
    copyFileSync(dataset.file, workFile)
    const { sample } = prepareSample(workFile, true)
    runs.push({ scale, tag: tagOf(scale), dataset, workFile, pg: null, sample, ...FRESH })
    continue
  }
  // PostgreSQL: the kept, loaded server copied and started (or loaded now), then the sessions.
  pgPort = await freePort(pgPort)
  progress.phase(`PostgreSQL: ${num(scale.ideas)} ideas`, 1)
  const pg = await ensurePostgresDataset({
    name: scale.name,
    sqliteFile: dataset.file,
    port: pgPort,
    rebuild: args.has('--rebuild'),
    log,
  })
  pgServers.push(pg.server)
  progress.done()
  pgPort++
  log(
    pg.load
      ? `  copied ${path.relative(repoRoot, dataset.file)} into PostgreSQL (pnpm admin migrate-to-postgres) in ${pg.load.copySeconds.toFixed(1)} s, VACUUM ANALYZE ${pg.load.vacuumSeconds.toFixed(1)} s; ${num(pg.bytes / 1e6)} MB; kept in bench/data/pg-${scale.name}`
      : `  reused the PostgreSQL copy in bench/data/pg-${scale.name} (${num(pg.bytes / 1e6)} MB), on port ${pgPort - 1}`,
  )
  const { sample, sessions } = prepareSample(dataset.file, false)
  const pool = pgPool(pg.server.url, 1)
  try {
    for (const row of sessions) await pool.query(`${INSERT_SESSION} values ($1, $2, $3, $4, $5)`, row)
  } finally {
    await pool.end()
  }
  runs.push({ scale, tag: tagOf(scale), dataset, workFile: null, pg, sample, ...FRESH })
}
const big = runs[0] as Run
/**
 * Filters that fill a page of 20 in every data set of the run: on 10,000 ideas most
 * status+theme+district combinations match fewer than 20, and a shorter answer would make
 * the small data set look cheaper per request than the same work is.
 */
const filterCombos = (runs[runs.length - 1] as Run).sample.fullFilters
  .filter((key) => runs.every((run) => run.sample.fullFilters.includes(key)))
  .map((key) => {
    const [status = 'new', theme = '1', district = '1'] = key.split('|')
    return { status, theme: Number(theme), district: Number(district) }
  })
if (filterCombos.length === 0) throw new Error('no status+theme+district combination fills a page in every data set')
endPhase(PG ? 'PostgreSQL data sets and working copies' : 'working copies')
const buildStatus = await build
closeSync(buildFd)
if (buildStatus !== 0 || !existsSync(path.join(webDist, 'index.html'))) {
  process.stderr.write(readFileSync(buildLog, 'utf8'))
  throw new Error('the build failed (pnpm build)')
}
rmSync(buildLog, { force: true })
endPhase('build (beyond the data sets)')

const planRows: Row[] = []
const serverRows: Row[][] = runs.map(() => [])
const growthRows: Row[] = []
const webRows: Row[] = []
const machineRows: Row[] = []

// 4. Query plans at benchmark scale (the biggest data set), through the real app, before the servers start.
progress.phase(`query plans (${big.tag})`, 1)
// One (member, idea) pair is kept apart for the plan check's vote, so the load never repeats it.
const firstCookie = big.sample.cookies[0] ?? ''
const planVote = big.sample.votePairs.pop() ?? { cookie: firstCookie, ideaId: 1 }
const openIdea = planVote.ideaId
const planGroups: PlanGroup[] = [
  { label: 'list, each sort', requests: SORTS.map((s) => ({ path: `/api/ideas?sort=${s}` })) },
  {
    label: 'list, filters',
    requests: [
      ...SORTS.map((s) => ({ path: `/api/ideas?sort=${s}&status=planned&theme=2&district=1` })),
      { path: '/api/ideas?status=new' },
      { path: '/api/ideas?theme=3' },
      { path: '/api/ideas?district=5&sort=new' },
      { path: '/api/ideas?targetGroup=entrepreneur&sort=top' },
      // A group with a status, and a group few ideas have: no sort index finds them quickly.
      { path: '/api/ideas?targetGroup=organisation&status=done' },
      { path: '/api/ideas?targetGroup=entrepreneur&theme=4&sort=new' },
      { path: '/api/ideas/count?targetGroup=organisation' },
      { path: '/api/ideas/count?targetGroup=entrepreneur&status=done' },
      { path: '/api/ideas?status=done&theme=1&district=2&sort=updated' },
      // "Populair nu" within a decided status: those ideas sit at the end of the trending order.
      { path: '/api/ideas?status=done' },
      { path: '/api/ideas?status=declined' },
    ],
  },
  {
    label: 'search, common and rare terms',
    requests: [...IDEA_SORTS, undefined].flatMap((s) =>
      ['gemeente', 'kerkstraat', 'fiets school'].map((q) => ({
        path: `/api/ideas?q=${encodeURIComponent(q)}${s ? `&sort=${s}` : ''}`,
      })),
    ),
  },
  {
    label: 'idea, comments, similar',
    requests: [
      { path: `/api/ideas/${openIdea}`, cookie: firstCookie },
      { path: `/api/ideas/${openIdea}/comments` },
      { path: '/api/ideas/similar?title=Meer%20fietsenrekken%20bij%20het%20station' },
    ],
  },
  { label: 'vote', requests: [{ method: 'PUT', path: `/api/ideas/${openIdea}/vote`, cookie: planVote.cookie }] },
  {
    label: 'scorecard, roadmap, staff inbox',
    requests: [
      { path: '/api/stats/scorecard' },
      { path: '/api/stats/scorecard?theme=2' },
      { path: '/api/roadmap' },
      { path: '/api/roadmap?theme=2' },
      { path: '/api/you-said-we-did' },
      ...['needs_answer', 'overdue', 'mine', 'department', 'stale', 'reported'].map((tab) => ({
        path: `/api/staff/inbox?tab=${tab}`,
        cookie: big.sample.staffCookie,
      })),
      { path: '/api/staff/dashboard', cookie: big.sample.staffCookie },
    ],
  },
]
const plans: PlanResult[] = big.pg
  ? await checkPlansInPostgres(big.pg.server.url, planGroups)
  : await checkPlans(big.workFile ?? '', planGroups)
progress.done()
/** Each hot path with how PostgreSQL runs its statements, printed before the table. */
const planListing: string[] = []
for (const p of plans) {
  if ('statementsDetail' in p) {
    planListing.push(`${p.label}:`)
    for (const s of p.statementsDetail as PgPlanStatement[]) {
      const where = s.requests.length > 1 ? `${s.requests[0]} (+${s.requests.length - 1} more)` : s.requests[0]
      planListing.push(
        `  ${where}\n    ${ms(s.ms).padStart(8)}  ${s.summary}${s.problems.length ? `  ← ${s.problems.join('; ')}` : ''}`,
      )
    }
  }
  planRows.push({
    id: `plan:${p.label}`,
    label: `query plans (${big.tag}): ${p.label}`,
    measured: `${p.statements} statements, ${p.problems.length} problems; slowest ${ms(p.slowest?.ms ?? 0)}`,
    budget: PG
      ? `EXPLAIN (FORMAT JSON): no Seq Scan of a big table, no sort of more than ${num(COMMON_MATCHES)} of their rows, ≤ ${SLOW_STATEMENT_MS} ms each`
      : `no SCAN, no sort of all rows or matches, ≤ ${SLOW_STATEMENT_MS} ms each`,
    pass: p.problems.length === 0,
    value: p.problems.length,
    unit: 'problems',
    details: {
      problems: p.problems,
      tempSorts: p.tempSorts,
      slowest: p.slowest ? { ms: p.slowest.ms, sql: p.slowest.sql, plan: p.slowest.plan } : null,
      ...('statementsDetail' in p
        ? {
            statements: (p.statementsDetail as PgPlanStatement[]).map(
              ({ requests, summary, ms: m, problems, sql }) => ({
                requests,
                summary,
                ms: m,
                problems,
                sql,
              }),
            ),
          }
        : {}),
    },
  })
  for (const problem of p.problems.slice(0, 3)) log(`  plan problem (${p.label}): ${problem.slice(0, 240)}`)
  if (p.problems.length > 3) log(`  … and ${p.problems.length - 3} more (see the JSON)`)
}
endPhase('query plans')
for (const run of runs) {
  if (run.pg) {
    const pool = pgPool(run.pg.server.url, 1)
    run.votesBefore = (await pgTableCounts(pool)).votes ?? 0
    await pool.end()
    continue
  }
  const db = openDatabase(run.workFile ?? '', { migrate: false })
  run.votesBefore = tableCounts(db.$client).votes ?? 0
  db.$client.close()
}

// 5. The floor and the production servers (one per data set), their memory sampled throughout.
if (SETTINGS.quietWait > 0) {
  progress.phase('waiting for other processes to calm down', 1)
  const othersAtStart = await waitForQuiet(SETTINGS.quietWait, 0.3)
  progress.done()
  if (othersAtStart >= 0.3)
    log(`  note: other processes keep ${othersAtStart.toFixed(1)} cores busy; results will be noisy`)
}
const floorPort = await freePort(QUICK ? 3310 : 3300)
const floor = await startFloor({ port: floorPort })
log(`  the floor (bare Hono) on port ${floorPort}`)
const servers: RunningServer[] = []
// Ours, not "other processes": the floor, our servers and their PostgreSQL servers.
const pgPids = pgServers.map((p) => p.pid)
let ours: number[] = [floor.pid, ...pgPids]
let runCpuStart = cpuSnapshot(ours)

/**
 * Reads a working copy (and its WAL) once, so its pages are in memory when a row starts:
 * the host pages out file pages left alone for about a minute (bench/README.md), and a row
 * would otherwise measure the virtual disk, more on the bigger data set.
 */
function readThrough(file: string): void {
  const buffer = Buffer.alloc(4 << 20)
  for (const name of [file, `${file}-wal`]) {
    if (!existsSync(name)) continue
    const fd = openSync(name, 'r')
    try {
      while (readSync(fd, buffer, 0, buffer.length, null) > 0) {
        // only reading
      }
    } finally {
      closeSync(fd)
    }
  }
}

function vmRss(pid: number): number {
  const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return m ? Number(m[1]) * 1024 : 0
}

/**
 * Waits until the server answers at once again: after a row of slow requests it may still
 * be working through what autocannon left queued, which would spoil the next burst.
 */
async function drain(url: string): Promise<void> {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    const t = performance.now()
    await fetch(`${url}/api/health`)
    if (performance.now() - t < 50) return
    await new Promise((r) => setTimeout(r, 200))
  }
}

/** Cursors of the first pages of a list, so list requests spread over pages 1-20 (1-5 in --quick). */
async function cursorsFor(url: string, query: string, pages: number): Promise<string[]> {
  const cursors: string[] = []
  let cursor: string | null = null
  for (let i = 0; i < pages; i++) {
    const res = await fetch(
      `${url}/api/ideas?${query}&limit=20${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    )
    const body = (await res.json()) as { nextCursor: string | null }
    if (!body.nextCursor) break
    cursor = body.nextCursor
    cursors.push(cursor)
  }
  return cursors
}

type Next = (context: Record<string, unknown>) => Request
type Group = 'lists' | 'filters' | 'search' | 'idea' | 'votes'
type Spec = {
  id: string
  label: string
  connections: number
  minShare: number
  maxP99?: number
  group?: Group
  votes?: boolean
  sequence: (run: Run, url: string) => Promise<Next[]>
}

const listPath =
  (query: string, cursors: string[]): Next =>
  () => {
    // Half first pages (what most visitors see), half deeper pages: a spread, not one hot query.
    const cursor = cursors.length > 0 && rng.chance(0.5) ? pick(cursors) : null
    return { path: `/api/ideas?${query}&limit=20${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}` }
  }

const specs: Spec[] = [
  {
    id: 'health',
    label: 'GET /api/health (our middleware)',
    connections: CONNECTIONS,
    minShare: 0.5,
    sequence: async () => [() => ({ path: '/api/health' })],
  },
  ...SORTS.map(
    (sort): Spec => ({
      id: `list:${sort}`,
      label: `GET /api/ideas sort=${sort}, 20 items`,
      connections: CONNECTIONS,
      minShare: PG ? 0.1 : 0.2,
      maxP99: PG ? 25 : 15,
      group: 'lists',
      sequence: async (_run, url) => [listPath(`sort=${sort}`, await cursorsFor(url, `sort=${sort}`, QUICK ? 5 : 20))],
    }),
  ),
  {
    id: 'list:filters',
    label: `GET /api/ideas status+theme+district, 20 items (${filterCombos.length} combinations)`,
    connections: CONNECTIONS,
    minShare: PG ? 0.08 : 0.15,
    maxP99: PG ? 30 : 20,
    group: 'filters',
    sequence: async () => [
      () => {
        const f = pick(filterCombos)
        return {
          path: `/api/ideas?status=${f.status}&theme=${f.theme}&district=${f.district}&sort=${pick(SORTS)}&limit=20`,
        }
      },
    ],
  },
  {
    id: 'search:common',
    label: `GET /api/ideas?q= common term (${COMMON_TERMS.length} terms)`,
    connections: CONNECTIONS,
    minShare: PG ? 0.05 : 0.1,
    maxP99: 50,
    group: 'search',
    sequence: async () => [() => ({ path: `/api/ideas?q=${encodeURIComponent(pick(COMMON_TERMS))}&limit=20` })],
  },
  {
    id: 'search:rare',
    label: `GET /api/ideas?q= rare term (${STREETS.length} street names)`,
    connections: CONNECTIONS,
    minShare: PG ? 0.05 : 0.1,
    maxP99: 50,
    group: 'search',
    sequence: async () => [
      () => ({ path: `/api/ideas?q=${encodeURIComponent(pick(STREETS).toLowerCase())}&limit=20` }),
    ],
  },
  {
    // An idea page is one request: the idea arrives with its first page of comments.
    id: 'idea',
    label: 'GET /api/ideas/:id with its first comments page',
    connections: CONNECTIONS,
    minShare: PG ? 0.1 : 0.2,
    group: 'idea',
    sequence: async (run) => [() => ({ path: `/api/ideas/${pick(run.sample.visibleIds)}` })],
  },
  {
    // 50 members at once, each request a new (member, idea) pair on an open idea.
    id: 'votes',
    label: `PUT /api/ideas/:id/vote, ${MEMBERS_VOTING} members at once`,
    connections: MEMBERS_VOTING,
    minShare: PG ? 0.03 : 0.05,
    group: 'votes',
    votes: true,
    sequence: async (run) => {
      return [
        () => {
          const pair = run.sample.votePairs[run.votesSent++ % run.sample.votePairs.length] ?? planVote
          return { method: 'PUT', path: `/api/ideas/${pair.ideaId}/vote`, headers: { cookie: pair.cookie } }
        },
      ]
    },
  },
]

const unknownRows = [...(ONLY ?? [])].filter((id) => !specs.some((s) => s.id === id))
if (unknownRows.length > 0) {
  process.stderr.write(`--only: no server row ${unknownRows.join(', ')}; rows: ${specs.map((s) => s.id).join(', ')}\n`)
  process.exit(2)
}

type Measured = {
  spec: Spec
  floor: Summary
  floorBursts: Burst[]
  runs: { summary: Summary; warmup: Burst | null; bursts: Burst[] }[]
}
const measured: Measured[] = []
const voteRows: Row[] = []

function serverRow(spec: Spec, run: Run, m: Measured, i: number): Row {
  const own = m.runs[i] as Measured['runs'][number]
  const s = own.summary
  const f = m.floor
  const rate = spec.votes ? s.okPerSecond : s.perSecond
  const share = f.perSecond > 0 ? rate / f.perSecond : 0
  const failures: string[] = []
  if (share < spec.minShare) failures.push('share')
  if (spec.maxP99 !== undefined && s.p99 > spec.maxP99) failures.push('p99')
  if (s.non2xx > 0 || s.errors > 0) failures.push(`${s.non2xx} non-2xx, ${s.errors} errors`)
  const unit = spec.votes ? ' votes/s' : '/s'
  const others = s.othersCores >= 0.25 ? `; others busy ${s.othersCores.toFixed(1)} cores` : ''
  const spread = `floor ${num(f.min)}–${num(f.max)}/s`
  const p99 = `p99 ${ms(s.p99)}${s.p99Max > s.p99Min ? ` (${ms(s.p99Min)}–${ms(s.p99Max)})` : ''}`
  const per = spec.votes ? 'vote' : 'req'
  const cpu = run.pg
    ? `CPU ${µs(s.cpuMsPerRequest + s.dbCpuMsPerRequest)}/${per} (server ${µs(s.cpuMsPerRequest)} + PostgreSQL ${µs(s.dbCpuMsPerRequest)}), floor ${µs(f.cpuMsPerRequest)}/req`
    : `CPU ${µs(s.cpuMsPerRequest)}/${per}, floor ${µs(f.cpuMsPerRequest)}/req`
  const errors = s.non2xx + s.errors > 0 ? `; ${s.non2xx} non-2xx, ${s.errors} errors` : ''
  return {
    id: `${run.tag}:${spec.id}`,
    label: `[${run.tag}] ${spec.label}`,
    measured: `${pct(share)} (${num(rate)}${unit} of ${num(f.perSecond)}/s; ${spread}); ${p99}; ${cpu}${errors}${others}`,
    budget: [
      `≥ ${(spec.minShare * 100).toFixed(0)} % of the floor${spec.votes ? ' in votes/s' : ''}`,
      spec.maxP99 !== undefined ? `p99 ≤ ${spec.maxP99} ms` : '',
      spec.votes ? 'every count exact' : '',
    ]
      .filter(Boolean)
      .join('; '),
    pass: failures.length === 0,
    value: share,
    unit: 'share of the floor',
    details: {
      perSecond: rate,
      share,
      summary: s,
      floor: f,
      bursts: own.bursts,
      warmup: own.warmup,
      floorBursts: m.floorBursts,
      failures,
    },
  }
}

let failure: unknown = null
try {
  for (const run of runs) {
    const port = await freePort(floorPort + 1)
    log(`  the server on ${num(run.scale.ideas)} ideas on port ${port}`)
    const server = await startServer(
      run.pg ? { port, databaseUrl: run.pg.server.url } : { port, databasePath: run.workFile ?? '' },
    )
    servers.push(server)
    run.server = server
    run.memory = sampleMemory(server.pid)
    run.idleRss = vmRss(server.pid)
  }
  ours = [floor.pid, ...servers.map((s) => s.pid), ...pgPids]
  runCpuStart = cpuSnapshot(ours)
  const floorTarget: Target = {
    url: floor.url,
    pid: floor.pid,
    connections: CONNECTIONS,
    sequence: [() => ({ path: '/api/health' })],
  }
  // The floor warms up once; each row warms itself up.
  await burst(floorTarget, SETTINGS.floorWarmup, ours)
  // A server on PostgreSQL starts with one connection: its pool opens the others under the
  // first load, and each new backend reads the catalog into its caches on its first
  // statements. A server in use has done that long ago, so every pool connection is opened
  // and used before the first row (not measured), rather than inside the first row's bursts.
  for (const run of runs) {
    if (!run.pg || !run.server) continue
    await burst(
      {
        url: run.server.url,
        pid: run.server.pid,
        connections: CONNECTIONS,
        sequence: [
          () => ({ path: `/api/ideas?sort=${pick(SORTS)}&limit=20` }),
          () => ({ path: `/api/ideas/${pick(run.sample.visibleIds)}` }),
        ],
      },
      SETTINGS.floorWarmup,
      ours,
    )
  }

  for (const spec of specs.filter((s) => ONLY === null || ONLY.has(s.id))) {
    for (const run of runs) {
      if (run.pg) run.pg.server.readThrough()
      else readThrough(run.workFile ?? '')
    }
    const targets: Target[] = []
    for (const run of runs) {
      const server = run.server as RunningServer
      targets.push({
        url: server.url,
        pid: server.pid,
        connections: spec.connections,
        sequence: await spec.sequence(run, server.url),
        drain: () => drain(server.url),
        ...(run.pg ? { dbCpuMs: run.pg.server.cpuMs } : {}),
      })
    }
    let done = 0
    progress.phase(spec.label, SETTINGS.rounds * (1 + runs.length))
    const result = await interleaved({
      floor: floorTarget,
      targets,
      rounds: SETTINGS.rounds,
      seconds: SETTINGS.burst,
      floorSeconds: SETTINGS.floorBurst,
      warmupSeconds: SETTINGS.warmup,
      ours,
      onBurst: () => progress.tick(++done),
    })
    progress.done()
    const m: Measured = {
      spec,
      floor: summarize(result.floor),
      floorBursts: result.floor,
      runs: result.targets.map((t) => ({ summary: summarize(t.bursts), warmup: t.warmup, bursts: t.bursts })),
    }
    measured.push(m)
    runs.forEach((run, i) => {
      const row = serverRow(spec, run, m, i)
      row.details = { ...row.details, peakRssBytes: run.memory?.mark() ?? 0 }
      serverRows[i]?.push(row)
      if (spec.votes) voteRows[i] = row
    })
  }

  endPhase('server rows')
  // Growth: the same rows on 100k and 10k ideas, measured in the same rounds, so the host's
  // speed at that moment is the same for both.
  const groups: { group: Group; label: string; info?: boolean }[] = [
    { group: 'lists', label: `lists (${SORTS.length} sorts)` },
    { group: 'filters', label: 'filters (status+theme+district)' },
    { group: 'idea', label: 'idea page with its first comments' },
    { group: 'votes', label: 'votes' },
    { group: 'search', label: 'search (common and rare terms)', info: true },
  ]
  if (runs.length >= 2) {
    const small = runs[runs.length - 1] as Run
    for (const { group, label, info } of groups) {
      const rowsOf = measured.filter((m) => m.spec.group === group)
      if (rowsOf.length === 0) continue
      // On PostgreSQL the server's CPU is the API process's and its database server's together.
      const cpuOf = (summary: Summary | undefined) =>
        (summary?.cpuMsPerRequest ?? 0) + (summary?.dbCpuMsPerRequest ?? 0)
      const cpuAt = (i: number) => rowsOf.reduce((s, m) => s + cpuOf(m.runs[i]?.summary), 0) / rowsOf.length
      const high = cpuAt(0)
      const low = cpuAt(runs.length - 1)
      const ratio = low > 0 ? high / low : 0
      growthRows.push({
        id: `growth:${group}`,
        label: `growth ${big.tag} ÷ ${small.tag}: ${label}`,
        measured: `${ratio.toFixed(2)} (${PG ? 'server + PostgreSQL' : 'server'} CPU ${µs(high)} vs ${µs(low)} per ${group === 'votes' ? 'vote' : 'request'}${rowsOf.length > 1 ? `, mean of ${rowsOf.length} rows` : ''})`,
        budget: info ? 'information (not in the growth budget)' : `≤ ${GROWTH_BUDGET}`,
        pass: info ? null : ratio > 0 && ratio <= GROWTH_BUDGET,
        value: ratio,
        unit: 'ratio',
        details: {
          rows: rowsOf.map((m) => ({
            id: m.spec.id,
            cpuMsPerRequest: runs.map((r, i) => ({
              scale: r.tag,
              ms: cpuOf(m.runs[i]?.summary),
              serverMs: m.runs[i]?.summary.cpuMsPerRequest ?? 0,
              databaseMs: m.runs[i]?.summary.dbCpuMsPerRequest ?? 0,
            })),
          })),
        },
      })
    }
  } else {
    growthRows.push({
      id: 'growth',
      label: 'growth 100k ÷ 10k (lists, filters, idea page, votes)',
      measured: 'not measured: --quick runs the 10k data set only; `pnpm bench` measures it',
      budget: `≤ ${GROWTH_BUDGET}`,
      pass: null,
      value: null,
      unit: 'ratio',
    })
  }

  // 6. The web app in Chromium at a 4× slower CPU, served by the server on the biggest data set.
  if (!SKIP_WEB) {
    const url = (big.server as RunningServer).url
    const top = (await (await fetch(`${url}/api/ideas?sort=trending&limit=1`)).json()) as { items: { id: number }[] }
    const ideaId = top.items[0]?.id ?? big.sample.visibleIds[0] ?? 1
    // Issue 22: the idea page is measured with as many photos as an idea may have.
    const photoCount = await addPhotos(url, ideaId, big.sample.staffCookie)
    const pages = [
      { id: 'list', name: 'the list', path: '/', shown: CARD, lcp: true },
      {
        id: 'idea',
        name: `an idea page with ${photoCount} photos`,
        path: `/ideeen/${ideaId}`,
        shown: 'article.idea-detail',
        lcp: true,
      },
      { id: 'scorecard', name: 'the scorecard', path: '/resultaten', shown: 'dl.glance', lcp: true },
      { id: 'roadmap', name: 'the roadmap', path: '/plannen', shown: '.roadmap', lcp: false },
    ]
    const browser = await launchBrowser()
    try {
      // After each sample of a page, one of a page with one paragraph: the same browser at
      // the same moment, so every page sample has a floor sample beside it (in --quick, with
      // one round, the floor is measured between the pages only). What is left after taking
      // its LCP off is what our page costs.
      const lcpPages = pages.filter((p) => p.lcp)
      const assetsOf = new Map<string, PageAssets>()
      const floorSamples = SETTINGS.lcpRounds * lcpPages.length - (QUICK ? 1 : 0)
      progress.phase(
        'web: largest contentful paint (and JavaScript, CSS)',
        SETTINGS.lcpRounds * lcpPages.length + floorSamples,
      )
      const floorPage = await serveFloorPage()
      const samples = new Map<string, LcpSample[]>(lcpPages.map((p) => [p.id, []]))
      const floors: LcpSample[] = []
      let done = 0
      try {
        for (let round = 0; round < SETTINGS.lcpRounds; round++) {
          for (const page of lcpPages) {
            // The last round also records the page's JavaScript and CSS (one page load fewer).
            const last = round === SETTINGS.lcpRounds - 1
            const sample = await measureLcp(browser, url, page.path, page.shown, last)
            if (sample.assets) assetsOf.set(page.id, sample.assets)
            samples.get(page.id)?.push({ ...sample, assets: undefined })
            progress.tick(++done)
            if (floors.length < floorSamples) {
              floors.push(await measureLcp(browser, floorPage.url, '/', FLOOR_SHOWN))
              progress.tick(++done)
            }
          }
        }
      } finally {
        await floorPage.close()
      }
      progress.done()
      const lcpRows: Row[] = []
      const floorLcp = median(floors.map((f) => f.ms))
      const floorMs = floors.map((f) => f.ms)
      for (const page of lcpPages) {
        const list = samples.get(page.id) ?? []
        const pageLcp = median(list.map((s) => s.ms))
        const mid = [...list].sort((a, b) => a.ms - b.ms)[Math.floor(list.length / 2)]
        const over = pageLcp - floorLcp
        lcpRows.push({
          id: `web:lcp:${page.id}`,
          label: `LCP of ${page.name} − the one-paragraph page, 4× CPU slow-down`,
          measured: `${over.toFixed(0)} ms (${seconds(pageLcp)} − ${seconds(floorLcp)}; medians of ${list.length} and ${floors.length}; page ${seconds(Math.min(...list.map((s) => s.ms)))}–${seconds(Math.max(...list.map((s) => s.ms)))}; element ${mid?.element || '?'})`,
          budget: '≤ 300 ms',
          pass: pageLcp > 0 && over <= 300,
          value: over,
          unit: 'ms',
          details: { path: page.path, pageMs: pageLcp, floorMs: floorLcp, samples: list },
        })
      }
      lcpRows.push({
        id: 'web:lcp:floor',
        label: '  LCP of the one-paragraph page (between the samples above)',
        measured: `${seconds(floorLcp)} (median of ${floors.length}; ${seconds(Math.min(...floorMs))}–${seconds(Math.max(...floorMs))})`,
        budget: 'information',
        pass: null,
        value: floorLcp,
        unit: 'ms',
        details: { samples: floors.map(({ ms: m, fcpMs }) => ({ ms: m, fcpMs })) },
      })

      // JavaScript and CSS per page: recorded during the LCP samples, the roadmap on its own.
      for (const page of pages.filter((p) => !p.lcp)) {
        assetsOf.set(page.id, await measureAssets(browser, url, page.path, page.shown))
      }
      const cssRows: Row[] = []
      for (const page of pages) {
        const assets = assetsOf.get(page.id) ?? { scripts: [], styles: [] }
        const shown = page.id === 'idea' ? '/ideeen/:id' : page.path
        for (const kind of ['scripts', 'styles'] as const) {
          const files = assets[kind]
          const gzip = files.reduce((s, x) => s + x.gzipBytes, 0)
          const raw = files.reduce((s, x) => s + x.bytes, 0)
          const limit = kind === 'scripts' ? 150_000 : 30_000
          const row: Row = {
            id: `web:${kind === 'scripts' ? 'js' : 'css'}:${page.id}`,
            label: `${kind === 'scripts' ? 'JavaScript' : 'CSS'} of ${page.name} (${shown})`,
            measured: `${(gzip / 1000).toFixed(1)} kB gzip (${(raw / 1000).toFixed(0)} kB raw, ${files.length} files)`,
            budget: `≤ ${limit / 1000} kB gzip`,
            pass: files.length > 0 && gzip <= limit,
            value: gzip,
            unit: 'bytes gzip',
            details: {
              path: page.path,
              files: files
                .map((s) => ({ file: s.url.replace(url, ''), bytes: s.bytes, gzipBytes: s.gzipBytes }))
                .sort((a, b) => b.gzipBytes - a.gzipBytes),
            },
          }
          if (kind === 'scripts') webRows.push(row)
          else cssRows.push(row)
        }
      }
      webRows.push(...cssRows)

      webRows.push(...lcpRows)

      progress.phase(`web: ${SETTINGS.scrollRows} cards loaded and scrolled`, 1)
      const tasks = await measureLongTasks(browser, url, SETTINGS.scrollRows)
      progress.done()
      webRows.push({
        id: 'web:longtasks',
        label: `the list with ${tasks.rows} cards scrolled, 4× CPU slow-down`,
        measured: `${tasks.scrolling.over100} tasks > 100 ms, ${tasks.scrolling.over150} > 150 ms (longest ${ms(tasks.scrolling.longestMs)}, ${tasks.scrolling.steps} scroll steps)`,
        budget: 'at most one task > 100 ms, none > 150 ms',
        pass: tasks.rows >= SETTINGS.scrollRows && tasks.scrolling.over100 <= 1 && tasks.scrolling.over150 === 0,
        value: tasks.scrolling.over100,
        unit: 'long tasks',
        details: tasks,
      })
      webRows.push({
        id: 'web:longtasks:loading',
        label: `  while loading ${tasks.rows} cards (20 per click)`,
        measured: `${tasks.loading.over100} tasks > 100 ms, ${tasks.loading.over150} > 150 ms (longest ${ms(tasks.loading.longestMs)})`,
        budget: 'information',
        pass: null,
        value: tasks.loading.over100,
        unit: 'long tasks',
      })
    } finally {
      await browser.close()
    }
    endPhase('web rows')

    if (!LIGHTHOUSE) {
      webRows.push({
        id: 'web:lighthouse',
        label: 'Lighthouse 12 mobile on /, an idea page, /resultaten, /plannen',
        measured:
          'not run with --engine postgres (add --lighthouse): its scores are simulated for a phone on slow 4G from the same HTML, scripts and styles on both engines; `pnpm bench` (SQLite) runs it',
        budget: 'information',
        pass: null,
        value: null,
        unit: 'score',
      })
    } else {
      // Lighthouse 12, mobile preset, on the public pages, against the same production server
      // (no proxy), each run in a Chromium of its own, after the browser above is closed.
      // The rounds go over all pages in turn, so a slow spell of the host hits every page alike.
      const lighthouseRuns = new Map<string, LighthouseRun[]>(pages.map((p) => [p.id, []]))
      const lighthouseErrors = new Map<string, string[]>(pages.map((p) => [p.id, []]))
      const lighthouseRepeated = new Map<string, string[]>(pages.map((p) => [p.id, []]))
      progress.phase(
        `web: Lighthouse 12 mobile (${SETTINGS.lighthouseRuns} × ${pages.length} pages)`,
        SETTINGS.lighthouseRuns * pages.length,
      )
      let lighthouseDone = 0
      const lighthouseLoad: number[] = []
      for (let round = 0; round < SETTINGS.lighthouseRuns; round++) {
        for (const page of pages) {
          const reportFile = path.join(dataDir, 'lighthouse', `${page.id}-${round + 1}.json`)
          // A run Lighthouse could not finish (e.g. NO_NAVSTART: "Please run Lighthouse again")
          // is no result: it is run once more, and the row says so. A second failure counts.
          for (let attempt = 1; ; attempt++) {
            try {
              lighthouseRuns.get(page.id)?.push(await runLighthouse(`${url}${page.path}`, reportFile))
              break
            } catch (error) {
              const message = error instanceof Error ? error.message.slice(0, 400) : String(error)
              if (attempt === 1) {
                lighthouseRepeated.get(page.id)?.push(message)
                continue
              }
              lighthouseErrors.get(page.id)?.push(message)
              break
            }
          }
          lighthouseLoad.push(loadAverage()[0] ?? 0)
          progress.tick(++lighthouseDone)
        }
      }
      progress.done()
      const errored = [
        ...new Set([...lighthouseRuns.values()].flat().flatMap((r) => r.errored.map((e) => e.split(':')[0]))),
      ]
      if (errored.length > 0) log(`  Lighthouse could not compute (no weight in any score): ${errored.join(', ')}`)
      const runsText = QUICK
        ? '1 run (--quick; a full run takes the median of 3)'
        : `median of ${SETTINGS.lighthouseRuns} runs`
      const budgetText = 'performance ≥ 95, accessibility 100, best practices 100, SEO 100'
      const secondsText = (milliseconds: number) => `${(milliseconds / 1000).toFixed(1)} s`
      for (const page of pages) {
        const shown = page.id === 'idea' ? '/ideeen/:id' : page.path
        const runs = lighthouseRuns.get(page.id) ?? []
        const errors = lighthouseErrors.get(page.id) ?? []
        const repeated = lighthouseRepeated.get(page.id) ?? []
        if (runs.length === 0) {
          webRows.push({
            id: `web:lighthouse:${page.id}`,
            label: `Lighthouse 12 mobile: ${page.name} (${shown})`,
            measured: `no run finished: ${errors[0] ?? 'unknown error'}`.slice(0, 200),
            budget: budgetText,
            pass: false,
            value: null,
            unit: 'score',
            details: { path: page.path, errors },
          })
          continue
        }
        const { scores, metrics, typical } = medianRun(runs)
        const performances = runs.map((r) => r.scores.performance)
        webRows.push({
          id: `web:lighthouse:${page.id}`,
          label: `Lighthouse 12 mobile: ${page.name} (${shown})`,
          measured: `performance ${scores.performance}, accessibility ${scores.accessibility}, best practices ${scores['best-practices']}, SEO ${scores.seo} (${runsText}${runs.length > 1 ? `; performance ${Math.min(...performances)}–${Math.max(...performances)}` : ''}${repeated.length ? `; ${repeated.length} repeated after Lighthouse could not finish` : ''}${errors.length ? `; ${errors.length} runs failed` : ''}); LCP ${secondsText(metrics.lcp)}, TBT ${Math.round(metrics.tbt)} ms`,
          budget: budgetText,
          pass: errors.length === 0 && CATEGORIES.every((c) => scores[c] >= LIGHTHOUSE_BUDGET[c]),
          value: scores.performance,
          unit: 'score',
          details: {
            path: page.path,
            scores,
            metrics,
            report: path.relative(repoRoot, typical.report),
            runs: runs.map(({ scores: s, metrics: m, lcpElement, costs, warnings, errored }) => ({
              scores: s,
              metrics: m,
              lcpElement,
              costs,
              warnings,
              errored,
            })),
            errors,
            repeated,
          },
        })
        // What costs points in the run nearest the median: weighted audits first (lowest score
        // first), then the opportunities. The whole list is in the JSON and the report.
        const costs = [...typical.costs].sort(
          (a, b) =>
            Number(a.category === 'opportunity') - Number(b.category === 'opportunity') ||
            (a.score ?? 1) - (b.score ?? 1),
        )
        const costText = costs.map((c) => `${c.id} (${c.value})`).join('; ')
        if (costs.length > 0) log(`  Lighthouse, ${page.name}: ${costText}`)
        webRows.push({
          id: `web:lighthouse:${page.id}:costs`,
          label: `  what costs points on ${page.name}`,
          measured: costs.length === 0 ? 'nothing' : `${costText.slice(0, 160)}${costText.length > 160 ? ' …' : ''}`,
          budget: 'information',
          pass: null,
          value: costs.length,
          unit: 'audits',
          details: { lcpElement: typical.lcpElement, warnings: typical.warnings },
        })
      }
      webRows.push({
        id: 'web:lighthouse:load',
        label: '  load average during the Lighthouse runs',
        measured: `${Math.min(...lighthouseLoad).toFixed(1)}–${Math.max(...lighthouseLoad).toFixed(1)} (Lighthouse simulates a phone from the tasks it sees: a busy host lengthens them, TBT most)`,
        budget: 'information',
        pass: null,
        value: median(lighthouseLoad),
        unit: 'load',
      })
      endPhase('lighthouse')
    }
  }
} catch (error) {
  failure = error
} finally {
  const others = othersCores(runCpuStart, cpuSnapshot(ours))
  machineRows.push({
    id: 'machine:others',
    label: 'CPU taken by other processes',
    measured: `${others.toFixed(2)} of ${machineInfo().cores} cores on average while measuring`,
    budget: 'information',
    pass: null,
    value: others,
    unit: 'cores',
  })
  const peaks = runs.map((run) => run.memory?.stop() ?? { peakBytes: 0, samples: 0 })
  for (const [i, server] of servers.entries()) {
    const lines = server.output()
    if (failure && lines.length)
      process.stderr.write(`server output (${runs[i]?.tag}):\n${lines.slice(-20).join('\n')}\n`)
    else if (lines.length > 0)
      log(`  the server (${runs[i]?.tag}) wrote ${lines.length} lines at warn level; last: ${lines.at(-1)}`)
    await server.stop()
  }
  await floor.stop()
  if (!failure) {
    const most = Math.max(...peaks.map((p) => p.peakBytes))
    machineRows.unshift({
      id: 'memory',
      label: PG
        ? 'server peak RSS during the whole run (each API process; PostgreSQL apart)'
        : 'server peak RSS during the whole run (each server)',
      measured: runs
        .map(
          (run, i) =>
            `${run.tag}: ${((peaks[i]?.peakBytes ?? 0) / 1e6).toFixed(0)} MB (idle after start ${(run.idleRss / 1e6).toFixed(0)} MB)`,
        )
        .join('; '),
      budget: '≤ 300 MB',
      pass: most > 0 && most <= 300e6,
      value: most,
      unit: 'bytes',
      details: { perScale: runs.map((run, i) => ({ scale: run.tag, idleBytes: run.idleRss, ...peaks[i] })) },
    })
    // Every count exact after 50 members voted at once, and every vote answered 2xx is a row.
    for (const [i, run] of runs.entries()) {
      let problems: string[]
      let added: number
      if (run.pg) {
        const pool = pgPool(run.pg.server.url, 1)
        try {
          problems = await pgConsistencyProblems(pool)
          added = ((await pgTableCounts(pool)).votes ?? 0) - run.votesBefore
        } finally {
          await pool.end()
        }
      } else {
        const db = openDatabase(run.workFile ?? '', { migrate: false })
        problems = consistencyProblems(db.$client)
        added = (tableCounts(db.$client).votes ?? 0) - run.votesBefore
        db.$client.close()
      }
      const voting = measured.find((m) => m.spec.votes)?.runs[i]
      const answered = (voting?.warmup?.ok ?? 0) + (voting?.summary.ok ?? 0)
      // A vote in flight when a burst ends is stored but its answer is never read.
      const inFlight = MEMBERS_VOTING * (SETTINGS.rounds + 1)
      if (run.votesSent > run.sample.votePairs.length)
        problems.push(
          `the bench ran out of new (member, idea) pairs: ${num(run.votesSent)} requests for ${num(run.sample.votePairs.length)} pairs`,
        )
      else if (added < answered || added > answered + inFlight)
        problems.push(`${num(added)} votes stored, ${num(answered)} answered 2xx`)
      const row = voteRows[i]
      if (row) {
        row.measured += `; ${problems.length === 0 ? `all counts exact (${num(added)} votes stored)` : problems.join('; ')}`
        row.pass = row.pass === true && problems.length === 0
        row.details = { ...row.details, added, answered, problems }
      }
    }
  }
  for (const run of runs) {
    if (run.workFile) for (const suffix of ['', '-wal', '-shm']) rmSync(`${run.workFile}${suffix}`, { force: true })
  }
  stopPostgres()
}
if (failure) throw failure

const loadAtEnd = loadAverage()
machineRows.push({
  id: 'machine:load',
  label: 'load average (1, 5, 15 min)',
  measured: `${loadText(loadAtStart)} at the start; ${loadText(loadAtEnd)} at the end`,
  budget: 'information',
  pass: null,
  value: loadAtEnd[0],
  unit: 'load',
})

log(
  `  seconds per part: ${Object.entries(phaseSeconds)
    .map(([name, sec]) => `${name} ${sec}`)
    .join(', ')}`,
)
const rows = [...planRows, ...serverRows.flat(), ...growthRows, ...webRows, ...machineRows]
const wallSeconds = (performance.now() - started) / 1000
const passed = rows.every((r) => r.pass !== false)
const { latest, history } = writeReport({
  benchmark: 'meedenken',
  only: ONLY === null ? null : [...ONLY],
  engine: ENGINE,
  quick: QUICK,
  startedAt,
  wallSeconds,
  passed,
  git: gitInfo(),
  machine: machineInfo(),
  dataset: Object.fromEntries(
    runs.map((run) => [
      run.tag,
      {
        ...run.dataset,
        scale: run.scale,
        ...(run.pg ? { postgres: { load: run.pg.load, bytes: run.pg.bytes, reused: run.pg.load === null } } : {}),
      },
    ]),
  ),
  phaseSeconds,
  rows,
})

const floorRange = measured.flatMap((m) => [m.floor.min, m.floor.max])
const copied = (run: Run) =>
  run.pg
    ? run.pg.load
      ? `, copied into PostgreSQL in ${run.pg.load.copySeconds.toFixed(1)} s (+ VACUUM ANALYZE ${run.pg.load.vacuumSeconds.toFixed(1)} s)`
      : ', its PostgreSQL copy reused'
    : ''
if (planListing.length > 0)
  process.stdout.write(
    `\nQuery plans on PostgreSQL (${big.tag}), EXPLAIN (ANALYZE, FORMAT JSON) of every SELECT each hot path ran: fastest time, root node · how each table is read\n${planListing.join('\n')}\n`,
  )
process.stdout.write(
  `\nMeedenken benchmark (${QUICK ? 'quick' : 'full'}) · ${ENGINE_NAME} · ${runs.map((r) => `${num(r.scale.ideas)} ideas`).join(' and ')}${QUICK ? ' (--quick: no growth rows)' : ''} · floor: bare Hono ${num(Math.min(...floorRange))}–${num(Math.max(...floorRange))} req/s · ${runs.map((r) => `${r.tag} data set ${r.dataset.built ? `built in ${r.dataset.buildSeconds?.toFixed(1)} s` : 'reused'}${copied(r)}`).join(', ')} · load ${loadText(loadAtStart)} → ${loadText(loadAtEnd)} · run ${wallSeconds.toFixed(0)} s\n\n${formatTable(rows)}\n\n${passed ? 'All budgets met.' : `${rows.filter((r) => r.pass === false).length} rows FAIL.`} Results: ${path.relative(repoRoot, latest)}, ${path.relative(repoRoot, history)}\n`,
)
process.exitCode = passed ? 0 : 1
