/**
 * Administration from the command line, for the first admin of a real installation and
 * for backups. Reads DATABASE_PATH like the server.
 *
 *   pnpm admin create-user --email E --password P --role member|staff|admin [--name N]
 */
import { parseArgs } from 'node:util'
import { Email, NewPassword, Role } from '@meedenken/shared'
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { openDatabase } from '../db/open'
import { users } from '../db/schema'
import { isCommonPassword } from '../security/common-passwords'
import { hashPassword } from '../security/passwords'
import { readSettings } from '../settings'

const USAGE = `Usage:
  pnpm admin create-user --email E --password P --role member|staff|admin [--name "Display name"]
`

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}`)
  process.exit(1)
}

async function createUser(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
    },
    strict: true,
  })
  const parsed = z
    .object({ email: Email, password: NewPassword, role: Role, name: z.string().trim().min(2).max(60).optional() })
    .safeParse(values)
  if (!parsed.success) fail(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'))
  const { email, password, role, name } = parsed.data
  if (isCommonPassword(password, [email])) fail('--password: this password is too common; choose another one.')
  const settings = readSettings()
  const db = openDatabase(settings.databasePath)
  const passwordHash = await hashPassword(password)
  const now = Date.now()
  const existing = db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()
  if (existing) {
    db.update(users)
      .set({ role, passwordHash, emailVerifiedAt: now, blockedAt: null, updatedAt: now })
      .where(eq(users.id, existing.id))
      .run()
    process.stdout.write(`Updated ${email}: role ${role}, new password, verified. (${settings.databasePath})\n`)
  } else {
    db.insert(users)
      .values({
        email,
        passwordHash,
        role,
        displayName: name ?? email.split('@')[0] ?? email,
        targetGroup: role === 'member' ? 'resident' : null,
        emailVerifiedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .run()
    process.stdout.write(`Created ${email} with role ${role}, verified. (${settings.databasePath})\n`)
  }
  db.$client.close()
}

const [command, ...rest] = process.argv.slice(2)
const commands: Record<string, (args: string[]) => Promise<void>> = { 'create-user': createUser }
const run = command ? commands[command] : undefined
if (!run) fail(command ? `Unknown command: ${command}` : 'No command given.')
try {
  await run(rest)
} catch (error) {
  fail(error instanceof Error ? error.message : String(error))
}
