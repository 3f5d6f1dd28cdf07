import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeTheme } from '../test/fixtures'
import { createTestApp, loginAs, request } from '../test/test-app'

const TEMPLATE =
  '<!doctype html><html lang="nl"><head><title>Meedenken</title><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>'

/**
 * A web build with a stand-in server entry: it renders what it was given, and reads the
 * API the way the real entry does (through `input.fetch`), so these tests see the contract
 * between the API and apps/web/src/entry-server.tsx without building the web app.
 */
function webBuild(entry: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'meedenken-web-'))
  const webDist = path.join(dir, 'dist')
  mkdirSync(webDist)
  mkdirSync(`${webDist}-server`)
  writeFileSync(path.join(webDist, 'index.html'), TEMPLATE)
  writeFileSync(path.join(`${webDist}-server`, 'entry-server.js'), entry)
  return webDist
}

const echoEntry = `
export async function render(input) {
  if (new URL(input.url, 'http://x').searchParams.has('shell')) return null
  if (new URL(input.url, 'http://x').searchParams.has('fail')) throw new Error('kapot')
  const me = await (await input.fetch('http://localhost/api/me')).json()
  const themes = await (await input.fetch('http://localhost/api/themes')).json()
  return {
    status: 200,
    title: 'Ideeën </title><script>alert(1)</script> $&',
    html: '<main><h1>' + input.locale + '</h1><p>' + (me.user ? 'ingelogd' : 'gast') + '</p></main>',
    state: { url: input.url, signedIn: input.signedIn, themes: themes.items.length, evil: '</script><script>alert(2)</script>' },
  }
}
`

function stateOf(html: string): Record<string, unknown> {
  const match = html.match(/<script type="application\/json" id="ssr-state">(.*?)<\/script>/)
  if (!match?.[1]) throw new Error('no state script')
  return JSON.parse(match[1]) as Record<string, unknown>
}

describe('GET / rendered on the server', () => {
  it('puts the rendered page, its title and its state into the built document, in Dutch for a visitor', async () => {
    const ctx = createTestApp({ webDist: webBuild(echoEntry) })
    // A language cookie is not read: the web app sets one cookie only, the session.
    const res = await request(ctx, '/?sort=new', { headers: { cookie: 'meedenken_locale=en' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=5')
    expect(res.headers.get('vary')).toBe('Cookie')
    const html = await res.text()
    expect(html).toContain('<html lang="nl"')
    expect(html).toContain('<div id="root"><main><h1>nl</h1><p>gast</p></main></div>')
    // The title is text: no element can be smuggled in, and `$&` is not a replacement pattern.
    expect(html).toContain('<title>Ideeën &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; $&amp;</title>')
    // The state is JSON the browser never runs; nothing inside it can end the element.
    expect(html).not.toContain('<script>alert(2)')
    expect(stateOf(html)).toMatchObject({
      url: '/?sort=new',
      signedIn: false,
      evil: '</script><script>alert(2)</script>',
    })
    expect(typeof stateOf(html).themes).toBe('number')
  })

  it('renders a signed-in person’s page in the language of their profile', async () => {
    const ctx = createTestApp({ webDist: webBuild(echoEntry) })
    const member = await loginAs(ctx, 'member')
    expect(
      (await request(ctx, '/api/me', { method: 'PATCH', body: { locale: 'en' }, cookie: member.cookie })).status,
    ).toBe(200)
    const html = await (await request(ctx, '/', { cookie: member.cookie })).text()
    expect(html).toContain('<html lang="en"')
    expect(html).toContain('<h1>en</h1>')
  })

  it('reads the API with the visitor’s session, and a personal page is never stored', async () => {
    const ctx = createTestApp({ webDist: webBuild(echoEntry) })
    const member = await loginAs(ctx, 'member')
    const res = await request(ctx, '/', { cookie: member.cookie })
    expect(res.headers.get('cache-control')).toBe('private, no-store')
    const html = await res.text()
    expect(html).toContain('<p>ingelogd</p>')
    expect(stateOf(html)).toMatchObject({ signedIn: true })
  })

  it('serves the plain shell when the entry declines, throws, or is missing, never an error page', async () => {
    const ctx = createTestApp({ webDist: webBuild(echoEntry) })
    for (const url of ['/?shell=1', '/?fail=1']) {
      const res = await request(ctx, url)
      expect(res.status).toBe(200)
      const html = await res.text()
      expect(html).toBe(TEMPLATE)
      expect(html).not.toContain('kapot')
    }
    const withoutEntry = createTestApp({ webDist: webBuild('export const somethingElse = 1') })
    expect(await (await request(withoutEntry, '/')).text()).toBe(TEMPLATE)
  })

  it('lets a page render read the API but never change anything', async () => {
    const writer = `
export async function render(input) {
  await input.fetch('http://localhost/api/ideas/1/vote', { method: 'PUT' })
  return { status: 200, title: 't', html: 'geschreven', state: {} }
}
`
    const ctx = createTestApp({ webDist: webBuild(writer) })
    const member = await loginAs(ctx, 'member')
    const html = await (await request(ctx, '/', { cookie: member.cookie })).text()
    expect(html).toBe(TEMPLATE)
  })

  it('renders a visitor’s page afresh each time, with an ETag of its bytes; never shares a member’s', async () => {
    const counting = `

export async function render(input) {
  const me = await (await input.fetch('http://localhost/api/me')).json()
  const themes = await (await input.fetch('http://localhost/api/themes')).json()

  return { status: 200, title: 't', html: '<p>' + (me.user ? 'ingelogd' : 'gast') + ' ' + themes.items.length + ' themas</p>', state: {} }
}
`
    const ctx = createTestApp({ webDist: webBuild(counting) })
    const page = async (options: Parameters<typeof request>[2] = {}) => {
      const res = await request(ctx, '/', options)
      return { res, html: await res.text() }
    }
    const first = await page()
    const themes = first.html.match(/(\d+) themas/)?.[1]
    const etag = first.res.headers.get('etag') ?? ''
    expect(etag).toMatch(/^W\//)

    // The browser that has this page gets a 304: nothing changed, so the same bytes, the same tag.
    const revalidated = await request(ctx, '/', { headers: { 'if-none-match': etag } })
    expect(revalidated.status).toBe(304)
    expect(revalidated.headers.get('etag')).toBe(etag)

    // Any change to the data shows at once: a new page, a new tag, no 304 for the old one.
    await makeTheme(ctx.db, { name: 'Sport' })
    const changed = await page()
    expect(changed.html).toContain(`${Number(themes) + 1} themas`)
    expect(changed.res.headers.get('etag')).not.toBe(etag)
    expect((await request(ctx, '/', { headers: { 'if-none-match': etag } })).status).toBe(200)

    // A member's page is personal: no tag, never kept by anyone.
    const member = await loginAs(ctx, 'member')
    const own = await page({ cookie: member.cookie })
    expect(own.html).toContain('ingelogd')
    expect(own.res.headers.get('etag')).toBeNull()
    expect(own.res.headers.get('cache-control')).toBe('private, no-store')
    expect((await page()).html).toContain('gast')
  })
})
