import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { loadDemoData } from '../db/demo/load-demo'
import { createTestApp, json, loginAs, request, type TestContext } from '../test/test-app'

/**
 * The public pages as the real web app renders them on the server (decision 020): the web
 * app's server entry, loaded from its source (no build needed), renders the demo data. The
 * stand-in entry of render-page.test.ts covers the contract; this file covers the pages.
 */
const WEB = path.resolve(import.meta.dirname, '../../../web')
const TEMPLATE =
  '<!doctype html><html lang="nl"><head><title>Meedenken</title><script type="module" crossorigin src="/assets/main-abc.js"></script></head><body><div id="root"></div></body></html>'

/** A web build whose server entry is the source one, with a manifest naming the idea page's CSS. */
function webBuildFromSource(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'meedenken-web-'))
  const webDist = path.join(dir, 'dist')
  mkdirSync(path.join(webDist, '.vite'), { recursive: true })
  mkdirSync(`${webDist}-server`)
  writeFileSync(path.join(webDist, 'index.html'), TEMPLATE)
  const entry = path.join(WEB, 'src/entry-server.tsx')
  writeFileSync(path.join(`${webDist}-server`, 'entry-server.js'), `export * from ${JSON.stringify(entry)}\n`)
  // As the build writes it: the entry loads the start code itself, after the first paint.
  const manifest = {
    'src/main.tsx': { file: 'assets/main-abc.js', isEntry: true, dynamicImports: ['src/start.tsx'] },
    'src/start.tsx': { file: 'assets/start-jkl.js', isDynamicEntry: true, imports: ['_start-mno.js'] },
    '_start-mno.js': { file: 'assets/start-mno.js' },
    'src/app/idea-page.tsx': {
      file: 'assets/idea-page-def.js',
      isDynamicEntry: true,
      imports: ['_engage-ghi.js', '_start-mno.js', 'src/main.tsx'],
      css: ['assets/idea-page-def.css'],
    },
    '_engage-ghi.js': { file: 'assets/engage-ghi.js', css: ['assets/engage-ghi.css'] },
  }
  writeFileSync(path.join(webDist, '.vite', 'manifest.json'), JSON.stringify(manifest))
  return webDist
}

/** What a person reads: the rendered root without tags, entities decoded, spaces collapsed. */
function textOf(html: string): string {
  const root = html.slice(html.indexOf('<div id="root">'), html.indexOf('<script type="application/json"'))
  return root
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#x27|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[e] ?? "'")
    .replace(/\s+/g, ' ')
}

type State = { locale: string; queries: { queries: { queryKey: unknown[]; state: { status: string } }[] } }

function stateOf(html: string): State {
  const match = html.match(/<script type="application\/json" id="ssr-state">(.*?)<\/script>/)
  if (!match?.[1]) throw new Error('no state script')
  return JSON.parse(match[1]) as State
}

function catalogue(locale: 'nl' | 'en', ns: string): Record<string, Record<string, string>> {
  return JSON.parse(readFileSync(path.join(WEB, `src/locales/${locale}/${ns}.json`), 'utf8'))
}

const nl = {
  engage: catalogue('nl', 'engage'),
  engageIdea: catalogue('nl', 'engage-idea'),
  ideas: catalogue('nl', 'ideas'),
}
const en = { engage: catalogue('en', 'engage'), ideas: catalogue('en', 'ideas') }

type Idea = { id: number; title: string; campaignId: number | null; officialAnswer: { body: string } | null }

describe('the public pages rendered on the server', () => {
  let ctx: TestContext
  let answered: Idea
  let inCampaign: Idea
  let english: string

  beforeAll(async () => {
    ctx = createTestApp({ webDist: webBuildFromSource() })
    await loadDemoData(ctx.db, ctx.clock)
    const { items } = await json<{ items: { id: number }[] }>(await request(ctx, '/api/ideas?sort=top&limit=50'))
    const ideas = await Promise.all(
      items.map(async ({ id }) => (await json<{ idea: Idea }>(await request(ctx, `/api/ideas/${id}`))).idea),
    )
    const withAnswer = ideas.find((idea) => idea.officialAnswer && idea.campaignId === null)
    const withCampaign = ideas.find((idea) => idea.campaignId !== null)
    if (!withAnswer || !withCampaign) throw new Error('the demo has an answered idea and one in a campaign')
    answered = withAnswer
    inCampaign = withCampaign
    const member = await loginAs(ctx, 'member')
    const saved = await request(ctx, '/api/me', { method: 'PATCH', body: { locale: 'en' }, cookie: member.cookie })
    expect(saved.status).toBe(200)
    english = member.cookie
  })

  async function page(url: string, cookie?: string) {
    const res = await request(ctx, url, cookie ? { cookie } : {})
    const html = await res.text()
    return { res, html, text: textOf(html) }
  }

  it('an idea page holds the idea, its official answer and its data, for a visitor in Dutch', async () => {
    const { res, html, text } = await page(`/ideeen/${answered.id}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=5')
    expect(html).toContain('<html lang="nl"')
    expect(html).toContain(`<title>${answered.title} · Meedenken</title>`)
    expect(text).toContain(answered.title)
    // The answer's first sentence (its markdown is rendered to HTML by the API).
    const firstLine = answered.officialAnswer?.body.split('\n')[0]?.slice(0, 40) ?? ''
    expect(text).toContain(firstLine)
    expect(text).toContain('Antwoord van de gemeente')
    // What the page showed travels with it, under the browser's keys: hydration asks for nothing.
    const keys = stateOf(html).queries.queries.map((q) => JSON.stringify(q.queryKey))
    expect(keys).toEqual(
      expect.arrayContaining([
        JSON.stringify(['ideas', 'detail', answered.id]),
        JSON.stringify(['comments', 'list', answered.id]),
        JSON.stringify(['satisfaction', 'supporters', answered.id]),
        JSON.stringify(['site']),
      ]),
    )
  })

  it('links the idea page’s own CSS and preloads its JavaScript, from the build’s manifest', async () => {
    const { html } = await page(`/ideeen/${answered.id}`)
    const head = html.slice(0, html.indexOf('</head>'))
    expect(head).toContain('<link rel="stylesheet" crossorigin href="/assets/idea-page-def.css">')
    expect(head).toContain('<link rel="stylesheet" crossorigin href="/assets/engage-ghi.css">')
    expect(head).toContain('<link rel="modulepreload" crossorigin href="/assets/idea-page-def.js">')
    expect(head).toContain('<link rel="modulepreload" crossorigin href="/assets/engage-ghi.js">')
    // The main entry is in the template already: not linked twice.
    expect(head.split('/assets/main-abc.js').length).toBe(2)
    // The start code is the entry's to load after the first paint: a preload would compete
    // with the stylesheets (decision 014).
    expect(head).not.toContain('start-')
  })

  it('an idea in a campaign names its campaign: data that depends on other data is there too', async () => {
    const campaign = await json<{ campaign: { title: string } }>(
      await request(ctx, `/api/campaigns/${inCampaign.campaignId}`),
    )
    const { text } = await page(`/ideeen/${inCampaign.id}`)
    expect(text).toContain(inCampaign.title)
    expect(text).toContain(`${nl.engageIdea.idea?.campaignOf} ${campaign.campaign.title}`)
  })

  it('an unknown idea is a 404 with the page that says so', async () => {
    for (const url of ['/ideeen/999999', '/ideeen/abc']) {
      const { res, html, text } = await page(url)
      expect(res.status).toBe(404)
      expect(html).toContain(`<title>${nl.ideas.detail?.notFoundTitle} · Meedenken</title>`)
      expect(text).toContain(nl.ideas.detail?.notFoundBody)
    }
    const { res } = await page('/meedenkvragen/999999')
    expect(res.status).toBe(404)
  })

  it('an unknown address is a 404 with the friendly page that says so, not the shell', async () => {
    const common = catalogue('nl', 'common')
    for (const url of ['/bestaat-niet', '/ideeen/1/bestaat-niet', '/open-data/bestaat-niet?x=1']) {
      const { res, html, text } = await page(url)
      expect(res.status).toBe(404)
      expect(html).toContain(`<title>${common.notFound?.title} · Meedenken</title>`)
      expect(text).toContain(common.notFound?.body)
    }
    const member = await loginAs(ctx, 'member')
    const signedIn = await page('/bestaat-niet', member.cookie)
    expect(signedIn.res.status).toBe(404)
    expect(signedIn.res.headers.get('cache-control')).toBe('private, no-store')
    // A missing file of the build stays a plain 404, never a page.
    const asset = await request(ctx, '/assets/bestaat-niet.js')
    expect(asset.status).toBe(404)
    expect(await asset.text()).not.toContain('<div id="root">')
  })

  it('the scorecard shows the figures of the current quarter, counted on the server’s clock', async () => {
    const card = await json<{
      quarters: string[]
      cells: { themeId: number | null; quarter: string; targetGroup: string; received: number | null }[]
    }>(await request(ctx, '/api/stats/scorecard'))
    const latest = card.quarters.at(-1)
    const total = card.cells.find((c) => c.themeId === null && c.quarter === latest && c.targetGroup === 'all')
    expect(total?.received).toBeGreaterThan(0)
    const { res, text } = await page('/resultaten')
    expect(res.status).toBe(200)
    expect(text).toContain(nl.engage.scorecard?.title)
    const received = new Intl.NumberFormat('nl-NL').format(total?.received ?? 0)
    expect(text).toContain(`${nl.engage.scorecard?.received} ${received} `)
  })

  it('the roadmap shows its columns with the planned ideas', async () => {
    const roadmap = await json<{ planned: { title: string }[] }>(await request(ctx, '/api/roadmap'))
    const { text } = await page('/plannen')
    expect(text).toContain(`${nl.engage.roadmap?.planned} ( ${roadmap.planned.length} )`)
    expect(text).toContain(roadmap.planned[0]?.title)
  })

  it('the roadmap shows a short list per column with links to each list, and the full list from its link without JavaScript', async () => {
    const roadmap = await json<{ planned: { title: string }[]; inProgress: { title: string }[] }>(
      await request(ctx, '/api/roadmap'),
    )
    expect(roadmap.planned.length).toBeGreaterThan(6)
    const cards = (html: string) => html.split('class="roadmap__item"').length - 1
    const short = await page('/plannen')
    // The first six of each column; the seventh planned idea waits behind "Toon alle".
    expect(short.text).toContain(roadmap.planned[5]?.title)
    expect(short.text).not.toContain(roadmap.planned[6]?.title)
    expect(cards(short.html)).toBeLessThanOrEqual(18)
    expect(short.html).toContain('href="#roadmap-column-inProgress"')
    expect(short.html).toContain('href="/plannen?alle=gepland"')
    expect(short.text).toContain(`Toon alle ${roadmap.planned.length} ideeën in ‘${nl.engage.roadmap?.planned}’`)

    const all = await page('/plannen?alle=gepland')
    expect(all.text).toContain(roadmap.planned.at(-1)?.title)
    expect(all.html).not.toContain('href="/plannen?alle=gepland"')
    // The other columns stay short; their links keep the open one open.
    if (roadmap.inProgress.length > 6) expect(all.html).toContain('href="/plannen?alle=gepland&amp;alle=in-uitvoering"')
  })

  it('"Jij zei, wij deden" shows what changed', async () => {
    const done = await json<{ items: { title: string; closure: { whatChanged: string } }[] }>(
      await request(ctx, '/api/you-said-we-did'),
    )
    const { text } = await page('/jij-zei-wij-deden')
    expect(text).toContain(nl.engage.youSaid?.title)
    expect(text).toContain(done.items[0]?.title)
    expect(text).toContain(done.items[0]?.closure.whatChanged.slice(0, 40))
  })

  it('"Jij zei, wij deden" tells what changed once per idea, also when the closing explanation repeats it', async () => {
    const done = await json<{ items: { closure: { whatChanged: string }; explanation: string | null }[] }>(
      await request(ctx, '/api/you-said-we-did'),
    )
    const repeated = done.items.filter((item) => item.explanation?.includes(item.closure.whatChanged))
    expect(repeated.length).toBeGreaterThan(0)
    const { text } = await page('/jij-zei-wij-deden')
    for (const item of repeated) {
      const changed = item.closure.whatChanged.replace(/\s+/g, ' ').trim()
      expect(text.split(changed).length - 1).toBe(1)
    }
  })

  it('the campaigns and one campaign show their titles and ideas', async () => {
    const { items } = await json<{ items: { id: number; title: string }[] }>(await request(ctx, '/api/campaigns'))
    const list = await page('/meedenkvragen')
    for (const campaign of items) expect(list.text).toContain(campaign.title)
    const one = await page(`/meedenkvragen/${inCampaign.campaignId}`)
    const campaign = items.find((c) => c.id === inCampaign.campaignId)
    expect(one.res.status).toBe(200)
    expect(one.html).toContain(`<title>${campaign?.title} · Meedenken</title>`)
    // Its ideas come in the second pass, once the campaign says how to sort them.
    expect(one.text).toContain(inCampaign.title)
  })

  it('renders every page in English for a member whose profile says English, and never shares it', async () => {
    const idea = await page(`/ideeen/${answered.id}`, english)
    expect(idea.res.headers.get('cache-control')).toBe('private, no-store')
    expect(idea.html).toContain('<html lang="en"')
    expect(idea.text).toContain(answered.title)
    expect(idea.text).toContain('Log out')
    expect(stateOf(idea.html).locale).toBe('en')

    const scorecard = await page('/resultaten', english)
    expect(scorecard.text).toContain(en.engage.scorecard?.title)
    expect(scorecard.text).toContain(en.engage.scorecard?.received)
    const roadmap = await page('/plannen', english)
    expect(roadmap.text).toContain(en.engage.roadmap?.title)
    expect(roadmap.text).toContain(`${en.engage.roadmap?.planned} ( `)
    const done = await page('/jij-zei-wij-deden', english)
    expect(done.text).toContain(en.engage.youSaid?.title)
    const campaigns = await page('/meedenkvragen', english)
    expect(campaigns.text).toContain(en.engage.campaigns?.title)
    const missing = await page('/ideeen/999999', english)
    expect(missing.res.status).toBe(404)
    expect(missing.text).toContain(en.ideas.detail?.notFoundTitle)
  })

  it('leaves every other page to the browser: the plain shell', async () => {
    for (const url of ['/ideeen/nieuw', '/inloggen', '/profiel']) {
      const { res, html } = await page(url)
      expect(res.status).toBe(200)
      expect(html).toBe(TEMPLATE)
    }
  })
})

describe('a server-rendered page and HTTP caching', () => {
  let ctx: TestContext
  let idea: Idea

  beforeAll(async () => {
    ctx = createTestApp({ webDist: webBuildFromSource() })
    // Noon, and the machine's clock reads the server's (as in production): a second later
    // is the same day, so nothing a page shows changes with it.
    ctx.clock.set('2026-11-18T12:00:00+01:00')
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(ctx.clock.now())
    await loadDemoData(ctx.db, ctx.clock)
    // An idea that still takes votes.
    const { items } = await json<{ items: { id: number }[] }>(await request(ctx, '/api/ideas?status=new&limit=1'))
    idea = (await json<{ idea: Idea }>(await request(ctx, `/api/ideas/${items[0]?.id}`))).idea
  })

  afterAll(() => {
    vi.useRealTimers()
  })

  /** Time passes on both clocks, as it does on a server. */
  function later(ms: number): void {
    ctx.clock.advance(ms)
    vi.setSystemTime(ctx.clock.now())
  }

  it('keeps a visitor’s page’s ETag while its content is the same: a later visit gets a 304', async () => {
    const url = `/ideeen/${idea.id}`
    const first = await request(ctx, url)
    const etag = first.headers.get('etag') ?? ''
    expect(etag).toMatch(/^W\//)
    later(1_500)
    const again = await request(ctx, url)
    // The render's moment and the data's fetch times are not part of the page.
    expect(again.headers.get('etag')).toBe(etag)
    expect(await again.text()).toBe(await first.text())
    later(1_500)
    const revalidated = await request(ctx, url, { headers: { 'if-none-match': etag } })
    expect(revalidated.status).toBe(304)
    expect(revalidated.headers.get('etag')).toBe(etag)

    // A vote changes the idea: a new page, a new tag, and the old tag gets the page again.
    const member = await loginAs(ctx, 'member')
    expect((await request(ctx, `/api/ideas/${idea.id}/vote`, { method: 'PUT', cookie: member.cookie })).status).toBe(
      200,
    )
    const changed = await request(ctx, url)
    expect(changed.headers.get('etag')).not.toBe(etag)
    expect((await request(ctx, url, { headers: { 'if-none-match': etag } })).status).toBe(200)
  })
})
