import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { openDatabase } from '../db/open'

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string
  }
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
  return () => rmSync(dir, { recursive: true, force: true })
}
