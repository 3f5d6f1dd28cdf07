import { expect, expectAccessible, test, waitForHydration } from '../fixtures'
import { baseURL } from '../playwright.config'
import { logInByApi, newApiMember, STAFF, tag, themeId, write } from '../staff-helpers'

test('staff see an idea’s photos (with their alt text) and its place in words and on a small map', async ({ page }) => {
  const member = await newApiMember('fotoplek', 'Fenna Foto')
  const title = `Een kuil in de stoep bij de bushalte ${tag()}`
  const { idea } = await write<{ idea: { id: number } }>(
    member.api,
    '/api/ideas',
    {
      title,
      body: 'Bij de bushalte zit een diepe kuil in de stoep. Wie uitstapt, struikelt er zo in.',
      themeId: await themeId(member.api, 'groen'),
      place: { latitude: 53.1702, longitude: 6.7601, label: 'Kerkstraat 1, Hoogezand' },
    },
    { status: [201] },
  )
  // Any image will do: a screenshot of the home page, as a PNG.
  await page.goto('/')
  const photo = await page.screenshot()
  const alt = 'De kuil in de stoep, naast het bord van de bushalte'
  const uploaded = await member.api.post(`/api/ideas/${idea.id}/photos`, {
    headers: { origin: baseURL },
    multipart: { file: { name: 'kuil.png', mimeType: 'image/png', buffer: photo }, altText: alt },
  })
  expect(uploaded.status(), await uploaded.text()).toBe(201)
  await member.api.dispose()

  await logInByApi(page.request, STAFF)
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 900 })
    await page.goto(`/medewerkers/ideeen/${idea.id}`)
    await waitForHydration(page)
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(title) })).toBeVisible()
    await expect(page.getByRole('img', { name: alt })).toBeVisible()
    const place = page.getByRole('region', { name: 'Plaats' })
    await expect(place).toContainText('Kerkstraat 1, Hoogezand')
    await place.scrollIntoViewIfNeeded()
    await expect(place.getByRole('application', { name: 'Kaart met de plaats van dit idee' })).toBeVisible()
    await expect(place.locator('.map-marker')).toHaveCount(1)
    await expectAccessible(page, `the staff idea with a photo and a place at ${width} px`)
    // Nothing wider than the screen, on a phone too.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
  }
})
