import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import type { AppEnv } from '../http/env'
import { onError } from '../http/errors'
import { CONTENT_SECURITY_POLICY, checkOrigin } from '../http/security'
import { testSettings } from '../settings'
import { createTestApp, json, loginAs, PASSWORD, request } from '../test/test-app'

/** A built web app on disk, so the real static serving answers page requests. */
function fakeWebDist(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'meedenken-web-'))
  mkdirSync(path.join(dir, 'assets'))
  writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><html lang="nl"><body><div id="root"></div><script type="module" src="/assets/app-abc123.js"></script></body></html>',
  )
  writeFileSync(path.join(dir, 'assets', 'app-abc123.js'), 'console.log(1)')
  return dir
}

function expectProtective(res: Response, label: string) {
  expect(res.headers.get('content-security-policy'), label).toBe(CONTENT_SECURITY_POLICY)
  expect(res.headers.get('x-content-type-options'), label).toBe('nosniff')
  expect(res.headers.get('referrer-policy'), label).toBe('strict-origin-when-cross-origin')
  expect(res.headers.get('x-frame-options'), label).toBe('DENY')
}

describe('headers and cookies', () => {
  it('sends the exact CSP and protective headers on every page, asset and API answer', async () => {
    const ctx = createTestApp({ webDist: fakeWebDist() })
    for (const url of [
      '/',
      '/ideeen/12',
      '/profiel',
      '/bestaat-niet',
      '/assets/app-abc123.js',
      '/api/health',
      '/api/ideas',
      '/api/nope',
    ]) {
      const res = await request(ctx, url)
      expectProtective(res, url)
    }
    const page = await request(ctx, '/ideeen/12')
    expect(page.status).toBe(200)
    expect(page.headers.get('cache-control')).toBe('no-cache')
    expect(await page.text()).toContain('<div id="root">')
    const asset = await request(ctx, '/assets/app-abc123.js')
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    const missing = await request(ctx, '/assets/app-old999.js')
    expect(missing.status).toBe(404)
    expect(missing.headers.get('cache-control')).toBeNull()
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob: https://service.pdok.nl; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    )
  })

  it('sets the session cookie HttpOnly and SameSite=Lax; over HTTPS also Secure with the __Host- prefix and HSTS', async () => {
    const plain = createTestApp()
    const m = await loginAs(plain, 'member', 'plain@example.org')
    const res = await request(plain, '/api/auth/login', { body: { email: 'plain@example.org', password: PASSWORD } })
    const cookie = res.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/^meedenken_session=[A-Za-z0-9_-]{43}; Max-Age=2592000; Path=\/; HttpOnly; SameSite=Lax$/)
    expect(m.cookie).toBeTruthy()

    const secure = createTestApp({ publicUrl: 'https://meedenken.midden-groningen.nl' })
    await loginAs(secure, 'staff', 'staff@example.org').catch(() => null)
    const login = await request(secure, '/api/auth/login', { body: { email: 'staff@example.org', password: PASSWORD } })
    expect(login.headers.get('set-cookie')).toMatch(
      /^__Host-meedenken_session=[A-Za-z0-9_-]{43}; Max-Age=43200; Path=\/; HttpOnly; Secure; SameSite=Lax$/,
    )
    expect(login.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains')
  })

  it('sends the same headers over a real socket, where they go straight onto Node’s response', async () => {
    const ctx = createTestApp({ webDist: fakeWebDist() })
    const server = serve({ fetch: ctx.app.fetch, port: 0, hostname: '127.0.0.1' })
    await new Promise((resolve) => server.once('listening', resolve))
    const { port } = server.address() as AddressInfo
    try {
      for (const url of ['/api/health', '/api/ideas', '/api/nope', '/', '/assets/app-abc123.js']) {
        const res = await fetch(`http://127.0.0.1:${port}${url}`)
        expectProtective(res, `${url} over HTTP`)
        expect(res.headers.get('x-request-id'), url).toMatch(/^[\w-]{36}$/)
        await res.arrayBuffer()
      }
      // The handler's own headers win over nothing and sit beside the protective ones.
      const list = await fetch(`http://127.0.0.1:${port}/api/ideas`)
      expect(list.headers.get('content-type')).toMatch(/application\/json/)
      // An id the caller sends (the server-rendered page's own calls) is kept when it is plain.
      const traced = await fetch(`http://127.0.0.1:${port}/api/health`, { headers: { 'x-request-id': 'abc-123' } })
      expect(traced.headers.get('x-request-id')).toBe('abc-123')
      const odd = await fetch(`http://127.0.0.1:${port}/api/health`, { headers: { 'x-request-id': 'a b<c>' } })
      expect(odd.headers.get('x-request-id')).not.toBe('a b<c>')
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
  })

  it('marks the list page of a signed-in person private, no-store, varying by Cookie', async () => {
    const ctx = createTestApp({ webDist: fakeWebDist() })
    const member = await loginAs(ctx, 'member')
    const page = await request(ctx, '/', { cookie: member.cookie })
    expect(page.status).toBe(200)
    expect(page.headers.get('cache-control')).toBe('private, no-store')
    expect(page.headers.get('vary')).toMatch(/\bCookie\b/)
    // A server-rendered page holds the session too (decision 020): never kept.
    expect((await request(ctx, '/ideeen/12', { cookie: member.cookie })).headers.get('cache-control')).toBe(
      'private, no-store',
    )
    // The same shell for everyone on a client-side route: it may be kept, and checked again.
    expect((await request(ctx, '/profiel', { cookie: member.cookie })).headers.get('cache-control')).toBe('no-cache')
    expect((await request(ctx, '/')).headers.get('cache-control')).toBe('no-cache')
  })

  it('publishes security.txt', async () => {
    const ctx = createTestApp({ publicUrl: 'https://meedenken.midden-groningen.nl' })
    const res = await request(ctx, '/.well-known/security.txt')
    expect(res.status).toBe(200)
    const text = await res.text()
    expect(text).toMatch(/^Contact: mailto:security@midden-groningen\.nl$/m)
    expect(text).toMatch(/^Expires: 20\d\d-\d\d-\d\dT/m)
    expect(text).toContain('Canonical: https://meedenken.midden-groningen.nl/.well-known/security.txt')
  })
})

describe('the Host header (DNS rebinding)', () => {
  const webDist = fakeWebDist()

  async function expectMisdirected(res: Response, label: string) {
    expect(res.status, label).toBe(421)
    const body = await json(res)
    expect(body.error.code, label).toBe('misdirected_request')
    expect(body.error.message, label).toMatch(/\S/)
    expectProtective(res, label)
  }

  it('answers only loopback names when no PUBLIC_URL is set, with any port; 421 for any other host', async () => {
    const ctx = createTestApp({ webDist, publicUrl: null })
    for (const host of ['localhost', 'localhost:3000', '127.0.0.1:3100', '[::1]:3000', 'LOCALHOST:3000']) {
      for (const url of ['/api/health', '/api/ideas', '/']) {
        expect((await request(ctx, url, { headers: { host } })).status, `${host} ${url}`).toBe(200)
      }
    }
    for (const host of [
      'evil.example',
      'evil.example:3000',
      'localhost.evil.example',
      '127.0.0.1.nip.io',
      '10.0.0.5:3000',
    ]) {
      for (const url of ['/api/ideas', '/api/dev/mail', '/', '/ideeen/12', '/assets/app-abc123.js']) {
        await expectMisdirected(await request(ctx, url, { headers: { host } }), `${host} ${url}`)
      }
    }
  })

  it('answers only the host of PUBLIC_URL when it is set, refusing loopback names too', async () => {
    const ctx = createTestApp({ webDist, publicUrl: 'https://meedenken.midden-groningen.nl' })
    for (const host of [
      'meedenken.midden-groningen.nl',
      'Meedenken.Midden-Groningen.nl',
      'meedenken.midden-groningen.nl:443',
    ]) {
      expect((await request(ctx, '/api/ideas', { headers: { host } })).status, host).toBe(200)
      expect((await request(ctx, '/', { headers: { host } })).status, host).toBe(200)
    }
    for (const host of [
      'localhost:3000',
      '127.0.0.1',
      'evil.example',
      'meedenken.midden-groningen.nl:8443',
      'midden-groningen.nl',
    ]) {
      await expectMisdirected(await request(ctx, '/api/ideas', { headers: { host } }), host)
      await expectMisdirected(await request(ctx, '/', { headers: { host } }), host)
    }
    const e2e = createTestApp({ webDist, publicUrl: 'http://127.0.0.1:3100' })
    expect((await request(e2e, '/api/ideas', { headers: { host: '127.0.0.1:3100' } })).status).toBe(200)
    await expectMisdirected(await request(e2e, '/api/ideas', { headers: { host: '127.0.0.1:3000' } }), 'other port')
    await expectMisdirected(await request(e2e, '/api/ideas', { headers: { host: 'localhost:3100' } }), 'other name')
  })

  it('lets load balancers probe health and readiness by any address, and in-process requests without a Host header through', async () => {
    const ctx = createTestApp({ publicUrl: 'https://meedenken.midden-groningen.nl' })
    for (const url of ['/api/health', '/api/ready']) {
      expect((await request(ctx, url, { headers: { host: '10.0.0.5:3000' } })).status, url).toBe(200)
    }
    expect((await request(ctx, '/api/ideas')).status).toBe(200)
  })

  it('does not take X-Forwarded-Host instead of Host, even behind a trusted proxy', async () => {
    const ctx = createTestApp({ publicUrl: 'https://meedenken.midden-groningen.nl', trustProxy: true })
    const res = await request(ctx, '/api/ideas', {
      headers: { host: 'evil.example', 'x-forwarded-host': 'meedenken.midden-groningen.nl' },
    })
    await expectMisdirected(res, 'forwarded host')
  })
})

describe('the Origin check on writes', () => {
  /** checkOrigin on its own: whatever Host a rebinding page makes the browser send, it is not trusted. */
  function originApp(publicUrl: string | null) {
    const app = new Hono<AppEnv>()
    app.use('*', checkOrigin(testSettings({ publicUrl })))
    app.post('/write', (c) => c.text('done'))
    app.onError(onError)
    return (host: string, origin: string) => app.request('/write', { method: 'POST', headers: { host, origin } })
  }

  it('refuses an Origin that only matches the Host header (DNS rebinding)', async () => {
    const loopback = originApp(null)
    expect((await loopback('evil.example:3000', 'http://evil.example:3000')).status).toBe(403)
    expect((await loopback('localhost:3000', 'http://localhost:3000')).status).toBe(200)
    expect((await loopback('localhost:5173', 'http://localhost:5173')).status).toBe(200)
    expect((await loopback('127.0.0.1:3000', 'http://[::1]:3000')).status).toBe(200)
    const configured = originApp('https://meedenken.midden-groningen.nl')
    expect((await configured('meedenken.midden-groningen.nl', 'https://meedenken.midden-groningen.nl')).status).toBe(
      200,
    )
    // Plain http on the same name is another origin, though it matches the Host header.
    expect((await configured('meedenken.midden-groningen.nl', 'http://meedenken.midden-groningen.nl')).status).toBe(403)
    expect((await configured('evil.example', 'https://evil.example')).status).toBe(403)
    expect((await configured('meedenken.midden-groningen.nl', 'http://localhost:3000')).status).toBe(403)
  })

  it('refuses a rebinding write through the whole app, before it reaches the handler', async () => {
    const ctx = createTestApp({ publicUrl: null })
    const res = await request(ctx, '/api/auth/login', {
      body: { email: 'iemand@example.org', password: PASSWORD },
      headers: { host: 'evil.example:3000', origin: 'http://evil.example:3000' },
    })
    expect(res.status).toBe(421)
  })
})
