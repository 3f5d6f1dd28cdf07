// `pnpm test:trust`: the long trust runs (load, kill -9 crashes, shutdown, every naughty string)
// against the bundled server, which the api package's test:trust builds first.
import { fileURLToPath } from 'node:url'
import { ensurePnpm, log, run } from './lib.mjs'

process.chdir(fileURLToPath(new URL('..', import.meta.url)))
const pnpm = ensurePnpm()
log('Vertrouwenstests / trust runs (load, crashes, shutdown, hostile input)')
const seconds = run(pnpm, ['--filter', '@meedenken/api', 'run', 'test:trust'], { label: 'trust runs' })
log(`Trust runs passed in ${seconds.toFixed(1)} s`)
