import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { SMTPServer } from 'smtp-server'
import type { TestProject } from 'vitest/node'
import { repoRoot } from '../src/paths'
import type { ClusterInfo } from './cluster-client'

declare module 'vitest' {
  export interface ProvidedContext {
    cluster: ClusterInfo
  }
}

type ClusterScript = {
  clusterOptions: (env: NodeJS.ProcessEnv, overrides: Record<string, unknown>) => Record<string, unknown>
  startCluster: (options: Record<string, unknown>) => Promise<{
    url: string
    dir: string
    stateFile: string
    database: string
    state: { engine: 'postgres' | 'sqlite'; accessLog: string }
    stop: () => Promise<void>
  }>
}

/** A real SMTP server on a loopback port that writes every mail it receives as one JSON line. */
async function startSmtpSink(file: string): Promise<{ port: number; stop: () => Promise<void> }> {
  writeFileSync(file, '')
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address).join(',')
        // Written before the answer: a mail the sender saw accepted is in the file.
        appendFileSync(
          file,
          `${JSON.stringify({ at: Date.now(), to, data: Buffer.concat(chunks).toString('utf8') })}\n`,
        )
        callback()
      })
    },
  })
  // A sender that stops in the middle of a session resets its connection, as a real mail
  // server sees it too: noted (the mail test reports it), never fatal.
  server.on('error', (error: Error) => {
    appendFileSync(`${file}.errors`, `${JSON.stringify({ at: Date.now(), error: error.message })}\n`)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.server.address() as AddressInfo).port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/**
 * Starts the cluster once for every test file, exactly as `pnpm cluster` does
 * (scripts/cluster.mjs), with an SMTP sink as its mail server: PostgreSQL (or
 * CLUSTER_ENGINE=sqlite: one shared SQLite file), three API processes, nginx.
 */
export default async function setup(project: TestProject) {
  const script = (await import(pathToFileURL(path.join(repoRoot, 'scripts', 'cluster.mjs')).href)) as ClusterScript
  const options = script.clusterOptions(process.env, {
    port: Number(process.env.CLUSTER_PORT ?? 3200),
    durable: false,
    needWeb: false,
  })
  const mailLog = path.join(mkdtempSync(path.join(tmpdir(), 'meedenken-cluster-mail-')), 'mail.jsonl')
  const sink = await startSmtpSink(mailLog)
  const started = Date.now()
  const cluster = await script
    .startCluster({
      ...options,
      env: { SMTP_URL: `smtp://127.0.0.1:${sink.port}`, MAIL_FROM: 'Meedenken <noreply@example.org>' },
    })
    .catch(async (error: unknown) => {
      await sink.stop()
      throw error
    })
  console.info(
    `cluster: ${cluster.state.engine}, nginx on ${cluster.url}, started in ${((Date.now() - started) / 1000).toFixed(1)} s (${cluster.dir})`,
  )
  project.provide('cluster', {
    url: cluster.url,
    publicHost: new URL(cluster.url).host,
    engine: cluster.state.engine,
    database: cluster.database,
    stateFile: cluster.stateFile,
    accessLog: cluster.state.accessLog,
    mailLog,
  })
  return async () => {
    await cluster.stop()
    await sink.stop()
    if (!process.env.CLUSTER_KEEP) rmSync(path.dirname(mailLog), { recursive: true, force: true })
  }
}
