// A throwaway PostgreSQL server for the tests and the cluster: Debian's `postgresql`
// package (installed with apt when missing), its own data folder made with initdb, started
// with pg_ctl on a port of its own. No system service, nothing outside the folder.
// As root, initdb and pg_ctl run as the `postgres` user (initdb refuses root).
import { spawnSync } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { log } from './lib.mjs'

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0

/** The folder of the newest installed PostgreSQL's programs, or null. */
export function postgresBin() {
  const base = '/usr/lib/postgresql'
  if (!existsSync(base)) return null
  const versions = readdirSync(base)
    .filter((v) => existsSync(path.join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a))
  return versions.length ? path.join(base, versions[0], 'bin') : null
}

/** Installs Debian's postgresql package when it is missing. Returns the bin folder or null (with why). */
export function ensurePostgresInstalled() {
  let bin = postgresBin()
  if (bin) return { bin }
  const sudo = !asRoot && spawnSync('sudo', ['-n', 'true']).status === 0
  if (!asRoot && !sudo) return { bin: null, why: 'PostgreSQL is not installed and this user cannot install packages' }
  log('PostgreSQL installeren uit Debian / installing PostgreSQL from Debian')
  const apt = (args) => {
    const [command, ...rest] = asRoot ? ['apt-get', ...args] : ['sudo', '-n', 'apt-get', ...args]
    return (
      spawnSync(command, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
        .status === 0
    )
  }
  if (!apt(['update', '-qq']) || !apt(['install', '-y', '-qq', 'postgresql', 'postgresql-contrib'])) {
    return { bin: null, why: 'apt-get install postgresql failed' }
  }
  bin = postgresBin()
  return bin ? { bin } : { bin: null, why: 'postgresql was installed but initdb was not found' }
}

function asPostgresUser(command, args) {
  if (!asRoot) return spawnSync(command, args, { encoding: 'utf8' })
  const quoted = [command, ...args].map((a) => `'${String(a).replaceAll("'", "'\\''")}'`).join(' ')
  return spawnSync('su', ['postgres', '-s', '/bin/sh', '-c', quoted], { encoding: 'utf8' })
}

/**
 * Starts a fresh server in `dir` on `port` (trust authentication, loopback only). Returns
 * its URL and a stop function. The folder is emptied first: every run starts clean.
 * `durable: false` (tests) skips fsync: a test database need not survive a power cut.
 */
export function startPostgres({ bin, dir, port, durable = true }) {
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  if (asRoot) {
    // initdb refuses to run as root: the folder belongs to the postgres user.
    const pg = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' })
    const group = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' })
    chownSync(dir, Number(pg.stdout.trim()), Number(group.stdout.trim()))
    chmodSync(dir, 0o700)
    // Its parents must be reachable for the postgres user too.
    for (let up = path.dirname(dir); up !== path.dirname(up); up = path.dirname(up)) {
      try {
        const mode = spawnSync('stat', ['-c', '%a', up], { encoding: 'utf8' }).stdout.trim()
        if (mode && (Number.parseInt(mode, 8) & 0o001) === 0) chmodSync(up, Number.parseInt(mode, 8) | 0o001)
      } catch {
        // not ours to change; initdb will say so
      }
    }
  }
  const data = path.join(dir, 'data')
  const init = asPostgresUser(path.join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
  ])
  if (init.status !== 0) throw new Error(`initdb failed:\n${init.stdout}\n${init.stderr}`)
  const fast = durable ? '' : ' -c fsync=off -c full_page_writes=off -c synchronous_commit=off'
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200${fast}`
  const start = asPostgresUser(path.join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-o',
    options,
    '-l',
    path.join(dir, 'log'),
    '-w',
    'start',
  ])
  if (start.status !== 0) throw new Error(`pg_ctl start failed:\n${start.stdout}\n${start.stderr}`)
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      asPostgresUser(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop'])
    },
  }
}
