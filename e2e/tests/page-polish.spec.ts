import type { Page } from '@playwright/test'
import { memberViaApi } from '../engage-helpers'
import { expect, expectAccessible, test, waitForHydration } from '../fixtures'
import { logInByApi, STAFF } from '../staff-helpers'

// Issue 21's screenshot review, as a person meets it: no soft 404, the API reference marked
// English, a roadmap that does not make a phone scroll past 50 cards, one empty state, a
// reset link without its token, wide tables and selects that fit.

/** How far a box's content sticks out past its own visible width (0: nothing is cut off). */
async function cutOff(page: Page, selector: string): Promise<number> {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => el.scrollWidth - el.clientWidth)
}

/** Room left in a select for the option it shows (negative: the text is cut off). */
async function roomInSelect(page: Page, name: string): Promise<number> {
  return page.getByLabel(name, { exact: true }).evaluate((el) => {
    const select = el as HTMLSelectElement
    const style = getComputedStyle(select)
    const context = document.createElement('canvas').getContext('2d')
    if (!context) return Number.NaN
    context.font = style.font
    const text = context.measureText(select.selectedOptions[0]?.text ?? '').width
    return select.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight) - text
  })
}

test('an unknown address answers 404 with the friendly page, and so does an unknown idea', async ({ page }) => {
  for (const url of ['/bestaat-niet', '/ideeen/999999']) {
    const response = await page.goto(url)
    expect(response?.status(), url).toBe(404)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  }
  await expectAccessible(page, 'an unknown idea')
  await page.goto('/bestaat-niet')
  await expect(page.getByRole('heading', { level: 1, name: 'Deze pagina bestaat niet' })).toBeVisible()
  await expect(page.getByRole('main').getByRole('link', { name: 'Naar de ideeën' })).toBeVisible()
  await expectAccessible(page, 'the not-found page')
  // A page the browser draws is still there, with 200.
  expect((await page.goto('/inloggen'))?.status()).toBe(200)
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible()
})

test('the API reference says in Dutch that its technical part is English, and marks that part', async ({ page }) => {
  await page.goto('/open-data/api')
  await expect(page.getByText(/De technische beschrijving hieronder is in het Engels/)).toBeVisible()
  const groups = page.getByRole('heading', { level: 2 })
  await expect(groups.first()).toBeVisible()
  for (const heading of await groups.all()) await expect(heading).toHaveAttribute('lang', 'en')
  await expectAccessible(page, 'the API reference')
})

test('the accessibility statement describes the maps that are there now', async ({ page }) => {
  await page.goto('/toegankelijkheid')
  const maps = page.getByRole('region', { name: 'Kaarten' })
  await expect(maps).toContainText('PDOK')
  await expect(page.getByText(/komt later/)).toHaveCount(0)
  await expectAccessible(page, 'the accessibility statement')
})

test('the roadmap on a phone: links to each list, six cards a list, and "show all" moves on where the list ended', async ({
  page,
}) => {
  await page.setViewportSize({ width: 320, height: 700 })
  await page.goto('/plannen')
  await waitForHydration(page)
  const planned = page.getByRole('region', { name: /Gepland/ })
  const total = Number(/\((\d+)\)/.exec((await planned.getByRole('heading', { level: 2 }).textContent()) ?? '')?.[1])
  expect(total).toBeGreaterThan(6)
  await expect(planned.getByRole('listitem')).toHaveCount(6)
  const jump = page.getByRole('navigation', { name: 'Ga naar een lijst' })
  await expect(jump.getByRole('link', { name: /In uitvoering/ })).toBeVisible()
  // "In uitvoering" starts within a few screens, not after 50 cards.
  const inProgressTop = await page
    .getByRole('region', { name: /In uitvoering/ })
    .evaluate((el) => el.getBoundingClientRect().top + window.scrollY)
  expect(inProgressTop).toBeLessThan(6000)
  await expectAccessible(page, 'the roadmap with short lists')

  await planned.getByRole('link', { name: `Toon alle ${total} ideeën in ‘Gepland’` }).click()
  await expect(page).toHaveURL(/alle=gepland/)
  await expect(planned.getByRole('listitem')).toHaveCount(total)
  await expect(planned.getByRole('listitem').nth(6).getByRole('link')).toBeFocused()
  await expect(planned.getByRole('link', { name: /Toon alle/ })).toHaveCount(0)
  await expectAccessible(page, 'the roadmap with all planned ideas')
})

test('without the app’s scripts, the roadmap shows a whole list from its link', async ({ page }) => {
  // What a person without JavaScript gets (axe itself still runs in the page).
  await page.route(/\/assets\/.*\.js$/, (route) => route.abort())
  await page.goto('/plannen')
  const planned = page.getByRole('region', { name: /Gepland/ })
  await expect(planned.getByRole('listitem')).toHaveCount(6)
  await planned.getByRole('link', { name: /Toon alle \d+ ideeën/ }).click()
  await expect(page).toHaveURL(/\/plannen\?alle=gepland$/)
  expect(await planned.getByRole('listitem').count()).toBeGreaterThan(6)
  await expectAccessible(page, 'the roadmap with all planned ideas, without JavaScript')
})

test('a new member without notifications reads that once', async ({ page, baseURL }) => {
  await memberViaApi(page, baseURL ?? '', { prefix: 'leeg', name: 'Nog geen nieuws' })
  await page.goto('/meldingen')
  await expect(page.getByText(/U hebt nog geen meldingen/)).toBeVisible()
  await expect(page.getByText('U hebt geen ongelezen meldingen.')).toHaveCount(0)
  await expectAccessible(page, 'the notifications page without notifications')
})

test('a password link without its token says the link is incomplete, as the other mail links do', async ({ page }) => {
  await page.goto('/nieuw-wachtwoord')
  await expect(page.getByRole('heading', { level: 1, name: 'Deze link werkt niet' })).toBeVisible()
  await expect(page.getByRole('alert')).toContainText('Deze link is niet compleet')
  await expect(page.getByLabel('Nieuw wachtwoord')).toHaveCount(0)
  await expect(page.getByRole('link', { name: 'Vraag een nieuwe link aan' })).toHaveAttribute(
    'href',
    '/wachtwoord-vergeten',
  )
  await expectAccessible(page, 'the password page without a token')
})

test('a place without an address is told in words on the idea page, without coordinates', async ({ page }) => {
  // Demo idea 4 has a point on the map without an address.
  const { idea } = (await (await page.request.get('/api/ideas/4')).json()) as {
    idea: { place: { label: string | null } | null }
  }
  expect(idea.place?.label).toBeNull()
  await page.goto('/ideeen/4')
  const place = page.getByRole('region', { name: 'Plaats' })
  await expect(place.getByText(/^Dit idee gaat over: een plek op de kaart/)).toBeVisible()
  await expect(place.getByText(/\d+\.\d{4}/)).toHaveCount(0)
  await expectAccessible(page, 'an idea with a place on the map')
})

test('the scorecard tables use more than the text column on a wide screen, and scroll in their box on a phone', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.goto('/resultaten')
  const table = page.locator('.scorecard-table').first()
  await expect(table).toBeVisible()
  const textColumn = await page.getByRole('main').evaluate((el) => el.clientWidth)
  expect((await table.boundingBox())?.width ?? 0).toBeGreaterThan(textColumn)
  expect(await cutOff(page, '.scorecard-quarter .table-wrap')).toBe(0)
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0)
  await expectAccessible(page, 'the scorecard at 1280 px')
  await page.setViewportSize({ width: 320, height: 700 })
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0)
  expect(await cutOff(page, '.scorecard-quarter .table-wrap')).toBeGreaterThan(0)
})

test('staff pages: the Werkbak filters show their whole choice, the dashboard caption fits a phone', async ({
  page,
}) => {
  await logInByApi(page.request, STAFF)
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.goto('/medewerkers')
  await expect(page.getByLabel('Dorp of wijk', { exact: true })).toBeVisible()
  // Polled: a list box is drawn anew when its choices arrive, and an element measured while it is
  // being replaced has no style yet (NaN); the settled box must show its whole choice.
  for (const filter of ['Thema', 'Dorp of wijk', 'Status', 'Afdeling', 'Behandelaar']) {
    await expect.poll(() => roomInSelect(page, filter), { message: filter }).toBeGreaterThanOrEqual(0)
  }
  await expectAccessible(page, 'the Werkbak at 1280 px')

  await page.setViewportSize({ width: 320, height: 700 })
  await page.goto('/medewerkers/dashboard')
  const caption = page.locator('.table-wrap caption').first()
  await expect(caption).toBeVisible()
  const [captionBox, wrapBox] = await Promise.all([
    caption.boundingBox(),
    page.locator('.table-wrap').first().boundingBox(),
  ])
  expect((captionBox?.x ?? 0) + (captionBox?.width ?? 0)).toBeLessThanOrEqual((wrapBox?.x ?? 0) + (wrapBox?.width ?? 0))
  await expectAccessible(page, 'the staff dashboard at 320 px')
})
