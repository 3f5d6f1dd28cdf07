import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

// The API suite on PostgreSQL: the same *.test.ts files as on SQLite (vitest.config.ts), against
// a throwaway server (src/test/global-setup-pg.ts), each test app with a database of its own
// copied from a migrated template. `pnpm test:postgres`; `npm test` runs it after SQLite's.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // What only SQLite has: the gate over one connection, the checkpointer of its log, its
    // file backups, its query planner's plans (PostgreSQL's are checked by the bench).
    exclude: [
      'src/db/connection.test.ts',
      'src/db/checkpointer.test.ts',
      'src/backup/backup.test.ts',
      'src/features/ideas/query-plans.test.ts',
      'src/features/staff/werkbak-plans.test.ts',
      'src/features/map/map-plans.test.ts',
      'src/trust/migrations.test.ts',
    ],
    globalSetup: ['src/test/global-setup-pg.ts'],
    pool: 'forks',
    isolate: false,
    maxWorkers: availableParallelism(),
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
})
