import { availableParallelism } from 'node:os'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

const apiPort = process.env.API_PORT ?? '3001'

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': `http://127.0.0.1:${apiPort}` },
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    // The list page must stay small (see BENCHMARKS.md): pages are split per route.
    chunkSizeWarningLimit: 200,
    // The server entry needs no favicon; the public folder belongs to the client build.
    copyPublicDir: !isSsrBuild,
  },
  // The server entry (`vite build --ssr src/entry-server.tsx`, decision 011) is one
  // self-contained bundle: the API loads it with a plain import, whatever is installed.
  ssr: {
    noExternal: true,
  },
  // Production React on the server too, however the API process was started.
  define: isSsrBuild ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    // Components are rendered fresh in each test and nothing is mocked across files: one
    // module graph per worker (17 s → 6 s for the suite here).
    isolate: false,
    maxWorkers: availableParallelism(),
  },
}))
