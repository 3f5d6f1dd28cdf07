import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { readSettings } from '../settings'
import { createTestApp } from '../test/test-app'

/** A web build with two themes and an index.html, as `vite build` leaves it. */
function webBuild(): string {
  const dist = mkdtempSync(path.join(tmpdir(), 'meedenken-theme-'))
  mkdirSync(path.join(dist, 'themes'))
  writeFileSync(
    path.join(dist, 'index.html'),
    '<!doctype html><html lang="nl"><head></head><body><div id="root"></div></body></html>',
  )
  writeFileSync(
    path.join(dist, 'themes', 'midden-groningen.css'),
    '.midden-groningen-theme { --basis-color-action-1-inverse-bg-default: #1d4f91; }\n',
  )
  writeFileSync(
    path.join(dist, 'themes', 'voorbeeld.css'),
    '.voorbeeld-theme { --basis-color-action-1-inverse-bg-default: #7b1f5c; }\n.voorbeeld-theme-dark .x { color: red; }\n',
  )
  return dist
}

describe('GET /theme.css', () => {
  it('serves the Midden-Groningen theme by default, its class applied to the whole document', async () => {
    const { app } = createTestApp({ webDist: webBuild() })
    const res = await app.request('/theme.css')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/css; charset=utf-8')
    expect(res.headers.get('cache-control')).toBe('no-cache')
    expect(await res.text()).toBe(':root { --basis-color-action-1-inverse-bg-default: #1d4f91; }\n')
  })

  it('serves the theme THEME names, and only its own class becomes the document', async () => {
    const { app } = createTestApp({ webDist: webBuild(), theme: 'voorbeeld' })
    const text = await (await app.request('/theme.css')).text()
    expect(text).toContain(':root { --basis-color-action-1-inverse-bg-default: #7b1f5c; }')
    expect(text).toContain('.voorbeeld-theme-dark .x')
  })

  it('answers 304 to a browser that has it, and compresses it for one that accepts gzip', async () => {
    const { app } = createTestApp({ webDist: webBuild() })
    const first = await app.request('/theme.css', { headers: { 'accept-encoding': 'gzip' } })
    expect(first.headers.get('content-encoding')).toBe('gzip')
    expect(first.headers.get('vary')).toBe('Accept-Encoding')
    expect(gunzipSync(Buffer.from(await first.arrayBuffer())).toString()).toContain(':root')
    const etag = first.headers.get('etag') ?? ''
    const again = await app.request('/theme.css', { headers: { 'accept-encoding': 'gzip', 'if-none-match': etag } })
    expect(again.status).toBe(304)
    // Each coding has a tag of its own; the browser holding any coding of the same file has it (decision 021).
    const plain = await app.request('/theme.css')
    expect(plain.headers.get('etag')).not.toBe(etag)
    expect((await app.request('/theme.css', { headers: { 'if-none-match': etag } })).status).toBe(304)
  })

  it('honours q-values: a client that refuses brotli gets gzip', async () => {
    const { app } = createTestApp({ webDist: webBuild() })
    const res = await app.request('/theme.css', { headers: { 'accept-encoding': 'br;q=0, gzip' } })
    expect(res.headers.get('content-encoding')).toBe('gzip')
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString()).toContain(':root')
  })

  it('answers a theme without a file with a 404 in CSS, not with the page shell', async () => {
    const { app } = createTestApp({ webDist: webBuild(), theme: 'nergens' })
    const res = await app.request('/theme.css')
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toBe('text/css; charset=utf-8')
    expect(await res.text()).not.toContain('<html')
  })
})

describe('THEME setting', () => {
  it('is midden-groningen unless set', () => {
    expect(readSettings({}).theme).toBe('midden-groningen')
    expect(readSettings({ THEME: 'voorbeeld' }).theme).toBe('voorbeeld')
  })

  it('refuses a name that is not a plain file name', () => {
    expect(() => readSettings({ THEME: '../../etc/passwd' })).toThrow(/THEME/)
    expect(() => readSettings({ THEME: 'Voorbeeld Thema' })).toThrow(/THEME/)
  })
})
