import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../http/security'
import { createTestApp, loginAs, PASSWORD, request } from '../test/test-app'

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
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
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
