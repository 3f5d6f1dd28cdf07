import { type ChildProcess, spawn } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { apiDir } from './paths'

/** Ports this benchmark may use; 3100 and 3200 belong to other test runs on the machine. */
const PORT_RANGE = { from: 3300, to: 3399 }

export async function freePort(preferred?: number): Promise<number> {
  const first = preferred ?? PORT_RANGE.from
  for (let port = first; port <= PORT_RANGE.to; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer()
      probe.once('error', () => resolve(false))
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)))
    })
    if (free) return port
  }
  throw new Error(`no free port in ${PORT_RANGE.from}-${PORT_RANGE.to}`)
}

export type RunningServer = {
  url: string
  pid: number
  /** Last lines the process wrote (warnings and errors at LOG_LEVEL=warn). */
  output: () => string[]
  stop: () => Promise<void>
}

/** How the production server starts (apps/api/node-flags.json): node flags and environment. The floor runs with the same. */
function productionStart(): { flags: string[]; env: Record<string, string> } {
  return JSON.parse(readFileSync(path.join(apiDir, 'node-flags.json'), 'utf8')) as {
    flags: string[]
    env: Record<string, string>
  }
}

/** Starts `node <flags> <script>` in apps/api and waits until `readyPath` answers 2xx. */
async function startNode(options: {
  script: string
  args?: string[]
  env: NodeJS.ProcessEnv
  port: number
  readyPath: string
  name: string
}): Promise<RunningServer> {
  const start = productionStart()
  const child: ChildProcess = spawn(process.execPath, [...start.flags, options.script, ...(options.args ?? [])], {
    cwd: apiDir,
    env: { ...start.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const lines: string[] = []
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line.trim()) lines.push(line)
    if (lines.length > 200) lines.splice(0, lines.length - 200)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  let exited: number | null | undefined
  const exit = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      exited = code
      resolve()
    }),
  )
  const url = `http://127.0.0.1:${options.port}`
  const deadline = Date.now() + 120_000
  for (;;) {
    if (exited !== undefined) throw new Error(`${options.name} exited (${exited}) while starting:\n${lines.join('\n')}`)
    try {
      const res = await fetch(`${url}${options.readyPath}`)
      if (res.ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`${options.name} did not become ready within 120 s:\n${lines.join('\n')}`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  const pid = child.pid
  if (pid === undefined) throw new Error(`${options.name} has no pid`)
  return {
    url,
    pid,
    output: () => [...lines],
    stop: async () => {
      if (exited !== undefined) return
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
      await exit
      clearTimeout(timer)
    },
  }
}

/**
 * The production server, as `pnpm --filter @meedenken/api start` runs it: the bundled
 * dist/server.js with its memory flags, in one process whose memory we sample. On the
 * SQLite file at `databasePath`, or on PostgreSQL when `databaseUrl` is given.
 */
export async function startServer(
  options: { port: number } & ({ databasePath: string } | { databaseUrl: string }),
): Promise<RunningServer> {
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const key of [
    'PUBLIC_URL',
    'TRUST_PROXY',
    'DEMO_DATA',
    'DEV_MAILBOX',
    'SMTP_URL',
    'WEB_DIST',
    'INIT_CWD',
    'DATABASE_URL',
    'DATABASE_PATH',
  ]) {
    delete env[key]
  }
  return startNode({
    script: 'dist/server.js',
    env: {
      ...env,
      NODE_ENV: 'production',
      PORT: String(options.port),
      HOST: '127.0.0.1',
      ...('databaseUrl' in options ? { DATABASE_URL: options.databaseUrl } : { DATABASE_PATH: options.databasePath }),
      LOG_LEVEL: 'warn',
    },
    port: options.port,
    readyPath: '/api/ready',
    name: 'the server',
  })
}

/**
 * The floor: a bare Hono app on @hono/node-server (apps/api/scripts/floor-server.mjs, so it
 * resolves the API's own versions of both) with one JSON route, under the same node flags.
 */
export async function startFloor(options: { port: number }): Promise<RunningServer> {
  return startNode({
    script: 'scripts/floor-server.mjs',
    args: [String(options.port)],
    env: { ...process.env, NODE_ENV: 'production' },
    port: options.port,
    readyPath: '/api/health',
    name: 'the floor server',
  })
}

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8')
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)
    return match ? Number(match[1]) : 0
  } catch {
    return 0
  }
}

function childrenOf(pid: number): number[] {
  const found: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      // The ppid is the second field after the parenthesised command name.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      if (ppid === pid) found.push(Number(entry), ...childrenOf(Number(entry)))
    } catch {
      // the process ended while we looked
    }
  }
  return found
}

export type MemorySampler = {
  /** Peak RSS since the previous mark, in bytes: which row drove memory up. */
  mark: () => number
  stop: () => { peakBytes: number; samples: number }
}

/**
 * Samples the resident memory of the server and any children every 100 ms, and reads the
 * kernel's own high-water mark (VmHWM) at the end, so a spike between samples still counts.
 */
export function sampleMemory(pid: number): MemorySampler {
  let peakKb = 0
  let sinceMarkKb = 0
  let samples = 0
  let family = [pid, ...childrenOf(pid)]
  let ticks = 0
  const sample = () => {
    if (++ticks % 50 === 0) family = [pid, ...childrenOf(pid)]
    const total = family.reduce((sum, p) => sum + statusKb(p, 'VmRSS'), 0)
    peakKb = Math.max(peakKb, total)
    sinceMarkKb = Math.max(sinceMarkKb, total)
    samples++
  }
  sample()
  const timer = setInterval(sample, 100)
  return {
    mark: () => {
      sample()
      const peak = sinceMarkKb * 1024
      sinceMarkKb = 0
      return peak
    },
    stop: () => {
      clearInterval(timer)
      sample()
      const hwm = family.reduce((sum, p) => sum + statusKb(p, 'VmHWM'), 0)
      return { peakBytes: Math.max(peakKb, hwm) * 1024, samples }
    },
  }
}
