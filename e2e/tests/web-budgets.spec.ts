import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { Page } from '@playwright/test'
import { expect, expectAccessible, test, waitForHydration } from '../fixtures'
import { baseURL } from '../playwright.config'
import { commentByApi, newApiMember, proposeByApi, tag } from '../staff-helpers'

test('a visitor reading a long conversation finds the login link clear of "Meer reacties laden" (24 px targets)', async ({
  page,
}) => {
  const member = await newApiMember('lang-gesprek', 'Lotte Lang')
  const id = await proposeByApi(member, {
    title: `Meer bankjes langs het kanaal ${tag()}`,
    body: 'Langs het kanaal kunnen wandelaars nergens even zitten.',
  })
  for (let n = 1; n <= 21; n++) await commentByApi(member, id, `Reactie nummer ${n}.`)
  await member.api.dispose()

  await page.goto(`/ideeen/${id}`)
  const comments = page.getByRole('region', { name: /Reacties/ })
  await expect(comments.getByRole('button', { name: 'Meer reacties laden' })).toBeVisible()
  await expect(comments.getByRole('link', { name: 'Log in om te reageren' })).toBeVisible()
  // axe's target-size rule (WCAG 2.2, 2.5.8): the link had 2 px to the button above it.
  await expectAccessible(page, 'a long conversation, for a visitor')
})

/** The browser toolbar's colour the page asks for, and the header's. */
async function toolbarAndHeader(page: Page): Promise<{ toolbar: string | null; header: string }> {
  return page.evaluate(() => {
    const header = document.querySelector('.site-header')
    return {
      toolbar: document.querySelector('meta[name="theme-color"]')?.getAttribute('content') ?? null,
      header: header ? getComputedStyle(header).backgroundColor : '',
    }
  })
}

test.describe('the browser toolbar follows the theme', () => {
  // A server of its own with THEME=voorbeeld (a light header), on the suite's build.
  test.describe.configure({ mode: 'serial' })
  const port = Number(new URL(baseURL).port) + 41
  const themedURL = `http://127.0.0.1:${port}`
  let server: ChildProcess | undefined

  test.beforeAll(async () => {
    server = spawn(process.execPath, [fileURLToPath(new URL('../serve.mjs', import.meta.url))], {
      env: { ...process.env, THEME: 'voorbeeld', E2E_PORT: String(port) },
      stdio: 'ignore',
    })
    await expect
      .poll(async () => (await fetch(`${themedURL}/api/ready`).catch(() => null))?.status, { timeout: 60_000 })
      .toBe(200)
  })

  test.afterAll(() => {
    server?.kill('SIGTERM')
  })

  test('the theme-color is the header’s colour in either theme, on a rendered page and on the shell', async ({
    page,
  }) => {
    for (const url of [`${themedURL}/`, `${themedURL}/inloggen`, '/', '/inloggen']) {
      await page.goto(url)
      await waitForHydration(page)
      await expect.poll(async () => (await toolbarAndHeader(page)).toolbar).toBe((await toolbarAndHeader(page)).header)
    }
    await page.goto(`${themedURL}/`)
    await waitForHydration(page)
    // The Voorbeeldgemeente's header is light.
    await expect.poll(async () => (await toolbarAndHeader(page)).toolbar).toBe('rgb(255, 255, 255)')
  })
})
