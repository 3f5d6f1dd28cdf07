import { existsSync, mkdtempSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import pino from 'pino'
import { describe, expect, it } from 'vitest'
import { makeIdea, makeTheme, makeUser } from '../test/fixtures'
import { type CheckpointReport, startCheckpointer } from './checkpointer'
import { openDatabase } from './open'

const silent = pino({ level: 'silent' })

describe('background checkpoints', () => {
  it('copies what the server wrote into the database file in another thread, and closes cleanly', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'meedenken-checkpoint-')), 'app.db')
    const db = openDatabase(file)
    // SQLite's own checkpoints off, so what is written stays in the log until the thread copies it.
    db.$client.pragma('wal_autocheckpoint = 0')
    const theme = await makeTheme(db)
    const author = await makeUser(db)
    for (let i = 0; i < 300; i++) await makeIdea(db, { authorId: author.id, themeId: theme.id })
    const fileSize = () => statSync(file).size
    const databaseSize = () =>
      Number(db.$client.pragma('page_count', { simple: true })) *
      Number(db.$client.pragma('page_size', { simple: true }))
    // Written to the log only: the database file itself is still smaller than the database.
    expect(fileSize()).toBeLessThan(databaseSize())

    // Started after the writes: the thread runs at once, so before would race the check above.
    const reports: CheckpointReport[] = []
    const checkpointer = startCheckpointer(db.$client, silent, { everyMs: 20, onReport: (r) => reports.push(r) })
    // The request thread now leaves checkpoints to the worker until the backstop.
    expect(db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(20_000)

    // Wait until a report says the whole log is in the database file.
    const deadline = Date.now() + 5_000
    while (!reports.some((r) => r.ok && r.logPages > 0 && r.copiedPages === r.logPages) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20))
    }
    expect(reports.every((r) => r.ok)).toBe(true)
    expect(fileSize()).toBe(databaseSize())
    await checkpointer.stop()
    db.$client.close()
    // The worker closed its connection on stop: the last one to close removes the log.
    expect(existsSync(`${file}-wal`)).toBe(false)
    const reopened = new Database(file, { readonly: true })
    expect(reopened.prepare('select count(*) from ideas').pluck().get()).toBe(300)
    reopened.close()
  })
})
