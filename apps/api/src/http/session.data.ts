import type { Locale, Role, TargetGroup } from '@meedenken/shared'
import { and, eq, gt, isNotNull, isNull, lt, sql } from 'drizzle-orm'
import type { Db, DbOrTx } from '../db/open'
import { sessions, users } from '../db/schema'
import { prepared } from '../db/statements'
import { randomToken, sha256 } from '../security/tokens'

const DAY = 86_400_000

/** Members stay signed in for 30 days of activity; staff and admins for 12 hours from login. */
export function sessionLifetime(role: Role): { ms: number; sliding: boolean } {
  return role === 'member' ? { ms: 30 * DAY, sliding: true } : { ms: 12 * 3_600_000, sliding: false }
}

export async function createSession(
  db: DbOrTx,
  userId: number,
  role: Role,
  now: number,
): Promise<{ token: string; maxAgeMs: number }> {
  const token = randomToken()
  const { ms } = sessionLifetime(role)
  await db
    .insert(sessions)
    .values({ tokenHash: sha256(token), userId, createdAt: now, lastSeenAt: now, expiresAt: now + ms })

  return { token, maxAgeMs: ms }
}

export type SessionRow = {
  sessionId: number
  lastSeenAt: number
  userId: number
  role: Role
  displayName: string
  targetGroup: TargetGroup | null
  districtId: number | null
  locale: Locale
}

const p = sql.placeholder

/** The live session for a token: not expired, user verified, not blocked, not deleted. Every request asks. */
export async function findSession(db: Db, token: string, now: number): Promise<SessionRow | null> {
  const statement = prepared(db, 'sessions.find', (d) =>
    d
      .select({
        sessionId: sessions.id,
        lastSeenAt: sessions.lastSeenAt,
        userId: users.id,
        role: users.role,
        displayName: users.displayName,
        targetGroup: users.targetGroup,
        districtId: users.districtId,
        locale: users.locale,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(
        and(
          eq(sessions.tokenHash, p('hash')),
          gt(sessions.expiresAt, p('now')),
          isNotNull(users.emailVerifiedAt),
          isNull(users.blockedAt),
          isNull(users.deletedAt),
        ),
      )
      .prepare(),
  )
  return (await statement.execute({ hash: sha256(token), now }))[0] ?? null
}

export async function extendSession(db: Db, sessionId: number, now: number, ms: number): Promise<void> {
  await db
    .update(sessions)
    .set({ lastSeenAt: now, expiresAt: now + ms })
    .where(eq(sessions.id, sessionId))
}

export async function endSession(db: DbOrTx, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, sha256(token)))
}

/** At a role change, a block, a password reset and account deletion. */
export async function endAllSessions(db: DbOrTx, userId: number): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId))
}

export async function pruneSessions(db: Db, now: number): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now))
}
