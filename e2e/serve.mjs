// Starts the production server (built web app + API) on a fresh SQLite file for the e2e run.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { startPdokFixture } from './pdok-fixture.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
// E2E_SERVER and WEB_DIST may point at builds in other folders (parallel work on one machine).
const server = process.env.E2E_SERVER ?? 'apps/api/dist/server.js'
const web = process.env.WEB_DIST ?? 'apps/web/dist'
for (const built of [path.join(web, 'index.html'), server]) {
  if (!existsSync(path.resolve(root, built))) {
    console.error(`${built} is missing. Run \`pnpm build\` first (npm test does this).`)
    process.exit(1)
  }
}
const dir = mkdtempSync(path.join(tmpdir(), 'meedenken-e2e-'))
// Map tiles and address search from a local stand-in for PDOK: no e2e run reaches the internet.
const pdok = await startPdokFixture()
// The production build, started as production starts it.
const start = JSON.parse(readFileSync(path.join(root, 'apps/api/node-flags.json'), 'utf8'))
const child = spawn(process.execPath, [...start.flags, path.resolve(root, server)], {
  stdio: 'inherit',
  env: {
    ...start.env,
    ...process.env,
    PORT: process.env.E2E_PORT ?? '3100',
    HOST: '127.0.0.1',
    DATABASE_PATH: path.join(dir, 'e2e.db'),
    DEMO_DATA: '1',
    DEV_MAILBOX: '1',
    // As behind nginx: journeys that sign people up through the API give each its own
    // address in X-Forwarded-For (staff-helpers.ts), so per-address limits see people apart.
    TRUST_PROXY: '1',
    PUBLIC_URL: `http://127.0.0.1:${process.env.E2E_PORT ?? '3100'}`,
    LOG_LEVEL: 'warn',
    // Notifications become mail within seconds, not half a minute: journeys wait for them.
    NOTIFY_EVERY_SECONDS: '3',
    MAP_TILE_URL: process.env.MAP_TILE_URL ?? pdok.tileUrl,
    GEOCODER_URL: process.env.GEOCODER_URL ?? pdok.geocoderUrl,
    // The date matrix (scripts/test-dates.mjs) runs the server at a chosen moment.
    ...(process.env.E2E_NOW ? { MEEDENKEN_NOW: process.env.E2E_NOW } : {}),
  },
})
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => child.kill(signal))
child.on('exit', (code) => process.exit(code ?? 0))
