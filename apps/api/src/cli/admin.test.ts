import { execFile } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../db/open'
import { users } from '../db/schema'
import { verifyPassword } from '../security/passwords'

const run = promisify(execFile)
const apiRoot = fileURLToPath(new URL('../..', import.meta.url))
const tsx = path.join(apiRoot, 'node_modules/.bin/tsx')
const cli = path.join(apiRoot, 'src/cli/admin.ts')

describe('pnpm admin create-user', () => {
  it('creates a verified account with the role, in the database DATABASE_PATH names', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'meedenken-cli-')), 'cli.db')
    const env = { ...process.env, DATABASE_PATH: file, LOG_LEVEL: 'silent' }
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
    const db = openDatabase(file)
    const row = db.select().from(users).get()
    expect(row).toMatchObject({ email: 'eerste.beheerder@gemeente.nl', role: 'admin' })
    expect(row?.emailVerifiedAt).not.toBeNull()
    expect(await verifyPassword(row?.passwordHash ?? '', 'een-sterk-beheerwachtwoord')).toBe(true)
    db.$client.close()
  })

  it('refuses a bad role or a common password with a clear message and exit code 1', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'meedenken-cli-')), 'cli.db')
    const env = { ...process.env, DATABASE_PATH: file }
    await expect(
      run(tsx, [cli, 'create-user', '--email', 'a@b.nl', '--password', 'een-sterk-wachtwoord', '--role', 'koning'], {
        env,
      }),
    ).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/--role/) })
    await expect(
      run(tsx, [cli, 'create-user', '--email', 'a@b.nl', '--password', 'wachtwoord123', '--role', 'staff'], { env }),
    ).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/too common/) })
  })
})
