import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Locale } from '@meedenken/shared'
import type { Context } from 'hono'
import type { AppEnv } from './env'

/**
 * The contract with the web app's server entry (apps/web/src/entry-server.tsx, built by
 * `vite build --ssr` into `<WEB_DIST>-server/entry-server.js`). The API owns the document
 * and its headers; the entry renders the React tree and says what data it rendered with.
 */
export type RenderInput = {
  /** Path and query string of the page, e.g. `/?status=done`. */
  url: string
  locale: Locale
  /** Whether the request carries a valid session (the entry then asks who it is). */
  signedIn: boolean
  /** The API, answered in this process with the visitor's cookie: no network in between. */
  fetch: typeof fetch
}

export type RenderResult = {
  status: number
  /** The document title, plain text. */
  title: string
  /** The rendered `#root`. */
  html: string
  /** What the browser needs to hydrate: JSON-serialisable. */
  state: unknown
  /**
   * The source modules of the page beyond the main entry (`src/app/idea-page.tsx`), as the
   * web build's manifest names them: their CSS is linked and their JavaScript preloaded.
   */
  modules?: string[]
}

/** Resolves to null for a page the entry does not render on the server (it gets the plain shell). */
export type RenderPage = (input: RenderInput) => Promise<RenderResult | null>

/**
 * The pages that may be rendered on the server (decision 020): the public pages people
 * arrive on from a link or a search engine. The web app's entry decides per page
 * (apps/web/src/ssr/pages.ts) and answers null for any other, which gets the plain shell.
 */
export const SERVER_RENDERED_PATHS = [
  '/',
  '/ideeen/:id',
  '/resultaten',
  '/plannen',
  '/jij-zei-wij-deden',
  '/meedenkvragen',
  '/meedenkvragen/:id',
] as const

/** The element the web app reads its state from (apps/web/src/ssr/state.ts). */
export const SSR_STATE_ID = 'ssr-state'
/** A render that takes longer than this is abandoned for the plain shell. */
const RENDER_TIMEOUT_MS = 3_000
const ROOT = '<div id="root"></div>'

/** Next to the web build, never inside it: everything in WEB_DIST is served to the public. */
export function ssrEntryPath(webDist: string): string {
  return path.join(`${path.resolve(webDist)}-server`, 'entry-server.js')
}

/**
 * A signed-in person's page comes in the language of their profile; everyone else's in
 * Dutch. No language cookie: the web app sets one cookie only, the session (a visitor's
 * choice lives in local storage, and the web app applies it after hydration).
 */
export function pageLocale(c: Context<AppEnv>): Locale {
  return c.var.user?.locale ?? 'nl'
}

/**
 * State in `<script type="application/json">`: the browser never runs it, so the CSP's
 * `script-src 'self'` holds. `<` is escaped, so no text inside (an idea titled
 * `</script><script>…`) can end the element; JSON.parse reads `\u003c` back as `<`.
 */
export function stateScript(state: unknown): string {
  const json = JSON.stringify(state).replace(/</g, '\\u003c')
  return `<script type="application/json" id="${SSR_STATE_ID}">${json}</script>`
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** One chunk of the client build, as `vite build --manifest` writes it (.vite/manifest.json). */
type ManifestChunk = { file: string; css?: string[]; imports?: string[]; dynamicImports?: string[]; isEntry?: boolean }
export type Manifest = Record<string, ManifestChunk>

/**
 * The chunks the entry loads by itself: what it imports, and what it imports with
 * `import()` once the page is painted (the app's start code, decision 014), with their
 * imports. A page must not preload these: a preload in `<head>` would fetch the start code
 * beside the stylesheets and hold back the first paint the entry waits for.
 */
function entryChunks(manifest: Manifest): Set<string> {
  const owned = new Set<string>()
  const visit = (key: string) => {
    const chunk = manifest[key]
    if (!chunk || owned.has(key)) return
    owned.add(key)
    for (const imported of chunk.imports ?? []) visit(imported)
  }
  for (const [key, chunk] of Object.entries(manifest)) {
    if (!chunk.isEntry) continue
    visit(key)
    for (const later of chunk.dynamicImports ?? []) visit(later)
  }
  return owned
}

/**
 * The `<link>`s a page's own modules need in the document: their CSS (and that of the
 * chunks they import), so the page is drawn styled before any script runs or without
 * one, and their JavaScript as module preloads, so the browser fetches it beside the
 * app's start code instead of after it. The entry's own chunks are not preloaded (see
 * entryChunks). The app's runtime later finds these links and loads nothing twice. Files
 * the template links already are left out.
 */
export function pageLinks(manifest: Manifest | null, modules: readonly string[], template: string): string {
  if (!manifest) return ''
  const entry = entryChunks(manifest)
  const css = new Set<string>()
  const js = new Set<string>()
  const seen = new Set<string>()
  const visit = (key: string) => {
    const chunk = manifest[key]
    if (!chunk || seen.has(key)) return
    seen.add(key)
    if (!entry.has(key)) js.add(chunk.file)
    for (const file of chunk.css ?? []) css.add(file)
    for (const imported of chunk.imports ?? []) visit(imported)
  }
  for (const module of modules) visit(module)
  const href = (file: string) => `/${file}`
  const absent = (file: string) => !template.includes(`"${href(file)}"`)
  return [
    ...[...css].filter(absent).map((file) => `<link rel="stylesheet" crossorigin href="${href(file)}">`),
    ...[...js].filter(absent).map((file) => `<link rel="modulepreload" crossorigin href="${href(file)}">`),
  ].join('')
}

/**
 * The built index.html with the rendered page in it. Replacer functions, not strings:
 * a `$&` in an idea's title must stay text, not become a replacement pattern.
 */
export function assembleDocument(template: string, locale: Locale, result: RenderResult, links = ''): string {
  return template
    .replace(/<html lang="[^"]*"/, () => `<html lang="${locale}"`)
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeText(result.title)}</title>`)
    .replace('</head>', () => `${links}</head>`)
    .replace(ROOT, () => `<div id="root">${result.html}</div>${stateScript(result.state)}`)
}

type ApiRequest = (request: Request) => Response | Promise<Response>

type Loaded = { render: RenderPage; template: string; manifest: Manifest | null }

/**
 * Renders pages with the web app's server entry, if it was built. Loads the entry and the
 * template once, on the first page asked for. Every failure (no entry, a throw, a
 * timeout) resolves to null, and the caller serves the plain shell: a visitor never sees
 * a 500 or a stack trace for a page.
 */
export function createPageRenderer(webDist: string, api: ApiRequest) {
  let loading: Promise<Loaded | null> | undefined

  async function load(c: Context<AppEnv>): Promise<Loaded | null> {
    const entry = ssrEntryPath(webDist)
    const indexFile = path.join(webDist, 'index.html')
    if (!existsSync(entry) || !existsSync(indexFile)) {
      c.var.logger.warn({ entry }, 'no server-rendering bundle: pages are served as the plain shell')
      return null
    }
    try {
      const template = readFileSync(indexFile, 'utf8')
      if (!template.includes(ROOT)) throw new Error(`index.html has no ${ROOT}`)
      const module = (await import(pathToFileURL(entry).href)) as { render?: unknown }
      if (typeof module.render !== 'function') throw new Error('the entry exports no render function')
      const manifestFile = path.join(webDist, '.vite', 'manifest.json')
      // Without a manifest, pages work but load their own CSS with their script.
      const manifest = existsSync(manifestFile) ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest) : null
      if (!manifest)
        c.var.logger.warn({ manifestFile }, 'no build manifest: server-rendered pages link no CSS of their own')
      return { render: module.render as RenderPage, template, manifest }
    } catch (error) {
      c.var.logger.warn({ entry, err: error }, 'the server-rendering bundle cannot be loaded: serving the plain shell')
      return null
    }
  }

  /** The in-process API for one page request: GETs under /api only, with the visitor's cookie. */
  function apiFor(c: Context<AppEnv>): typeof fetch {
    return async (input, init) => {
      const request = new Request(input, init)
      if (request.method !== 'GET' || !new URL(request.url).pathname.startsWith('/api/')) {
        throw new Error(`a page render may only read the API, not ${request.method} ${request.url}`)
      }
      const headers = new Headers(request.headers)
      const cookie = c.req.header('cookie')
      if (cookie) headers.set('cookie', cookie)
      // The render reads JSON, not bytes: answers in this process stay uncompressed.
      headers.delete('accept-encoding')
      // The same request id: the page and the data it read show up together in the log.
      headers.set('x-request-id', c.var.requestId)
      return api(new Request(request.url, { method: 'GET', headers }))
    }
  }

  /** The rendered document, or null when the shell should be served instead. */
  return async function renderPage(c: Context<AppEnv>): Promise<{ html: string; status: number } | null> {
    loading ??= load(c)
    const loaded = await loading
    if (!loaded) return null
    const url = new URL(c.req.url)
    const locale = pageLocale(c)
    let timer: NodeJS.Timeout | undefined
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`rendering took over ${RENDER_TIMEOUT_MS} ms`)), RENDER_TIMEOUT_MS)
      })
      const render = loaded.render({
        url: url.pathname + url.search,
        locale,
        signedIn: c.var.user !== null,
        fetch: apiFor(c),
      })
      const result = await Promise.race([render, timeout])
      if (!result) return null
      const links = pageLinks(loaded.manifest, result.modules ?? [], loaded.template)
      return { html: assembleDocument(loaded.template, locale, result, links), status: result.status }
    } catch (error) {
      c.var.logger.warn({ err: error, path: url.pathname }, 'server rendering failed: served the plain shell')
      return null
    } finally {
      clearTimeout(timer)
    }
  }
}
