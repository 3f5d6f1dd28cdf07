import type { Locale, ProfileUpdate, Role, TargetGroup, User } from '@meedenken/shared'
import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm'
import { recordAudit } from '../../audit/audit.data'
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
import { oneRow } from '../../db/statements'
import { randomToken, sha256 } from '../../security/tokens'
import { recountHotScore } from '../ideas/hot-score.data'
import { forgetReports } from '../moderation/moderation.data'
import { erasePhotosOf, exportPhotosOf } from '../photos/photos.data'

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

export async function findUserByEmail(db: DbOrTx, email: string): Promise<UserRow | undefined> {
  return (await db.select().from(users).where(eq(users.email, email)).limit(1))[0]
}

export async function findUserById(db: DbOrTx, id: number): Promise<UserRow | undefined> {
  return (await db.select().from(users).where(eq(users.id, id)).limit(1))[0]
}

export async function createMember(
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
): Promise<number> {
  return oneRow(
    await db
      .insert(users)
      .values({ ...values, role: 'member', createdAt: now, updatedAt: now })
      .returning({ id: users.id }),
  ).id
}

/** A new single-use link; earlier unused links for the same purpose stop working. */
export async function issueToken(
  db: DbOrTx,
  userId: number,
  purpose: TokenPurpose,
  ttlMs: number,
  now: number,
): Promise<string> {
  await db.delete(accountTokens).where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose)))

  const token = randomToken()
  await db
    .insert(accountTokens)
    .values({ userId, purpose, tokenHash: sha256(token), expiresAt: now + ttlMs, createdAt: now })

  return token
}

/** Whose a live link is (unused, not expired), without using it: for showing what a link will do. */
export async function peekToken(db: DbOrTx, token: string, purpose: TokenPurpose, now: number): Promise<number | null> {
  const [row] = await db
    .select({ userId: accountTokens.userId })
    .from(accountTokens)
    .where(
      and(
        eq(accountTokens.tokenHash, sha256(token)),
        eq(accountTokens.purpose, purpose),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, now),
      ),
    )
    .limit(1)
  return row?.userId ?? null
}

/** Ends a person's outstanding links, of one purpose or (without one) all. */
export async function revokeTokens(db: DbOrTx, userId: number, purpose?: TokenPurpose): Promise<void> {
  await db
    .delete(accountTokens)
    .where(and(eq(accountTokens.userId, userId), purpose ? eq(accountTokens.purpose, purpose) : undefined))
}

/** Uses a link exactly once: the conditional update is the check, so a race cannot use it twice. */
export async function consumeToken(
  db: DbOrTx,
  token: string,
  purpose: TokenPurpose,
  now: number,
): Promise<number | null> {
  const [row] = await db
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

  return row?.userId ?? null
}

export async function markVerified(db: DbOrTx, userId: number, now: number): Promise<void> {
  await db
    .update(users)
    .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${now})`, updatedAt: now })
    .where(eq(users.id, userId))
}

/**
 * Every way a password changes (reset link, profile, command line) comes here: the new
 * password also ends every link still out for the account, so a reset link mailed before
 * the change cannot undo it.
 */
export async function setPasswordHash(db: DbOrTx, userId: number, passwordHash: string, now: number): Promise<void> {
  await db.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, userId))
  await revokeTokens(db, userId)
}

/**
 * `pnpm admin create-user`: makes the account, or sets role and password on an existing one,
 * confirms its address and lifts a block. A change to an existing account ends its sessions
 * and links and is written to the audit log; the actor is the command line (no user id).
 */
export async function setAccountFromCommandLine(
  db: Db,
  input: { email: string; passwordHash: string; role: Role; displayName: string },
  now: number,
): Promise<{ created: boolean; userId: number; sessionsEnded: number }> {
  return await db.transaction(async (tx) => {
    const existing = await findUserByEmail(tx, input.email)
    if (!existing) {
      const userId = oneRow(
        await tx
          .insert(users)
          .values({
            email: input.email,
            passwordHash: input.passwordHash,
            role: input.role,
            displayName: input.displayName,
            targetGroup: input.role === 'member' ? 'resident' : null,
            emailVerifiedAt: now,
            createdAt: now,
            updatedAt: now,
          })
          .returning({ id: users.id }),
      ).id
      await recordAudit(
        tx,
        {
          actorId: null,
          action: 'user.role_changed',
          subjectType: 'user',
          subjectId: userId,
          details: { before: null, after: input.role, actor: COMMAND_LINE },
        },
        now,
      )
      return { created: true, userId, sessionsEnded: 0 }
    }
    const changed = [
      ...(existing.role !== input.role ? ['role'] : []),
      'password',
      ...(existing.emailVerifiedAt === null ? ['emailVerified'] : []),
      ...(existing.blockedAt !== null ? ['blocked'] : []),
    ]
    await tx
      .update(users)
      .set({
        role: input.role,
        emailVerifiedAt: existing.emailVerifiedAt ?? now,
        blockedAt: null,
        updatedAt: now,
      })
      .where(eq(users.id, existing.id))

    await setPasswordHash(tx, existing.id, input.passwordHash, now)
    const sessionsEnded = (
      await tx.delete(sessions).where(eq(sessions.userId, existing.id)).returning({ id: sessions.id })
    ).length
    await recordAudit(
      tx,
      {
        actorId: null,
        action: 'user.role_changed',
        subjectType: 'user',
        subjectId: existing.id,
        details: { before: existing.role, after: input.role, actor: COMMAND_LINE, changed },
      },
      now,
    )
    return { created: false, userId: existing.id, sessionsEnded }
  })
}

/** The audit log's actor for changes made with `pnpm admin` on the server. */
export const COMMAND_LINE = 'command_line'

export async function updateProfile(
  db: Db,
  userId: number,
  changes: ProfileUpdate,
  now: number,
): Promise<UserRow | undefined> {
  const values = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined))
  return (
    await db
      .update(users)
      .set({ ...values, updatedAt: now })
      .where(eq(users.id, userId))
      .returning()
  )[0]
}

/** Everything we hold about one person, for the AVG/GDPR right of access. */
export async function exportUserData(db: Db, userId: number, now: number) {
  const user = await findUserById(db, userId)
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
    ideas: (
      await db
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
    ).map((r) => ({ ...r, createdAt: iso(r.createdAt) })),
    comments: (
      await db
        .select({
          id: comments.id,
          ideaId: comments.ideaId,
          body: comments.body,
          deletedAt: comments.deletedAt,
          createdAt: comments.createdAt,
        })
        .from(comments)
        .where(eq(comments.authorId, userId))
    ).map((r) => ({ ...r, deletedAt: iso(r.deletedAt), createdAt: iso(r.createdAt) })),
    votes: (
      await db.select({ ideaId: votes.ideaId, createdAt: votes.createdAt }).from(votes).where(eq(votes.userId, userId))
    ).map((r) => ({ ...r, createdAt: iso(r.createdAt) })),
    following: (
      await db
        .select({ ideaId: followers.ideaId, createdAt: followers.createdAt })
        .from(followers)
        .where(eq(followers.userId, userId))
    ).map((r) => ({ ...r, createdAt: iso(r.createdAt) })),
    sessions: (
      await db
        .select({ createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, expiresAt: sessions.expiresAt })
        .from(sessions)
        .where(eq(sessions.userId, userId))
    ).map((r) => ({ createdAt: iso(r.createdAt), lastSeenAt: iso(r.lastSeenAt), expiresAt: iso(r.expiresAt) })),
    mail: (
      await db
        .select({ subject: mailOutbox.subject, status: mailOutbox.status, createdAt: mailOutbox.createdAt })
        .from(mailOutbox)
        .where(eq(mailOutbox.userId, userId))
    ).map((r) => ({ ...r, createdAt: iso(r.createdAt) })),
    ratings: (
      await db
        .select({
          ideaId: ratings.ideaId,
          occasionType: ratings.occasionType,
          score: ratings.score,
          remark: ratings.remark,
          createdAt: ratings.createdAt,
        })
        .from(ratings)
        .where(eq(ratings.userId, userId))
    ).map((r) => ({ ...r, createdAt: iso(r.createdAt) })),
    followupAnswers: (
      await db
        .select({
          ideaId: followupAnswers.ideaId,
          answer: followupAnswers.answer,
          remark: followupAnswers.remark,
          createdAt: followupAnswers.createdAt,
        })
        .from(followupAnswers)
        .where(eq(followupAnswers.userId, userId))
    ).map((r) => ({ ...r, createdAt: iso(r.createdAt) })),
    notifications: (
      await db
        .select({
          kind: notifications.kind,
          ideaId: notifications.ideaId,
          readAt: notifications.readAt,
          createdAt: notifications.createdAt,
        })
        .from(notifications)
        .where(eq(notifications.userId, userId))
    ).map((r) => ({ ...r, readAt: iso(r.readAt), createdAt: iso(r.createdAt) })),
    helping: (
      await db
        .select({ ideaId: ideaHelpers.ideaId, note: ideaHelpers.note, createdAt: ideaHelpers.createdAt })
        .from(ideaHelpers)
        .where(eq(ideaHelpers.userId, userId))
    ).map((r) => ({ ...r, createdAt: iso(r.createdAt) })),
    // The photos they uploaded: metadata and the URLs of each size (photos.data.ts says why not the bytes).
    photos: await exportPhotosOf(db, userId),
    reportsMade: (
      await db
        .select({
          subjectType: reports.subjectType,
          subjectId: reports.subjectId,
          reason: reports.reason,
          note: reports.note,
          createdAt: reports.createdAt,
        })
        .from(reports)
        .where(eq(reports.reporterId, userId))
    ).map((r) => ({ ...r, createdAt: iso(r.createdAt) })),
    statusChangesMade: (
      await db
        .select({ ideaId: statusChanges.ideaId, toStatus: statusChanges.toStatus, createdAt: statusChanges.createdAt })
        .from(statusChanges)
        .where(eq(statusChanges.actorId, userId))
    ).map((r) => ({ ...r, createdAt: iso(r.createdAt) })),
    actionsLogged: (
      await db
        .select({
          action: auditLog.action,
          subjectType: auditLog.subjectType,
          subjectId: auditLog.subjectId,
          createdAt: auditLog.createdAt,
        })
        .from(auditLog)
        .where(eq(auditLog.actorId, userId))
    ).map((r) => ({ ...r, createdAt: iso(r.createdAt) })),
  }
}

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString()
}

/**
 * Rate-limit keys that name an address do so by hash; these are the ones for this address.
 * (Failed logins are counted per client and address together, which names neither.)
 */
export function rateLimitKeysFor(email: string): string[] {
  const hash = sha256(email)
  return ['reset', 'signup-email', 'resend'].map((scope) => `${scope}:${hash}`)
}

/**
 * Erases a person (AVG/GDPR): personal data gone, contributions kept under a neutral
 * name, votes and follows removed with every counter updated, sessions ended. After this
 * the e-mail address appears nowhere in the database.
 */
export async function deleteAccount(db: Db, userId: number, now: number): Promise<void> {
  await db.transaction(async (tx) => {
    const user = await findUserById(tx, userId)
    if (!user || user.deletedAt !== null) return
    const voted = (await tx.select({ ideaId: votes.ideaId }).from(votes).where(eq(votes.userId, userId))).map(
      (r) => r.ideaId,
    )
    const followed = (
      await tx.select({ ideaId: followers.ideaId }).from(followers).where(eq(followers.userId, userId))
    ).map((r) => r.ideaId)
    await tx.delete(votes).where(eq(votes.userId, userId))
    await tx.delete(followers).where(eq(followers.userId, userId))
    if (voted.length > 0) {
      await tx
        .update(ideas)
        .set({ voteCount: sql`${ideas.voteCount} - 1` })
        .where(inArray(ideas.id, voted))

      for (const ideaId of voted) await recountHotScore(tx, ideaId)
    }
    if (followed.length > 0) {
      await tx
        .update(ideas)
        .set({ followerCount: sql`${ideas.followerCount} - 1` })
        .where(inArray(ideas.id, followed))
    }
    // Ratings and follow-up answers stay in the statistics, but no longer point to a person.
    await tx.update(ratings).set({ userId: null, remark: null }).where(eq(ratings.userId, userId))
    await tx.update(followupAnswers).set({ userId: null, remark: null }).where(eq(followupAnswers.userId, userId))
    await tx.delete(notifications).where(eq(notifications.userId, userId))
    await tx.delete(ideaHelpers).where(eq(ideaHelpers.userId, userId))
    // Their reports are withdrawn: what they alone hid shows again, so erasing an account
    // can never keep something hidden for good with no report left for staff to judge.
    await forgetReports(tx, userId)
    // Photos on their ideas and photos they uploaded: a picture may show them, their house or car.
    await erasePhotosOf(tx, userId)
    await tx.delete(sessions).where(eq(sessions.userId, userId))
    await tx.delete(accountTokens).where(eq(accountTokens.userId, userId))
    await tx.delete(mailOutbox).where(eq(mailOutbox.userId, userId))
    if (user.email) {
      await tx.delete(mailOutbox).where(eq(mailOutbox.toAddress, user.email))
      await tx.delete(rateLimits).where(inArray(rateLimits.key, rateLimitKeysFor(user.email)))
    }
    await tx
      .update(users)
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
  })
}
