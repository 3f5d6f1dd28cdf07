import type { ConsoleMessage, Page } from '@playwright/test'
import { expect, expectAccessible, newMember, proposeIdea, test } from '../fixtures'

// The public pages are rendered on the server and hydrated in the browser (decision 020):
// readable without JavaScript, and with it the same page, taken over without a flash.

/** A demo idea the municipality answered and planned (demo-world.ts). */
const ANSWERED = 'Meer afvalbakken langs het Winschoterdiep'

/** Every console error and warning, and every uncaught error, of a page. */
function collectProblems(page: Page): string[] {
  const problems: string[] = []
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`${message.type()}: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
  return problems
}

/** The API requests a page makes, but the live line (an idea page's counts, not a refetch). */
function collectApiCalls(page: Page): string[] {
  const calls: string[] = []
  page.on('request', (request) => {
    const { pathname } = new URL(request.url())
    if (pathname.startsWith('/api/') && !pathname.startsWith('/api/live')) calls.push(pathname)
  })
  return calls
}

/** Whether React owns the root yet. */
function isHydrated(page: Page): Promise<boolean> {
  return page.evaluate(() =>
    Object.keys(document.getElementById('root') ?? {}).some((key) => key.startsWith('__reactContainer')),
  )
}

async function ideaId(page: Page, title: string): Promise<number> {
  const response = await page.request.get(`/api/ideas?q=${encodeURIComponent(title)}&limit=10`)
  const { items } = (await response.json()) as { items: { id: number; title: string }[] }
  const idea = items.find((i) => i.title === title)
  expect(idea, title).toBeDefined()
  return idea?.id ?? 0
}

test.describe('without JavaScript', () => {
  // axe runs in the page, so it needs JavaScript: the test after this block checks the
  // same documents with only the app's scripts held back.
  test.use({ javaScriptEnabled: false })

  test('an idea page shows the idea, the municipality’s answer and the votes; an unknown idea is a 404', async ({
    page,
  }) => {
    const id = await ideaId(page, ANSWERED)
    const response = await page.goto(`/ideeen/${id}`)
    expect(response?.status()).toBe(200)
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl')
    await expect(page).toHaveTitle(`${ANSWERED} · Meedenken`)
    await expect(page.getByRole('heading', { level: 1, name: ANSWERED })).toBeVisible()
    await expect(page.getByRole('heading', { level: 2, name: 'Antwoord van de gemeente' })).toBeVisible()
    await expect(page.getByRole('region', { name: 'Stemmen en volgen' })).toContainText(/\d+ stem/)
    await expect(page.getByRole('heading', { level: 2, name: 'Wat de gemeente deed' })).toBeVisible()
    // The page's own styles come with the document, not with its script.
    const styled = await page.locator('link[rel="stylesheet"]').count()
    expect(styled).toBeGreaterThan(1)

    const missing = await page.goto('/ideeen/999999999')
    expect(missing?.status()).toBe(404)
    await expect(page.getByRole('heading', { level: 1, name: 'Dit idee bestaat niet (meer)' })).toBeVisible()
    await expect(page.getByRole('link', { name: 'Terug naar alle ideeën' })).toBeVisible()
  })

  test('the scorecard shows the figures of the current quarter and the tables', { tag: '@dates' }, async ({ page }) => {
    const response = await page.goto('/resultaten')
    expect(response?.status()).toBe(200)
    await expect(page.getByRole('heading', { level: 1, name: 'Resultaten van Meedenken' })).toBeVisible()
    await expect(page.getByText('Ideeën ontvangen').first()).toBeVisible()
    await expect(page.locator('dl.glance dd').first()).toHaveText(/\d/)
    await expect(page.getByRole('table').first()).toBeAttached()
    // The period form is a plain GET form: without JavaScript the server picks the period.
    await expect(page.getByLabel('Van')).toBeVisible()
  })

  test('the roadmap, "Jij zei, wij deden" and the campaigns show their content', async ({ page }) => {
    await page.goto('/plannen')
    for (const column of ['Gepland', 'In uitvoering', 'Klaar']) {
      await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${column} \\(\\d+\\)$`) })).toBeVisible()
    }
    const roadmap = (await (await page.request.get('/api/roadmap')).json()) as { planned: { title: string }[] }
    await expect(page.getByRole('link', { name: roadmap.planned[0]?.title }).first()).toBeVisible()

    await page.goto('/jij-zei-wij-deden')
    await expect(page.getByRole('heading', { level: 1, name: 'Jij zei, wij deden' })).toBeVisible()
    expect(await page.locator('.closures > li').count()).toBeGreaterThan(0)

    await page.goto('/meedenkvragen')
    await expect(page.getByRole('heading', { level: 1, name: 'Meedenkvragen' })).toBeVisible()
    const first = page.locator('.idea-list a').first()
    const title = (await first.textContent()) ?? ''
    await first.click()
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  })
})

test('the server’s HTML alone, before any script of the app, passes axe', async ({ page }) => {
  const id = await ideaId(page, ANSWERED)
  const campaigns = (await (await page.request.get('/api/campaigns')).json()) as { items: { id: number }[] }
  // What a person without JavaScript gets: the document and its CSS, none of the app's scripts.
  await page.route(/\/assets\/.*\.js$/, (route) => route.abort())
  for (const url of [
    `/ideeen/${id}`,
    '/ideeen/999999999',
    '/resultaten',
    '/plannen',
    '/jij-zei-wij-deden',
    '/meedenkvragen',
    `/meedenkvragen/${campaigns.items[0]?.id}`,
  ]) {
    await page.goto(url)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    expect(await isHydrated(page), url).toBe(false)
    await expectAccessible(page, `${url} without the app`)
  }
})

test('every server-rendered page hydrates without a console problem and asks for nothing again', async ({ page }) => {
  const id = await ideaId(page, ANSWERED)
  const campaigns = (await (await page.request.get('/api/campaigns')).json()) as {
    items: { id: number; title: string }[]
  }
  const campaign = campaigns.items[0] ?? { id: 0, title: '' }
  const pages = [
    { url: `/ideeen/${id}`, heading: ANSWERED },
    { url: `/meedenkvragen/${campaign.id}`, heading: campaign.title },
    { url: '/resultaten', heading: 'Resultaten van Meedenken' },
    { url: '/plannen', heading: 'Plannen van de gemeente' },
    { url: '/jij-zei-wij-deden', heading: 'Jij zei, wij deden' },
    { url: '/meedenkvragen', heading: 'Meedenkvragen' },
  ]
  for (const { url, heading } of pages) {
    const problems = collectProblems(page)
    const calls = collectApiCalls(page)
    await page.goto(url)
    await expect.poll(() => isHydrated(page)).toBe(true)
    await page.waitForLoadState('networkidle')
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
    expect(problems, url).toEqual([])
    expect(calls, url).toEqual([])
    await expectAccessible(page, url)
    page.removeAllListeners('console')
    page.removeAllListeners('pageerror')
    page.removeAllListeners('request')
  }
  // An unknown idea: the same not-found page after hydration, no error in the console.
  const problems = collectProblems(page)
  const missing = await page.goto('/ideeen/999999999')
  expect(missing?.status()).toBe(404)
  await expect.poll(() => isHydrated(page)).toBe(true)
  await expect(page.getByRole('heading', { level: 1, name: 'Dit idee bestaat niet (meer)' })).toBeVisible()
  expect(problems.filter((p) => !p.includes('404'))).toEqual([])
  await expectAccessible(page, 'an unknown idea')
})

test('a member’s idea page comes from the server with their vote button, and voting works once hydrated', async ({
  page,
}) => {
  await newMember(page, 'ssr-stemmer')
  const id = await proposeIdea(page, {
    title: `Een bankje bij de bushalte ${Math.random().toString(36).slice(2, 7)}`,
    body: 'Wie op de bus wacht, kan nergens zitten. Een bankje zou veel ouderen helpen.',
  })
  const html = await (await page.request.get(`/ideeen/${id}`)).text()
  expect(html).toContain('Stem voor dit idee')

  const problems = collectProblems(page)
  await page.goto(`/ideeen/${id}`)
  await expect.poll(() => isHydrated(page)).toBe(true)
  const support = page.getByRole('region', { name: 'Stemmen en volgen' })
  const vote = support.getByRole('button', { name: 'Stem voor dit idee' })
  await expect(vote).toHaveAttribute('aria-pressed', 'false')
  await vote.click()
  await expect(vote).toHaveAttribute('aria-pressed', 'true')
  await expect(support.getByText('1 stem', { exact: true })).toBeVisible()
  await expectAccessible(page, 'a server-rendered idea after voting')
  expect(problems).toEqual([])
})
