import { and, desc, eq, inArray, lte } from 'drizzle-orm'
import type { Db, DbOrTx } from '../db/open'
import { mailOutbox } from '../db/schema'

export type OutgoingMail = {
  to: string
  subject: string
  text: string
  userId: number | null
  headers?: Record<string, string>
}

/** Mail is written in the same transaction as the change that causes it, then sent by the worker. */
export async function queueMail(db: DbOrTx, mail: OutgoingMail, now: number): Promise<void> {
  await db.insert(mailOutbox).values({
    toAddress: mail.to,
    subject: mail.subject,
    text: mail.text,
    headers: mail.headers ?? null,
    userId: mail.userId,
    nextAttemptAt: now,
    createdAt: now,
  })
}

export async function latestMail(db: Db, limit: number) {
  return await db
    .select({
      to: mailOutbox.toAddress,
      subject: mailOutbox.subject,
      text: mailOutbox.text,
      createdAt: mailOutbox.createdAt,
    })
    .from(mailOutbox)
    .orderBy(desc(mailOutbox.id))
    .limit(limit)
}

export type ClaimedMail = {
  id: number
  to: string
  subject: string
  text: string
  headers: Record<string, string> | null
  attempts: number
}

/**
 * Claims due mail for this process. The conditional UPDATE is atomic, so two server
 * processes never send the same mail twice.
 */
export async function claimDueMail(db: Db, now: number, limit: number): Promise<ClaimedMail[]> {
  return await db.transaction(async (tx) => {
    const due = await tx
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      .where(and(eq(mailOutbox.status, 'pending'), lte(mailOutbox.nextAttemptAt, now)))
      .orderBy(mailOutbox.nextAttemptAt)
      .limit(limit)

    if (due.length === 0) return []
    return await tx
      .update(mailOutbox)
      .set({ status: 'sending', nextAttemptAt: now })
      .where(
        and(
          inArray(
            mailOutbox.id,
            due.map((d) => d.id),
          ),
          eq(mailOutbox.status, 'pending'),
        ),
      )
      .returning({
        id: mailOutbox.id,
        to: mailOutbox.toAddress,
        subject: mailOutbox.subject,
        text: mailOutbox.text,
        headers: mailOutbox.headers,
        attempts: mailOutbox.attempts,
      })
  })
}

export async function markMailSent(db: Db, id: number, now: number): Promise<void> {
  await db
    .update(mailOutbox)
    .set({ status: 'sent', sentAt: now, attempts: 0, lastError: null })
    .where(eq(mailOutbox.id, id))
}

export async function markMailFailed(
  db: Db,
  id: number,
  attempts: number,
  error: string,
  retryAt: number | null,
): Promise<void> {
  await db
    .update(mailOutbox)
    .set({
      status: retryAt === null ? 'failed' : 'pending',
      attempts,
      lastError: error.slice(0, 500),
      nextAttemptAt: retryAt ?? 0,
    })
    .where(eq(mailOutbox.id, id))
}

/** Mail left in 'sending' by a process that died is handed back after ten minutes. */
export async function releaseStaleClaims(db: Db, now: number): Promise<void> {
  await db
    .update(mailOutbox)
    .set({ status: 'pending' })
    .where(and(eq(mailOutbox.status, 'sending'), lte(mailOutbox.nextAttemptAt, now - 600_000)))
}
