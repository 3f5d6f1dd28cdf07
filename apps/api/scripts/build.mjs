// Bundles the server into dist/server.js: plain Node runs it, without a TypeScript loader
// (less memory, faster start). Packages from node_modules stay external; the workspace's
// own TypeScript (@meedenken/shared) is bundled in.
import { readFileSync } from 'node:fs'
import { build } from 'esbuild'

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
const external = Object.keys(pkg.dependencies).filter((name) => !name.startsWith('@meedenken/'))

await build({
  entryPoints: { server: 'src/server.ts', admin: 'src/cli/admin.ts' },
  // Another folder (inside apps/api, so packages resolve) lets parallel work build side by side.
  outdir: process.env.API_OUT_DIR ?? 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  external,
  sourcemap: true,
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
})
