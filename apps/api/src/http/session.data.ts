import type { Locale, Role, TargetGroup } from '@meedenken/shared'
import { eq, lt } from 'drizzle-orm'
import type { Db, DbOrTx } from '../db/open'
import { queryGet } from '../db/prepared'
import { sessions } from '../db/schema'
import { randomToken, sha256 } from '../security/tokens'

const DAY = 86_400_000

/** Members stay signed in for 30 days of activity; staff and admins for 12 hours from login. */
export function sessionLifetime(role: Role): { ms: number; sliding: boolean } {
  return role === 'member' ? { ms: 30 * DAY, sliding: true } : { ms: 12 * 3_600_000, sliding: false }
}

export function createSession(
  db: DbOrTx,
  userId: number,
  role: Role,
  now: number,
): { token: string; maxAgeMs: number } {
  const token = randomToken()
  const { ms } = sessionLifetime(role)
  db.insert(sessions)
    .values({ tokenHash: sha256(token), userId, createdAt: now, lastSeenAt: now, expiresAt: now + ms })
    .run()
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

const FIND_SESSION = `
  select s.id as sessionId, s.last_seen_at as lastSeenAt, u.id as userId, u.role, u.display_name as displayName,
    u.target_group as targetGroup, u.district_id as districtId, u.locale
  from sessions s join users u on u.id = s.user_id
  where s.token_hash = ? and s.expires_at > ?
    and u.email_verified_at is not null and u.blocked_at is null and u.deleted_at is null`

/** The live session for a token: not expired, user verified, not blocked, not deleted. Every request asks. */
export function findSession(db: Db, token: string, now: number): SessionRow | null {
  return queryGet<SessionRow>(db, FIND_SESSION, sha256(token), now) ?? null
}

export function extendSession(db: Db, sessionId: number, now: number, ms: number): void {
  db.update(sessions)
    .set({ lastSeenAt: now, expiresAt: now + ms })
    .where(eq(sessions.id, sessionId))
    .run()
}

export function endSession(db: DbOrTx, token: string): void {
  db.delete(sessions)
    .where(eq(sessions.tokenHash, sha256(token)))
    .run()
}

/** At a role change, a block, a password reset and account deletion. */
export function endAllSessions(db: DbOrTx, userId: number): void {
  db.delete(sessions).where(eq(sessions.userId, userId)).run()
}

export function pruneSessions(db: Db, now: number): void {
  db.delete(sessions).where(lt(sessions.expiresAt, now)).run()
}
