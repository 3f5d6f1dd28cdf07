import { defineConfig } from 'vitest/config'

// Tests that need PostgreSQL: `pnpm test:pg`. Each file starts a throwaway server of its own
// (src/db/pg-throwaway.ts) and fails when PostgreSQL is not installed. Not part of `vitest run`
// (vitest.config.ts reads *.test.ts only) until `npm test` installs PostgreSQL.
export default defineConfig({
  test: {
    include: ['src/**/*.pgtest.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})
