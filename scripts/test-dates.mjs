// `pnpm test:dates`: the API suite and the journeys that show dates, with the clock at hard
// moments (the start of a quarter just after midnight, a Saturday, the Sunday the clocks go
// forward, New Year's Eve at 23:30, 29 February). `npm test` runs everything at the real
// date first and builds the app this uses.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { ensurePnpm, fail, log, run } from './lib.mjs'

process.chdir(fileURLToPath(new URL('..', import.meta.url)))

/** Europe/Amsterdam moments, with their offset. */
export const HARD_MOMENTS = [
  ['1 april, 00:05: a new quarter has just begun', '2027-04-01T00:05:00+02:00'],
  ['a Saturday', '2027-06-12T10:00:00+02:00'],
  ['the Sunday the clocks go forward', '2027-03-28T03:30:00+02:00'],
  ['31 December, 23:30', '2026-12-31T23:30:00+01:00'],
  ['29 February', '2028-02-29T12:00:00+01:00'],
]

const only = process.argv[2]
const moments = only ? HARD_MOMENTS.filter(([, iso]) => iso.startsWith(only)) : HARD_MOMENTS
if (moments.length === 0) fail(`No moment starts with ${only}. Known: ${HARD_MOMENTS.map(([, m]) => m).join(', ')}`)
if (!existsSync('apps/web/dist/index.html') || !existsSync('apps/api/dist/server.js')) {
  fail('The app is not built. Run `pnpm build` first (npm test does this).')
}

const pnpm = ensurePnpm()
const timings = []
for (const [label, moment] of moments) {
  log(`${label} (${moment})`)
  const env = { ...process.env, CI: process.env.CI ?? '1' }
  const api = run(pnpm, ['--filter', '@meedenken/api', 'exec', 'vitest', 'run'], {
    label: `API tests at ${moment}`,
    env: { ...env, MEEDENKEN_TEST_NOW: moment },
  })
  const e2e = run(pnpm, ['--filter', '@meedenken/e2e', 'exec', 'playwright', 'test', '--grep', '@dates'], {
    label: `date journeys at ${moment}`,
    env: { ...env, E2E_NOW: moment },
  })
  timings.push([moment, api, e2e])
}
log('Alle datums geslaagd / every date passed')
for (const [moment, api, e2e] of timings) {
  process.stdout.write(`  ${moment}  API ${api.toFixed(1)} s  journeys ${e2e.toFixed(1)} s\n`)
}
