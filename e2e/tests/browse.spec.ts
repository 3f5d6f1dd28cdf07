import { expect, expectAccessible, test, waitForHydration } from '../fixtures'

test('the list shows the demo ideas in Dutch and passes axe', async ({ page }) => {
  // Sorted by votes: ideas other journeys add meanwhile (few votes) do not push these off page one.
  await page.goto('/?sort=top')
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl')
  await expect(page.getByRole('heading', { level: 1, name: 'Ideeën voor een betere gemeente' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Veiliger oversteken bij de basisschool in Zuidbroek' })).toBeVisible()
  await expect(page).toHaveTitle(/Ideeën voor een betere gemeente · Meedenken/)
  await expect(page.getByRole('main')).toBeVisible()
  await expect(page.getByRole('contentinfo')).toBeVisible()
  await expectAccessible(page, 'the idea list')
})

test('opening an idea shows its timeline, moves focus to the heading and passes axe', { tag: '@dates' }, async ({
  page,
}) => {
  await page.goto('/?sort=top')
  // The app's own navigation moves focus; a click before it runs is a plain page load.
  await waitForHydration(page)
  await page.getByRole('link', { name: 'Oud papier vaker ophalen in Siddeburen' }).click()
  const heading = page.getByRole('heading', { level: 1, name: 'Oud papier vaker ophalen in Siddeburen' })
  await expect(heading).toBeVisible()
  await expect(heading).toBeFocused()
  await expect(page).toHaveURL(/\/ideeen\/\d+$/)
  await expect(page).toHaveTitle('Oud papier vaker ophalen in Siddeburen · Meedenken')
  await expect(page.getByRole('heading', { name: 'Wat de gemeente deed' })).toBeVisible()
  await expect(page.getByText('Status: Gerealiseerd')).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Jij zei, wij deden' })).toBeVisible()
  await expectAccessible(page, 'an idea page')
})

test('filters are reflected in the URL and a shared link shows the same list', async ({ page }) => {
  await page.goto('/')
  await page.getByLabel('Status').selectOption({ label: 'Gerealiseerd' })
  await page.getByRole('button', { name: 'Toon ideeën' }).click()
  await expect(page).toHaveURL(/status=done/)
  await expect(page.getByRole('link', { name: 'Oud papier vaker ophalen in Siddeburen' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Veiliger oversteken bij de basisschool in Zuidbroek' })).toHaveCount(0)

  // The page says how many ideas the filters find: the done ones are fewer than all.
  const found = page.getByText(/^\d[\d.]* ideeën gevonden$/)
  await expect(found).toBeVisible()
  const doneCount = Number((await found.textContent())?.replace(/\D/g, ''))
  await page.goto('/')
  await expect(page.getByText(/ideeën gevonden$/)).toBeVisible()
  const allCount = Number((await page.getByText(/ideeën gevonden$/).textContent())?.replace(/\D/g, ''))
  expect(doneCount).toBeGreaterThan(0)
  expect(allCount).toBeGreaterThan(doneCount)

  // "Populair nu" (the default): every open idea comes before a decided one.
  const { items } = (await (await page.request.get('/api/ideas?limit=50')).json()) as { items: { status: string }[] }
  const decided = (status: string) => ['done', 'declined'].includes(status)
  const firstDecided = items.findIndex((i) => decided(i.status))
  if (firstDecided >= 0) expect(items.slice(firstDecided).every((i) => decided(i.status))).toBe(true)

  await page.goto('/?status=done&district=999999')
  await expect(page.getByText('Er zijn geen ideeën die hierbij passen.')).toBeVisible()
  await expect(page.getByText('0 ideeën gevonden')).toBeVisible()
  await expectAccessible(page, 'the empty state')
})

test('switches to English and back, every string translated', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Switch to English' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.getByRole('heading', { level: 1, name: 'Ideas for a better municipality' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeAttached()
  await expect(page.getByLabel('Sort by')).toBeVisible()
  await expectAccessible(page, 'the English idea list')
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Ideas for a better municipality' })).toBeVisible()
  await page.getByRole('button', { name: 'Wissel naar Nederlands' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl')
})

test('the skip link takes keyboard users to the content', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: 'Naar de inhoud' })
  await expect(skip).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/#main$/)
  await expect(page.getByRole('main')).toBeFocused()
})

test('an unknown page and an unknown idea get a friendly page', async ({ page }) => {
  await page.goto('/bestaat-niet')
  await expect(page.getByRole('heading', { level: 1, name: 'Deze pagina bestaat niet' })).toBeVisible()
  await expectAccessible(page, 'the not-found page')
  await page.goto('/ideeen/987654')
  await expect(page.getByRole('heading', { level: 1, name: 'Dit idee bestaat niet (meer)' })).toBeVisible()
  await expectAccessible(page, 'an unknown idea')
})

test('works at 320 px wide without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 })
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow).toBeLessThanOrEqual(0)
  await expectAccessible(page, 'the list at 320 px')
})

test('the API page for developers lists the routes', async ({ page }) => {
  await page.goto('/open-data/api')
  await expect(page.getByRole('heading', { level: 1, name: 'API-naslag' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: 'Ideas' })).toBeVisible()
  await expect(page.getByText('/api/ideas/{id}', { exact: true }).first()).toBeVisible()
  await expectAccessible(page, 'the developers page')
})
