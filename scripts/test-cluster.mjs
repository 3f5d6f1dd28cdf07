// `pnpm test:cluster`: the cluster of `pnpm cluster` (PostgreSQL, three API processes, nginx)
// under test: sessions across processes, 200 members voting at once, live updates across
// processes, mail sent once, kill -9 during writes, a rolling restart. Installs Debian's
// postgresql and nginx when they are missing and builds the server bundle (as test:trust
// does); the tests are apps/api/cluster/*.test.ts, which start the cluster with scripts/cluster.mjs.
//   CLUSTER_ENGINE=sqlite  the three processes share one SQLite file instead of PostgreSQL
//   CLUSTER_SERVER=…       test this server bundle as it is (no build)
//   CLUSTER_PORT=…         nginx's port (3200); the processes take the next three, PostgreSQL +10
import { fileURLToPath } from 'node:url'
import { ensureNginxInstalled } from './cluster.mjs'
import { ensurePnpm, fail, log, run } from './lib.mjs'
import { ensurePostgresInstalled } from './postgres.mjs'

process.chdir(fileURLToPath(new URL('..', import.meta.url)))
const started = Date.now()
const pnpm = ensurePnpm()
if ((process.env.CLUSTER_ENGINE ?? 'postgres') === 'postgres') {
  const postgres = ensurePostgresInstalled()
  if (!postgres.bin) fail(`PostgreSQL: ${postgres.why}. Install it with: sudo apt-get install -y postgresql`)
}
const nginx = ensureNginxInstalled()
if (!nginx.bin) fail(`nginx: ${nginx.why}. Install it with: sudo apt-get install -y nginx`)

const env = { ...process.env }
if (!env.CLUSTER_SERVER) {
  log('De server bouwen / building the server')
  run(pnpm, ['--filter', '@meedenken/api', 'run', 'build'], { label: 'build' })
  env.CLUSTER_SERVER = `apps/api/${process.env.API_OUT_DIR ?? 'dist'}/server.js`
}
log(
  `Clustertests / cluster tests (${process.env.CLUSTER_ENGINE === 'sqlite' ? 'one SQLite file' : 'PostgreSQL'}, 3 API processes, nginx)`,
)
// Arguments go on to vitest: `pnpm test:cluster votes` runs cluster/votes.test.ts alone.
const vitest = ['vitest', 'run', '--config', 'cluster/vitest.cluster.config.ts', ...process.argv.slice(2)]
run(pnpm, ['--filter', '@meedenken/api', 'exec', ...vitest], {
  env,
  label: 'cluster tests',
})
log(`Cluster tests passed in ${((Date.now() - started) / 1000).toFixed(1)} s`)
