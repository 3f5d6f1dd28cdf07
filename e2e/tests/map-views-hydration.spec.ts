import type { Page } from '@playwright/test'
import { expect, expectAccessible, test, waitForHydration } from '../fixtures'
import { baseURL } from '../playwright.config'

// A server-rendered page with a map brings the map's data (its points, the base map's settings)
// with the document: once hydrated, it asks the API for nothing. Leaflet's code and the tiles
// still load, from this server and the local PDOK stand-in.

/** A transparent 1×1 PNG: every request to another host, so no test reaches the internet. */
const TILE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
)

/** The API requests a page makes, but the live line. */
function collectApiCalls(page: Page): string[] {
  const calls: string[] = []
  page.on('request', (request) => {
    const { pathname } = new URL(request.url())
    if (pathname.startsWith('/api/') && !pathname.startsWith('/api/live')) calls.push(pathname)
  })
  return calls
}

test.beforeEach(async ({ page }) => {
  await page.route(
    (url) => !url.href.startsWith(baseURL),
    (route) => route.fulfill({ status: 200, contentType: 'image/png', body: TILE }),
  )
})

test('the idea list opened as a map (?weergave=kaart) shows its map and list once hydrated without asking the API again', async ({
  page,
}) => {
  const calls = collectApiCalls(page)
  await page.goto('/?weergave=kaart')
  await waitForHydration(page)
  const map = page.getByRole('application', { name: 'Kaart met ideeën' })
  await expect(map).toBeVisible()
  await expect(page.locator('.map-marker, .idea-cluster').first()).toBeVisible()
  await expect(page.locator('.ideas-map__summary')).toContainText('op de kaart.')
  await page.waitForLoadState('networkidle')
  expect(calls).toEqual([])
  await expectAccessible(page, 'the list as a map, opened afresh')
})

test('"Jij zei, wij deden" shows the map of what was done, scrolled to, without asking the API again', async ({
  page,
}) => {
  const calls = collectApiCalls(page)
  await page.goto('/jij-zei-wij-deden')
  await waitForHydration(page)
  const section = page.getByRole('region', { name: 'Op de kaart: wat we deden' })
  await section.scrollIntoViewIfNeeded()
  await expect(section.getByRole('application', { name: 'Kaart met ideeën' })).toBeVisible()
  await expect(section.locator('.map-marker, .idea-cluster').first()).toBeVisible()
  await page.waitForLoadState('networkidle')
  expect(calls).toEqual([])
  await expectAccessible(page, '"Jij zei, wij deden" with its map, opened afresh')
})
