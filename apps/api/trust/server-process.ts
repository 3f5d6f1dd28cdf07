import { type ChildProcess, spawn } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { afterEach } from 'vitest'

const apiRoot = fileURLToPath(new URL('..', import.meta.url))

const running = new Set<ChildProcess>()

// A failed expectation must not leave a server behind on its port for the next run.
afterEach(() => {
  for (const child of running) child.kill('SIGKILL')
  running.clear()
})

export type RunningServer = { process: ChildProcess; url: string; exited: Promise<number | null> }

// API_OUT_DIR is where scripts/build.mjs put the bundle (default dist), so parallel work can test its own.
const serverBundle = path.join(apiRoot, process.env.API_OUT_DIR ?? 'dist', 'server.js')
const { flags: nodeFlags, env: nodeEnv } = JSON.parse(readFileSync(path.join(apiRoot, 'node-flags.json'), 'utf8')) as {
  flags: string[]
  env: Record<string, string>
}

/**
 * Starts the production server (the bundle and flags `npm start` uses) on a file and port.
 * Plain node, no wrapper: a wrapper such as tsx relays signals itself, so kill -9 would hit
 * the wrapper and leave the server running, and a busy server could be force-killed on SIGTERM.
 */
export async function startServer(
  databasePath: string,
  port: number,
  env: Record<string, string> = {},
): Promise<RunningServer> {
  if (!existsSync(serverBundle))
    throw new Error(`${serverBundle} is missing: run \`pnpm --filter @meedenken/api build\``)
  const child = spawn(process.execPath, [...nodeFlags, serverBundle], {
    env: {
      ...nodeEnv,
      ...process.env,
      DATABASE_PATH: databasePath,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  running.add(child)
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      running.delete(child)
      resolve(code)
    }),
  )
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 30_000
  for (;;) {
    try {
      if ((await fetch(`${url}/api/ready`)).ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('server did not become ready in 30 s')
    await new Promise((r) => setTimeout(r, 100))
  }
  return { process: child, url, exited }
}

/** Members (or staff) with live sessions made directly in the database: known cookies for load. */
export function makeSessions(
  databasePath: string,
  count: number,
  role: 'member' | 'staff' = 'member',
): { cookie: string; userId: number }[] {
  const sqlite = new Database(databasePath)
  sqlite.pragma('busy_timeout = 5000')
  const now = Date.now()
  const people: { cookie: string; userId: number }[] = []
  const insertUser = sqlite.prepare(
    `insert into users (email, email_verified_at, display_name, role, target_group, created_at, updated_at)
     values (?, ?, ?, ?, 'resident', ?, ?) returning id`,
  )
  const insertSession = sqlite.prepare(
    'insert into sessions (token_hash, user_id, created_at, last_seen_at, expires_at) values (?, ?, ?, ?, ?)',
  )
  sqlite.transaction(() => {
    for (let i = 0; i < count; i++) {
      const tag = randomBytes(6).toString('hex')
      const { id } = insertUser.get(`trust-${tag}@example.org`, now, `Proef ${tag}`, role, now, now) as { id: number }
      const token = randomBytes(32).toString('base64url')
      insertSession.run(createHash('sha256').update(token).digest('base64url'), id, now, now, now + 86_400_000)
      people.push({ cookie: `meedenken_session=${token}`, userId: id })
    }
  })()
  sqlite.close()
  return people
}
