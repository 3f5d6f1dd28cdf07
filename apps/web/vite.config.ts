import { readdir, readFile, writeFile } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import react from '@vitejs/plugin-react'
import type { Plugin, ResolvedConfig } from 'vite'
import { defineConfig } from 'vitest/config'
import { SERVER_PAGE_MODULES } from './src/ssr/page-modules'

const apiPort = process.env.API_PORT ?? '3001'

export default defineConfig(({ isSsrBuild }) => ({
  // The client build's text files get brotli and gzip copies the API serves (decision 021).
  plugins: isSsrBuild ? [react()] : [react(), precompress()],
  resolve: {
    // React 19 has the hook: the shim's fallback would only add to every page (lib/use-sync-external-store.ts).
    alias: { 'use-sync-external-store/shim': path.resolve(import.meta.dirname, 'src/lib/use-sync-external-store.ts') },
  },
  server: {
    port: 5173,
    // The theme's tokens come from the API too (THEME, decision 023).
    proxy: { '/api': `http://127.0.0.1:${apiPort}`, '/theme.css': `http://127.0.0.1:${apiPort}` },
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    // The list page must stay small (see BENCHMARKS.md): pages are split per route.
    chunkSizeWarningLimit: 200,
    // The server entry needs no favicon; the public folder belongs to the client build.
    copyPublicDir: !isSsrBuild,
    // The API reads it to link each server-rendered page's own CSS and scripts (decision 020).
    manifest: !isSsrBuild,
    // A chunk loaded with `import()` comes with the chunks it imports, fetched beside it: for
    // the start code (imported by the entry) all of them; for a page's chunk those the start
    // code has not loaded already (their names would only make the start chunk bigger).
    modulePreload: {
      resolveDependencies: (file, deps, { hostId }) =>
        deps.filter((dep) => dep !== file && (ENTRY.test(hostId) || !LOADED_AT_START.test(dep))),
    },
    // Chunks by when they are needed (chunkGroups below): left alone, rolldown cuts the
    // shared code into dozens of small files, each compressed on its own.
    rolldownOptions: isSsrBuild ? {} : { output: { codeSplitting: { groups: [chunkGroups()] } } },
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
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    // Components are rendered fresh in each test and nothing is mocked across files: one
    // module graph per worker (17 s → 6 s for the suite here).
    isolate: false,
    maxWorkers: availableParallelism(),
  },
}))

/**
 * Modules the start code imports but only some pages use: `<Trans>` (the accessibility
 * statement) and its HTML parser. They stay with the pages that use them.
 */
const NOT_AT_START =
  /[\\/](?:react-i18next[\\/]dist[\\/]es[\\/]Trans[^\\/]*|html-parse-stringify[\\/].*|void-elements[\\/].*)$/

/** The entry's chunk (index.html's script, `src/main.tsx`). */
const ENTRY = /(?:^|\/)index-[\w-]+\.js$/

/** The chunks every page has loaded before it loads its own (chunkGroups, main.tsx). */
const LOADED_AT_START = /(?:^|\/)(?:react|start|rolldown-runtime|preload-helper|early-click)-[\w-]+\.js$/

/** React itself: evaluated in a task of its own, before the rest of the start code (main.tsx). */
const REACT = /[\\/]node_modules[\\/](?:react|react-dom|scheduler)[\\/]/

/**
 * Modules that stay out of the chunk of the public pages' shared code: a catalogue module
 * awaits its strings when it is evaluated (lib/i18n-engage.ts), so one page would wait for
 * another's strings; a stylesheet would be linked on pages that do not use it.
 */
const NOT_SHARED = /(?:[\\/]lib[\\/]i18n-[^\\/]+\.ts|\.css)$/

type ChunkingContext = {
  getModuleInfo(id: string): { importedIds: readonly string[]; dynamicallyImportedIds: readonly string[] } | null
}

/**
 * The chunks of the client build, by when they are needed:
 * - `react`: React and React DOM, which `src/main.tsx` evaluates first, in a task of its own;
 * - `start`: the rest of what `src/start.tsx` imports statically, directly or not (the
 *   router, the query cache, i18next, the layout), except what the entry itself
 *   (`src/main.tsx`) already has;
 * - `public`: the code the idea list shares with the other server-rendered pages
 *   (ssr/page-modules.ts) beyond the start code: the idea queries, the form fields, the
 *   date formats. Not a module that awaits a page's strings or links a stylesheet.
 * Each page's own code, loaded with `import()`, stays in the page's chunk.
 */
function chunkGroups() {
  const src = path.resolve(import.meta.dirname, 'src')
  const root = import.meta.dirname
  const cache = new WeakMap<object, Map<string, string>>()
  const closure = (ctx: ChunkingContext, from: string): Set<string> => {
    const seen = new Set<string>()
    const queue = [from]
    while (queue.length > 0) {
      const id = queue.pop() as string
      if (seen.has(id)) continue
      seen.add(id)
      queue.push(...(ctx.getModuleInfo(id)?.importedIds ?? []))
    }
    return seen
  }
  const chunkOf = (ctx: ChunkingContext): Map<string, string> => {
    const key = ctx.getModuleInfo(path.join(src, 'start.tsx'))
    if (!key) return new Map()
    let chunks = cache.get(key)
    if (chunks) return chunks
    chunks = new Map()
    const entry = closure(ctx, path.join(src, 'main.tsx'))
    const start = [...closure(ctx, path.join(src, 'start.tsx'))].filter(
      (id) => !entry.has(id) && !NOT_AT_START.test(id),
    )
    for (const id of start) chunks.set(id, REACT.test(id) ? 'react' : 'start')
    // What the list shares with the other public pages: the list is the page most people
    // open first, and what it leaves out stays with the pages that use it.
    const list = closure(ctx, path.join(root, SERVER_PAGE_MODULES['/']))
    const used = new Map<string, number>()
    for (const page of Object.values(SERVER_PAGE_MODULES)) {
      if (page === SERVER_PAGE_MODULES['/']) continue
      for (const id of closure(ctx, path.join(root, page))) used.set(id, (used.get(id) ?? 0) + 1)
    }
    const awaitsStrings = (id: string) => [...closure(ctx, id)].some((dep) => NOT_SHARED.test(dep))
    for (const [id, pages] of used) {
      if (chunks.has(id) || entry.has(id) || awaitsStrings(id)) continue
      // What the other public pages share (the form fields, the tables): one file, not ten small ones.
      if (list.has(id)) chunks.set(id, 'public')
      else if (pages >= 2) chunks.set(id, 'pages')
    }
    cache.set(key, chunks)
    return chunks
  }
  return {
    name: (id: string, ctx: ChunkingContext) => chunkOf(ctx).get(id) ?? null,
    includeDependenciesRecursively: false,
  }
}

const brotli = promisify(brotliCompress)
const gzipped = promisify(gzip)

/** The build's text files: scripts, styles, the document and the like. Images are compressed already. */
const COMPRESSIBLE = /\.(?:html|js|mjs|css|json|svg|txt|xml|map|webmanifest)$/
/** Below a kilobyte a compressed copy saves less than a packet (the API uses the same bound). */
const MIN_BYTES = 1024

export type Precompressed = { file: string; bytes: number; br: number | null; gzip: number | null }

/**
 * Writes `x.br` and `x.gz` beside every text file of at least a kilobyte in `dir`, at the
 * best quality Node's zlib has (brotli 11, gzip 9): done once per build, so the cost of
 * quality 11 (tens of milliseconds a file) is paid here, never per request. A copy that is
 * not smaller than the file is not written. The API serves these copies (decision 021).
 */
export async function precompressDir(dir: string): Promise<Precompressed[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const files = entries
    .filter((entry) => entry.isFile() && COMPRESSIBLE.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
  const results = await Promise.all(
    files.map(async (file): Promise<Precompressed | null> => {
      const body = await readFile(file)
      if (body.byteLength < MIN_BYTES) return null
      const [br, gz] = await Promise.all([
        brotli(body, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
          },
        }),
        gzipped(body, { level: constants.Z_BEST_COMPRESSION }),
      ])
      const keep = async (copy: Buffer, suffix: string) => {
        if (copy.byteLength >= body.byteLength) return null
        await writeFile(`${file}${suffix}`, copy)
        return copy.byteLength
      }
      return {
        file: path.relative(dir, file).split(path.sep).join('/'),
        bytes: body.byteLength,
        br: await keep(br, '.br'),
        gzip: await keep(gz, '.gz'),
      }
    }),
  )
  return results.filter((result) => result !== null).sort((a, b) => a.file.localeCompare(b.file))
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`

/** The Vite plugin: compresses the client build once it is written (not the server entry). */
export function precompress(): Plugin {
  let config: ResolvedConfig
  return {
    name: 'meedenken:precompress',
    apply: 'build',
    configResolved(resolved) {
      config = resolved
    },
    async closeBundle() {
      if (config.build.ssr) return
      const outDir = path.resolve(config.root, config.build.outDir)
      const done = await precompressDir(outDir)
      const sum = (pick: (p: Precompressed) => number | null) => done.reduce((s, p) => s + (pick(p) ?? 0), 0)
      config.logger.info(
        `precompressed ${done.length} files: ${kB(sum((p) => p.bytes))} → brotli ${kB(sum((p) => p.br))}, gzip ${kB(sum((p) => p.gzip))}`,
      )
    },
  }
}
