import nodemailer from 'nodemailer'
import type { Logger } from 'pino'
import type { Db } from '../db/open'
import type { Clock } from '../http/env'
import type { Settings } from '../settings'
import { claimDueMail, markMailFailed, markMailSent, releaseStaleClaims } from './outbox.data'

// Waits after the 1st, 2nd, … failed attempt; after the last the mail is marked failed.
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 12 * 3_600_000]

export type MailTransport = {
  send: (mail: { to: string; subject: string; text: string; headers: Record<string, string> | null }) => Promise<void>
}

export function smtpTransport(settings: Pick<Settings, 'smtpUrl' | 'mailFrom'>): MailTransport | null {
  if (!settings.smtpUrl) return null
  const transporter = nodemailer.createTransport(settings.smtpUrl)
  return {
    send: async (mail) => {
      await transporter.sendMail({
        from: settings.mailFrom,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.headers ? { headers: mail.headers } : {}),
      })
    },
  }
}

/** Sends what is due, once. Returns how many were sent. The worker calls this on a timer. */
export async function deliverDueMail(db: Db, transport: MailTransport, clock: Clock, logger?: Logger): Promise<number> {
  await releaseStaleClaims(db, clock.now())
  let sent = 0
  for (const mail of await claimDueMail(db, clock.now(), 20)) {
    try {
      await transport.send(mail)
      await markMailSent(db, mail.id, clock.now())
      sent++
    } catch (error) {
      const attempts = mail.attempts + 1
      const delay = RETRY_DELAYS_MS[attempts - 1]
      const message = error instanceof Error ? error.message : String(error)
      await markMailFailed(db, mail.id, attempts, message, delay === undefined ? null : clock.now() + delay)
      logger?.warn({ mailId: mail.id, attempts, error: message }, 'mail not sent')
    }
  }
  return sent
}

/** Without SMTP_URL there is no worker: mail stays in the outbox (and the dev mailbox shows it). */
export function startMailWorker(deps: {
  db: Db
  settings: Settings
  clock: Clock
  logger: Logger
}): () => Promise<void> {
  const transport = smtpTransport(deps.settings)
  if (!transport) return async () => {}
  let running: Promise<void> | null = null
  const timer = setInterval(() => {
    if (running !== null) return
    running = deliverDueMail(deps.db, transport, deps.clock, deps.logger)
      .then(() => {})
      .catch((error: unknown) => deps.logger.error({ error: String(error) }, 'mail worker failed'))
      .finally(() => {
        running = null
      })
  }, 2_000)
  timer.unref()
  return async () => {
    clearInterval(timer)
    await running
  }
}
