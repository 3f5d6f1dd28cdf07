import type { AddressInfo } from 'node:net'
import { eq } from 'drizzle-orm'
import { SMTPServer } from 'smtp-server'
import { afterAll, describe, expect, it } from 'vitest'
import { mailOutbox } from '../db/schema'
import { createTestApp } from '../test/test-app'
import { queueMail } from './outbox.data'
import { deliverDueMail, RETRY_DELAYS_MS, smtpTransport } from './sender'

type Received = { to: string; data: string }

/** A real SMTP server on a loopback port that keeps what it receives. */
async function startSink(port = 0): Promise<{ server: SMTPServer; port: number; received: Received[] }> {
  const received: Received[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let data = ''
      stream.on('data', (chunk: Buffer) => {
        data += chunk.toString('utf8')
      })
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), data })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return { server, port: (server.server.address() as AddressInfo).port, received }
}

const stop = (server: SMTPServer) => new Promise<void>((resolve) => server.close(() => resolve()))

describe('mail sender', () => {
  const servers: SMTPServer[] = []
  afterAll(async () => {
    for (const s of servers) await stop(s).catch(() => {})
  })

  it('delivers queued mail through a real SMTP server, once', async () => {
    const sink = await startSink()
    servers.push(sink.server)
    const ctx = createTestApp()
    await queueMail(
      ctx.db,
      { to: 'inwoner@example.org', subject: 'Test', text: 'Hallo daar', userId: null },
      ctx.clock.now(),
    )
    const transport = smtpTransport({
      smtpUrl: `smtp://127.0.0.1:${sink.port}`,
      mailFrom: 'Meedenken <noreply@example.org>',
    })
    if (!transport) throw new Error('no transport')
    expect(await deliverDueMail(ctx.db, transport, ctx.clock)).toBe(1)
    expect(await deliverDueMail(ctx.db, transport, ctx.clock)).toBe(0)
    expect(sink.received).toHaveLength(1)
    expect(sink.received[0]?.to).toBe('inwoner@example.org')
    expect(sink.received[0]?.data).toContain('Hallo daar')
    expect((await ctx.db.select().from(mailOutbox).limit(1))[0]?.status).toBe('sent')
  })

  it('retries with backoff after the server refused, and delivers when it is back', async () => {
    const probe = await startSink()
    const port = probe.port
    await stop(probe.server)
    const ctx = createTestApp()
    await queueMail(
      ctx.db,
      { to: 'later@example.org', subject: 'Later', text: 'Komt nog', userId: null },
      ctx.clock.now(),
    )
    const transport = smtpTransport({ smtpUrl: `smtp://127.0.0.1:${port}`, mailFrom: 'noreply@example.org' })
    if (!transport) throw new Error('no transport')
    expect(await deliverDueMail(ctx.db, transport, ctx.clock)).toBe(0)
    const [row] = await ctx.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'later@example.org')).limit(1)
    expect(row).toMatchObject({
      status: 'pending',
      attempts: 1,
      nextAttemptAt: ctx.clock.now() + (RETRY_DELAYS_MS[0] ?? 0),
    })

    const sink = await startSink(port)
    servers.push(sink.server)
    expect(await deliverDueMail(ctx.db, transport, ctx.clock)).toBe(0) // not due yet
    ctx.clock.advance(RETRY_DELAYS_MS[0] ?? 0)
    expect(await deliverDueMail(ctx.db, transport, ctx.clock)).toBe(1)
    expect(sink.received.map((r) => r.to)).toEqual(['later@example.org'])
  })
})
