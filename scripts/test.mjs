// `npm test`: make sure pnpm, dependencies and Chromium are there, then run every check.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { ensurePnpm, fail, installEnv, log, run } from './lib.mjs'
import { ensurePostgresInstalled } from './postgres.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
process.chdir(root)
const started = Date.now()
const timings = []

function ensureChromium() {
  const wanted = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (existsSync(wanted)) return
  log('Chromium installeren uit Debian / installing Chromium from Debian')
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0
  const sudo = !asRoot && spawnSync('sudo', ['-n', 'true']).status === 0
  if (!asRoot && !sudo) {
    fail(
      'Chromium is missing and this user cannot install packages.\n' +
        '  Install it with: sudo apt-get install -y chromium\n' +
        '  or point CHROMIUM_PATH at an existing Chromium or Chrome binary.',
    )
  }
  const apt = (args) => {
    const [command, ...rest] = asRoot ? ['apt-get', ...args] : ['sudo', '-n', 'apt-get', ...args]
    return (
      spawnSync(command, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
        .status === 0
    )
  }
  if (!apt(['update', '-qq']) || !apt(['install', '-y', '-qq', 'chromium'])) {
    fail('Installing Chromium with apt-get failed. Install the Debian package `chromium` and run npm test again.')
  }
  if (!existsSync(wanted)) fail(`Chromium was installed but ${wanted} does not exist. Set CHROMIUM_PATH.`)
}

const pnpm = ensurePnpm()
log('Installeren / installing dependencies')
timings.push(['install', run(pnpm, ['install', '--frozen-lockfile'], { env: installEnv() })])
ensureChromium()
// The PostgreSQL tests and the API suite on PostgreSQL start throwaway servers of their own;
// they need the programs only.
const postgres = ensurePostgresInstalled()
if (!postgres.bin)
  fail(`PostgreSQL: ${postgres.why}. Install it with: sudo apt-get install -y postgresql postgresql-contrib`)

const steps = [
  ['typecheck', ['typecheck']],
  ['lint', ['lint']],
  ['unit and API tests', ['test:unit']],
  ['PostgreSQL tests', ['--filter', '@meedenken/api', 'run', 'test:pg']],
  ['API tests on PostgreSQL', ['--filter', '@meedenken/api', 'run', 'test:postgres']],
  ['build', ['build']],
  ['end-to-end tests (Chromium)', ['test:e2e']],
]
for (const [label, args] of steps) {
  log(label)
  timings.push([label, run(pnpm, args, { label, env: { ...process.env, CI: process.env.CI ?? '1' } })])
}

log('Alles geslaagd / all checks passed')
for (const [label, seconds] of timings) process.stdout.write(`  ${label.padEnd(32)} ${seconds.toFixed(1)} s\n`)
process.stdout.write(`  ${'total'.padEnd(32)} ${((Date.now() - started) / 1000).toFixed(1)} s\n`)
