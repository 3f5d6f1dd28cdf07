// Helpers for the two newcomer commands. Plain Node, no dependencies: they run before install.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

export const PNPM_VERSION = '10.34.9'

/** Environment for installs: better-sqlite3 compiles from source against Node's own headers. */
export function installEnv() {
  const env = { ...process.env }
  if (!env.npm_config_nodedir && existsSync('/usr/include/node/node.h')) env.npm_config_nodedir = '/usr'
  return env
}

export function log(message) {
  process.stdout.write(`\n\x1b[1m▸ ${message}\x1b[0m\n`)
}

export function fail(message) {
  process.stderr.write(`\n\x1b[31m✗ ${message}\x1b[0m\n`)
  process.exit(1)
}

function works(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
  return result.status === 0 ? result.stdout.trim() : null
}

/**
 * Finds pnpm 10 (the version the lockfile is made with), installs it with npm when it is
 * missing, and falls back to `npx pnpm@…` when a global install is not allowed.
 */
export function ensurePnpm() {
  const version = works('pnpm', ['--version'])
  if (version?.startsWith('10.')) return ['pnpm']
  log(`pnpm ${PNPM_VERSION} installeren / installing pnpm ${PNPM_VERSION}`)
  const installed = spawnSync('npm', ['install', '--global', `pnpm@${PNPM_VERSION}`], { stdio: 'inherit' })
  if (installed.status === 0 && works('pnpm', ['--version'])?.startsWith('10.')) return ['pnpm']
  if (works('npx', ['--yes', `pnpm@${PNPM_VERSION}`, '--version'])) return ['npx', '--yes', `pnpm@${PNPM_VERSION}`]
  fail('pnpm could not be installed. Install it with `npm install --global pnpm@10` and try again.')
}

/** Runs a command in the foreground; stops everything when it fails. Returns seconds taken. */
export function run(pnpm, args, { env = process.env, label } = {}) {
  const started = Date.now()
  const [command, ...prefix] = pnpm
  const result = spawnSync(command, [...prefix, ...args], { stdio: 'inherit', env })
  if (result.status !== 0) fail(`${label ?? args.join(' ')} failed`)
  return (Date.now() - started) / 1000
}
