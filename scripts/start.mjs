// `npm start`: install, build, create the database with demo data, serve on http://localhost:3000.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensurePnpm, installEnv, log, run } from './lib.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
process.chdir(root)

const pnpm = ensurePnpm()
log('Installeren / installing dependencies')
run(pnpm, ['install', '--frozen-lockfile'], { env: installEnv() })
log('De web-app en de server bouwen / building the web app and the server')
run(pnpm, ['build'])

log('Meedenken starten / starting Meedenken')
const env = {
  ...process.env,
  // The demo start: demo data and the development mailbox, unless told otherwise.
  DEMO_DATA: process.env.DEMO_DATA ?? '1',
  DEV_MAILBOX: process.env.DEV_MAILBOX ?? '1',
  DATABASE_PATH: path.resolve(root, process.env.DATABASE_PATH ?? 'data/meedenken.db'),
  MEEDENKEN_BANNER: '1',
}
// The same command as production (`pnpm --filter @meedenken/api start`): the bundled server
// with memory limits sized for a modest machine.
const start = JSON.parse(readFileSync(path.join(root, 'apps/api/node-flags.json'), 'utf8'))
const server = spawn(process.execPath, [...start.flags, path.join(root, 'apps/api/dist/server.js')], {
  stdio: 'inherit',
  env: { ...start.env, ...env },
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', (code) => process.exit(code ?? 0))
