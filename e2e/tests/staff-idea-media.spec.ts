import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, expectAccessible, test, waitForHydration } from '../fixtures'
import { baseURL } from '../playwright.config'
import { logInByApi, newApiMember, STAFF, tag, themeId, write } from '../staff-helpers'

const PHOTO = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures-files', 'bankje.jpg')

test('staff see an idea’s photos (with their alt text) and its place in words and on a small map; they add a photo and correct a description', async ({
  page,
}) => {
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

  // Staff add a photo (one that failed at intake, say) and correct a description, at once.
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.getByText('Foto’s toevoegen of veranderen').click()
  const editor = page.getByRole('region', { name: 'Foto’s' })
  await expect(editor.getByText(/bijvoorbeeld een foto die bij het invoeren niet lukte/)).toBeVisible()
  const better = 'Een diepe kuil in de stoep, naast het bord van de bushalte'
  await editor.getByRole('textbox', { name: 'Wat staat er op foto 1?' }).fill(better)
  await editor.getByRole('button', { name: 'Beschrijving van foto 1 opslaan' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'De beschrijving van foto 1 is opgeslagen.' })).toBeAttached()
  await editor.getByLabel('Foto’s kiezen').setInputFiles(PHOTO)
  await editor.getByRole('textbox', { name: 'Wat staat er op foto 2?' }).fill('Het bord van de bushalte van dichtbij')
  await editor.getByRole('button', { name: 'Gekozen foto’s toevoegen' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'De foto is toegevoegd.' })).toBeAttached()
  await expect(page.getByRole('img', { name: 'Het bord van de bushalte van dichtbij' })).toBeVisible()
  await expect(page.getByRole('img', { name: better })).toBeVisible()
  await expectAccessible(page, 'the staff idea with its photo editor open')
  const { idea: shown } = (await (await page.request.get(`/api/ideas/${idea.id}`)).json()) as {
    idea: { photos: { altText: string }[] }
  }
  expect(shown.photos.map((p) => p.altText)).toEqual([better, 'Het bord van de bushalte van dichtbij'])
})
