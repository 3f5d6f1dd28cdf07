import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type Locator, type Page } from '@playwright/test'
import { learnServerClock } from './clock'
import { baseURL } from './playwright.config'

/**
 * Runs axe-core against WCAG 2.2 A/AA rules and best practices and fails on any violation,
 * whatever its impact (issue 21's budget for every page: minor and moderate ones too),
 * listing each with the elements it was found on.
 *
 * A page the server does not render arrives as an empty shell that the app fills a moment
 * later (with the layout's main and the page's heading at once): the check waits for a main
 * landmark first, so axe sees the page rather than the shell. If none comes, axe still runs
 * and reports it.
 */
export async function expectAccessible(page: Page, context = ''): Promise<void> {
  await page
    .locator('main')
    .first()
    .waitFor({ state: 'attached', timeout: 7_000 })
    .catch(() => undefined)
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze()
  const report = results.violations
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}`).join('\n')}`)
    .join('\n')
  expect(results.violations, `axe found problems${context ? ` on ${context}` : ''}:\n${report}`).toEqual([])
}

/** Every worker first learns the server's clock (clock.ts), so dates come from the server. */
export const test = base.extend<object, { serverClock: undefined }>({
  serverClock: [
    async ({ playwright }, use) => {
      await learnServerClock(playwright, baseURL)
      await use(undefined)
    },
    { scope: 'worker', auto: true },
  ],
})
export { expect }

/**
 * Waits until React owns the page. A link followed before that is a full page load of a
 * server-rendered page (the browser's own behaviour: focus stays at the top), not the app's
 * navigation that moves focus to the new heading.
 */
export async function waitForHydration(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(() =>
        Object.keys(document.getElementById('root') ?? {}).some((key) => key.startsWith('__reactContainer')),
      ),
    )
    .toBe(true)
}

export function uniqueEmail(prefix = 'e2e'): string {
  return `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.org`
}

export const DEMO_PASSWORD = 'meedenken-demo'
export const PASSWORD = 'een-zonnige-dag-in-meeden'

/** Opens the newest mail to `email` in the development mailbox and follows its link. */
export async function followMailLink(page: Page, email: string, subject: string | RegExp): Promise<void> {
  await page.goto('/dev/mail')
  const mail = page
    .getByRole('listitem')
    .filter({ hasText: `Aan ${email}` })
    .filter({ hasText: subject })
    .first()
  await expect(mail).toBeVisible()
  await mail.getByRole('link').first().click()
}

/**
 * Fills in the sign-up form like a person. The form tells bots from people by how long it
 * took (at least three seconds): the browser's clock is moved on instead of waiting.
 */
export async function signUp(page: Page, email: string, name = 'Testdeelnemer'): Promise<void> {
  await page.clock.install()
  await page.goto('/aanmelden')
  await expect(page.getByRole('heading', { level: 1, name: 'Aanmelden' })).toBeVisible()
  await page.getByLabel('E-mailadres').fill(email)
  await page.getByLabel('Wachtwoord').fill(PASSWORD)
  await page.getByLabel('Naam die anderen zien').fill(name)
  await page.getByRole('radio', { name: 'Inwoner' }).check()
  await page.clock.fastForward(3_100)
  await page.getByRole('button', { name: 'Account maken' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Kijk in uw e-mail' })).toBeVisible()
}

export async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/inloggen')
  await page.getByLabel('E-mailadres').fill(email)
  await page.getByLabel('Wachtwoord').fill(password)
  await page.getByRole('button', { name: 'Inloggen' }).click()
  await expect(page.getByRole('button', { name: 'Uitloggen' })).toBeVisible()
}

/** Signs up a fresh member and confirms the address by mail, which also logs them in. Returns the address. */
export async function newMember(page: Page, prefix: string, name = 'Testdeelnemer'): Promise<string> {
  const email = uniqueEmail(prefix)
  await signUp(page, email, name)
  await followMailLink(page, email, 'Bevestig uw e-mailadres voor Meedenken')
  // The link only opens the page; confirming takes a click (finding 11).
  await page.getByRole('button', { name: 'Bevestig mijn e-mailadres' }).click()
  await expect(page.getByRole('button', { name: 'Uitloggen' })).toBeVisible()
  return email
}

/**
 * Sends in an idea through the API as whoever is logged in on `page` (quicker than the
 * form, for journeys about something else). Returns the new idea's id.
 */
export async function proposeIdea(
  page: Page,
  idea: { title: string; body: string; themeSlug?: string },
): Promise<number> {
  const themes = (await (await page.request.get('/api/themes')).json()) as { items: { id: number; slug: string }[] }
  const theme = themes.items.find((t) => t.slug === (idea.themeSlug ?? 'groen'))
  expect(theme, `theme ${idea.themeSlug}`).toBeDefined()
  const response = await page.request.post('/api/ideas', {
    data: { title: idea.title, body: idea.body, themeId: theme?.id },
  })
  expect(response.status(), await response.text()).toBe(201)
  return ((await response.json()) as { idea: { id: number } }).idea.id
}

/** Posts a comment through the API as whoever is logged in on `page`. */
export async function postComment(page: Page, ideaId: number, body: string): Promise<void> {
  const response = await page.request.post(`/api/ideas/${ideaId}/comments`, { data: { body } })
  expect(response.status(), await response.text()).toBe(201)
}

/** Presses Tab until `target` has focus, as a keyboard user would; fails if it never gets there. */
export async function tabTo(page: Page, target: Locator, maxPresses = 80): Promise<void> {
  await expect(target).toBeVisible()
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return
    await page.keyboard.press('Tab')
  }
  await expect(target).toBeFocused()
}
