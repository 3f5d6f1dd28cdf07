import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import pg from 'pg'
import { repoRoot } from '../paths'

type PostgresScript = {
  postgresBin: () => string | null
  startPostgres: (options: { bin: string; dir: string; port: number; durable?: boolean }) => {
    url: string
    stop: () => void
  }
}

export type ThrowawayPostgres = {
  /** The server's own `postgres` database, for CREATE DATABASE. */
  url: string
  /** A new, empty database on the server; returns its URL. */
  createDatabase: (name: string) => Promise<string>
  stop: () => void
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/**
 * A PostgreSQL server of its own for tests: Debian's programs (scripts/postgres.mjs), a data
 * folder in the system's temp folder, a free port, no fsync. Fails, with how to install it,
 * when PostgreSQL is not installed: a test that needs it never quietly skips.
 */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const script: PostgresScript = await import(pathToFileURL(path.join(repoRoot, 'scripts', 'postgres.mjs')).href)
  const bin = script.postgresBin()
  if (!bin) {
    throw new Error(
      'PostgreSQL is not installed (no /usr/lib/postgresql/<version>/bin/initdb). These tests start a server of ' +
        'their own and need its programs: on Debian or Ubuntu run `apt-get install -y postgresql postgresql-contrib` ' +
        '(as root, or with sudo), then run `pnpm --filter @meedenken/api test:pg` again.',
    )
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'meedenken-pg-'))
  const server = script.startPostgres({ bin, dir, port: await freePort(), durable: false })
  return {
    url: server.url,
    createDatabase: async (name) => {
      const client = new pg.Client({ connectionString: server.url })
      await client.connect()
      try {
        await client.query(`create database "${name.replaceAll('"', '""')}"`)
      } finally {
        await client.end()
      }
      const url = new URL(server.url)
      url.pathname = `/${name}`
      return url.toString()
    },
    stop: () => {
      server.stop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
