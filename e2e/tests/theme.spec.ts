import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { Page } from '@playwright/test'
import { expect, expectAccessible, test } from '../fixtures'
import { baseURL } from '../playwright.config'

/**
 * The look is a theme of NL Design System tokens (THEME, served as /theme.css): another
 * theme changes the colours and nothing else; forced colours keep every control visible;
 * the campaign phases are styled on the public pages whatever was opened before.
 */

/** The computed colour a token resolves to on this page (a probe element, drawn with it). */
async function tokenColour(page: Page, token: string): Promise<string> {
  return page.evaluate((name) => {
    const probe = document.createElement('div')
    probe.style.setProperty('background-color', `var(${name})`)
    document.body.append(probe)
    const colour = getComputedStyle(probe).backgroundColor
    probe.remove()
    return colour
  }, token)
}

const backgroundOf = (locator: ReturnType<Page['locator']>) =>
  locator.first().evaluate((el) => getComputedStyle(el).backgroundColor)

/** The header, the list's main button and the page behind them. */
async function colours(page: Page) {
  return {
    header: await backgroundOf(page.getByRole('banner')),
    button: await backgroundOf(page.getByRole('button', { name: 'Toon ideeën' })),
    page: await backgroundOf(page.locator('html')),
  }
}

/** The public pages a resident reads, each with its heading. */
async function publicPages(request: Page['request']): Promise<{ path: string; heading: RegExp }[]> {
  const ideas = (await (await request.get('/api/ideas?sort=top&limit=1')).json()) as { items: { id: number }[] }
  const campaigns = (await (await request.get('/api/campaigns')).json()) as { items: { id: number }[] }
  return [
    { path: '/', heading: /Ideeën voor een betere gemeente/ },
    { path: `/ideeen/${ideas.items[0]?.id}`, heading: /./ },
    { path: '/meedenkvragen', heading: /Meedenkvragen/ },
    { path: `/meedenkvragen/${campaigns.items[0]?.id}`, heading: /./ },
    { path: '/plannen', heading: /./ },
    { path: '/resultaten', heading: /./ },
    { path: '/jij-zei-wij-deden', heading: /Jij zei, wij deden/ },
    { path: '/inloggen', heading: /Inloggen/ },
    { path: '/aanmelden', heading: /Aanmelden/ },
  ]
}

test('the public campaign page, opened first, shows the outcome phase in its own colours', { tag: '@dates' }, async ({
  page,
}) => {
  const campaigns = (await (await page.request.get('/api/campaigns')).json()) as {
    items: { id: number; phase: string }[]
  }
  const outcome = campaigns.items.find((c) => c.phase === 'outcome')
  expect(outcome, 'the demo data has a campaign whose outcome is published').toBeDefined()
  // A fresh page: no staff page has loaded its CSS before.
  await page.goto(`/meedenkvragen/${outcome?.id}`)
  const phase = page.getByRole('main').getByText('Afgelopen', { exact: true })
  await expect(phase).toBeVisible()
  const [shown, border] = await phase.evaluate((el) => [
    getComputedStyle(el).backgroundColor,
    getComputedStyle(el).borderTopColor,
  ])
  expect(shown).toBe(await tokenColour(page, '--tone-info-background-color'))
  expect(border).toBe(await tokenColour(page, '--tone-info-border-color'))
  expect(shown).not.toBe(await tokenColour(page, '--tone-neutral-background-color'))
  await expectAccessible(page, 'a finished campaign')
})

test('every public page passes axe without a single violation in the Midden-Groningen theme', async ({ page }) => {
  for (const { path: at, heading } of await publicPages(page.request)) {
    await page.goto(at)
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
    await expectAccessible(page, `${at} (midden-groningen)`)
  }
})

test('in forced colours every button, field and link stays visible, and focus shows', async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active' })
  for (const at of ['/', '/inloggen', '/aanmelden']) {
    await page.goto(at)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    const controls = page
      .locator('main')
      .locator('button, input:not([type="hidden"]):not([type="checkbox"]):not([type="radio"]), select, textarea')
    expect(await controls.count()).toBeGreaterThan(0)
    const invisible = await controls.evaluateAll((elements) =>
      elements
        .filter((el) => (el as HTMLElement).offsetParent !== null)
        .filter((el) => {
          const s = getComputedStyle(el)
          const bordered = s.borderTopStyle !== 'none' && Number.parseFloat(s.borderTopWidth) > 0
          const outlined = s.outlineStyle !== 'none' && Number.parseFloat(s.outlineWidth) > 0
          const transparent = (c: string) => c === 'transparent' || c === 'rgba(0, 0, 0, 0)'
          return !((bordered && !transparent(s.borderTopColor)) || (outlined && !transparent(s.outlineColor)))
        })
        .map((el) => el.outerHTML.slice(0, 80)),
    )
    expect(invisible, `controls without a visible boundary on ${at}`).toEqual([])
    const plainLinks = await page
      .locator('main a, footer a')
      .evaluateAll((links) =>
        links
          .filter(
            (a) => !getComputedStyle(a).textDecorationLine.includes('underline') && !a.classList.contains('nl-button'),
          )
          .map((a) => a.textContent),
      )
    expect(plainLinks, `links that do not look like links on ${at}`).toEqual([])
  }
  // The focus ring: an outline in the system's colour.
  await page.goto('/inloggen')
  await page.getByLabel('E-mailadres').focus()
  await page.keyboard.press('Tab')
  const focused = page.locator(':focus')
  const outline = await focused.evaluate((el) => [getComputedStyle(el).outlineStyle, getComputedStyle(el).outlineWidth])
  expect(outline[0]).not.toBe('none')
  expect(Number.parseFloat(outline[1] ?? '0')).toBeGreaterThanOrEqual(2)
})

test.describe('another theme', () => {
  // One server of its own with THEME=voorbeeld, on the same build as the suite's.
  test.describe.configure({ mode: 'serial' })
  const port = Number(new URL(baseURL).port) + 37
  const themedURL = `http://127.0.0.1:${port}`
  let server: ChildProcess | undefined

  test.beforeAll(async () => {
    server = spawn(process.execPath, [fileURLToPath(new URL('../serve.mjs', import.meta.url))], {
      env: { ...process.env, THEME: 'voorbeeld', E2E_PORT: String(port) },
      stdio: 'ignore',
    })
    await expect
      .poll(async () => (await fetch(`${themedURL}/api/ready`).catch(() => null))?.status, { timeout: 60_000 })
      .toBe(200)
  })

  test.afterAll(() => {
    server?.kill('SIGTERM')
  })

  test('changes the colours of the header and the buttons, and nothing breaks', async ({ page }) => {
    await page.goto('/')
    const before = await colours(page)
    await page.goto(`${themedURL}/`)
    await expect(page.getByRole('heading', { level: 1, name: 'Ideeën voor een betere gemeente' })).toBeVisible()
    const after = await colours(page)
    expect(after.header).not.toBe(before.header)
    expect(after.button).not.toBe(before.button)
    expect(after.page).not.toBe(before.page)
    // The Voorbeeldgemeente's own colours, from its token file.
    expect(after.button).toBe('rgb(123, 31, 92)')
    expect(after.header).toBe('rgb(255, 255, 255)')
  })

  test('every public page renders and passes axe without a single violation', async ({ page }) => {
    for (const { path: at, heading } of await publicPages(page.request)) {
      await page.goto(`${themedURL}${at}`)
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
      await expectAccessible(page, `${at} (voorbeeld)`)
    }
  })
})
