import type { ConsoleMessage, Page } from '@playwright/test'
import { expect, expectAccessible, newMember, proposeIdea, test } from '../fixtures'

// The idea list is rendered on the server and hydrated in the browser (decision 011).

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

/** Whether React owns the root yet; from then on clicks are handled (or replayed by React). */
function isHydrated(page: Page): Promise<boolean> {
  return page.evaluate(() =>
    Object.keys(document.getElementById('root') ?? {}).some((key) => key.startsWith('__reactContainer')),
  )
}

async function waitForHydration(page: Page): Promise<void> {
  await expect.poll(() => isHydrated(page)).toBe(true)
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the first HTML already holds the idea list, and the filters still work', async ({ page }) => {
    // Sorted by votes: ideas other journeys add meanwhile do not push the demo ideas off page one.
    const response = await page.goto('/?sort=top')
    expect(response?.headers()['cache-control']).toBe('public, max-age=0, s-maxage=5')
    expect(response?.headers().vary).toBe('Cookie, Accept-Encoding')
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl')
    await expect(page).toHaveTitle('Ideeën voor een betere gemeente · Meedenken')
    await expect(page.getByRole('heading', { level: 1, name: 'Ideeën voor een betere gemeente' })).toBeVisible()
    await expect(page.getByRole('link', { name: 'Veiliger oversteken bij de basisschool in Zuidbroek' })).toBeVisible()
    expect(await page.locator('.idea-list > li').count()).toBeGreaterThan(5)
    await expect(page.getByRole('link', { name: 'Inloggen' })).toBeVisible()
    // The data the page was rendered with travels as JSON that the browser never runs.
    await expect(page.locator('script#ssr-state')).toHaveAttribute('type', 'application/json')

    // The filter form is a plain GET form: without JavaScript the server filters.
    await page.getByLabel('Status').selectOption({ label: 'Gerealiseerd' })
    await page.getByRole('button', { name: 'Toon ideeën' }).click()
    await expect(page).toHaveURL(/status=done/)
    await expect(page.getByRole('link', { name: 'Oud papier vaker ophalen in Siddeburen' })).toBeVisible()
    await expect(page.getByRole('link', { name: 'Veiliger oversteken bij de basisschool in Zuidbroek' })).toHaveCount(0)
  })
})

test('hydrates without a console error or warning, asks for nothing again, and stays interactive', async ({ page }) => {
  const problems = collectProblems(page)
  const apiCalls: string[] = []
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) apiCalls.push(request.url())
  })
  await page.goto('/?sort=new')
  await waitForHydration(page)
  await page.waitForLoadState('networkidle')
  // Everything the list shows came with the page.
  expect(apiCalls).toEqual([])
  await expectAccessible(page, 'the server-rendered idea list')

  // Still the same document after each step: the router handles them, not the server.
  await page.evaluate(() => {
    ;(window as unknown as { sameDocument: boolean }).sameDocument = true
  })
  await page.getByLabel('Sorteren op').selectOption({ label: 'Meeste stemmen' })
  await page.getByRole('button', { name: 'Toon ideeën' }).click()
  await expect(page).toHaveURL(/sort=top/)
  await expect(page.locator('.idea-list > li').first()).toBeVisible()
  await page.getByRole('link', { name: 'Oud papier vaker ophalen in Siddeburen' }).click()
  const heading = page.getByRole('heading', { level: 1, name: 'Oud papier vaker ophalen in Siddeburen' })
  await expect(heading).toBeFocused()
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true)
  expect(problems).toEqual([])
})

test('a tap on one of the app’s buttons before the app runs is not lost', async ({ page }) => {
  const problems = collectProblems(page)
  // Hold back the app (as a slow phone would) until the visitor has tapped.
  let release = () => {}
  const held = new Promise<void>((resolve) => {
    release = resolve
  })
  await page.route(/\/assets\/start-[^/]+\.js$/, async (route) => {
    await held
    await route.continue()
  })
  await page.goto('/')
  await page.getByRole('button', { name: 'Switch to English' }).click()
  expect(await isHydrated(page)).toBe(false)
  release()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.getByRole('heading', { level: 1, name: 'Ideas for a better municipality' })).toBeVisible()
  // Once: a second click would have switched back to Dutch. The replay runs in the effect
  // after hydration; two frames later every effect of that render has run.
  await waitForHydration(page)
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  expect(problems).toEqual([])
})

test('a visitor’s language choice stays in the browser; a member’s is saved and their first HTML follows it', async ({
  page,
  context,
}) => {
  const problems = collectProblems(page)
  await page.goto('/')
  await waitForHydration(page)
  await page.getByRole('button', { name: 'Switch to English' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  // No language cookie: the web app sets one cookie, the session, and a visitor has none.
  expect(await context.cookies()).toEqual([])

  // The server cannot read local storage: it renders Dutch, and the page switches after hydration.
  const html = await (await page.request.get('/')).text()
  expect(html).toMatch(/<html lang="nl"/)
  await page.reload()
  await waitForHydration(page)
  await expect(page.getByRole('heading', { level: 1, name: 'Ideas for a better municipality' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await page.getByRole('button', { name: 'Wissel naar Nederlands' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl')
  expect(problems).toEqual([])

  // A member's choice goes into their profile, and the server renders in it.
  await newMember(page, 'taalkeuze', 'Tom Taal')
  await page.goto('/')
  await waitForHydration(page)
  await page.getByRole('button', { name: 'Switch to English' }).click()
  await expect.poll(async () => (await (await page.request.get('/api/me')).json()).user.locale).toBe('en')
  const own = await (await page.request.get('/')).text()
  expect(own).toMatch(/<html lang="en"/)
  expect(own).toContain('Ideas for a better municipality')
  expect((await context.cookies()).map((c) => c.name)).toEqual(['meedenken_session'])
})

test('a member gets their own header and votes in the first HTML, never cached; text stays text', async ({ page }) => {
  await newMember(page, 'eerste-blik', 'Eva Eerstblik')
  const title = `Haakjes </script><script>alert(1)</script> $& $' ${Date.now()}`
  const id = await proposeIdea(page, {
    title,
    body: 'Een titel met tekens die in HTML en in JavaScript iets betekenen, blijft gewoon tekst.',
  })
  expect((await page.request.put(`/api/ideas/${id}/vote`)).status()).toBe(200)
  // From here on, as the member opens the list (signing up asked "who am I?" as a visitor first).
  const problems = collectProblems(page)
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`)
    void dialog.dismiss()
  })

  const response = await page.request.get('/?sort=new')
  expect(response.headers()['cache-control']).toBe('private, no-store')
  expect(response.headers().vary).toBe('Cookie, Accept-Encoding')
  const html = await response.text()
  expect(html).toContain('Uitloggen')
  expect(html).not.toContain('<script>alert(1)</script>')

  await page.goto('/?sort=new')
  await waitForHydration(page)
  const card = page.getByRole('article', { name: title })
  await expect(card).toBeVisible()
  await expect(card.getByText('U hebt gestemd')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Uitloggen' })).toBeVisible()
  await page.waitForLoadState('networkidle')
  expect(problems).toEqual([])
})

test('"Meer ideeën laden" adds the next ideas and moves focus to the first new one', async ({ page }) => {
  await newMember(page, 'veel-ideeen', 'Vera Veel')
  // Enough ideas for a second page even on the demo data alone (14 visible ideas); a
  // member may send in five an hour, so a neighbour sends in two more.
  for (let n = 1; n <= 5; n++) {
    await proposeIdea(page, { title: `Een extra bankje nummer ${n} ${Date.now()}`, body: 'Om even uit te rusten.' })
  }
  await page.getByRole('button', { name: 'Uitloggen' }).click()
  // Logged out for certain before the neighbour signs up in this browser: otherwise their ideas
  // could go out on Vera's session, which has used its five for the hour.
  await expect(page.getByText('U bent uitgelogd.')).toBeVisible()
  await newMember(page, 'buurman', 'Bert Buur')
  for (let n = 6; n <= 7; n++) {
    await proposeIdea(page, { title: `Een extra bankje nummer ${n} ${Date.now()}`, body: 'Om even uit te rusten.' })
  }
  await page.goto('/?sort=new')
  await waitForHydration(page)
  const cards = page.locator('.idea-list > li')
  await expect(cards).toHaveCount(20)
  const fourth = page.locator('.idea-list > li').nth(3).getByRole('link')
  const before = await fourth.textContent()
  await page.getByRole('button', { name: 'Meer ideeën laden' }).click()
  await expect.poll(() => cards.count()).toBeGreaterThan(20)
  await expect(cards.nth(20).getByRole('link')).toBeFocused()
  // The cards already there stayed as they were.
  expect(await fourth.textContent()).toBe(before)
  await expectAccessible(page, 'the longer idea list')
})
