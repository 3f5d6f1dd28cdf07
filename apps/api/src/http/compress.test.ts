import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib'
import { serve } from '@hono/node-server'
import { describe, expect, it } from 'vitest'
import { makeIdea, makeTheme, makeUser } from '../test/fixtures'
import { createTestApp, json, loginAs, request } from '../test/test-app'
import { preferredCoding } from './compress'

// The app compresses what it sends (decision 021): files from the build's own compressed
// copies, pages and JSON per request from the body the handler has. Chromium's header:
const BROWSER = 'gzip, deflate, br, zstd'

const SCRIPT = `export function start(){${Array.from({ length: 200 }, (_, i) => `console.log("regel ${i}");`).join('')}}`
const TEMPLATE = `<!doctype html><html lang="nl"><head><title>Meedenken</title><script type="module" src="/assets/start-abc123.js"></script></head><body><div id="root"></div><p>${'Meedenken over de gemeente. '.repeat(60)}</p></body></html>`
const ICON = '<svg xmlns="http://www.w3.org/2000/svg"/>'

/** A web build as `vite build` leaves it: large text files with `.br` and `.gz` beside them. */
function webBuild(entry?: string): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'meedenken-web-')), 'dist')
  mkdirSync(path.join(dir, 'assets'), { recursive: true })
  const write = (name: string, text: string, compressed: boolean) => {
    writeFileSync(path.join(dir, name), text)
    if (!compressed) return
    writeFileSync(
      path.join(dir, `${name}.br`),
      brotliCompressSync(text, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    )
    writeFileSync(path.join(dir, `${name}.gz`), gzipSync(text, { level: 9 }))
  }
  write('index.html', TEMPLATE, true)
  write('assets/start-abc123.js', SCRIPT, true)
  write('favicon.svg', ICON, false)
  if (entry) {
    mkdirSync(`${dir}-server`)
    writeFileSync(path.join(`${dir}-server`, 'entry-server.js'), entry)
  }
  return dir
}

async function bytes(res: Response): Promise<Buffer> {
  return Buffer.from(await res.arrayBuffer())
}

/** The body as the client reads it, after undoing the coding the answer names. */
async function decoded(res: Response): Promise<string> {
  const raw = await bytes(res)
  const coding = res.headers.get('content-encoding')
  if (coding === 'br') return brotliDecompressSync(raw).toString('utf8')
  if (coding === 'gzip') return gunzipSync(raw).toString('utf8')
  expect(coding).toBeNull()
  return raw.toString('utf8')
}

describe('choosing a coding from Accept-Encoding', () => {
  it('prefers brotli, then gzip, honours q-values and *, and sends none without the header', () => {
    expect(preferredCoding(BROWSER)).toBe('br')
    expect(preferredCoding('gzip, deflate')).toBe('gzip')
    expect(preferredCoding('br;q=0, gzip')).toBe('gzip')
    expect(preferredCoding('gzip;q=1.0, br;q=0.5')).toBe('gzip')
    expect(preferredCoding('BR; q=0.8, gzip;q=0.8')).toBe('br')
    expect(preferredCoding('*')).toBe('br')
    expect(preferredCoding('*;q=0, gzip')).toBe('gzip')
    expect(preferredCoding('identity')).toBeNull()
    expect(preferredCoding('gzip;q=0, br;q=0')).toBeNull()
    expect(preferredCoding('deflate')).toBeNull()
    expect(preferredCoding('')).toBeNull()
    expect(preferredCoding(undefined)).toBeNull()
  })
})

describe('static files', () => {
  const ctx = createTestApp({ webDist: webBuild() })
  const asset = '/assets/start-abc123.js'

  it('sends a hashed asset in brotli, gzip or as it is, as the client accepts, cached for a year', async () => {
    const cases = [
      [BROWSER, 'br'],
      ['gzip, deflate', 'gzip'],
      ['br;q=0, gzip', 'gzip'],
      [undefined, null],
      ['identity', null],
    ] as const
    const tags = new Set<string>()
    for (const [accept, coding] of cases) {
      const res = await request(ctx, asset, accept === undefined ? {} : { headers: { 'accept-encoding': accept } })
      const label = `Accept-Encoding: ${accept}`
      expect(res.status, label).toBe(200)
      expect(res.headers.get('content-encoding'), label).toBe(coding)
      expect(res.headers.get('content-type'), label).toBe('text/javascript; charset=utf-8')
      expect(res.headers.get('cache-control'), label).toBe('public, max-age=31536000, immutable')
      expect(res.headers.get('vary'), label).toBe('Accept-Encoding')
      const raw = await bytes(res.clone())
      expect(res.headers.get('content-length'), label).toBe(String(raw.byteLength))
      if (coding) expect(raw.byteLength, label).toBeLessThan(SCRIPT.length / 3)
      expect(await decoded(res), label).toBe(SCRIPT)
      tags.add(res.headers.get('etag') ?? '')
    }
    // Each coding is a representation of its own, with a tag of its own (RFC 9110 §8.8.3.3).
    expect(tags.size).toBe(3)
  })

  it('answers HEAD with the headers of the coded file and no body', async () => {
    const get = await request(ctx, asset, { headers: { 'accept-encoding': BROWSER } })
    const head = await request(ctx, asset, { method: 'HEAD', headers: { 'accept-encoding': BROWSER } })
    expect(head.status).toBe(200)
    expect(head.headers.get('content-encoding')).toBe('br')
    expect(head.headers.get('content-length')).toBe(get.headers.get('content-length'))
    expect(head.headers.get('etag')).toBe(get.headers.get('etag'))
    expect(head.headers.get('vary')).toBe('Accept-Encoding')
    expect((await bytes(head)).byteLength).toBe(0)
  })

  it('sends the shell compressed, never stale: asked again each time, a 304 while it is the same', async () => {
    const res = await request(ctx, '/ideeen/12', { headers: { 'accept-encoding': BROWSER } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-encoding')).toBe('br')
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(res.headers.get('cache-control')).toBe('no-cache')
    expect(await decoded(res)).toBe(TEMPLATE)
    const etag = res.headers.get('etag') ?? ''
    expect(etag).toMatch(/^".+-br"$/)
    const again = await request(ctx, '/plannen', { headers: { 'accept-encoding': BROWSER, 'if-none-match': etag } })
    expect(again.status).toBe(304)
    expect(again.headers.get('etag')).toBe(etag)
    expect(again.headers.get('cache-control')).toBe('no-cache')
    expect(again.headers.get('vary')).toBe('Accept-Encoding')
    expect(again.headers.get('content-encoding')).toBeNull()
    expect((await bytes(again)).byteLength).toBe(0)
    // Asked for directly, index.html is the same document.
    expect(await decoded(await request(ctx, '/index.html', { headers: { 'accept-encoding': 'gzip' } }))).toBe(TEMPLATE)
  })

  it('sends a small file and a missing asset as before', async () => {
    const icon = await request(ctx, '/favicon.svg', { headers: { 'accept-encoding': BROWSER } })
    expect(icon.status).toBe(200)
    expect(icon.headers.get('content-encoding')).toBeNull()
    expect(icon.headers.get('content-type')).toMatch(/^image\/svg\+xml/)
    expect(icon.headers.get('cache-control')).toBe('no-cache')
    expect(await icon.text()).toBe(ICON)
    const missing = await request(ctx, '/assets/start-old999.js', { headers: { 'accept-encoding': BROWSER } })
    expect(missing.status).toBe(404)
    expect(missing.headers.get('content-encoding')).toBeNull()
  })
})

describe('pages and JSON', async () => {
  const entry = `
export async function render(input) {
  const list = await (await input.fetch('http://localhost/api/ideas?sort=new')).json()
  return { status: 200, title: 'Ideeën', html: '<ul>' + list.items.map((i) => '<li>' + i.title + '</li>').join('') + '</ul>', state: { list } }
}
`
  const ctx = createTestApp({ webDist: webBuild(entry) })
  const theme = await makeTheme(ctx.db)
  const author = await makeUser(ctx.db)
  for (let i = 0; i < 20; i++) await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id })
  const long = await makeIdea(ctx.db, {
    authorId: author.id,
    themeId: theme.id,
    body: 'Een lange uitleg. '.repeat(100),
  })
  const list = '/api/ideas?sort=new'

  it('compresses a large list and it decodes to the same JSON; its tag names the coding', async () => {
    const plain = await request(ctx, list)
    expect(plain.headers.get('content-encoding')).toBeNull()
    const text = await plain.text()
    expect(text.length).toBeGreaterThan(1024)
    const plainTag = plain.headers.get('etag') ?? ''
    expect(plainTag).toMatch(/^W\/"l\d+"$/)
    for (const [accept, coding, suffix] of [
      [BROWSER, 'br', '-br'],
      ['gzip', 'gzip', '-gz'],
    ] as const) {
      // Twice: the second comes from the list kept with its compressed form.
      for (const round of [1, 2]) {
        const res = await request(ctx, list, { headers: { 'accept-encoding': accept } })
        const label = `${accept} #${round}`
        expect(res.headers.get('content-encoding'), label).toBe(coding)
        expect(res.headers.get('content-type'), label).toBe('application/json')
        expect(res.headers.get('vary'), label).toBe('Cookie, Accept-Encoding')
        expect(res.headers.get('cache-control'), label).toBe('public, max-age=0, s-maxage=5')
        expect(res.headers.get('etag'), label).toBe(`${plainTag.slice(0, -1)}${suffix}"`)
        const raw = await bytes(res.clone())
        expect(res.headers.get('content-length'), label).toBe(String(raw.byteLength))
        expect(raw.byteLength, label).toBeLessThan(text.length / 2)
        expect(JSON.parse(await decoded(res)), label).toEqual(JSON.parse(text))
      }
    }
  })

  it('answers 304 to the tag of any coding of the same list, and a HEAD like the GET', async () => {
    const br = await request(ctx, list, { headers: { 'accept-encoding': BROWSER } })
    const tag = br.headers.get('etag') ?? ''
    const revalidated = await request(ctx, list, { headers: { 'accept-encoding': BROWSER, 'if-none-match': tag } })
    expect(revalidated.status).toBe(304)
    expect(revalidated.headers.get('etag')).toBe(tag)
    expect(revalidated.headers.get('vary')).toBe('Cookie, Accept-Encoding')
    expect(revalidated.headers.get('content-encoding')).toBeNull()
    // A browser that kept the gzip copy has the same content.
    const gzipTag = tag.replace(/-br"$/, '-gz"')
    const other = await request(ctx, list, { headers: { 'accept-encoding': BROWSER, 'if-none-match': gzipTag } })
    expect(other.status).toBe(304)
    expect(other.headers.get('etag')).toBe(gzipTag)

    const head = await request(ctx, list, { method: 'HEAD', headers: { 'accept-encoding': BROWSER } })
    expect(head.status).toBe(200)
    expect(head.headers.get('content-encoding')).toBe('br')
    expect(head.headers.get('content-length')).toBe(br.headers.get('content-length'))
    expect(head.headers.get('etag')).toBe(tag)
    expect((await bytes(head)).byteLength).toBe(0)

    // Once the list moved, no old tag of any coding gets a 304.
    await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id })
    const moved = await request(ctx, list, {
      headers: { 'accept-encoding': BROWSER, 'if-none-match': `${tag}, ${gzipTag}` },
    })
    expect(moved.status).toBe(200)
    expect(moved.headers.get('etag')).not.toBe(tag)
  })

  it('compresses a large idea page with a tag per coding; leaves a small answer as it is', async () => {
    const url = `/api/ideas/${long.id}`
    const plain = await request(ctx, url)
    const text = await plain.text()
    expect(text.length).toBeGreaterThan(1024)
    const res = await request(ctx, url, { headers: { 'accept-encoding': BROWSER } })
    expect(res.headers.get('content-encoding')).toBe('br')
    expect(res.headers.get('vary')).toBe('Cookie, Accept-Encoding')
    const tag = res.headers.get('etag') ?? ''
    expect(tag).toBe(`${(plain.headers.get('etag') ?? '').slice(0, -1)}-br"`)
    expect(JSON.parse(await decoded(res))).toEqual(JSON.parse(text))
    const revalidated = await request(ctx, url, { headers: { 'accept-encoding': BROWSER, 'if-none-match': tag } })
    expect(revalidated.status).toBe(304)
    expect(revalidated.headers.get('etag')).toBe(tag)

    // The count of a list: a few bytes, sent as they are, the same for every client.
    const small = await request(ctx, '/api/ideas/count', { headers: { 'accept-encoding': BROWSER } })
    expect(small.status).toBe(200)
    expect(small.headers.get('content-encoding')).toBeNull()
    expect(small.headers.get('vary')).toBe('Cookie')
    const smallTag = small.headers.get('etag') ?? ''
    expect(smallTag).toMatch(/^W\/"[^"]+"$/)
    expect(smallTag).not.toMatch(/-(br|gz)"$/)
    expect(await json(small)).toMatchObject({ count: expect.any(Number) })
    const smallAgain = await request(ctx, '/api/ideas/count', {
      headers: { 'accept-encoding': BROWSER, 'if-none-match': smallTag },
    })
    expect(smallAgain.status).toBe(304)
  })

  it('compresses a signed-in person’s answers too, kept by no one', async () => {
    const member = await loginAs(ctx, 'member')
    const plain = await request(ctx, list, { cookie: member.cookie })
    const text = await plain.text()
    const res = await request(ctx, list, { cookie: member.cookie, headers: { 'accept-encoding': 'gzip' } })
    expect(res.headers.get('content-encoding')).toBe('gzip')
    expect(res.headers.get('cache-control')).toBe('private, no-store')
    expect(res.headers.get('vary')).toBe('Cookie, Accept-Encoding')
    expect(res.headers.get('etag')).toBeNull()
    expect(JSON.parse(await decoded(res))).toEqual(JSON.parse(text))
    const idea = await request(ctx, `/api/ideas/${long.id}`, {
      cookie: member.cookie,
      headers: { 'accept-encoding': BROWSER },
    })
    expect(idea.headers.get('content-encoding')).toBe('br')
    expect(idea.headers.get('cache-control')).toBe('private, no-store')
    expect(JSON.parse(await decoded(idea))).toMatchObject({ idea: { id: long.id } })
  })

  it('compresses the server-rendered page for a visitor (with a 304) and for a member', async () => {
    const plain = await request(ctx, '/')
    const html = await plain.text()
    expect(html).toContain('<li>Testidee')
    const res = await request(ctx, '/', { headers: { 'accept-encoding': BROWSER } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-encoding')).toBe('br')
    expect(res.headers.get('content-type')).toBe('text/html; charset=UTF-8')
    expect(res.headers.get('vary')).toBe('Cookie, Accept-Encoding')
    expect(await decoded(res.clone())).toBe(html)
    const tag = res.headers.get('etag') ?? ''
    expect(tag).toMatch(/-br"$/)
    expect((await request(ctx, '/', { headers: { 'accept-encoding': BROWSER, 'if-none-match': tag } })).status).toBe(
      304,
    )

    const member = await loginAs(ctx, 'member')
    const own = await request(ctx, '/', { cookie: member.cookie, headers: { 'accept-encoding': 'gzip' } })
    expect(own.headers.get('content-encoding')).toBe('gzip')
    expect(own.headers.get('cache-control')).toBe('private, no-store')
    expect(await decoded(own)).toContain('<li>Testidee')
  })

  it('sends what a browser decodes over a real socket, Content-Length and HEAD included', async () => {
    const server = serve({ fetch: ctx.app.fetch, port: 0, hostname: '127.0.0.1' })
    await new Promise((resolve) => server.once('listening', resolve))
    const { port } = server.address() as AddressInfo
    try {
      for (const url of [list, '/', '/assets/start-abc123.js', '/ideeen/1']) {
        const plain = await (
          await fetch(`http://127.0.0.1:${port}${url}`, { headers: { 'accept-encoding': 'identity' } })
        ).text()
        // Node's fetch decodes what the answer names, as a browser does.
        const res = await fetch(`http://127.0.0.1:${port}${url}`, { headers: { 'accept-encoding': 'br' } })
        expect(res.headers.get('content-encoding'), url).toBe('br')
        expect(Number(res.headers.get('content-length')), url).toBeGreaterThan(0)
        expect(await res.text(), url).toBe(plain)
        const head = await fetch(`http://127.0.0.1:${port}${url}`, {
          method: 'HEAD',
          headers: { 'accept-encoding': 'br' },
        })
        expect(head.status, url).toBe(200)
        expect(head.headers.get('content-encoding'), url).toBe('br')
      }
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
  })
})
