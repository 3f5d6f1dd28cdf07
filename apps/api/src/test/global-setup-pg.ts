import type { TestProject } from 'vitest/node'
import { migratePostgres } from '../db/migrate-pg'
import { startThrowawayPostgres } from '../db/pg-throwaway'
import { startingMoment } from './global-setup'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The throwaway server's own database, for CREATE DATABASE (only in the PostgreSQL run). */
    postgresUrl: string
  }
}

/** The database every test app's database is made from (CREATE DATABASE … TEMPLATE). */
export const TEMPLATE = 'meedenken_template'

/**
 * The API suite on PostgreSQL (`pnpm test:postgres`): a throwaway server, one migrated
 * template database, and DATABASE_URL set before the test workers start, so each worker's
 * engine (db/engine.ts) is PostgreSQL and its tables are PostgreSQL's. Each test app gets a
 * database of its own, copied from the template (test-app.ts).
 */
export default async function setup(project: TestProject) {
  const server = await startThrowawayPostgres()
  const template = await server.createDatabase(TEMPLATE)
  await migratePostgres(template)
  process.env.DATABASE_URL = server.url
  project.provide('postgresUrl', server.url)
  project.provide('testNow', startingMoment())
  return () => server.stop()
}
