// `pnpm cluster`: Meedenken as it runs on several servers, on this machine. A throwaway
// PostgreSQL (scripts/postgres.mjs), three API processes (the production bundle, the same
// settings, each on its own port) and nginx in front of them as the load balancer
// (ops/nginx/meedenken.conf), on one port. A process that dies is started again; Ctrl-C
// stops everything. It builds nothing: run `pnpm build` first.
//
// Settings (all optional):
//   CLUSTER_PORT       nginx's port (3000); the API processes take the next ports (3001, 3002, 3003)
//   CLUSTER_HOST       nginx's address (127.0.0.1); the API processes always listen on 127.0.0.1
//   CLUSTER_PROCESSES  how many API processes (3)
//   CLUSTER_ENGINE     postgres (default) or sqlite: the processes share one SQLite file instead
//   CLUSTER_PG_PORT    PostgreSQL's port (CLUSTER_PORT + 10)
//   CLUSTER_SERVER     the server bundle (apps/api/dist/server.js)
//   CLUSTER_WEB_DIST   the built web app (apps/web/dist)
//   CLUSTER_DIR        the folder for the database, logs and nginx's files (a new temporary folder)
//   PUBLIC_URL, SMTP_URL, MAIL_FROM, THEME, …  passed on to every API process
import { spawn, spawnSync } from 'node:child_process'
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { fail, log } from './lib.mjs'
import { ensurePostgresInstalled, startPostgres } from './postgres.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const asRoot = typeof process.getuid === 'function' && process.getuid() === 0
const LOOPBACK = /^(127(\.\d{1,3}){3}|localhost|::1|\[::1\])$/

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** The nginx program, or null. */
export function nginxBin() {
  for (const candidate of ['/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx']) {
    if (existsSync(candidate)) return candidate
  }
  const found = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' })
  return found.status === 0 && found.stdout.trim() ? found.stdout.trim() : null
}

/** Installs Debian's nginx package when it is missing (it is only run by us, never as a service). */
export function ensureNginxInstalled() {
  let bin = nginxBin()
  if (bin) return { bin }
  const sudo = !asRoot && spawnSync('sudo', ['-n', 'true']).status === 0
  if (!asRoot && !sudo) return { bin: null, why: 'nginx is not installed and this user cannot install packages' }
  log('nginx installeren uit Debian / installing nginx from Debian')
  const apt = (args) => {
    const [command, ...rest] = asRoot ? ['apt-get', ...args] : ['sudo', '-n', 'apt-get', ...args]
    return (
      spawnSync(command, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
        .status === 0
    )
  }
  if (!apt(['update', '-qq']) || !apt(['install', '-y', '-qq', 'nginx'])) {
    return { bin: null, why: 'apt-get install nginx failed' }
  }
  bin = nginxBin()
  return bin ? { bin } : { bin: null, why: 'nginx was installed but its program was not found' }
}

/** The settings of a cluster, from the environment (see the top of this file), with overrides. */
export function clusterOptions(env = process.env, overrides = {}) {
  const port = Number(overrides.port ?? env.CLUSTER_PORT ?? 3000)
  const processes = Number(overrides.processes ?? env.CLUSTER_PROCESSES ?? 3)
  const host = overrides.host ?? env.CLUSTER_HOST ?? '127.0.0.1'
  return {
    port,
    host,
    processes,
    apiPorts: Array.from({ length: processes }, (_, i) => port + 1 + i),
    engine: overrides.engine ?? env.CLUSTER_ENGINE ?? 'postgres',
    pgPort: Number(overrides.pgPort ?? env.CLUSTER_PG_PORT ?? port + 10),
    server: path.resolve(root, overrides.server ?? env.CLUSTER_SERVER ?? 'apps/api/dist/server.js'),
    webDist: path.resolve(root, overrides.webDist ?? env.CLUSTER_WEB_DIST ?? 'apps/web/dist'),
    dir: overrides.dir ?? env.CLUSTER_DIR ?? null,
    // A throwaway database for tests need not survive a power cut (no fsync): faster.
    durable: overrides.durable ?? true,
    demoData: overrides.demoData ?? true,
    // Extra settings for every API process (the test's SMTP sink, for one).
    env: overrides.env ?? {},
    quiet: overrides.quiet ?? false,
    // The tests need only the server; a person trying the cluster needs the web app too.
    needWeb: overrides.needWeb ?? true,
  }
}

/** What is missing before a cluster can start, as a message for a person; null when all is there. */
export function missingBuild(options) {
  const missing = []
  if (!existsSync(options.server)) missing.push(options.server)
  if (options.needWeb && !existsSync(path.join(options.webDist, 'index.html')))
    missing.push(path.join(options.webDist, 'index.html'))
  if (missing.length === 0) return null
  return (
    `The production build is missing:\n  ${missing.join('\n  ')}\n` +
    '  Run `pnpm build` first (it makes apps/api/dist/server.js and apps/web/dist), then try again.'
  )
}

/** nginx's configuration for this cluster: ops/nginx/meedenken.conf with its three values filled in. */
export function renderSiteConfig({ listen, servers, accessLog, down = [] }) {
  const template = readFileSync(path.join(root, 'ops/nginx/meedenken.conf'), 'utf8')
  const lines = servers.map(
    (address, i) => `server ${address} max_fails=1 fail_timeout=5s${down.includes(i) ? ' down' : ''};`,
  )
  // Only the placeholders in directives: the comment at the top names them too.
  return template
    .replace(/^(\s*)listen \{\{LISTEN\}\};/m, (_, indent) => `${indent}listen ${listen};`)
    .replace(/^(\s*)\{\{SERVERS\}\}/m, (_, indent) => lines.map((line) => `${indent}${line}`).join('\n'))
    .replace(/^(\s*)access_log \{\{ACCESS_LOG\}\}/m, (_, indent) => `${indent}access_log ${accessLog}`)
}

/** The main nginx.conf around the site: every path nginx writes in the cluster's folder. */
function mainConfig(dir) {
  const at = (name) => path.join(dir, 'nginx', name)
  return `# Made by scripts/cluster.mjs for one run; the site itself is ops/nginx/meedenken.conf.
worker_processes 1;
# Live streams stay open; a reload or a graceful stop waits this long for them, then closes them.
worker_shutdown_timeout 5s;
pid ${at('nginx.pid')};
error_log ${at('error.log')} warn;
events {
    worker_connections 4096;
}
http {
    client_body_temp_path ${at('client_body')};
    proxy_temp_path ${at('proxy')};
    fastcgi_temp_path ${at('fastcgi')};
    uwsgi_temp_path ${at('uwsgi')};
    scgi_temp_path ${at('scgi')};
    include ${at('meedenken.conf')};
}
`
}

/** True when something already listens on host:port. */
function portTaken(host, port) {
  return new Promise((resolve) => {
    const probe = createServer()
    probe.once('error', () => resolve(true))
    probe.listen(port, host, () => probe.close(() => resolve(false)))
  })
}

async function answers(url, timeoutMs = 1000) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) })
    await res.arrayBuffer()
    return res.ok
  } catch {
    return false
  }
}

/**
 * Starts the cluster. Resolves when every process answers GET /api/ready and nginx answers
 * on its port. Returns its addresses, the current process ids (`cluster.json` in its folder
 * holds them too, for other processes such as the tests) and `stop()`.
 */
export async function startCluster(options) {
  const problem = missingBuild(options)
  if (problem) throw new Error(problem)
  const nginx = ensureNginxInstalled()
  if (!nginx.bin) throw new Error(`nginx: ${nginx.why}. Install it with: sudo apt-get install -y nginx`)

  const ports = [options.port, ...options.apiPorts, ...(options.engine === 'postgres' ? [options.pgPort] : [])]
  for (const port of ports) {
    if (await portTaken(port === options.port ? options.host : '127.0.0.1', port)) {
      throw new Error(
        `Port ${port} is in use (the cluster needs ${ports.join(', ')}): stop what listens there, or choose other ports with CLUSTER_PORT.`,
      )
    }
  }
  const dir = options.dir ?? mkdtempSync(path.join(tmpdir(), 'meedenken-cluster-'))
  const ownsDir = options.dir === null
  mkdirSync(path.join(dir, 'nginx'), { recursive: true })
  mkdirSync(path.join(dir, 'logs'), { recursive: true })
  // nginx's workers run as `nobody` when nginx is started as root: they must reach the folder.
  if (asRoot) {
    chmodSync(dir, 0o755)
    chmodSync(path.join(dir, 'nginx'), 0o755)
  }
  const say = (message) => {
    if (!options.quiet) process.stdout.write(`${message}\n`)
  }
  const lbHost = options.host
  const displayHost = lbHost === '0.0.0.0' || lbHost === '::' ? 'localhost' : lbHost
  const url = `http://${displayHost.includes(':') ? `[${displayHost}]` : displayHost}:${options.port}`
  const stateFile = path.join(dir, 'cluster.json')
  const accessLog = path.join(dir, 'logs', 'nginx-access.log')

  let stopping = false
  const cleanups = []
  const state = {
    url,
    engine: options.engine,
    dir,
    accessLog,
    database: null,
    nginxPid: null,
    apis: options.apiPorts.map((port, index) => ({
      index,
      port,
      url: `http://127.0.0.1:${port}`,
      pid: null,
      starts: 0,
      ready: false,
      log: path.join(dir, 'logs', `api-${index + 1}.log`),
    })),
  }
  // Written whole and then renamed: a reader in another process never sees half a file.
  const saveState = () => {
    writeFileSync(`${stateFile}.new`, `${JSON.stringify(state, null, 2)}\n`)
    renameSync(`${stateFile}.new`, stateFile)
  }

  // The database: a throwaway PostgreSQL, or one SQLite file that every process opens.
  const apiEnv = { ...process.env }
  delete apiEnv.DATABASE_URL
  delete apiEnv.DATABASE_PATH
  if (options.engine === 'postgres') {
    const postgres = ensurePostgresInstalled()
    if (!postgres.bin) {
      throw new Error(
        `PostgreSQL: ${postgres.why}. Install it with: sudo apt-get install -y postgresql postgresql-contrib`,
      )
    }
    const pgDir = path.join(dir, 'postgres')
    const server = startPostgres({ bin: postgres.bin, dir: pgDir, port: options.pgPort, durable: options.durable })
    cleanups.push(() => server.stop())
    const created = spawnSync(
      path.join(postgres.bin, 'psql'),
      ['-h', '127.0.0.1', '-p', String(options.pgPort), '-U', 'postgres', '-qc', 'create database meedenken'],
      { encoding: 'utf8' },
    )
    if (created.status !== 0) throw new Error(`create database failed: ${created.stderr}`)
    apiEnv.DATABASE_URL = `postgres://postgres@127.0.0.1:${options.pgPort}/meedenken`
    state.database = apiEnv.DATABASE_URL
  } else if (options.engine === 'sqlite') {
    apiEnv.DATABASE_PATH = path.join(dir, 'meedenken.db')
    state.database = apiEnv.DATABASE_PATH
  } else {
    throw new Error(`CLUSTER_ENGINE must be postgres or sqlite, not ${options.engine}`)
  }
  const publicUrl = options.env.PUBLIC_URL ?? process.env.PUBLIC_URL ?? url
  Object.assign(apiEnv, {
    HOST: '127.0.0.1',
    PUBLIC_URL: publicUrl,
    // nginx sets X-Forwarded-For and X-Forwarded-Proto; the processes are reachable on loopback only.
    TRUST_PROXY: '1',
    WEB_DIST: options.webDist,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    // The development mailbox shows sign-in links: only when nginx, too, listens on this
    // machine alone, and only without real mail.
    DEV_MAILBOX:
      LOOPBACK.test(lbHost) && !(options.env.SMTP_URL ?? process.env.SMTP_URL) ? (process.env.DEV_MAILBOX ?? '1') : '0',
    MEEDENKEN_BANNER: '',
    ...options.env,
  })
  const { flags: nodeFlags, env: nodeEnv } = JSON.parse(
    readFileSync(path.join(root, 'apps/api/node-flags.json'), 'utf8'),
  )

  /** A supervised child: started again when it exits while the cluster runs. */
  function supervise(name, start, onStart) {
    let child = null
    let quickExits = 0
    const launch = () => {
      const startedAt = Date.now()
      child = start()
      onStart(child)
      child.on('exit', (code, signal) => {
        onStart(null)
        if (stopping) return
        // A process that dies right after starting again and again waits longer each time.
        quickExits = Date.now() - startedAt < 10_000 ? quickExits + 1 : 0
        const wait = Math.min(250 * 2 ** quickExits, 10_000)
        say(`  ${name} stopte (${signal ?? `code ${code}`}); opnieuw starten / stopped; restarting`)
        setTimeout(() => {
          if (!stopping) launch()
        }, wait)
      })
    }
    launch()
    return {
      child: () => child,
      stop: async (signal = 'SIGTERM', graceMs = 30_000) => {
        const running = child
        if (!running || running.exitCode !== null || running.signalCode !== null) return
        const exited = new Promise((resolve) => running.once('exit', resolve))
        running.kill(signal)
        const timer = setTimeout(() => running.kill('SIGKILL'), graceMs)
        await exited
        clearTimeout(timer)
      },
    }
  }

  function startApi(api, extra) {
    return () => {
      const out = openSync(api.log, 'a')
      const child = spawn(process.execPath, [...nodeFlags, options.server], {
        env: { ...nodeEnv, ...apiEnv, PORT: String(api.port), ...extra() },
        stdio: ['ignore', out, out],
        // Its own process group: Ctrl-C reaches this script, which stops the processes in order.
        detached: true,
      })
      closeSync(out)
      return child
    }
  }

  async function waitReady(api, timeoutMs) {
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      if (stopping) return
      if (api.pid !== null && (await answers(`${api.url}/api/ready`))) {
        api.ready = true
        saveState()
        return
      }
      await sleep(100)
    }
    throw new Error(`API process ${api.index + 1} did not become ready in ${timeoutMs / 1000} s: see ${api.log}`)
  }

  const supervisors = []
  async function stop() {
    if (stopping) return
    stopping = true
    // nginx first (no new requests), then the processes (requests in flight finish), then the database.
    const [lb, ...apis] = supervisors
    await lb?.stop('SIGQUIT', 8_000)
    await Promise.all(apis.map((s) => s?.stop('SIGTERM', 30_000)))
    for (const cleanup of cleanups.reverse()) cleanup()
    process.removeListener('exit', killAll)
    if (ownsDir && !process.env.CLUSTER_KEEP) rmSync(dir, { recursive: true, force: true })
  }
  // Whatever happens to this script, no process of the cluster is left behind.
  // Each child leads a process group of its own (detached): killing the group takes nginx's
  // workers too, which would otherwise keep the port open after their master is gone.
  const killAll = () => {
    for (const s of supervisors) {
      const pid = s?.child()?.pid
      if (!pid) continue
      try {
        process.kill(-pid, 'SIGKILL')
      } catch {
        // already gone
      }
    }
    if (!stopping) for (const cleanup of cleanups) cleanup()
  }
  process.once('exit', killAll)

  try {
    saveState()
    // The first process migrates the database and loads the demo data; the others start
    // once it is ready, so no two processes race to create the same tables.
    const starting = []
    for (const api of state.apis) {
      let first = api.index === 0
      const extra = () => {
        const env = { DEMO_DATA: first && options.demoData ? '1' : '0' }
        first = false
        return env
      }
      supervisors[api.index + 1] = supervise(`API ${api.index + 1} (:${api.port})`, startApi(api, extra), (child) => {
        api.pid = child?.pid ?? null
        api.ready = false
        if (child) api.starts++
        saveState()
        // The first start is awaited below; a restart is watched in the background.
        if (child && api.starts > 1) waitReady(api, 120_000).catch((error) => say(`  ${error.message}`))
      })
      const ready = waitReady(api, 120_000)
      if (api.index === 0) await ready
      else starting.push(ready)
    }
    await Promise.all(starting)

    // nginx in front, with its own files in the cluster's folder.
    state.listen = `${lbHost.includes(':') ? `[${lbHost}]` : lbHost}:${options.port}`
    saveState()
    writeSiteConfig(state, [])
    const mainFile = path.join(dir, 'nginx', 'nginx.conf')
    writeFileSync(mainFile, mainConfig(dir))
    const nginxArgs = ['-p', path.join(dir, 'nginx'), '-e', path.join(dir, 'nginx', 'error.log'), '-c', mainFile]
    const checked = spawnSync(nginx.bin, [...nginxArgs, '-t', '-q'], { encoding: 'utf8' })
    if (checked.status !== 0) throw new Error(`nginx refuses the configuration:\n${checked.stderr}`)
    supervisors[0] = supervise(
      `nginx (:${options.port})`,
      () =>
        spawn(nginx.bin, [...nginxArgs, '-g', 'daemon off;'], {
          stdio: ['ignore', 'inherit', 'inherit'],
          detached: true,
        }),
      (child) => {
        state.nginxPid = child?.pid ?? null
        saveState()
      },
    )
    const deadline = Date.now() + 15_000
    while (!(await answers(`${url}/api/ready`))) {
      if (Date.now() > deadline) throw new Error(`nginx does not answer on ${url}: see ${path.join(dir, 'nginx')}`)
      await sleep(100)
    }
  } catch (error) {
    await stop()
    throw error
  }

  return {
    url,
    dir,
    stateFile,
    state,
    database: state.database,
    stop,
    /** Sends a signal to API process `index` (0-based); the supervisor starts it again when it exits. */
    signal: (index, signal) => supervisors[index + 1]?.child()?.kill(signal),
  }
}

/** Reads cluster.json, which the running cluster keeps up to date (for the tests, in another process). */
export function readClusterState(stateFile) {
  return JSON.parse(readFileSync(stateFile, 'utf8'))
}

/** Writes nginx's site file for the cluster, with the processes numbered in `down` left out. */
function writeSiteConfig(state, down) {
  const nginxDir = path.join(state.dir, 'nginx')
  writeFileSync(path.join(nginxDir, 'down.json'), JSON.stringify(down))
  writeFileSync(
    path.join(nginxDir, 'meedenken.conf'),
    renderSiteConfig({
      listen: state.listen,
      servers: state.apis.map((a) => `127.0.0.1:${a.port}`),
      accessLog: state.accessLog,
      down,
    }),
  )
}

/** The ids of a process's children (nginx's workers), from /proc. */
function childrenOf(pid) {
  const children = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      // pid (name) state ppid …: the name may hold spaces, so read after its closing parenthesis.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) children.push(Number(entry))
    } catch {
      // gone meanwhile
    }
  }
  return children
}

/**
 * Takes API process `index` (0-based) out of nginx's rotation, or puts it back: marks its
 * `server` line `down` and reloads nginx (SIGHUP: new workers with the new configuration,
 * the old ones finish what they are doing). Resolves once the new workers run. Works from
 * any process, through cluster.json: the tests call it too.
 */
export async function setInRotation(stateFile, index, inRotation) {
  const state = readClusterState(stateFile)
  const downFile = path.join(state.dir, 'nginx', 'down.json')
  const down = new Set(JSON.parse(readFileSync(downFile, 'utf8')))
  if (inRotation) down.delete(index)
  else down.add(index)
  writeSiteConfig(state, [...down].sort())
  const before = new Set(childrenOf(state.nginxPid))
  process.kill(state.nginxPid, 'SIGHUP')
  const deadline = Date.now() + 10_000
  while (!childrenOf(state.nginxPid).some((pid) => !before.has(pid))) {
    if (Date.now() > deadline) throw new Error('nginx did not reload in 10 s: see its error.log')
    await sleep(20)
  }
  // The old workers stop taking new connections when they read their stop signal: a moment.
  await sleep(200)
}

/**
 * Restarts the API processes one at a time without failing a request: take it out of
 * nginx's rotation, let the requests nginx already sent it finish, SIGTERM (the process
 * finishes what it is doing and exits; the supervisor starts it again), wait until the new
 * one answers ready, put it back, next. Without the first step nginx keeps sending the
 * process requests until it stops listening, and a POST that reaches it in that moment
 * fails: nginx does not send a POST twice. Returns how long each process was out.
 */
export async function rollingRestart(stateFile, { settleMs = 500, timeoutMs = 120_000 } = {}) {
  const took = []
  for (const api of readClusterState(stateFile).apis) {
    const started = Date.now()
    await setInRotation(stateFile, api.index, false)
    await sleep(settleMs)
    const old = readClusterState(stateFile).apis[api.index]
    if (old.pid) process.kill(old.pid, 'SIGTERM')
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const now = readClusterState(stateFile).apis[api.index]
      if (now.pid && now.pid !== old.pid && (await answers(`${now.url}/api/ready`))) break
      if (Date.now() > deadline) throw new Error(`process ${api.index + 1} did not come back in ${timeoutMs / 1000} s`)
      await sleep(100)
    }
    await setInRotation(stateFile, api.index, true)
    took.push({ index: api.index, ms: Date.now() - started })
  }
  return took
}

async function main() {
  process.chdir(root)
  const options = clusterOptions()
  const problem = missingBuild(options)
  if (problem) fail(problem)
  log(
    `Meedenken als cluster starten / starting Meedenken as a cluster: ${options.processes} API-processen, ` +
      `${options.engine === 'postgres' ? 'PostgreSQL' : 'één SQLite-bestand / one SQLite file'}, nginx`,
  )
  let cluster
  try {
    cluster = await startCluster(options)
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error))
  }
  const { state } = cluster
  process.stdout.write(
    [
      '',
      `  Meedenken draait op / runs at ${cluster.url}  (nginx → ${state.apis.map((a) => a.port).join(', ')})`,
      `  Database: ${state.database}`,
      `  Logs: ${path.join(cluster.dir, 'logs')}`,
      ...(options.demoData
        ? [
            '',
            '  Demo-accounts (wachtwoord / password: meedenken-demo): inwoner@, medewerker@, beheerder@midden-groningen.example',
          ]
        : []),
      '',
      '  Probeer / try:  kill -9 <pid> of one process and watch it come back:',
      ...state.apis.map((a) => `    API ${a.index + 1}  :${a.port}  pid ${a.pid}`),
      `  Rolling restart, one process at a time:  kill -USR2 ${process.pid}`,
      '',
      '  Ctrl-C stopt alles / stops everything.',
      '',
    ].join('\n'),
  )
  let stopped = false
  const stopAll = async () => {
    if (stopped) return
    stopped = true
    log('Stoppen / stopping')
    await cluster.stop()
    process.exit(0)
  }
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void stopAll())
  let restarting = false
  process.on('SIGUSR2', () => {
    if (restarting || stopped) return
    restarting = true
    log('Rolling restart')
    rollingRestart(cluster.stateFile)
      .then((took) =>
        log(`Rolling restart klaar / done: ${took.map((t) => `API ${t.index + 1} ${t.ms} ms`).join(', ')}`),
      )
      .catch((error) => process.stderr.write(`rolling restart failed: ${error.message}\n`))
      .finally(() => {
        restarting = false
      })
  })
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main()
