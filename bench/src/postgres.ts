import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  chmodSync,
  chownSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { migrateToPostgres } from '../../apps/api/src/cli/migrate-to-postgres'
import { connectPostgres } from '../../apps/api/src/db/connection-pg'
import { pgMigrationsFolder } from '../../apps/api/src/db/migrate-pg'
import { hotScoreOf } from '../../apps/api/src/domain/hot-score'
import { processTreeCpuMs } from './cpu'
import { readMarker } from './dataset'
import { dataDir, repoRoot } from './paths'

/**
 * The bench's PostgreSQL: one throwaway server per data set (Debian's programs, a data folder
 * of its own in the system's temp folder), so the CPU of each server's backends is the CPU of
 * that data set's requests. Durable, as a municipality runs it: fsync on, synchronous commit,
 * PostgreSQL's default settings otherwise (as `pnpm cluster` runs it).
 *
 * Loading 100,000 ideas takes minutes, so a loaded server is kept, stopped, in
 * bench/data/pg-<scale>/ with a marker (the SQLite data set's marker, the hash of
 * PostgreSQL's migrations, the PostgreSQL programs), and each run starts a working copy of
 * that folder, as the SQLite side copies its file: the votes of one run never leak into the
 * next.
 */

/** The few methods of node-postgres' pool the bench uses (the API's own `pg`, through connectPostgres). */
export type PgPool = {
  query: <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<{ rows: T[]; rowCount: number }>
  end: () => Promise<void>
}

type PostgresScript = {
  postgresBin: () => string | null
  startPostgres: (options: { bin: string; dir: string; port: number; durable?: boolean }) => {
    url: string
    stop: () => void
  }
}

export type BenchPostgres = {
  /** The data set's database (`bench`). */
  url: string
  dir: string
  /** The postmaster's pid: its process tree is this server's CPU. */
  pid: number
  /** CPU time of the postmaster and every backend, living or ended, in ms. */
  cpuMs: () => number
  /** Reads the database's files once, so the next row starts with them in memory (bench/README.md). */
  readThrough: () => void
  stop: () => void
}

export type PostgresDataset = {
  server: BenchPostgres
  /** Loaded in this run (null: the kept copy was reused). */
  load: LoadReport | null
  bytes: number
}

export const DATABASE = 'bench'
const MARKER = 'meedenken-bench.json'
const asRoot = typeof process.getuid === 'function' && process.getuid() === 0

/** A pool on the database, through the API's connection code (64-bit numbers read as numbers). */
export function pgPool(url: string, size = 2): PgPool {
  return connectPostgres(url, { poolSize: size }).$client as unknown as PgPool
}

/** initdb and pg_ctl refuse root: as root they run as the `postgres` user (as scripts/postgres.mjs does). */
function asPostgresUser(command: string, args: string[]) {
  if (!asRoot) return spawnSync(command, args, { encoding: 'utf8' })
  const quoted = [command, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ')
  return spawnSync('su', ['postgres', '-s', '/bin/sh', '-c', quoted], { encoding: 'utf8' })
}

function pgMigrationsHash(): string {
  const hash = createHash('sha256')
  for (const f of readdirSync(pgMigrationsFolder)
    .filter((f) => f.endsWith('.sql'))
    .sort())
    hash.update(f).update(readFileSync(path.join(pgMigrationsFolder, f)))
  hash.update(readFileSync(path.join(pgMigrationsFolder, 'meta/_journal.json')))
  return hash.digest('hex').slice(0, 16)
}

function readKeptMarker(kept: string): string | null {
  try {
    return readFileSync(path.join(kept, MARKER), 'utf8')
  } catch {
    return null
  }
}

function copyFolder(from: string, to: string): void {
  const cp = spawnSync('cp', ['-a', from, to], { encoding: 'utf8' })
  if (cp.status !== 0) throw new Error(`cp -a ${from} ${to} failed: ${cp.stderr}`)
}

function workFolder(name: string): string {
  return path.join(os.tmpdir(), `meedenken-bench-pg-${name}-${process.pid}`)
}

/**
 * The data set in PostgreSQL, running on `port`: the kept copy when its marker matches,
 * else loaded now from the SQLite file through `pnpm admin migrate-to-postgres`'s copy.
 */
export async function ensurePostgresDataset(options: {
  name: string
  sqliteFile: string
  port: number
  rebuild?: boolean
  log: (line: string) => void
}): Promise<PostgresDataset> {
  const script: PostgresScript = await import(pathToFileURL(path.join(repoRoot, 'scripts', 'postgres.mjs')).href)
  const bin = script.postgresBin()
  if (!bin) {
    throw new Error(
      '--engine postgres needs PostgreSQL (no /usr/lib/postgresql/<version>/bin/initdb): on Debian run ' +
        '`apt-get install -y postgresql postgresql-contrib` (as root, or with sudo).',
    )
  }
  const kept = path.join(dataDir, `pg-${options.name}`)
  const marker = JSON.stringify({ sqlite: readMarker(options.sqliteFile), migrations: pgMigrationsHash(), bin })
  const dir = workFolder(options.name)
  let load: LoadReport | null = null
  if (options.rebuild || readKeptMarker(kept) !== marker) {
    rmSync(kept, { recursive: true, force: true })
    // A fresh server (scripts/postgres.mjs empties `dir` and runs initdb), loaded, stopped, kept.
    const fresh = script.startPostgres({ bin, dir, port: options.port, durable: true })
    try {
      const admin = pgPool(fresh.url, 1)
      try {
        await admin.query(`create database ${DATABASE}`)
      } finally {
        await admin.end()
      }
      const url = new URL(fresh.url)
      url.pathname = `/${DATABASE}`
      load = await loadDataset(options.sqliteFile, url.toString(), options.log)
    } catch (error) {
      fresh.stop()
      rmSync(dir, { recursive: true, force: true })
      throw error
    }
    fresh.stop()
    const building = `${kept}.building`
    rmSync(building, { recursive: true, force: true })
    mkdirSync(building, { recursive: true })
    copyFolder(path.join(dir, 'data'), path.join(building, 'data'))
    writeFileSync(path.join(building, MARKER), marker)
    renameSync(building, kept)
  } else {
    rmSync(dir, { recursive: true, force: true })
    mkdirSync(dir, { recursive: true })
    if (asRoot) {
      const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim())
      const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim())
      chownSync(dir, uid, gid)
    }
    chmodSync(dir, 0o700)
    copyFolder(path.join(kept, 'data'), path.join(dir, 'data'))
  }
  const server = await startExisting(bin, dir, options.port)
  const pool = pgPool(server.url, 1)
  try {
    const size = await pool.query<{ bytes: number }>('select pg_database_size(current_database()) as bytes')
    return { server, load, bytes: Number(size.rows[0]?.bytes ?? 0) }
  } finally {
    await pool.end()
  }
}

/** Starts the server whose data folder is `dir`/data (made by scripts/postgres.mjs, then copied). */
async function startExisting(bin: string, dir: string, port: number): Promise<BenchPostgres> {
  const data = path.join(dir, 'data')
  const start = asPostgresUser(path.join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`,
    '-l',
    path.join(dir, 'log'),
    '-w',
    'start',
  ])
  if (start.status !== 0) throw new Error(`pg_ctl start failed:\n${start.stdout}\n${start.stderr}`)
  const pid = Number(readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0])
  const url = `postgres://postgres@127.0.0.1:${port}/${DATABASE}`
  const pool = pgPool(url, 1)
  let oid: number
  try {
    const row = await pool.query<{ oid: number }>('select oid from pg_database where datname = $1', [DATABASE])
    oid = Number(row.rows[0]?.oid)
  } finally {
    await pool.end()
  }
  return {
    url,
    dir,
    pid,
    cpuMs: () => processTreeCpuMs(pid),
    readThrough: () => readFolder(path.join(data, 'base', String(oid))),
    stop: () => {
      asPostgresUser(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop'])
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Removes the working folders of runs that are gone, stopping a server a killed run left running. */
export function removeStalePostgres(alive: (pid: number) => boolean): void {
  for (const entry of readdirSync(os.tmpdir())) {
    const m = /^meedenken-bench-pg-\w+-(\d+)$/.exec(entry)
    if (!m || alive(Number(m[1]))) continue
    const dir = path.join(os.tmpdir(), entry)
    const pidFile = path.join(dir, 'data', 'postmaster.pid')
    if (existsSync(pidFile)) {
      const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0])
      try {
        // Only that folder's own postmaster, by its pid: SIGQUIT is PostgreSQL's immediate shutdown.
        if (pid > 0 && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dir)) process.kill(pid, 'SIGQUIT')
      } catch {
        // already gone
      }
    }
    rmSync(dir, { recursive: true, force: true })
  }
}

function readFolder(folder: string): void {
  const buffer = Buffer.alloc(4 << 20)
  for (const name of readdirSync(folder)) {
    const file = path.join(folder, name)
    if (!statSync(file).isFile()) continue
    const fd = openSync(file, 'r')
    try {
      while (readSync(fd, buffer, 0, buffer.length, null) > 0) {
        // only reading
      }
    } finally {
      closeSync(fd)
    }
  }
}

export type LoadReport = { copySeconds: number; vacuumSeconds: number; bytes: number }

/**
 * The SQLite data set into the empty database: `pnpm admin migrate-to-postgres`'s own copy
 * (it migrates first, copies every table in one transaction, checks the counts and runs
 * ANALYZE), then VACUUM ANALYZE, as autovacuum would have left a database in use: fresh
 * statistics and a visibility map, so plans and index-only scans are the realistic ones.
 */
export async function loadDataset(file: string, url: string, log: (line: string) => void): Promise<LoadReport> {
  const copy = await migrateToPostgres(file, url, (line) => log(`    ${line}`))
  const pool = pgPool(url, 1)
  try {
    const started = performance.now()
    await pool.query('vacuum (analyze)')
    const vacuumSeconds = (performance.now() - started) / 1000
    const size = await pool.query<{ bytes: number }>('select pg_database_size(current_database()) as bytes')
    return { copySeconds: copy.seconds, vacuumSeconds, bytes: Number(size.rows[0]?.bytes ?? 0) }
  } finally {
    await pool.end()
  }
}

/** Rows the consistency check counts, in PostgreSQL. */
export async function pgTableCounts(pool: PgPool): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const table of ['users', 'ideas', 'votes', 'comments', 'followers', 'status_changes']) {
    const result = await pool.query<{ n: number }>(`select count(*) as n from ${table}`)
    counts[table] = Number(result.rows[0]?.n ?? 0)
  }
  return counts
}

/** dataset.ts' consistencyProblems in PostgreSQL's SQL: every counter and hot score equals the rows. */
export async function pgConsistencyProblems(pool: PgPool): Promise<string[]> {
  const problems: string[] = []
  const check = async (label: string, query: string) => {
    const n = Number((await pool.query<{ n: number }>(query)).rows[0]?.n ?? 0)
    if (n > 0) problems.push(`${n} ideas: ${label}`)
  }
  await check(
    'vote_count ≠ COUNT(votes)',
    'select count(*) as n from ideas i where vote_count != (select count(*) from votes v where v.idea_id = i.id)',
  )
  await check(
    'follower_count ≠ COUNT(followers)',
    'select count(*) as n from ideas i where follower_count != (select count(*) from followers f where f.idea_id = i.id)',
  )
  await check(
    'comment_count ≠ COUNT(visible comments)',
    `select count(*) as n from ideas i where comment_count !=
      (select count(*) from comments c where c.idea_id = i.id and c.hidden = 0 and c.deleted_at is null)`,
  )
  const events = await pool.query<{ status: string; createdAt: number; hotScore: number; times: number[] | null }>(
    `select i.status, i.created_at as "createdAt", i.hot_score as "hotScore",
       (select json_agg(t.created_at) from (select created_at from votes where idea_id = i.id
          union all select created_at from comments where idea_id = i.id and hidden = 0 and deleted_at is null) t) as times
     from ideas i`,
  )
  let offScore = 0
  for (const row of events.rows) {
    const expected = hotScoreOf(Number(row.createdAt), (row.times ?? []).map(Number), row.status)
    if (Math.abs(Number(row.hotScore) - expected) > 1e-9) offScore++
  }
  if (offScore > 0)
    problems.push(`${offScore} ideas: hot_score ≠ hotScoreOf(created_at, votes and visible comments, status)`)
  await check(
    'status ≠ last status change',
    `select count(*) as n from ideas i where status != coalesce((select to_status from status_changes s
      where s.idea_id = i.id order by s.created_at desc, s.id desc limit 1), 'new')`,
  )
  return problems
}
