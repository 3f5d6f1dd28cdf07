import { defineConfig } from 'vitest/config'

// The long trust runs (load, crashes, shutdown, every naughty string): `pnpm test:trust`.
export default defineConfig({
  test: {
    include: ['trust/**/*.trust.ts', 'src/trust/hostile-input.test.ts'],
    globalSetup: ['src/test/global-setup.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 60_000,
    env: { TRUST_FULL: '1' },
  },
})
