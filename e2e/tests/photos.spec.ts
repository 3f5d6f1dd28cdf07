import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, expectAccessible, newMember, test } from '../fixtures'
import { logInByApi, STAFF, tag } from '../staff-helpers'

// A 64 × 48 JPEG of a few hundred bytes (made with sharp): enough for the API to re-encode.
const PHOTO = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures-files', 'bankje.jpg')

test('a member proposes an idea with a photo and its description; others see it; a report brings it to staff, who hide it', async ({
  page,
  browser,
}) => {
  await newMember(page, 'fotograaf', 'Fleur uit Meeden')
  await page.goto('/ideeen/nieuw')
  await expect(page.getByRole('heading', { level: 1, name: 'Idee insturen' })).toBeVisible()
  const ideaTitle = `Een nieuwe bank bij de vijver in het park ${tag()}`
  await page.getByLabel('Titel').fill(ideaTitle)
  await page.getByLabel('Uw idee').fill('De oude bank bij de vijver is kapot. Er kan niemand meer op zitten.')
  await page.getByLabel('Thema').selectOption({ label: 'Groen' })

  // The photo is chosen and shown, with a place for its description.
  await page.getByLabel('Foto’s kiezen').setInputFiles(PHOTO)
  await expect(page.getByText('Foto 1: bankje.jpg')).toBeVisible()
  await expect(page.locator('.photo-picker__preview')).toHaveAttribute('src', /^blob:/)
  const altText = page.getByRole('textbox', { name: 'Wat staat er op foto 1?' })
  await expect(altText).toHaveAccessibleDescription(/Mensen die de foto niet kunnen zien, horen deze tekst/)
  await expectAccessible(page, 'the new-idea form with a photo')

  // Without a description the form says why, in its summary and at the field.
  await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click()
  await expect(page.locator('.error-summary')).toBeFocused()
  await expect(altText).toHaveAttribute('aria-invalid', 'true')
  await expect(altText).toHaveAccessibleDescription(/Beschrijf wat er op foto 1 staat, in minstens 5 tekens/)
  await page.getByRole('link', { name: /^Foto 1: Beschrijf wat er op foto 1 staat/ }).click()
  await expect(altText).toBeFocused()
  await expectAccessible(page, 'the new-idea form with a missing description')

  const description = 'Een kapotte houten bank naast de vijver, met een losse plank'
  await altText.fill(description)
  await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Controleer uw idee' })).toBeFocused()
  // The preview shows the photo as others will see it: described by its text.
  await expect(page.locator('.preview').getByRole('img', { name: description })).toBeVisible()
  await expectAccessible(page, 'the preview with a photo')
  await page.getByRole('button', { name: 'Idee insturen' }).click()
  await expect(page.getByRole('heading', { level: 1, name: ideaTitle })).toBeFocused()
  await expect(page).toHaveURL(/\/ideeen\/\d+$/)
  const ideaUrl = new URL(page.url()).pathname

  // On the idea page: the photo with its description, served as WebP or AVIF.
  const photo = page.getByRole('img', { name: description })
  await photo.scrollIntoViewIfNeeded()
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
  const src = await photo.evaluate((img: HTMLImageElement) => img.currentSrc)
  const served = await page.request.get(src)
  expect(served.headers()['content-type']).toMatch(/^image\/(webp|avif)$/)
  // Nobody reports their own photo.
  await expect(page.getByRole('button', { name: 'Melden: foto 1' })).toHaveCount(0)
  await expectAccessible(page, 'the idea page with a photo')

  // A visitor sees it too, and is not offered "Melden" per photo.
  const visitorContext = await browser.newContext()
  const visitor = await visitorContext.newPage()
  await visitor.goto(ideaUrl)
  await expect(visitor.getByRole('img', { name: description })).toBeVisible()
  await expect(visitor.getByRole('button', { name: 'Melden: foto 1' })).toHaveCount(0)
  await expectAccessible(visitor, 'the idea page with a photo, for a visitor')

  // A second member reports the photo.
  const reporterContext = await browser.newContext()
  const reporter = await reporterContext.newPage()
  await newMember(reporter, 'melder', 'Bram uit Meeden')
  await reporter.goto(ideaUrl)
  const item = reporter
    .locator('.photo-gallery__item')
    .filter({ has: reporter.getByRole('img', { name: description }) })
  await item.getByRole('button', { name: 'Melden: foto 1' }).click()
  await expect(item.getByRole('group', { name: 'Waarom meldt u foto 1?' })).toBeVisible()
  await expectAccessible(reporter, 'the report form under a photo')
  await item.getByRole('radio', { name: 'Beledigend of kwetsend' }).check()
  await item.getByRole('button', { name: 'Melding versturen' }).click()
  await expect(item.getByText('U hebt dit gemeld.')).toBeFocused()
  await reporter.reload()
  await expect(item.getByText('U hebt dit gemeld.')).toBeVisible()
  await expect(item.getByRole('button', { name: 'Melden: foto 1' })).toHaveCount(0)
  await expectAccessible(reporter, 'the idea page with a reported photo')

  // Staff hide it from the moderation queue; it is gone from the idea page.
  const staffContext = await browser.newContext()
  const staff = await staffContext.newPage()
  await logInByApi(staff.request, STAFF)
  await staff.goto('/medewerkers/moderatie')
  await expect(staff.getByRole('heading', { level: 1, name: 'Moderatie' })).toBeVisible()
  const card = staff.getByRole('article').filter({ hasText: `Foto bij “${ideaTitle}”` })
  await expect(card.getByRole('img', { name: description })).toBeVisible()
  await expectAccessible(staff, 'the moderation queue with a photo')
  await card.getByLabel('Reden van uw besluit').fill('Niet gepast bij dit idee.')
  await card.getByRole('button', { name: 'Verbergen (foto)' }).click()
  await expect(staff.getByRole('status').filter({ hasText: 'De foto is verborgen.' })).toBeVisible()
  await expect(card).toHaveCount(0)

  await visitor.reload()
  await expect(visitor.getByRole('heading', { level: 1, name: ideaTitle })).toBeVisible()
  await expect(visitor.getByRole('img', { name: description })).toHaveCount(0)
  expect((await visitor.request.get(src)).status()).toBe(404)
  await expectAccessible(visitor, 'the idea page after the photo was hidden')

  await Promise.all([visitorContext.close(), reporterContext.close(), staffContext.close()])
})

test('a photo the API refuses does not lose the idea: the edit page says which and why, and it can be added there', async ({
  page,
}) => {
  await newMember(page, 'fotopech', 'Sanne uit Meeden')
  await page.goto('/ideeen/nieuw')
  const ideaTitle = `Een losse stoeptegel bij de bakker ${tag()}`
  await page.getByLabel('Titel').fill(ideaTitle)
  await page.getByLabel('Uw idee').fill('Voor de bakker ligt een losse tegel. Mensen struikelen erover.')
  await page.getByLabel('Thema').selectOption({ label: 'Groen' })
  // A file that says it is a JPEG but is not: only the API can tell.
  await page.getByLabel('Foto’s kiezen').setInputFiles([
    { name: 'nep.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('dit is geen foto') },
    { name: 'bankje.jpg', mimeType: 'image/jpeg', buffer: readFileSync(PHOTO) },
  ])
  await page.getByRole('textbox', { name: 'Wat staat er op foto 1?' }).fill('Een tegel die los ligt')
  await page.getByRole('textbox', { name: 'Wat staat er op foto 2?' }).fill('Een houten bank bij de bakker')
  await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click()
  await page.getByRole('button', { name: 'Idee insturen' }).click()

  await expect(page).toHaveURL(/\/ideeen\/\d+\/bewerken$/)
  await expect(page.getByText('Bedankt! Uw idee staat nu op Meedenken.')).toBeVisible()
  await expect(page.getByText(/Foto 1 \(nep\.jpg\) is niet opgeslagen\. Dit bestand is geen foto/)).toBeVisible()
  await expect(page.getByText(/Uw idee is wel opgeslagen/)).toBeVisible()
  // The other photo was saved: it is the idea's first photo now.
  await expect(page.getByRole('textbox', { name: 'Wat staat er op foto 1?' })).toHaveValue(
    'Een houten bank bij de bakker',
  )
  await expectAccessible(page, 'the edit page after a refused photo')

  await page.getByLabel('Foto’s kiezen').setInputFiles(PHOTO)
  await page.getByRole('textbox', { name: 'Wat staat er op foto 2?' }).fill('Een tegel die los ligt')
  await page.getByRole('button', { name: 'Gekozen foto’s toevoegen' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'De foto is toegevoegd.' })).toBeAttached()
  await expect(page.getByRole('button', { name: 'Foto 2 verwijderen' })).toBeVisible()
  await expectAccessible(page, 'the edit page with two photos')

  await page.getByRole('link', { name: 'Terug naar het idee' }).click()
  await expect(page.getByRole('heading', { level: 1, name: ideaTitle })).toBeVisible()
  await expect(page.getByRole('img', { name: 'Een tegel die los ligt' })).toBeAttached()
  await expect(page.getByRole('img', { name: 'Een houten bank bij de bakker' })).toBeAttached()
})

test('staff enter an idea received by letter with the photo that came with it', async ({ page }) => {
  await logInByApi(page.request, STAFF)
  await page.goto('/medewerkers/nieuw-idee')
  await expect(page.getByRole('heading', { level: 1, name: 'Nieuw idee invoeren' })).toBeVisible()
  await page.getByRole('radio', { name: 'Brief' }).check()
  await page.getByLabel('Naam van de indiener').fill('Meneer de Vries')
  await page.getByRole('radio', { name: 'Inwoner' }).check()
  const title = `Een bankje bij de bushalte in Meeden ${tag()}`
  await page.getByLabel('Titel').fill(title)
  await page.getByRole('textbox', { name: 'Het idee' }).fill('Meneer schreef: bij de bushalte kan niemand zitten.')
  await page.getByLabel('Thema').selectOption({ index: 1 })
  await page.getByLabel('Foto’s kiezen').setInputFiles(PHOTO)
  await page.getByRole('button', { name: 'Idee invoeren' }).click()
  await expect(page.locator('.error-summary')).toBeFocused()
  const altText = page.getByRole('textbox', { name: 'Wat staat er op foto 1?' })
  await expect(altText).toHaveAttribute('aria-invalid', 'true')
  await expect(altText).toHaveAccessibleDescription(/Beschrijf wat er op foto 1 staat, in minstens 5 tekens/)
  await expectAccessible(page, 'the intake form with a photo without a description')
  await altText.fill('Een bushalte zonder bank, met een prullenbak')
  await page.getByRole('button', { name: 'Idee invoeren' }).click()
  await expect(page).toHaveURL(/\/medewerkers\/ideeen\/\d+$/)
  await expect(page.getByText(/Het idee is ingevoerd als idee #\d+/)).toBeVisible()
  const id = /\/(\d+)$/.exec(page.url())?.[1]
  const { idea } = (await (await page.request.get(`/api/ideas/${id}`)).json()) as {
    idea: { photos: { altText: string }[] }
  }
  expect(idea.photos.map((p) => p.altText)).toEqual(['Een bushalte zonder bank, met een prullenbak'])
})
