/**
 * Administration from the command line, for the first admin of a real installation and
 * for backups. Reads DATABASE_PATH like the server.
 *
 *   pnpm admin create-user --email E --password P --role member|staff|admin [--name N]
 *   pnpm admin backup <file>      an online, consistent copy while the server runs
 *   pnpm admin restore <file>     put a backup back (stop the server first)
 *   pnpm admin migrate-to-postgres <postgres-url>   copy this SQLite database into an empty PostgreSQL one
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { DisplayName, Email, issueMessage, NewPassword, Role } from '@meedenken/shared'
import { z } from 'zod'
import { backupDatabase, restoreDatabase } from '../backup/backup'
import { closeDatabase, openConfiguredDatabase } from '../db/open'
import { setAccountFromCommandLine } from '../features/accounts/accounts.data'
import { isCommonPassword } from '../security/common-passwords'
import { hashPassword } from '../security/passwords'
import { readSettings } from '../settings'
import { migrateToPostgresCommand } from './migrate-to-postgres'

const USAGE = `Usage:
  pnpm admin create-user --email E --password P --role member|staff|admin [--name "Display name"]
  pnpm admin backup <file>       make an online, consistent copy (the server may keep running)
  pnpm admin restore <file>      replace the database with a backup (stop the server first)
  pnpm admin migrate-to-postgres <postgres-url>
                                 copy the SQLite database into an empty PostgreSQL database (stop the server first)
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
    .object({ email: Email, password: NewPassword, role: Role, name: DisplayName.optional() })
    .safeParse(values)
  if (!parsed.success) {
    fail(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${issueMessage(i, 'en', false)}`).join('\n'))
  }
  const { email, password, role, name } = parsed.data
  if (isCommonPassword(password, [email])) fail('--password: this password is too common; choose another one.')
  const settings = readSettings()
  const db = await openConfiguredDatabase(settings)
  const where = settings.databaseUrl ? new URL(settings.databaseUrl).host : settings.databasePath
  const passwordHash = await hashPassword(password)
  const result = await setAccountFromCommandLine(
    db,
    { email, passwordHash, role, displayName: name ?? defaultName(email) },
    Date.now(),
  )
  process.stdout.write(
    result.created
      ? `Created ${email} with role ${role}, verified. (${where})\n`
      : `Updated ${email}: role ${role}, new password, verified, not blocked; ${result.sessionsEnded} sessions ended, open links cancelled, written to the audit log. (${where})\n`,
  )
  await closeDatabase(db)
}

/** The part before the @ with its dots as spaces ("eerste beheerder"), when that is a valid name. */
function defaultName(email: string): string {
  const local = (email.split('@')[0] ?? '').replace(/[._+-]+/g, ' ')
  return DisplayName.safeParse(local).data ?? 'Deelnemer'
}

async function backup(args: string[]): Promise<void> {
  const target = args[0]
  if (!target) fail('Name the file to write the backup to.')
  const settings = readSettings()
  const report = await backupDatabase(
    settings.databasePath,
    path.resolve(process.env.INIT_CWD ?? process.cwd(), target),
  )
  process.stdout.write(
    `Backup written to ${report.file} (${report.bytes} bytes, ${report.ideas} ideas, integrity ${report.integrity}).\n`,
  )
}

async function restore(args: string[]): Promise<void> {
  const source = args[0]
  if (!source) fail('Name the backup file to restore.')
  const settings = readSettings()
  const { kept } = restoreDatabase(
    path.resolve(process.env.INIT_CWD ?? process.cwd(), source),
    settings.databasePath,
    Date.now(),
  )
  process.stdout.write(
    `Restored ${source} to ${settings.databasePath}.${kept ? ` The previous database is kept at ${kept}.` : ''}\nStart the server again.\n`,
  )
}

const [command, ...rest] = process.argv.slice(2)
const commands: Record<string, (args: string[]) => Promise<void>> = {
  'create-user': createUser,
  backup,
  restore,
  'migrate-to-postgres': migrateToPostgresCommand,
}
const run = command ? commands[command] : undefined
if (!run) fail(command ? `Unknown command: ${command}` : 'No command given.')
try {
  await run(rest)
} catch (error) {
  fail(error instanceof Error ? error.message : String(error))
}
