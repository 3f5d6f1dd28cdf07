import type { AdminUser, Role } from '@meedenken/shared'
import { and, type Column, desc, eq, lt, or, type SQL, sql } from 'drizzle-orm'
import { recordAudit } from '../../audit/audit.data'
import type { Db } from '../../db/open'
import { users } from '../../db/schema'
import { oneRow } from '../../db/statements'
import { endAllSessions } from '../../http/session.data'

function toAdminUser(row: typeof users.$inferSelect): AdminUser {
  return {
    id: row.id,
    displayName: row.displayName,
    email: row.email,
    role: row.role,
    targetGroup: row.targetGroup,
    emailVerified: row.emailVerifiedAt !== null,
    blocked: row.blockedAt !== null,
    deleted: row.deletedAt !== null,
    createdAt: new Date(row.createdAt).toISOString(),
  }
}

/** Escapes LIKE wildcards so a search for "50%" means the text "50%". */
function likeText(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`)
}

/**
 * `column` contains `text`, whatever its case. SQLite's LIKE has no escape character unless
 * one is named, so the escaped "_" and "%" would otherwise still be wildcards.
 */
function contains(column: Column, text: string): SQL {
  return sql`lower(${column}) like ${`%${likeText(text.toLowerCase())}%`} escape '\\'`
}

export async function searchUsers(
  db: Db,
  input: { q?: string | undefined; role?: Role | undefined; afterId: number | null; limit: number },
): Promise<{ items: AdminUser[]; nextCursor: string | null }> {
  const conditions: SQL[] = []
  if (input.q) {
    conditions.push(or(contains(users.email, input.q), contains(users.displayName, input.q)) as SQL)
  }
  if (input.role) conditions.push(eq(users.role, input.role))
  if (input.afterId !== null) conditions.push(lt(users.id, input.afterId))
  const rows = await db
    .select()
    .from(users)
    .where(and(...conditions))
    .orderBy(desc(users.id))
    .limit(input.limit + 1)

  const page = rows.slice(0, input.limit)
  const last = page.at(-1)
  return {
    items: page.map(toAdminUser),
    nextCursor: rows.length > input.limit && last ? String(last.id) : null,
  }
}

export type RoleChangeResult = { user: AdminUser } | { error: 'not_found' | 'own_role' }

/** Changes a role, ends the person's sessions (their rights changed) and logs who did it. */
export async function changeRole(
  db: Db,
  actorId: number,
  userId: number,
  role: Role,
  now: number,
): Promise<RoleChangeResult> {
  if (actorId === userId) return { error: 'own_role' }
  return await db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, userId)).limit(1)
    if (!before || before.deletedAt !== null) return { error: 'not_found' as const }
    if (before.role === role) return { user: toAdminUser(before) }
    const after = oneRow(await tx.update(users).set({ role, updatedAt: now }).where(eq(users.id, userId)).returning())
    await endAllSessions(tx, userId)
    await recordAudit(
      tx,
      {
        actorId,
        action: 'user.role_changed',
        subjectType: 'user',
        subjectId: userId,
        details: { before: before.role, after: role },
      },
      now,
    )
    return { user: toAdminUser(after) }
  })
}
