import { randomBytes } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import Database from 'better-sqlite3'
import pg from 'pg'
import { inject } from 'vitest'
import { repoRoot } from '../src/paths'

/** The cluster global-setup.ts started (scripts/cluster.mjs), as the tests see it. */
export type ClusterInfo = {
  /** nginx, the one address people use. */
  url: string
  /** The Host the app answers to (its PUBLIC_URL's): sent also to the processes directly. */
  publicHost: string
  engine: 'postgres' | 'sqlite'
  /** postgres:// URL or the SQLite file. */
  database: string
  stateFile: string
  accessLog: string
  /** One JSON line per mail the SMTP sink received. */
  mailLog: string
}

export type ApiProcess = { index: number; port: number; url: string; pid: number | null; starts: number }

export const cluster = (): ClusterInfo => inject('cluster')

type ClusterScript = {
  setInRotation: (stateFile: string, index: number, inRotation: boolean) => Promise<void>
  rollingRestart: (stateFile: string) => Promise<{ index: number; ms: number }[]>
}

/** scripts/cluster.mjs, which started the cluster: its rolling restart is the one people use. */
export async function clusterScript(): Promise<ClusterScript> {
  return (await import(pathToFileURL(path.join(repoRoot, 'scripts', 'cluster.mjs')).href)) as ClusterScript
}

/** The processes as the supervisor sees them now (their pids change when one is started again). */
export function processes(): ApiProcess[] {
  return (JSON.parse(readFileSync(cluster().stateFile, 'utf8')) as { apis: ApiProcess[] }).apis
}

export type Answer = { status: number; headers: http.IncomingHttpHeaders; text: string; json: <T>() => T }

export type CallOptions = {
  method?: string
  cookie?: string
  body?: unknown
  /** The client's own address (127.0.0.x): nginx and the app's rate limits see it. */
  from?: string
  headers?: Record<string, string>
  timeoutMs?: number
}

/**
 * One HTTP request on a connection of its own, as a browser's would be after its connection
 * was closed. node:http rather than fetch: fetch cannot set the Host header (needed to talk
 * to a process directly: the app answers only its PUBLIC_URL host) nor the client's address.
 * A refused or broken connection rejects.
 */
export function call(base: string, path: string, options: CallOptions = {}): Promise<Answer> {
  const url = new URL(path, base)
  const body = options.body === undefined ? undefined : JSON.stringify(options.body)
  const headers: Record<string, string> = { host: cluster().publicHost, ...options.headers }
  if (options.cookie) headers.cookie = options.cookie
  if (body !== undefined) {
    headers['content-type'] = 'application/json'
    headers['content-length'] = String(Buffer.byteLength(body))
  }
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method: options.method ?? 'GET',
        headers,
        agent: false,
        ...(options.from ? { localAddress: options.from } : {}),
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('error', reject)
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: <T>() => JSON.parse(text) as T })
        })
      },
    )
    req.setTimeout(options.timeoutMs ?? 30_000, () =>
      req.destroy(new Error(`no answer in ${options.timeoutMs ?? 30_000} ms`)),
    )
    req.on('error', reject)
    req.end(body)
  })
}

/** The session cookie a 200 from login or verify set, as a Cookie header. */
export function sessionCookie(answer: Answer): string {
  const set = answer.headers['set-cookie'] ?? []
  const session = set.map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith('meedenken_session='))
  if (!session || session === 'meedenken_session=')
    throw new Error(`no session cookie in ${answer.status} ${answer.text}`)
  return session
}

export async function logIn(base: string, email: string, password: string): Promise<string> {
  const answer = await call(base, '/api/auth/login', { method: 'POST', body: { email, password } })
  if (answer.status !== 200) throw new Error(`login as ${email}: ${answer.status} ${answer.text}`)
  return sessionCookie(answer)
}

export const DEMO_PASSWORD = 'meedenken-demo'
export const DEMO_STAFF = 'medewerker@midden-groningen.example'
export const DEMO_MEMBER = 'inwoner@midden-groningen.example'

export type ReceivedMail = { at: number; to: string; data: string }

/** Every mail the SMTP sink has received so far. */
export function receivedMail(): ReceivedMail[] {
  const text = readFileSync(cluster().mailLog, 'utf8')
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as ReceivedMail)
}

/** SMTP sessions a sender broke off (its process stopped in the middle of one). */
export function brokenSmtpSessions(): number {
  try {
    return readFileSync(`${cluster().mailLog}.errors`, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '').length
  } catch {
    return 0
  }
}

/** The text of a received mail's body, quoted-printable or base64 decoded. */
export function mailText(mail: ReceivedMail): string {
  const split = mail.data.indexOf('\r\n\r\n')
  const head = mail.data.slice(0, split)
  const body = mail.data.slice(split + 4)
  const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase()
  let text = body
  if (encoding === 'base64') text = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
  if (encoding === 'quoted-printable') {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    text = Buffer.from(bytes, 'latin1').toString('utf8')
  }
  return text.replace(/\r\n/g, '\n')
}

export async function waitFor<T>(
  what: string,
  probe: () => T | Promise<T>,
  timeoutMs = 60_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value) return value as NonNullable<T>
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs / 1000} s for ${what}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

/**
 * Sign-ups through nginx, `concurrency` at a time, each queuing a confirmation mail; stops
 * early when `until()` says so. Returns the addresses signed up. Sign-ups are limited per
 * address and hour (60): fifty come from each client address of a network of their own
 * (127.a.b.x), which also shows that the app counts the address nginx saw, not nginx's own.
 */
export async function signUp(count: number, tag: string, concurrency = 16, until = () => false): Promise<string[]> {
  const { url } = cluster()
  const run = `${tag}-${randomBytes(3).toString('hex')}`
  const network = `127.${1 + Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`
  const emails: string[] = []
  let next = 0
  const one = async () => {
    for (let i = next++; i < count && !until(); i = next++) {
      const email = `${run}-${i}@example.org`
      const answer = await call(url, '/api/auth/signup', {
        method: 'POST',
        from: `${network}.${1 + Math.floor(i / 50)}`,
        body: {
          email,
          password: `proef-${randomBytes(8).toString('hex')}`,
          displayName: `Proef ${run} ${i}`,
          targetGroup: 'resident',
        },
      })
      if (answer.status !== 202) throw new Error(`signup ${email}: ${answer.status} ${answer.text}`)
      emails.push(email)
    }
  }
  await Promise.all(Array.from({ length: concurrency }, one))
  return emails
}

export type Member = { email: string; cookie: string; userId: number }

/**
 * Members made the way people make them, through nginx: sign up, receive the confirmation
 * mail at the SMTP sink, confirm with its link (which signs in).
 */
export async function signUpMembers(count: number, tag: string, concurrency = 16): Promise<Member[]> {
  const { url } = cluster()
  const emails = await signUp(count, tag, concurrency)
  const wanted = new Set(emails)
  const links = await waitFor(
    `${count} confirmation mails`,
    () => {
      const found = new Map<string, string>()
      for (const mail of receivedMail()) {
        if (!wanted.has(mail.to)) continue
        const token = /\/bevestigen\?token=([\w-]+)/.exec(mailText(mail))?.[1]
        if (token) found.set(mail.to, token)
      }
      return found.size === count ? found : null
    },
    120_000,
  )
  const members: Member[] = []
  let next = 0
  const verify = async () => {
    for (let i = next++; i < count; i = next++) {
      const email = emails[i] ?? ''
      const answer = await call(url, '/api/auth/verify', { method: 'POST', body: { token: links.get(email) } })
      if (answer.status !== 200) throw new Error(`verify ${email}: ${answer.status} ${answer.text}`)
      members.push({ email, cookie: sessionCookie(answer), userId: answer.json<{ user: { id: number } }>().user.id })
    }
  }
  await Promise.all(Array.from({ length: concurrency }, verify))
  return members
}

/** Reads the cluster's database directly (PostgreSQL or the shared SQLite file); `?` placeholders. */
export async function openDatabase(): Promise<{
  query: <T>(sql: string, params?: unknown[]) => Promise<T[]>
  close: () => Promise<void>
}> {
  const { engine, database } = cluster()
  if (engine === 'postgres') {
    const client = new pg.Client({ connectionString: database })
    await client.connect()
    return {
      query: async <T>(sql: string, params: unknown[] = []) => {
        let n = 0
        return (
          await client.query(
            sql.replace(/\?/g, () => `$${++n}`),
            params,
          )
        ).rows as T[]
      },
      close: () => client.end(),
    }
  }
  const sqlite = new Database(database, { readonly: true })
  sqlite.pragma('busy_timeout = 5000')
  return {
    query: async <T>(sql: string, params: unknown[] = []) => sqlite.prepare(sql).all(...params) as T[],
    close: async () => {
      sqlite.close()
    },
  }
}

/** How many requests each process answered in nginx's access log from `offset` (bytes) on. */
export function upstreamCounts(offset: number): Map<string, number> {
  const text = readFileSync(cluster().accessLog, 'utf8').slice(offset)
  const counts = new Map<string, number>()
  for (const match of text.matchAll(/upstream=(.+?) upstream_status=/g)) {
    // A retried request names every process it tried: the last one answered.
    const last = (match[1] ?? '').split(', ').at(-1) ?? ''
    counts.set(last, (counts.get(last) ?? 0) + 1)
  }
  return counts
}

export const accessLogSize = (): number => statSync(cluster().accessLog).size

/** Waits until process `index` runs with a pid other than `oldPid` and answers ready. */
export async function waitForRestart(index: number, oldPid: number | null, timeoutMs = 60_000): Promise<ApiProcess> {
  return await waitFor(
    `process ${index + 1} to be started again and ready`,
    async () => {
      const p = processes()[index]
      if (!p || p.pid === null || p.pid === oldPid) return null
      try {
        const ready = await call(p.url, '/api/ready', { timeoutMs: 1000 })
        return ready.status === 200 ? p : null
      } catch {
        return null
      }
    },
    timeoutMs,
  )
}

/**
 * Ideas that take a vote now, found by voting and taking it back (an idea of a campaign
 * outside its voting phase refuses with 409; a closed one too).
 */
export async function votableIdeas(cookie: string, count: number): Promise<number[]> {
  const db = await openDatabase()
  const candidates = await db.query<{ id: number }>(
    "select id from ideas where status not in ('done', 'declined', 'merged') and hidden = 0 order by id",
  )
  await db.close()
  const open: number[] = []
  for (const { id } of candidates) {
    if (open.length === count) break
    const put = await call(cluster().url, `/api/ideas/${id}/vote`, { method: 'PUT', cookie })
    if (put.status !== 200) continue
    const back = await call(cluster().url, `/api/ideas/${id}/vote`, { method: 'DELETE', cookie })
    if (back.status !== 200) throw new Error(`taking back a vote on ${id}: ${back.status} ${back.text}`)
    open.push(id)
  }
  if (open.length < count) throw new Error(`only ${open.length} ideas take votes, ${count} wanted`)
  return open
}

export async function voteCount(base: string, ideaId: number): Promise<number> {
  const answer = await call(base, `/api/ideas/${ideaId}`)
  if (answer.status !== 200) throw new Error(`GET idea ${ideaId}: ${answer.status} ${answer.text}`)
  return answer.json<{ idea: { voteCount: number } }>().idea.voteCount
}

export type LiveMessage = { event: string; data: unknown; at: number }

/** A live-update stream (GET /api/live, server-sent events), open until close(). */
export function openStream(
  base: string,
  query: string,
  cookie?: string,
): Promise<{ messages: LiveMessage[]; close: () => void }> {
  const url = new URL(`/api/live${query}`, base)
  return new Promise((resolve, reject) => {
    const messages: LiveMessage[] = []
    let buffer = ''
    const headers: Record<string, string> = { host: cluster().publicHost, accept: 'text/event-stream' }
    if (cookie) headers.cookie = cookie
    const req = http.get(
      { host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, headers, agent: false },
      (res) => {
        if (res.statusCode !== 200) {
          reject(new Error(`live stream: ${res.statusCode}`))
          res.resume()
          return
        }
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => {
          buffer += chunk
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            const block = buffer.slice(0, end)
            buffer = buffer.slice(end + 2)
            const event = /^event: (.*)$/m.exec(block)?.[1]
            const data = /^data: (.*)$/m.exec(block)?.[1]
            if (!event) continue
            messages.push({ event, data: data ? JSON.parse(data) : null, at: Date.now() })
            if (event === 'ready') resolve({ messages, close: () => req.destroy() })
          }
        })
      },
    )
    req.on('error', reject)
  })
}

/** Waits until every process runs and answers ready: a file never starts on a cluster a previous file left half restarted. */
export async function allProcessesReady(timeoutMs = 60_000): Promise<void> {
  await waitFor(
    'every process to be ready',
    async () => {
      for (const p of processes()) {
        if (p.pid === null) return false
        try {
          if ((await call(p.url, '/api/ready', { timeoutMs: 1000 })).status !== 200) return false
        } catch {
          return false
        }
      }
      return true
    },
    timeoutMs,
  )
}
