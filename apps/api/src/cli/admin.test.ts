import { execFile } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { engine } from '../db/engine'
import { accountTokens, auditLog, sessions, users } from '../db/schema'
import { oneRow } from '../db/statements'
import { issueToken } from '../features/accounts/accounts.data'
import { createSession } from '../http/session.data'
import { hashPassword, verifyPassword } from '../security/passwords'
import { createTestApp, type TestContext } from '../test/test-app'

const run = promisify(execFile)
const apiRoot = fileURLToPath(new URL('../..', import.meta.url))
const tsx = path.join(apiRoot, 'node_modules/.bin/tsx')
const cli = path.join(apiRoot, 'src/cli/admin.ts')

/**
 * The command's environment: the test database, named the way an operator names it on this
 * run's engine (DATABASE_URL for PostgreSQL, where the test's `file` is the database's URL;
 * DATABASE_PATH for the SQLite file).
 */
function envFor(ctx: TestContext, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { DATABASE_URL: _url, DATABASE_PATH: _path, ...rest } = process.env
  return {
    ...rest,
    ...(engine === 'postgres' ? { DATABASE_URL: ctx.file } : { DATABASE_PATH: ctx.file }),
    ...extra,
  }
}

describe('pnpm admin create-user', () => {
  it('creates a verified account with the role, in the database DATABASE_URL or DATABASE_PATH names', async () => {
    const ctx = createTestApp()
    const env = envFor(ctx, { LOG_LEVEL: 'silent' })
    const args = [
      cli,
      'create-user',
      '--email',
      'Eerste.Beheerder@Gemeente.nl',
      '--password',
      'een-sterk-beheerwachtwoord',
    ]
    const { stdout } = await run(tsx, [...args, '--role', 'admin'], { env })
    expect(stdout).toMatch(/Created eerste\.beheerder@gemeente\.nl with role admin/)
    const rows = await ctx.db.select().from(users)
    expect(rows).toHaveLength(1)
    const [row] = rows
    expect(row).toMatchObject({ email: 'eerste.beheerder@gemeente.nl', role: 'admin' })
    expect(row?.emailVerifiedAt).not.toBeNull()
    expect(await verifyPassword(row?.passwordHash ?? '', 'een-sterk-beheerwachtwoord')).toBe(true)
  })

  it('refuses a bad role or a common password with a clear message and exit code 1', async () => {
    const ctx = createTestApp()
    const env = envFor(ctx)
    await expect(
      run(tsx, [cli, 'create-user', '--email', 'a@b.nl', '--password', 'een-sterk-wachtwoord', '--role', 'koning'], {
        env,
      }),
    ).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/--role/) })
    await expect(
      run(tsx, [cli, 'create-user', '--email', 'a@b.nl', '--password', 'wachtwoord123', '--role', 'staff'], { env }),
    ).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/too common/) })
    expect(await ctx.db.select().from(users)).toEqual([])
  })

  it('changing an existing account ends its sessions and links and writes an audit entry by the command line', async () => {
    const ctx = createTestApp()
    const env = envFor(ctx, { LOG_LEVEL: 'silent' })
    const db = ctx.db
    const now = Date.now()
    const user = oneRow(
      await db
        .insert(users)
        .values({
          email: 'bestaand@gemeente.nl',
          passwordHash: await hashPassword('het-oude-wachtwoord'),
          displayName: 'Bestaande deelnemer',
          role: 'member',
          targetGroup: 'resident',
          emailVerifiedAt: now,
          blockedAt: now,
          createdAt: now,
          updatedAt: now,
        })
        .returning(),
    )
    await createSession(db, user.id, 'member', now)
    await issueToken(db, user.id, 'reset_password', 3_600_000, now)

    const args = ['create-user', '--email', 'bestaand@gemeente.nl', '--password', 'een-nieuw-beheerwachtwoord']
    const { stdout } = await run(tsx, [cli, ...args, '--role', 'staff'], { env })
    expect(stdout).toMatch(/Updated bestaand@gemeente\.nl/)
    expect(stdout).toMatch(/sessions ended/)

    const after = ctx.db
    const [row] = await after.select().from(users).where(eq(users.id, user.id)).limit(1)
    expect(row).toMatchObject({ role: 'staff', blockedAt: null })
    expect(await after.select().from(sessions).where(eq(sessions.userId, user.id))).toEqual([])
    expect(await after.select().from(accountTokens).where(eq(accountTokens.userId, user.id))).toEqual([])
    expect(await after.select().from(auditLog)).toEqual([
      expect.objectContaining({
        actorId: null,
        action: 'user.role_changed',
        subjectType: 'user',
        subjectId: user.id,
        details: { before: 'member', after: 'staff', actor: 'command_line', changed: ['role', 'password', 'blocked'] },
      }),
    ])
  })
})
