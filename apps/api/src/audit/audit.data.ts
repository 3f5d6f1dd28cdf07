import type { AuditAction } from '@meedenken/shared'
import type { DbOrTx } from '../db/open'
import { auditLog } from '../db/schema'

export type AuditEntry = {
  actorId: number | null
  /** One of the shared list, so the web app can filter and label every entry. */
  action: AuditAction
  subjectType: string
  subjectId: number | null
  details?: Record<string, unknown>
}

/** Call inside the same transaction as the change it records. Never put e-mail addresses in details. */
export async function recordAudit(db: DbOrTx, entry: AuditEntry, now: number): Promise<void> {
  await db.insert(auditLog).values({ ...entry, details: entry.details ?? null, createdAt: now })
}
