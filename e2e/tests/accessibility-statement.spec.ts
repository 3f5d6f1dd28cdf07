import type { Page } from '@playwright/test'
import { expect, expectAccessible, test } from '../fixtures'

// The accessibility statement (issue 21, part 5): reached from the footer on any page.

/** Whether React owns the root yet: a link followed before that is a full page load. */
async function waitForHydration(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(() =>
        Object.keys(document.getElementById('root') ?? {}).some((key) => key.startsWith('__reactContainer')),
      ),
    )
    .toBe(true)
}

/** Presses Tab until `name` has the focus, as a keyboard user walks through a page. */
async function tabTo(page: Page, name: string, most = 400): Promise<void> {
  for (let i = 0; i < most; i++) {
    await page.keyboard.press('Tab')
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '')
    if (focused === name) return
  }
  throw new Error(`'${name}' never got the focus in ${most} presses of Tab`)
}

test('the accessibility statement is reached from the footer by keyboard and says status, checks, deviations and contact', async ({
  page,
}) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await waitForHydration(page)

  await tabTo(page, 'Toegankelijkheid')
  const link = page.getByRole('contentinfo').getByRole('link', { name: 'Toegankelijkheid' })
  await expect(link).toBeFocused()
  await page.keyboard.press('Enter')

  await expect(page).toHaveURL(/\/toegankelijkheid$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Toegankelijkheidsverklaring' })).toBeFocused()
  await expect(page).toHaveTitle('Toegankelijkheidsverklaring · Meedenken')

  // The parts of a statement in the national register.
  for (const heading of [
    'Status',
    'Wat betekenen de statussen?',
    'Hoe wij Meedenken controleren',
    'Wat nog niet goed werkt',
    'Loopt u tegen een probleem aan?',
    'Bent u niet tevreden?',
    'Over deze verklaring',
  ]) {
    await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible()
  }
  await expect(page.getByText('C: eerste maatregelen genomen').first()).toBeVisible()
  for (const status of ['A: voldoet volledig', 'B: voldoet gedeeltelijk', 'D: eerste maatregelen nog niet genomen']) {
    await expect(page.getByText(status, { exact: true })).toBeVisible()
  }
  await expect(page.getByText('Wat is het probleem?').first()).toBeVisible()
  await expect(page.getByText('Bel 14 0598, of kom langs bij het gemeentehuis.')).toBeVisible()
  await expect(page.getByText(/Deze verklaring is gemaakt op 3 december 2026/)).toBeVisible()
  await expectAccessible(page, 'the accessibility statement')

  // The same statement in English, through the catalogue.
  await page.getByRole('button', { name: 'Switch to English' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.getByRole('heading', { level: 1, name: 'Accessibility statement' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'What does not work well yet' })).toBeVisible()
  await expect(page.getByRole('contentinfo').getByRole('link', { name: 'Accessibility' })).toBeVisible()
  await expectAccessible(page, 'the English accessibility statement')
  await page.getByRole('button', { name: 'Wissel naar Nederlands' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl')
})

test('the accessibility statement opens directly from its address and fits a 320 px screen', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 })
  await page.goto('/toegankelijkheid')
  const heading = page.getByRole('heading', { level: 1, name: 'Toegankelijkheidsverklaring' })
  await expect(heading).toBeVisible()
  // The long word may break only where Dutch hyphenates it, and then shows the hyphen.
  expect(await heading.textContent()).toBe('Toegankelijkheids\u00adverklaring')
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow).toBe(0)
  await expectAccessible(page, 'the accessibility statement at 320 px')
})
