import type { Page } from '@playwright/test'
import { expect, expectAccessible, tabTo, test, waitForHydration } from '../fixtures'
import { baseURL } from '../playwright.config'
import { type ApiMember, amsterdamDay, logInByApi, newApiMember, STAFF, tag, themeId, write } from '../staff-helpers'

/** A transparent 1×1 PNG: every map tile, so no test reaches PDOK or any other host. */
const TILE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
)

/** Whatever the page asks of another host (map tiles above all) is answered here, never by the internet. */
async function stayLocal(page: Page): Promise<void> {
  await page.route(
    (url) => !url.href.startsWith(baseURL),
    (route) => route.fulfill({ status: 200, contentType: 'image/png', body: TILE }),
  )
}

async function proposeWithPlace(
  member: ApiMember,
  idea: { title: string; themeSlug: string; place?: { latitude: number; longitude: number } },
): Promise<number> {
  const body = {
    title: idea.title,
    body: 'Op deze plek kan het beter. Kijkt u er eens naar?',
    themeId: await themeId(member.api, idea.themeSlug),
    ...(idea.place ? { place: idea.place } : {}),
  }
  const { idea: created } = await write<{ idea: { id: number } }>(member.api, '/api/ideas', body, { status: [201] })
  return created.id
}

test('a visitor sees the ideas of a search on the map and in the list beside it, filters them and opens one by keyboard', async ({
  page,
}) => {
  const t = tag()
  const member = await newApiMember('kaart', 'Kees Kaart')
  const bench = `Bankje bij de vijver ${t}`
  const crossing = `Oversteekplaats bij school ${t}`
  const benchId = await proposeWithPlace(member, {
    title: bench,
    themeSlug: 'groen',
    place: { latitude: 53.1615, longitude: 6.7412 },
  })
  await proposeWithPlace(member, {
    title: crossing,
    themeSlug: 'afval',
    place: { latitude: 53.2104, longitude: 6.8123 },
  })
  await proposeWithPlace(member, { title: `Overal meer prullenbakken ${t}`, themeSlug: 'groen' })
  await member.api.dispose()
  await stayLocal(page)

  await page.goto(`/?q=${t}`)
  await waitForHydration(page)
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(bench) })).toBeVisible()
  // The view switch, by keyboard.
  const views = page.getByRole('navigation', { name: 'Weergave' })
  await expect(views.getByRole('link', { name: 'Lijst' })).toHaveAttribute('aria-current', 'page')
  await tabTo(page, views.getByRole('link', { name: 'Kaart' }))
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/weergave=kaart/)
  await expect(page).toHaveURL(new RegExp(`q=${t}`))
  await expect(views.getByRole('link', { name: 'Kaart' })).toHaveAttribute('aria-current', 'page')

  const summary = page.locator('.ideas-map__summary')
  await expect(summary).toHaveText('2 ideeën op de kaart. 1 idee heeft geen plek en staat niet op de kaart.')
  const map = page.getByRole('application', { name: 'Kaart met ideeën' })
  await expect(map).toBeVisible()
  // Markers or clusters, each a named button.
  await expect(map.locator('.map-marker, .idea-cluster').first()).toBeVisible()
  const alternative = page.getByRole('region', { name: 'De ideeën op de kaart als lijst' })
  await expect(alternative.getByRole('link')).toHaveText([crossing, bench])
  await expect(alternative.getByRole('listitem').first()).toContainText('Nieuw')
  await expectAccessible(page, 'the map view of the idea list')

  // A filter keeps the map view, and the counts follow it.
  const filters = page.getByRole('form', { name: 'Ideeën zoeken en filteren' })
  await filters.getByLabel('Thema').selectOption(String(await themeId(page.request, 'groen')))
  await filters.getByRole('button', { name: 'Toon ideeën' }).click()
  await expect(page).toHaveURL(/weergave=kaart/)
  await expect(summary).toHaveText('1 idee op de kaart. 1 idee heeft geen plek en staat niet op de kaart.')
  await expect(alternative.getByRole('link')).toHaveText([bench])
  await expectAccessible(page, 'the map view with a theme chosen')

  // Past the map by its skip link, into the list, and open the idea by keyboard.
  await tabTo(page, page.getByRole('link', { name: 'Sla de kaart over en ga naar de lijst' }))
  await page.keyboard.press('Enter')
  await page.keyboard.press('Tab')
  await expect(alternative.getByRole('link', { name: bench })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(new RegExp(`/ideeen/${benchId}$`))
  await expect(page.getByRole('heading', { level: 1, name: bench })).toBeFocused()
  await expectAccessible(page, 'the idea opened from the map view')

  // The address of the map view can be shared: opened anew, it shows the map.
  await page.goto(`/?q=${t}&weergave=kaart`)
  await expect(summary).toHaveText('2 ideeën op de kaart. 1 idee heeft geen plek en staat niet op de kaart.')
})

test('"Jij zei, wij deden" shows a map of what was done, with the same ideas as a list', async ({ page }) => {
  const t = tag()
  const member = await newApiMember('gedaan', 'Dirk Gedaan')
  const title = `Nieuwe lantaarnpaal bij het fietspad ${t}`
  const id = await proposeWithPlace(member, {
    title,
    themeSlug: 'groen',
    place: { latitude: 53.1702, longitude: 6.7601 },
  })
  await member.api.dispose()
  await logInByApi(page.request, STAFF)
  await write(page.request, `/api/ideas/${id}/status`, {
    status: 'under_review',
    explanation: 'We kijken of dit kan.',
  })
  await write(page.request, `/api/ideas/${id}/status`, {
    status: 'done',
    explanation: 'De lantaarnpaal staat er.',
    closure: { whatChanged: 'Er staat nu een lantaarnpaal bij het fietspad.', since: amsterdamDay(), team: 'Wijkteam' },
  })
  await page.request.post('/api/auth/logout', { headers: { origin: baseURL } })
  await stayLocal(page)

  await page.goto('/jij-zei-wij-deden')
  await waitForHydration(page)
  const section = page.getByRole('region', { name: 'Op de kaart: wat we deden' })
  await section.scrollIntoViewIfNeeded()
  await expect(section.getByRole('application', { name: 'Kaart met ideeën' })).toBeVisible()
  await expect(section.locator('.map-marker, .idea-cluster').first()).toBeVisible()
  const alternative = section.getByRole('region', { name: 'Wat we deden, als lijst' })
  await expect(alternative.getByRole('link', { name: title })).toBeVisible()
  await expect(alternative.getByRole('listitem').filter({ hasText: title })).toContainText('Gerealiseerd')
  await expect(section.locator('.ideas-map__summary')).toContainText('op de kaart.')
  await expectAccessible(page, '"Jij zei, wij deden" with its map')
})
