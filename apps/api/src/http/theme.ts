import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import type { MiddlewareHandler } from 'hono'
import type { Logger } from 'pino'
import { matchedTag, preferredCoding, tagsFor } from './compress'
import type { AppEnv } from './env'

/**
 * The installation's look: the theme named by the THEME setting, served as /theme.css,
 * which every page links (apps/web/index.html). A theme is a file of NL Design System
 * design tokens under its class, `.<name>-theme { --basis-… }`, as municipalities publish
 * them; it lives in the web build's `themes/` folder (apps/web/public/themes/). The class
 * is applied to the whole document here (`:root`), so the pages need no class of their
 * own and a theme can be swapped without building or rendering anything again.
 *
 * Not hashed into its name (the setting picks it when the server starts), so it is asked
 * for again on each page with its ETag: a 304 of a few bytes while it is unchanged.
 */
type Served = { etag: string; plain: Bytes; gzip: Bytes; br: Bytes }
type Bytes = Uint8Array<ArrayBuffer>

const NO_THEME = '/* No theme file: see THEME in the README. */\n'

/** The theme's CSS with its class widened to the document. */
export function themeForDocument(css: string, theme: string): string {
  const themeClass = new RegExp(`\\.${theme}-theme(?![\\w-])`, 'g')
  return css.replace(themeClass, ':root')
}

function prepare(css: string): Served {
  const plain = new TextEncoder().encode(css)
  return {
    etag: `"${createHash('sha1').update(plain).digest('base64url').slice(0, 22)}"`,
    plain,
    gzip: new Uint8Array(gzipSync(plain, { level: 9 })),
    br: new Uint8Array(brotliCompressSync(plain, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })),
  }
}

/** Reads the theme once, when the server starts; a missing theme file is logged and served as a 404. */
export function themeStylesheet(webDist: string, theme: string, logger: Logger): MiddlewareHandler<AppEnv> {
  const file = path.join(webDist, 'themes', `${theme}.css`)
  const found = existsSync(file)
  if (!found && existsSync(path.join(webDist, 'index.html'))) {
    logger.error({ file }, `THEME=${theme}: no such theme file in the web build; pages are unstyled`)
  }
  const served = prepare(found ? themeForDocument(readFileSync(file, 'utf8'), theme) : NO_THEME)

  return async (c) => {
    const headers: Record<string, string> = {
      'Content-Type': 'text/css; charset=utf-8',
      'Cache-Control': 'no-cache',
      Vary: 'Accept-Encoding',
    }
    if (!found) return c.body(served.plain, 404, headers)
    // The same negotiation and tags as the app's other files (decision 021): q-values honoured.
    const coding = preferredCoding(c.req.header('accept-encoding'))
    const tags = tagsFor(served.etag, coding)
    const matched = matchedTag(c.req.header('if-none-match'), tags)
    headers.ETag = matched ?? (tags[0] as string)
    if (matched) return c.body(null, 304, headers)
    if (!coding) return c.body(served.plain, 200, headers)
    const body = coding === 'br' ? served.br : served.gzip
    return c.body(body, 200, { ...headers, 'Content-Encoding': coding, 'Content-Length': String(body.length) })
  }
}
