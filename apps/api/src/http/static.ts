import { hash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import type { Context, MiddlewareHandler } from 'hono'
import { getMimeType } from 'hono/utils/mime'
import { type Coding, matchedTag, preferredCoding, taggedFor, tagsFor } from './compress'
import type { AppEnv } from './env'
import { personalHtml, sharedHtml } from './http-cache'
import { createPageRenderer } from './render-page'

export type WebApp = {
  /** The public pages rendered on the server (SERVER_RENDERED_PATHS) when the server entry is built, else the shell. */
  pages: MiddlewareHandler<AppEnv>[]
  /** Hashed assets and other files; any other address goes on to the next handler. */
  files: MiddlewareHandler<AppEnv>[]
  /**
   * Every other address, after the session is loaded: the shell for a page the browser
   * draws, and the friendly "not found" page with a 404 for an address no route knows.
   */
  fallback: MiddlewareHandler<AppEnv>[]
}

/**
 * Serves the built web app: hashed assets cached for a year, everything else (index.html
 * and client-side routes) asked for again each time, so a deploy shows at once. A missing
 * asset is a 404, never index.html: an old page asking for an old file must not cache the
 * wrong one. Files the build compressed are sent in the coding the client takes best
 * (decision 021). `api` answers the server-rendered page's data requests in this process.
 */
export function serveWebApp(webDist: string, api: (request: Request) => Response | Promise<Response>): WebApp | null {
  if (!existsSync(path.join(webDist, 'index.html'))) return null
  const files = serveStatic<AppEnv>({ root: webDist })
  // The build's files are known when the server starts (a deploy restarts it), so their
  // caching is decided before the file is served, not by changing the answer afterwards
  // (decision 017). Hashed assets never change; anything else is asked for again.
  const built = builtFiles(webDist)
  const held = compressedFiles(webDist, built)
  const shellFile = held.get('/index.html')
  const indexHtml: MiddlewareHandler<AppEnv> = shellFile
    ? async (c) => sendHeld(c, shellFile)
    : serveStatic<AppEnv>({ root: webDist, rewriteRequestPath: () => '/index.html' })
  const compressed: MiddlewareHandler<AppEnv> = (c, next) => {
    const file = held.get(c.req.path)
    return file ? Promise.resolve(sendHeld(c, file)) : next()
  }
  const cacheHeader: MiddlewareHandler<AppEnv> = (c, next) => {
    if (built.has(c.req.path)) {
      c.header('Cache-Control', c.req.path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache')
    } else if (!c.req.path.startsWith('/assets/')) {
      // index.html for a client-side route; a missing asset gets a plain 404.
      c.header('Cache-Control', 'no-cache')
    }
    return next()
  }
  // Any other address goes on to `fallback`; a missing asset stays a plain 404.
  const clientRoutes: MiddlewareHandler<AppEnv> = (c, next) =>
    c.req.path.startsWith('/assets/') ? Promise.resolve(c.notFound()) : next()

  const renderPage = createPageRenderer(webDist, api)
  const pages: MiddlewareHandler<AppEnv> = async (c, next) => {
    const page = await renderPage(c)
    if (!page) {
      // The plain shell (no server entry built): the same for everyone, asked for again.
      if (!c.var.user) c.header('Cache-Control', 'no-cache')
      return indexHtml(c, next)
    }
    return sendPage(c, page)
  }
  // The entry renders "not found" (404) for an address no route knows, and answers null for
  // a page the browser draws: that shell is the same for everyone, so it may be kept and
  // checked again, signed in or not, unless this answer changes the session cookie.
  const fallback: MiddlewareHandler<AppEnv> = async (c, next) => {
    const page = await renderPage(c)
    if (page) return sendPage(c, page)
    if (!c.res.headers.has('set-cookie')) {
      c.header('Cache-Control', 'no-cache')
      c.header('Vary', undefined)
    }
    return indexHtml(c, next)
  }
  return { pages: [pages], files: [cacheHeader, compressed, files, clientRoutes], fallback: [fallback] }
}

/**
 * Personal when signed in (the header, "you voted"; private, no-store from the session);
 * a visitor's page is the same for every visitor: an ETag, and a proxy may keep it briefly.
 */
function sendPage(c: Context<AppEnv>, page: { html: string; status: number }): Response {
  if (c.var.user) return personalHtml(c, page.html, page.status)
  return sharedHtml(c, page.html, page.status)
}

/** One coding of a file: its bytes and their tag. */
type Variant = { body: Uint8Array<ArrayBuffer>; etag: string }

/** A file the build also wrote compressed (`x.js.br`, `x.js.gz` beside `x.js`). */
type HeldFile = { type: string; etag: string; identity: Variant } & Partial<Record<Coding, Variant>>

const SUFFIX: Record<Coding, string> = { br: '.br', gzip: '.gz' }

/**
 * The files the build compressed (the plugin in apps/web/vite.config.ts), read into memory
 * with their compressed copies when the server starts: a deploy restarts it, and they are
 * the app’s own text files (1.6 MB with their copies today). Everything else, such as
 * images, is streamed from disk as before.
 */
function compressedFiles(webDist: string, built: ReadonlySet<string>): Map<string, HeldFile> {
  const held = new Map<string, HeldFile>()
  for (const urlPath of built) {
    const codings = (Object.keys(SUFFIX) as Coding[]).filter((coding) => built.has(urlPath + SUFFIX[coding]))
    if (codings.length === 0) continue
    const read = (suffix: string) =>
      readFileSync(path.join(webDist, ...`${urlPath}${suffix}`.split('/'))) as Uint8Array<ArrayBuffer>
    const identity = read('')
    // A strong tag: these are exact bytes. Each coding gets its own (RFC 9110 §8.8.3.3).
    const etag = `"${hash('sha1', identity, 'base64url').slice(0, 22)}"`
    const file: HeldFile = {
      type: getMimeType(urlPath) ?? 'application/octet-stream',
      etag,
      identity: { body: identity, etag },
    }
    for (const coding of codings) file[coding] = { body: read(SUFFIX[coding]), etag: taggedFor(etag, coding) }
    held.set(urlPath, file)
  }
  return held
}

/**
 * A held file in the coding the client takes best, or a 304 when it has it. Cache-Control
 * was set before (the `cacheHeader` step); HEAD gets these headers without the body.
 */
function sendHeld(c: Context<AppEnv>, file: HeldFile): Response {
  const accepted = preferredCoding(c.req.header('accept-encoding'))
  const coding = accepted && file[accepted] ? accepted : null
  const variant = (coding && file[coding]) || file.identity
  const sent = c.req.header('if-none-match')
  const matched = sent ? matchedTag(sent, tagsFor(file.etag, coding)) : undefined
  if (matched) return c.body(null, 304, { ETag: matched, Vary: 'Accept-Encoding' })
  return c.body(variant.body, 200, {
    'Content-Type': file.type,
    'Content-Length': String(variant.body.byteLength),
    ETag: variant.etag,
    Vary: 'Accept-Encoding',
    ...(coding ? { 'Content-Encoding': coding } : {}),
  })
}

/** Every file of the build as a URL path (`/assets/start-abc123.js`, `/favicon.svg`). */
function builtFiles(webDist: string): Set<string> {
  const paths = new Set<string>()
  for (const entry of readdirSync(webDist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const full = path.join(entry.parentPath, entry.name)
    paths.add(`/${path.relative(webDist, full).split(path.sep).join('/')}`)
  }
  return paths
}
