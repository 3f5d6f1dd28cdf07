import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { openDatabase } from '../db/open'

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string
    /** Where every test's clock starts: the real time, or the moment `MEEDENKEN_TEST_NOW` names. */
    testNow: number
  }
}

/**
 * The suite runs at the real date, and CI runs it again at hard dates (the start of a
 * quarter, a DST Sunday, New Year's Eve, 29 February) by setting MEEDENKEN_TEST_NOW (not the server's MEEDENKEN_NOW, which
 * child processes such as the admin command would inherit).
 */
export function startingMoment(): number {
  const chosen = process.env.MEEDENKEN_TEST_NOW
  if (!chosen) return Date.now()
  const moment = Date.parse(chosen)
  if (Number.isNaN(moment)) throw new Error(`MEEDENKEN_TEST_NOW is not a time: ${chosen}`)
  return moment
}

/** Migrates one template database; each test file copies it (microseconds, not a migration run). */
export default function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), 'meedenken-test-'))
  const file = path.join(dir, 'template.db')
  const db = openDatabase(file)
  db.$client.pragma('wal_checkpoint(TRUNCATE)')
  db.$client.pragma('journal_mode = DELETE')
  db.$client.close()
  project.provide('templateDatabase', file)
  project.provide('testNow', startingMoment())
  return () => rmSync(dir, { recursive: true, force: true })
}
