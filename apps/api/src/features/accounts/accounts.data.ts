import type { Locale, ProfileUpdate, TargetGroup, User } from '@meedenken/shared'
import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm'
import type { Db, DbOrTx } from '../../db/open'
import {
  accountTokens,
  auditLog,
  comments,
  followers,
  followupAnswers,
  ideaHelpers,
  ideas,
  mailOutbox,
  notifications,
  rateLimits,
  ratings,
  reports,
  sessions,
  statusChanges,
  users,
  votes,
} from '../../db/schema'
import { hotScoreSql } from '../../domain/hot-score'
import { randomToken, sha256 } from '../../security/tokens'

export type UserRow = typeof users.$inferSelect
export type TokenPurpose = 'verify_email' | 'reset_password'

export const DELETED_NAME = 'Verwijderde deelnemer'

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    displayName: row.displayName,
    email: row.email ?? '',
    role: row.role,
    targetGroup: row.targetGroup,
    districtId: row.districtId,
    locale: row.locale,
    emailVerified: row.emailVerifiedAt !== null,
    emailFrequency: row.emailFrequency,
  }
}

export function findUserByEmail(db: DbOrTx, email: string): UserRow | undefined {
  return db.select().from(users).where(eq(users.email, email)).get()
}

export function findUserById(db: DbOrTx, id: number): UserRow | undefined {
  return db.select().from(users).where(eq(users.id, id)).get()
}

export function createMember(
  db: DbOrTx,
  values: {
    email: string
    passwordHash: string
    displayName: string
    targetGroup: TargetGroup
    districtId: number | null
    locale: Locale
  },
  now: number,
): number {
  return db
    .insert(users)
    .values({ ...values, role: 'member', createdAt: now, updatedAt: now })
    .returning({ id: users.id })
    .get().id
}

export function replaceUnverified(
  db: DbOrTx,
  userId: number,
  values: Parameters<typeof createMember>[1],
  now: number,
): void {
  db.update(users)
    .set({ ...values, updatedAt: now })
    .where(and(eq(users.id, userId), isNull(users.emailVerifiedAt)))
    .run()
}

/** A new single-use link; earlier unused links for the same purpose stop working. */
export function issueToken(db: DbOrTx, userId: number, purpose: TokenPurpose, ttlMs: number, now: number): string {
  db.delete(accountTokens)
    .where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose)))
    .run()
  const token = randomToken()
  db.insert(accountTokens)
    .values({ userId, purpose, tokenHash: sha256(token), expiresAt: now + ttlMs, createdAt: now })
    .run()
  return token
}

/** Uses a link exactly once: the conditional update is the check, so a race cannot use it twice. */
export function consumeToken(db: DbOrTx, token: string, purpose: TokenPurpose, now: number): number | null {
  const row = db
    .update(accountTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(accountTokens.tokenHash, sha256(token)),
        eq(accountTokens.purpose, purpose),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, now),
      ),
    )
    .returning({ userId: accountTokens.userId })
    .get()
  return row?.userId ?? null
}

export function markVerified(db: DbOrTx, userId: number, now: number): void {
  db.update(users)
    .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${now})`, updatedAt: now })
    .where(eq(users.id, userId))
    .run()
}

export function setPasswordHash(db: DbOrTx, userId: number, passwordHash: string, now: number): void {
  db.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, userId)).run()
}

export function updateProfile(db: Db, userId: number, changes: ProfileUpdate, now: number): UserRow | undefined {
  const values = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined))
  return db
    .update(users)
    .set({ ...values, updatedAt: now })
    .where(eq(users.id, userId))
    .returning()
    .get()
}

/** Everything we hold about one person, for the AVG/GDPR right of access. */
export function exportUserData(db: Db, userId: number, now: number) {
  const user = findUserById(db, userId)
  if (!user) return null
  return {
    exportedAt: new Date(now).toISOString(),
    account: {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      targetGroup: user.targetGroup,
      districtId: user.districtId,
      locale: user.locale,
      emailVerifiedAt: iso(user.emailVerifiedAt),
      createdAt: iso(user.createdAt),
      updatedAt: iso(user.updatedAt),
    },
    ideas: db
      .select({
        id: ideas.id,
        title: ideas.title,
        body: ideas.body,
        status: ideas.status,
        channel: ideas.channel,
        createdAt: ideas.createdAt,
      })
      .from(ideas)
      .where(eq(ideas.authorId, userId))
      .all()
      .map((r) => ({ ...r, createdAt: iso(r.createdAt) })),
    comments: db
      .select({
        id: comments.id,
        ideaId: comments.ideaId,
        body: comments.body,
        deletedAt: comments.deletedAt,
        createdAt: comments.createdAt,
      })
      .from(comments)
      .where(eq(comments.authorId, userId))
      .all()
      .map((r) => ({ ...r, deletedAt: iso(r.deletedAt), createdAt: iso(r.createdAt) })),
    votes: db
      .select({ ideaId: votes.ideaId, createdAt: votes.createdAt })
      .from(votes)
      .where(eq(votes.userId, userId))
      .all()
      .map((r) => ({ ...r, createdAt: iso(r.createdAt) })),
    following: db
      .select({ ideaId: followers.ideaId, createdAt: followers.createdAt })
      .from(followers)
      .where(eq(followers.userId, userId))
      .all()
      .map((r) => ({ ...r, createdAt: iso(r.createdAt) })),
    sessions: db
      .select({ createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, expiresAt: sessions.expiresAt })
      .from(sessions)
      .where(eq(sessions.userId, userId))
      .all()
      .map((r) => ({ createdAt: iso(r.createdAt), lastSeenAt: iso(r.lastSeenAt), expiresAt: iso(r.expiresAt) })),
    mail: db
      .select({ subject: mailOutbox.subject, status: mailOutbox.status, createdAt: mailOutbox.createdAt })
      .from(mailOutbox)
      .where(eq(mailOutbox.userId, userId))
      .all()
      .map((r) => ({ ...r, createdAt: iso(r.createdAt) })),
    ratings: db
      .select({
        ideaId: ratings.ideaId,
        occasionType: ratings.occasionType,
        score: ratings.score,
        remark: ratings.remark,
        createdAt: ratings.createdAt,
      })
      .from(ratings)
      .where(eq(ratings.userId, userId))
      .all()
      .map((r) => ({ ...r, createdAt: iso(r.createdAt) })),
    followupAnswers: db
      .select({
        ideaId: followupAnswers.ideaId,
        answer: followupAnswers.answer,
        remark: followupAnswers.remark,
        createdAt: followupAnswers.createdAt,
      })
      .from(followupAnswers)
      .where(eq(followupAnswers.userId, userId))
      .all()
      .map((r) => ({ ...r, createdAt: iso(r.createdAt) })),
    notifications: db
      .select({
        kind: notifications.kind,
        ideaId: notifications.ideaId,
        readAt: notifications.readAt,
        createdAt: notifications.createdAt,
      })
      .from(notifications)
      .where(eq(notifications.userId, userId))
      .all()
      .map((r) => ({ ...r, readAt: iso(r.readAt), createdAt: iso(r.createdAt) })),
    helping: db
      .select({ ideaId: ideaHelpers.ideaId, note: ideaHelpers.note, createdAt: ideaHelpers.createdAt })
      .from(ideaHelpers)
      .where(eq(ideaHelpers.userId, userId))
      .all()
      .map((r) => ({ ...r, createdAt: iso(r.createdAt) })),
    reportsMade: db
      .select({
        subjectType: reports.subjectType,
        subjectId: reports.subjectId,
        reason: reports.reason,
        note: reports.note,
        createdAt: reports.createdAt,
      })
      .from(reports)
      .where(eq(reports.reporterId, userId))
      .all()
      .map((r) => ({ ...r, createdAt: iso(r.createdAt) })),
    statusChangesMade: db
      .select({ ideaId: statusChanges.ideaId, toStatus: statusChanges.toStatus, createdAt: statusChanges.createdAt })
      .from(statusChanges)
      .where(eq(statusChanges.actorId, userId))
      .all()
      .map((r) => ({ ...r, createdAt: iso(r.createdAt) })),
    actionsLogged: db
      .select({
        action: auditLog.action,
        subjectType: auditLog.subjectType,
        subjectId: auditLog.subjectId,
        createdAt: auditLog.createdAt,
      })
      .from(auditLog)
      .where(eq(auditLog.actorId, userId))
      .all()
      .map((r) => ({ ...r, createdAt: iso(r.createdAt) })),
  }
}

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString()
}

/** Rate-limit keys that name an address do so by hash; these are the ones for this address. */
export function rateLimitKeysFor(email: string): string[] {
  const hash = sha256(email)
  return ['login', 'reset', 'signup-email', 'resend'].map((scope) => `${scope}:${hash}`)
}

/**
 * Erases a person (AVG/GDPR): personal data gone, contributions kept under a neutral
 * name, votes and follows removed with every counter updated, sessions ended. After this
 * the e-mail address appears nowhere in the database.
 */
export function deleteAccount(db: Db, userId: number, now: number): void {
  db.transaction((tx) => {
    const user = findUserById(tx, userId)
    if (!user || user.deletedAt !== null) return
    const voted = tx
      .select({ ideaId: votes.ideaId })
      .from(votes)
      .where(eq(votes.userId, userId))
      .all()
      .map((r) => r.ideaId)
    const followed = tx
      .select({ ideaId: followers.ideaId })
      .from(followers)
      .where(eq(followers.userId, userId))
      .all()
      .map((r) => r.ideaId)
    tx.delete(votes).where(eq(votes.userId, userId)).run()
    tx.delete(followers).where(eq(followers.userId, userId)).run()
    if (voted.length > 0) {
      tx.update(ideas)
        .set({
          voteCount: sql`${ideas.voteCount} - 1`,
          hotScore: hotScoreSql(sql`${ideas.voteCount} - 1`, ideas.commentCount, ideas.createdAt),
        })
        .where(inArray(ideas.id, voted))
        .run()
    }
    if (followed.length > 0) {
      tx.update(ideas)
        .set({ followerCount: sql`${ideas.followerCount} - 1` })
        .where(inArray(ideas.id, followed))
        .run()
    }
    // Ratings and follow-up answers stay in the statistics, but no longer point to a person.
    tx.update(ratings).set({ userId: null, remark: null }).where(eq(ratings.userId, userId)).run()
    tx.update(followupAnswers).set({ userId: null, remark: null }).where(eq(followupAnswers.userId, userId)).run()
    tx.delete(notifications).where(eq(notifications.userId, userId)).run()
    tx.delete(ideaHelpers).where(eq(ideaHelpers.userId, userId)).run()
    tx.delete(reports).where(eq(reports.reporterId, userId)).run()
    tx.delete(sessions).where(eq(sessions.userId, userId)).run()
    tx.delete(accountTokens).where(eq(accountTokens.userId, userId)).run()
    tx.delete(mailOutbox).where(eq(mailOutbox.userId, userId)).run()
    if (user.email) {
      tx.delete(mailOutbox).where(eq(mailOutbox.toAddress, user.email)).run()
      tx.delete(rateLimits)
        .where(inArray(rateLimits.key, rateLimitKeysFor(user.email)))
        .run()
    }
    tx.update(users)
      .set({
        email: null,
        passwordHash: null,
        displayName: DELETED_NAME,
        targetGroup: null,
        districtId: null,
        locale: 'nl',
        deletedAt: now,
        updatedAt: now,
      })
      .where(eq(users.id, userId))
      .run()
  })
}
