import type { Page } from '@playwright/test'
import { expect, expectAccessible, PASSWORD, tabTo, test, waitForHydration } from '../fixtures'
import { ADMIN, logInByApi, newApiMember, STAFF, tag } from '../staff-helpers'

/*
 * A place for an idea: chosen on the map by keyboard only, or by address (PDOK's address search,
 * here the local stand-in that serve.mjs starts: e2e/pdok-fixture.mjs), shown on the idea page.
 * The map's tiles come from that stand-in too: nothing here reaches the internet.
 */

/** Opens the form to propose an idea as a fresh member, with title, text and theme filled in. */
async function startIdea(page: Page, title: string): Promise<void> {
  const member = await newApiMember('plaats', 'Pien Plaats')
  await member.api.dispose()
  await logInByApi(page.request, { email: member.email, password: PASSWORD })
  await page.goto('/ideeen/nieuw')
  await waitForHydration(page)
  await page.getByLabel('Titel').fill(title)
  await page.getByLabel('Uw idee').fill('De stoep is hier zo smal dat kinderwagens de weg op moeten.')
  await page.getByLabel('Thema').selectOption({ index: 1 })
}

async function sendIdea(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click()
  await expect(page.getByRole('heading', { name: 'Controleer uw idee' })).toBeVisible()
  await page.getByRole('button', { name: 'Idee insturen' }).click()
  await expect(page).toHaveURL(/\/ideeen\/\d+$/)
}

test('a member chooses the place of their idea on the map with the keyboard only, and the idea page shows it', async ({
  page,
}) => {
  const title = `Bredere stoep bij het station ${tag()}`
  await startIdea(page, title)
  const section = page.getByRole('group', { name: 'Plaats (niet verplicht)' })
  const map = section.getByRole('application', { name: 'Kaart om een plaats te kiezen' })
  await expect(map).toHaveAccessibleDescription(/pijltjestoetsen/)
  // The tiles came (from the stand-in): no message that the map cannot be loaded.
  await expect(section.locator('.leaflet-tile-loaded').first()).toBeVisible()
  await expect(section.getByText('De kaart kan nu niet worden geladen')).toHaveCount(0)
  await expectAccessible(page, 'the idea form with the place picker')

  await tabTo(page, map)
  const before = await map.evaluate((el) => el.querySelector('.leaflet-map-pane')?.getAttribute('style'))
  for (const key of ['ArrowRight', 'ArrowRight', 'ArrowDown']) await page.keyboard.press(key)
  await expect
    .poll(() => map.evaluate((el) => el.querySelector('.leaflet-map-pane')?.getAttribute('style')))
    .not.toBe(before)
  const choose = section.getByRole('button', { name: 'Kies het midden van de kaart' })
  await tabTo(page, choose)
  await page.keyboard.press('Enter')
  const chosen = section.locator('.place-picker__chosen')
  await expect(chosen).toHaveText(/^Gekozen plaats: punt op de kaart \(53\.\d{5}, 6\.\d{5}\)Plaats weghalen$/)
  await expect(section.getByRole('status').filter({ hasText: 'Gekozen plaats: punt op de kaart' })).toHaveCount(1)
  const [, latitude] = /\((53\.\d+), (6\.\d+)\)/.exec((await chosen.textContent()) ?? '') ?? []
  await expect(section.getByRole('button', { name: 'Plaats weghalen' })).toBeVisible()
  await expectAccessible(page, 'the idea form with a chosen place')

  await sendIdea(page)
  const place = page.getByRole('region', { name: 'Plaats' })
  // In words for residents (its village if it has one), without the coordinates.
  await expect(place.getByText(/^Dit idee gaat over: een plek op de kaart( in .+)?$/)).toBeVisible()
  await expect(place).not.toContainText(`${latitude}`)
  await expect(place.getByRole('link', { name: 'Bekijk op de kaart' })).toBeVisible()
  const ideaMap = place.getByRole('application', { name: 'Kaart met de plaats van dit idee' })
  await expect(ideaMap.locator('.map-marker')).toHaveCount(1)
  await expectAccessible(page, 'an idea page with its place on the map')

  // Opened afresh, the server sends the place in words and the map's settings with the page:
  // once hydrated, the map asks the API for nothing (Leaflet's code and the tiles it does load).
  const calls: string[] = []
  page.on('request', (request) => {
    const { pathname } = new URL(request.url())
    if (pathname.startsWith('/api/') && !pathname.startsWith('/api/live')) calls.push(pathname)
  })
  await page.reload()
  await waitForHydration(page)
  await expect(ideaMap.locator('.map-marker')).toHaveCount(1)
  await page.waitForLoadState('networkidle')
  expect(calls).toEqual([])
})

test('a member finds the place by address (keyboard in the suggestions); the district is filled in from its outline', async ({
  page,
}) => {
  const title = `Zebrapad bij de Hoofdstraat ${tag()}`
  await startIdea(page, title)
  const section = page.getByRole('group', { name: 'Plaats (niet verplicht)' })
  const search = section.getByRole('combobox', { name: 'Zoek een adres' })
  await search.fill('Hoofdstraat')
  const options = section.getByRole('listbox').getByRole('option')
  await expect(options).toHaveText(['Hoofdstraat 10, 9601EA Hoogezand', 'Hoofdstraat 12, 9601EB Hoogezand'])
  await expect(search).toHaveAttribute('aria-expanded', 'true')
  await expectAccessible(page, 'the address suggestions')
  await page.keyboard.press('ArrowDown')
  await expect(options.first()).toHaveAttribute('aria-selected', 'true')
  await expect(search).toHaveAttribute('aria-activedescendant', (await options.first().getAttribute('id')) ?? '')
  await page.keyboard.press('Enter')
  await expect(section.getByText('Gekozen plaats: Hoofdstraat 10, 9601EA Hoogezand', { exact: true })).toBeVisible()
  await expect(section.getByRole('status').filter({ hasText: 'Dorp of wijk ingevuld: Hoogezand' })).toHaveCount(1)
  // The demo's villages have rough outlines: Hoogezand holds this address.
  await expect(page.getByLabel('Dorp of wijk (niet verplicht)')).toHaveValue(
    (await page
      .getByLabel('Dorp of wijk (niet verplicht)')
      .locator('option', { hasText: 'Hoogezand' })
      .getAttribute('value')) ?? 'x',
  )
  // Enter in the search chose an address; it did not send the form.
  await expect(page).toHaveURL(/\/ideeen\/nieuw$/)

  await sendIdea(page)
  const place = page.getByRole('region', { name: 'Plaats' })
  await expect(place.getByText('Dit idee gaat over: Hoofdstraat 10, 9601EA Hoogezand')).toBeVisible()
  await expect(page.getByText('Hoogezand').first()).toBeVisible()
  await expectAccessible(page, 'an idea page with an address')
})

test('when the map cannot be loaded the form says so politely and the address search still works', async ({ page }) => {
  await page.route('**/tiles/**', (route) => route.abort())
  await startIdea(page, `Losse tegels in de stoep ${tag()}`)
  const section = page.getByRole('group', { name: 'Plaats (niet verplicht)' })
  await expect(section.getByRole('status').filter({ hasText: 'De kaart kan nu niet worden geladen' })).toBeVisible()
  await expect(section.getByRole('button', { name: 'Kies het midden van de kaart' })).toHaveCount(0)
  await section.getByRole('combobox', { name: 'Zoek een adres' }).fill('Kerkstraat')
  await section.getByRole('option', { name: 'Kerkstraat 3, 9591AE Muntendam' }).click()
  await expect(section.getByText('Gekozen plaats: Kerkstraat 3, 9591AE Muntendam', { exact: true })).toBeVisible()
  await expectAccessible(page, 'the idea form without the map')
  await sendIdea(page)
  await expect(page.getByText('Dit idee gaat over: Kerkstraat 3, 9591AE Muntendam')).toBeVisible()
  await expect(
    page.getByRole('region', { name: 'Plaats' }).getByText('De kaart kan nu niet worden geladen'),
  ).toBeVisible()
})

test('an admin loads a village outline from a GeoJSON file on the catalogue page; a bad file is explained', async ({
  page,
}) => {
  await logInByApi(page.request, ADMIN)
  await page.goto('/beheer/themas')
  await waitForHydration(page)
  const section = page.getByRole('region', { name: 'Grenzen op de kaart' })
  // The demo's villages have rough outlines.
  await expect(section.getByText('Foxhol: Grens geladen')).toBeVisible()
  await expectAccessible(page, 'the admin catalogue with outlines')
  await section.getByLabel('Dorp of wijk').selectOption({ label: 'Foxhol' })
  const ring = [
    [6.705, 53.158],
    [6.725, 53.158],
    [6.725, 53.17],
    [6.705, 53.17],
  ]
  const file = (name: string, geometry: unknown) => ({
    name,
    mimeType: 'application/geo+json',
    buffer: Buffer.from(JSON.stringify({ type: 'Feature', properties: {}, geometry })),
  })
  await section
    .getByLabel('GeoJSON-bestand')
    .setInputFiles(file('open.geojson', { type: 'Polygon', coordinates: [ring] }))
  await section.getByRole('button', { name: 'Grens laden' }).click()
  await expect(section.getByLabel('GeoJSON-bestand')).toHaveAccessibleDescription(/niet gesloten/)
  await expectAccessible(page, 'the outline form with an error')
  await section
    .getByLabel('GeoJSON-bestand')
    .setInputFiles(file('foxhol.geojson', { type: 'Polygon', coordinates: [[...ring, ring[0]]] }))
  await section.getByRole('button', { name: 'Grens laden' }).click()
  await expect(section.getByRole('status')).toHaveText('De grens van Foxhol is opgeslagen.')
  const district = await page.request.get('/api/places/district?latitude=53.164&longitude=6.715')
  expect((await district.json()).districtId).not.toBeNull()
})

test('staff enter an idea received by phone with its place found by address', async ({ page }) => {
  await logInByApi(page.request, STAFF)
  await page.goto('/medewerkers/nieuw-idee')
  await waitForHydration(page)
  await page.getByRole('radio', { name: 'Telefoon' }).check()
  await page.getByLabel('Naam van de indiener').fill('Mevrouw Jansen')
  await page.getByRole('radio', { name: 'Inwoner' }).check()
  const title = `Kapotte lantaarnpaal in de Kerkstraat ${tag()}`
  await page.getByLabel('Titel').fill(title)
  await page
    .getByRole('textbox', { name: 'Het idee' })
    .fill('Mevrouw belde: de lantaarnpaal voor nummer 3 is al weken uit.')
  await page.getByLabel('Thema').selectOption({ index: 1 })
  const section = page.getByRole('group', { name: 'Plaats (niet verplicht)' })
  await section.getByRole('combobox', { name: 'Zoek een adres' }).fill('Kerkstraat')
  await section.getByRole('option', { name: 'Kerkstraat 3, 9591AE Muntendam' }).click()
  await expect(section.getByText('Gekozen plaats: Kerkstraat 3, 9591AE Muntendam', { exact: true })).toBeVisible()
  await expectAccessible(page, 'the intake form with a place')
  await page.getByRole('button', { name: 'Idee invoeren' }).click()
  await expect(page).toHaveURL(/\/medewerkers\/ideeen\/\d+$/)
  const id = /\/(\d+)$/.exec(page.url())?.[1]
  const { idea } = (await (await page.request.get(`/api/ideas/${id}`)).json()) as {
    idea: { place: { label: string } | null; districtId: number | null }
  }
  expect(idea.place?.label).toBe('Kerkstraat 3, 9591AE Muntendam')
  // Muntendam's outline holds the address: the empty district was filled in.
  expect(idea.districtId).not.toBeNull()
})
