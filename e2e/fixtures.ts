import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type Page } from '@playwright/test'

/**
 * Runs axe-core against WCAG 2.2 A/AA rules and fails on any serious or critical
 * violation, listing each with the elements it was found on.
 */
export async function expectAccessible(page: Page, context = ''): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze()
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  const report = serious
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}`).join('\n')}`)
    .join('\n')
  expect(serious, `axe found problems${context ? ` on ${context}` : ''}:\n${report}`).toEqual([])
}

export const test = base
export { expect }

export function uniqueEmail(prefix = 'e2e'): string {
  return `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.org`
}

export const DEMO_PASSWORD = 'meedenken-demo'
export const PASSWORD = 'een-zonnige-dag-in-meeden'

/** Opens the newest mail to `email` in the development mailbox and follows its link. */
export async function followMailLink(page: Page, email: string, subject: string | RegExp): Promise<void> {
  await page.goto('/dev/mail')
  const mail = page
    .getByRole('listitem')
    .filter({ hasText: `Aan ${email}` })
    .filter({ hasText: subject })
    .first()
  await expect(mail).toBeVisible()
  await mail.getByRole('link').first().click()
}

/** Fills in the sign-up form like a person (taking more than three seconds). */
export async function signUp(page: Page, email: string, name = 'Testdeelnemer'): Promise<void> {
  await page.goto('/aanmelden')
  await expect(page.getByRole('heading', { level: 1, name: 'Aanmelden' })).toBeVisible()
  await page.getByLabel('E-mailadres').fill(email)
  await page.getByLabel('Wachtwoord').fill(PASSWORD)
  await page.getByLabel('Naam die anderen zien').fill(name)
  await page.getByRole('radio', { name: 'Inwoner' }).check()
  await page.waitForTimeout(3_100)
  await page.getByRole('button', { name: 'Account maken' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Kijk in uw e-mail' })).toBeVisible()
}

export async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/inloggen')
  await page.getByLabel('E-mailadres').fill(email)
  await page.getByLabel('Wachtwoord').fill(password)
  await page.getByRole('button', { name: 'Inloggen' }).click()
  await expect(page.getByRole('button', { name: 'Uitloggen' })).toBeVisible()
}
