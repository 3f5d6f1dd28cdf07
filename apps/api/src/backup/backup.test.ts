import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../db/open'
import { makeIdea, makeTheme, makeUser } from '../test/fixtures'

const run = promisify(execFile)
const apiRoot = fileURLToPath(new URL('../..', import.meta.url))
const tsx = path.join(apiRoot, 'node_modules/.bin/tsx')
const cli = path.join(apiRoot, 'src/cli/admin.ts')

describe('pnpm admin backup and restore', () => {
  it('copies the database consistently while another process keeps writing, and restores it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'meedenken-backup-'))
    const file = path.join(dir, 'live.db')
    const db = openDatabase(file)
    const theme = await makeTheme(db)
    const author = await makeUser(db)
    for (let i = 0; i < 200; i++) await makeIdea(db, { authorId: author.id, themeId: theme.id })

    // A second process writes ideas as fast as it can, from before the backup until after it.
    const writer = execFile(
      tsx,
      [
        '-e',
        `const D=require('better-sqlite3');const d=new D(${JSON.stringify(file)});d.pragma('busy_timeout=5000');
         const s=d.prepare("insert into ideas (title,body,body_html,theme_id,author_id,created_at,updated_at) values ('t','b','b',${theme.id},${author.id},1,1)");
         const fs=require('fs');const end=Date.now()+120000;
         while(!fs.existsSync(${JSON.stringify(path.join(dir, 'stop'))})&&Date.now()<end){s.run()}`,
      ],
      { cwd: apiRoot },
    )
    // Listened for from the start: on a busy machine the writer may finish before the backup does.
    const writerDone = new Promise<void>((resolve) => writer.on('exit', () => resolve()))
    const liveCount = () => (db.$client.prepare('select count(*) as n from ideas').get() as { n: number }).n
    // Waits for the writer by what it wrote, not by a sleep: on a busy machine starting it takes seconds.
    const writtenBeyond = async (count: number) => {
      const end = performance.now() + 60_000
      while (liveCount() <= count && performance.now() < end) await new Promise((r) => setTimeout(r, 50))
      return liveCount()
    }
    expect(await writtenBeyond(200)).toBeGreaterThan(200)
    const env = { ...process.env, DATABASE_PATH: file, INIT_CWD: dir }
    const { stdout } = await run(tsx, [cli, 'backup', 'copy.db'], { env })
    expect(stdout).toMatch(/Backup written to .*copy\.db .*integrity ok/)

    const copy = new Database(path.join(dir, 'copy.db'), { readonly: true })
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
    const copied = (copy.prepare('select count(*) as n from ideas').get() as { n: number }).n
    copy.close()
    expect(copied).toBeGreaterThan(200)
    // The writer went on after the copy was taken: the copy is a moment, not the end state.
    expect(await writtenBeyond(copied)).toBeGreaterThan(copied)
    writeFileSync(path.join(dir, 'stop'), '')
    await writerDone
    db.$client.close()

    // Stop the "server" (closed above) and restore: the database is the copy again.
    const restored = await run(tsx, [cli, 'restore', 'copy.db'], { env })
    expect(restored.stdout).toMatch(/previous database is kept at .*before-restore/)
    const after = new Database(file, { readonly: true })
    expect((after.prepare('select count(*) as n from ideas').get() as { n: number }).n).toBe(copied)
    after.close()
  }, 180_000)

  it('refuses to overwrite a file and to restore something that is not a backup', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'meedenken-backup-'))
    const file = path.join(dir, 'live.db')
    openDatabase(file).$client.close()
    const env = { ...process.env, DATABASE_PATH: file, INIT_CWD: dir }
    await run(tsx, [cli, 'backup', 'one.db'], { env })
    await expect(run(tsx, [cli, 'backup', 'one.db'], { env })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/already exists/),
    })
    const junk = path.join(dir, 'junk.db')
    new Database(junk).close()
    await expect(run(tsx, [cli, 'restore', 'junk.db'], { env })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/not a usable/),
    })
  }, 180_000)
})
