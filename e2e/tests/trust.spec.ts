import { DEMO_PASSWORD, expect, expectAccessible, logIn, newMember, test } from '../fixtures'

const HOSTILE_TITLE = '<img src=x onerror="document.body.remove()"> titel'
const HOSTILE_BODY = [
  '<script>document.body.remove()</script>',
  '[klik hier](javascript:document.body.remove())',
  '<a href="#" onclick="document.body.remove()">x</a> **vet** en _schuin_',
  '\u202Eevil\u202C en een gewone zin.',
].join('\n\n')

test('stored hostile strings are shown as text and never run', async ({ page }) => {
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  await newMember(page, 'vijandig')
  const themes = (await (await page.request.get('/api/themes')).json()) as { items: { id: number }[] }
  const created = await page.request.post('/api/ideas', {
    data: { title: HOSTILE_TITLE, body: HOSTILE_BODY, themeId: themes.items[0]?.id },
  })
  expect(created.status()).toBe(201)
  const { idea } = (await created.json()) as { idea: { id: number } }
  await page.request.post(`/api/ideas/${idea.id}/comments`, {
    data: { body: '<svg onload="document.body.remove()"></svg> reactie' },
  })

  await page.goto(`/?q=${encodeURIComponent('titel')}&sort=new`)
  await expect(page.getByRole('link', { name: HOSTILE_TITLE })).toBeVisible()
  await page.getByRole('link', { name: HOSTILE_TITLE }).click()
  await expect(page.getByRole('heading', { level: 1, name: HOSTILE_TITLE })).toBeVisible()
  await expect(page.getByText('<script>document.body.remove()</script>')).toBeVisible()
  await expect(page.getByText(/reactie/).first()).toBeVisible()
  expect(await page.evaluate(() => document.body !== null && document.querySelector('main') !== null)).toBe(true)
  expect(await page.locator('main script, main img, main svg[onload], main [onclick]').count()).toBe(0)
  expect(await page.locator('main a[href^="javascript:"]').count()).toBe(0)
  expect(dialogs).toEqual([])
  await expectAccessible(page, 'an idea page with hostile text')
})

test('the web app talks to no other host and sets one cookie', async ({ page, baseURL }) => {
  const origin = new URL(baseURL ?? '').origin
  const elsewhere: string[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (url.protocol !== 'data:' && url.origin !== origin) elsewhere.push(request.url())
  })
  for (const path of ['/', '/ideeen/1', '/open-data', '/resultaten', '/plannen', '/meedenkvragen', '/aanmelden']) {
    await page.goto(path)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  }
  await logIn(page, 'inwoner@midden-groningen.example', DEMO_PASSWORD)
  await page.goto('/profiel')
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn profiel' })).toBeVisible()
  expect(elsewhere).toEqual([])
  const cookies = await page.context().cookies()
  expect(cookies.map((c) => c.name)).toEqual(['meedenken_session'])
  expect(cookies[0]).toMatchObject({ httpOnly: true, sameSite: 'Lax' })
})
