import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

/**
 * Compression of what the app sends itself, so `npm start` without a proxy sends small
 * answers (decision 021). Static files come compressed from the build (brotli and gzip at
 * their best quality, by the plugin in apps/web/vite.config.ts); pages and JSON are
 * compressed here, from the body the handler already has, before the answer is made:
 * nothing rewrites a finished answer (decision 017).
 */
export type Coding = 'br' | 'gzip'

/**
 * Smaller bodies are sent as they are: below about a kilobyte compression saves a few
 * hundred bytes at most, less than a packet, and costs a call into zlib each time.
 */
export const COMPRESS_MIN_LENGTH = 1024

/**
 * Brotli quality for answers compressed per request. Measured on a 20-card list (12 kB),
 * an idea (2.5 kB) and the list's first HTML (39 kB): see decision 021 for the figures.
 * Quality 11 (the build's) takes tens of milliseconds per answer, far too slow here.
 */
export const BROTLI_QUALITY = 4
/** zlib's default level: within 1 % of level 9's size, the cheaper of the two. */
export const GZIP_LEVEL = 6

const NONE = 0

/** How much a client accepts `br` and `gzip`, from its Accept-Encoding (RFC 9110 §12.5.3). */
function weights(header: string): { br: number; gzip: number } {
  let br = -1
  let gzip = -1
  let any = -1
  for (const part of header.split(',')) {
    const [rawName = '', ...params] = part.split(';')
    const name = rawName.trim().toLowerCase()
    if (name === '') continue
    let q = 1
    for (const param of params) {
      const [key, value] = param.split('=')
      if (key?.trim().toLowerCase() === 'q') {
        const parsed = Number(value?.trim())
        q = Number.isFinite(parsed) ? Math.min(Math.max(parsed, 0), 1) : NONE
      }
    }
    if (name === 'br') br = q
    else if (name === 'gzip' || name === 'x-gzip') gzip = q
    else if (name === '*') any = q
  }
  // `*` stands for every coding not named; a coding not named and no `*` is not acceptable.
  return { br: br >= 0 ? br : Math.max(any, NONE), gzip: gzip >= 0 ? gzip : Math.max(any, NONE) }
}

/** Browsers send one of a handful of headers: each is read once. */
const chosen = new Map<string, Coding | null>()
const CHOSEN_MAX = 64

/**
 * The coding to send for this Accept-Encoding: brotli when it is accepted at least as much
 * as gzip, else gzip, else none. No header means no coding: what a client that sends none
 * expects, whatever RFC 9110 allows.
 */
export function preferredCoding(acceptEncoding: string | undefined): Coding | null {
  if (!acceptEncoding) return null
  let coding = chosen.get(acceptEncoding)
  if (coding !== undefined) return coding
  const q = weights(acceptEncoding)
  coding = q.br > NONE && q.br >= q.gzip ? 'br' : q.gzip > NONE ? 'gzip' : null
  if (chosen.size >= CHOSEN_MAX) chosen.clear()
  chosen.set(acceptEncoding, coding)
  return coding
}

/** The body in the given coding, at the per-request settings above. */
export function compress(body: Uint8Array, coding: Coding): Uint8Array<ArrayBuffer> {
  const out =
    coding === 'br'
      ? brotliCompressSync(body, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          },
        })
      : gzipSync(body, { level: GZIP_LEVEL })
  return out as Uint8Array<ArrayBuffer>
}

/** The suffix a tag gets per coding: `-br`, `-gz`. */
const TAG_SUFFIX: Record<Coding, string> = { br: '-br', gzip: '-gz' }

/**
 * The entity tag of the answer in a coding: the tag of its uncoded bytes with a suffix
 * (`W/"abc"` → `W/"abc-br"`). A compressed answer is a representation of its own (RFC 9110
 * §8.8.3.3): a cache holding two of them must be able to tell which one a 304 confirms.
 */
export function taggedFor(etag: string, coding: Coding | null): string {
  return coding ? `${etag.slice(0, -1)}${TAG_SUFFIX[coding]}"` : etag
}

/** Every tag an answer may carry, the one for this coding first. */
export function tagsFor(etag: string, coding: Coding | null): string[] {
  const all = [etag, taggedFor(etag, 'br'), taggedFor(etag, 'gzip')]
  const mine = taggedFor(etag, coding)
  return [mine, ...all.filter((tag) => tag !== mine)]
}

/**
 * The tag If-None-Match names among `tags` (or the first for `*`), else undefined. Any coding
 * of the same bytes is the same content (a weak match, RFC 9110 §13.1.2): a browser holding
 * the gzip copy need not fetch the brotli one. The 304 carries the tag it matched.
 */
export function matchedTag(ifNoneMatch: string | undefined, tags: readonly string[]): string | undefined {
  if (!ifNoneMatch) return undefined
  if (ifNoneMatch.trim() === '*') return tags[0]
  for (const sent of ifNoneMatch.split(',')) {
    const tag = sent.trim()
    if (tags.includes(tag)) return tag
  }
  return undefined
}
