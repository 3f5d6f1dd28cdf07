import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// `pnpm test:cluster` (scripts/test-cluster.mjs): one cluster (PostgreSQL, three API
// processes, nginx) for all files, started by global-setup.ts; the files run one at a time,
// as they kill and restart its processes.
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['cluster/**/*.test.ts'],
    globalSetup: ['cluster/global-setup.ts'],
    setupFiles: ['cluster/each-file.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 240_000,
  },
})
