import type { Page } from '@playwright/test'
import {
  DEMO_PASSWORD,
  expect,
  expectAccessible,
  followMailLink,
  logIn,
  PASSWORD,
  signUp,
  test,
  uniqueEmail,
} from '../fixtures'

/** Follows the mailed confirmation link and confirms with the page's button (which signs in). */
async function confirmByMail(page: Page, email: string): Promise<void> {
  await followMailLink(page, email, 'Bevestig uw e-mailadres voor Meedenken')
  await page.getByRole('button', { name: 'Bevestig mijn e-mailadres' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Uw e-mailadres is bevestigd' })).toBeVisible()
}

test('a resident signs up, confirms by mail, logs out and in, edits the profile and logs out', async ({ page }) => {
  const email = uniqueEmail('anouk')
  await page.goto('/aanmelden')
  await expectAccessible(page, 'the sign-up page')
  await signUp(page, email, 'Anouk uit Meeden')
  await expectAccessible(page, 'the sign-up confirmation')

  await page.goto('/dev/mail')
  await expect(page.getByRole('heading', { level: 1, name: 'Ontwikkel-mailbox' })).toBeVisible()
  await expectAccessible(page, 'the development mailbox')
  await followMailLink(page, email, 'Bevestig uw e-mailadres voor Meedenken')
  // Opening the link changes nothing: the page names the address and waits for a click.
  await expect(page.getByRole('heading', { level: 1, name: 'Uw e-mailadres bevestigen' })).toBeVisible()
  await expect(page.getByText(`U bevestigt het e-mailadres ${email} voor Meedenken.`)).toBeVisible()
  await expectAccessible(page, 'the confirmation page')
  const early = await page.request.post('/api/auth/login', { data: { email, password: PASSWORD } })
  expect(((await early.json()) as { error: { code: string } }).error.code).toBe('email_not_verified')
  await page.getByRole('button', { name: 'Bevestig mijn e-mailadres' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Uw e-mailadres is bevestigd' })).toBeVisible()
  await expect(page.getByText('Welkom, Anouk uit Meeden.')).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'Welkom, Anouk uit Meeden.' })).toBeFocused()
  await expectAccessible(page, 'the verified page')

  await page.getByRole('button', { name: 'Uitloggen' }).click()
  await expect(page.getByText('U bent uitgelogd.')).toBeVisible()
  await expect(page.getByRole('link', { name: 'Inloggen' })).toBeVisible()

  await page.getByRole('link', { name: 'Inloggen' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeFocused()
  await expectAccessible(page, 'the login page')
  await logIn(page, email, PASSWORD)
  await expect(page.getByText('Welkom terug, Anouk uit Meeden.')).toBeVisible()

  await page.getByRole('link', { name: 'Mijn profiel' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn profiel' })).toBeVisible()
  await expect(page.getByText(`Uw e-mailadres is ${email}.`)).toBeVisible()
  await expectAccessible(page, 'the profile page')
  await page.getByLabel('Naam die anderen zien').fill('Anouk de Vries')
  await page.getByRole('radio', { name: 'Ondernemer' }).check()
  await page.getByLabel('Dorp of wijk (niet verplicht)').selectOption({ label: 'Meeden' })
  await page.getByRole('button', { name: 'Gegevens opslaan' }).click()
  await expect(page.getByText('Uw gegevens zijn opgeslagen.')).toBeVisible()
  await page.reload()
  await expect(page.getByLabel('Naam die anderen zien')).toHaveValue('Anouk de Vries')
  await expect(page.getByRole('radio', { name: 'Ondernemer' })).toBeChecked()

  await page.getByRole('button', { name: 'Uitloggen' }).click()
  await expect(page.getByRole('link', { name: 'Inloggen' })).toBeVisible()
  await page.goto('/profiel')
  await expect(page).toHaveURL(/\/inloggen\?terug=%2Fprofiel/)
})

test('sign-up errors are listed, focused and tied to their fields', async ({ page }) => {
  await page.goto('/aanmelden')
  await page.getByLabel('E-mailadres').fill('geen-adres')
  await page.getByLabel('Wachtwoord').fill('kort')
  await page.getByRole('button', { name: 'Account maken' }).click()
  const summary = page.getByRole('heading', { name: 'Er is een probleem' })
  await expect(summary).toBeVisible()
  await expect(page.locator('.error-summary')).toBeFocused()
  const email = page.getByLabel('E-mailadres')
  await expect(email).toHaveAttribute('aria-invalid', 'true')
  await expect(email).toHaveAccessibleDescription(/Vul een geldig e-mailadres in/)
  await expect(page.getByLabel('Wachtwoord')).toHaveAccessibleDescription(/Gebruik minstens 10 tekens/)
  await page.getByRole('link', { name: /Naam die anderen zien: Vul dit veld in/ }).click()
  await expect(page.getByLabel('Naam die anderen zien')).toBeFocused()
  await expectAccessible(page, 'the sign-up page with errors')
})

test('logging in before confirming offers to send the link again', async ({ page }) => {
  const email = uniqueEmail('nog-niet')
  await signUp(page, email)
  await page.goto('/inloggen')
  await page.getByLabel('E-mailadres').fill(email)
  await page.getByLabel('Wachtwoord').fill(PASSWORD)
  await page.getByRole('button', { name: 'Inloggen' }).click()
  await expect(page.getByText(/U hebt uw e-mailadres nog niet bevestigd/).first()).toBeVisible()
  await page.getByRole('button', { name: 'Stuur de link opnieuw' }).click()
  await expect(page.getByText(/hebben we een nieuwe link gestuurd/)).toBeVisible()
  await expectAccessible(page, 'the login page offering a new link')
  await followMailLink(page, email, 'Bevestig uw e-mailadres voor Meedenken')
  await page.getByRole('button', { name: 'Bevestig mijn e-mailadres' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Uw e-mailadres is bevestigd' })).toBeVisible()
})

test('a forgotten password is replaced through the mailed link', async ({ page }) => {
  const email = uniqueEmail('vergeten')
  await signUp(page, email)
  await confirmByMail(page, email)
  await page.getByRole('button', { name: 'Uitloggen' }).click()
  await expect(page.getByText('U bent uitgelogd.')).toBeVisible()
  await page.goto('/wachtwoord-vergeten')
  await expectAccessible(page, 'the forgotten-password page')
  await page.getByLabel('E-mailadres').fill(email)
  await page.getByRole('button', { name: 'Stuur de link' }).click()
  await expect(page.getByText(/hebben we een link gestuurd/)).toBeVisible()
  await followMailLink(page, email, 'Kies een nieuw wachtwoord voor Meedenken')
  await expect(page.getByRole('heading', { level: 1, name: 'Kies een nieuw wachtwoord' })).toBeVisible()
  await expectAccessible(page, 'the new-password page')
  await page.getByLabel('Nieuw wachtwoord').fill('wachtwoord123')
  await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click()
  await expect(page.getByLabel('Nieuw wachtwoord')).toHaveAccessibleDescription(/komt te vaak voor/)
  await page.getByLabel('Nieuw wachtwoord').fill('een-nieuw-en-lang-wachtwoord')
  await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click()
  await expect(page.getByText('Uw nieuwe wachtwoord is opgeslagen. U bent ingelogd.')).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn profiel' })).toBeVisible()
})

test('a confirmation link opened while signed in as someone else keeps that session', async ({ page }) => {
  const current = uniqueEmail('al-binnen')
  await signUp(page, current, 'Al ingelogd')
  await confirmByMail(page, current)

  const other = uniqueEmail('tweede-adres')
  const signup = await page.request.post('/api/auth/signup', {
    data: { email: other, password: PASSWORD, displayName: 'Tweede adres', targetGroup: 'resident' },
  })
  expect(signup.status()).toBe(202)
  await followMailLink(page, other, 'Bevestig uw e-mailadres voor Meedenken')
  await expect(page.getByText(`U bevestigt het e-mailadres ${other} voor Meedenken.`)).toBeVisible()
  await expect(page.getByText(`Let op: u bent nu ingelogd met ${current}.`, { exact: false })).toBeVisible()
  await expectAccessible(page, 'the confirmation page while signed in')
  await page.getByRole('button', { name: 'Bevestig mijn e-mailadres' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Uw e-mailadres is bevestigd' })).toBeVisible()
  await expect(page.getByText(`U bent nog ingelogd met ${current}.`, { exact: false })).toBeVisible()

  await page.goto('/profiel')
  await expect(page.getByText(`Uw e-mailadres is ${current}.`)).toBeVisible()
})

test('deleting the account asks for the password again', async ({ page }) => {
  const email = uniqueEmail('weg')
  await signUp(page, email)
  await confirmByMail(page, email)
  await page.goto('/profiel')
  await page.getByRole('button', { name: 'Ik wil mijn account verwijderen' }).click()
  const password = page.getByLabel('Uw wachtwoord', { exact: true })
  await expect(password).toBeFocused()
  await password.fill('niet-mijn-wachtwoord')
  await page.getByLabel('Ik begrijp dat dit niet ongedaan kan worden').check()
  await page.getByRole('button', { name: 'Verwijder mijn account definitief' }).click()
  await expect(password).toHaveAccessibleDescription(/Het wachtwoord klopt niet/)
  await expect(password).toHaveAttribute('aria-invalid', 'true')
  await expect(password).toBeFocused()
  await expectAccessible(page, 'the delete form with a wrong password')
  await expect(page.getByRole('button', { name: 'Uitloggen' })).toBeVisible()

  await password.fill(PASSWORD)
  await page.getByRole('button', { name: 'Verwijder mijn account definitief' }).click()
  await expect(page.getByText('Uw account is verwijderd. Bedankt voor het meedenken.')).toBeVisible()
  await expect(page.getByRole('link', { name: 'Inloggen' })).toBeVisible()
})

test('logging out clears an idea that was half written', async ({ page }) => {
  const email = uniqueEmail('concept')
  await signUp(page, email)
  await confirmByMail(page, email)
  await page.goto('/ideeen/nieuw')
  await page.getByLabel('Titel').fill('Een plan dat niemand anders mag lezen')
  await page.getByLabel('Uw idee').fill('Dit is nog maar een begin van mijn idee.')
  await page.goto('/')
  await page.goto('/ideeen/nieuw')
  await expect(page.getByLabel('Titel')).toHaveValue('Een plan dat niemand anders mag lezen')

  await page.getByRole('button', { name: 'Uitloggen' }).click()
  await expect(page.getByText('U bent uitgelogd.')).toBeVisible()
  await logIn(page, email, PASSWORD)
  await page.goto('/ideeen/nieuw')
  await expect(page.getByLabel('Titel')).toHaveValue('')
  await expect(page.getByLabel('Uw idee')).toHaveValue('')
})

test('staff log in with the demo account; an admin changes a role', async ({ page, browser }) => {
  await logIn(page, 'medewerker@midden-groningen.example', DEMO_PASSWORD)
  await expect(page.getByRole('link', { name: 'Beheer' })).toHaveCount(0)
  await page.goto('/beheer/gebruikers')
  await expect(page.getByRole('heading', { level: 1, name: 'Geen toegang' })).toBeVisible()

  const member = uniqueEmail('wordt-medewerker')
  const otherContext = await browser.newContext()
  await signUp(await otherContext.newPage(), member, 'Toekomstige collega')
  await otherContext.close()

  const adminContext = await browser.newContext()
  const admin = await adminContext.newPage()
  await logIn(admin, 'beheerder@midden-groningen.example', DEMO_PASSWORD)
  await admin.getByRole('link', { name: 'Beheer' }).click()
  await expect(admin.getByRole('heading', { level: 1, name: 'Deelnemers en rollen' })).toBeVisible()
  await admin.getByLabel('Naam of e-mailadres').fill(member)
  await admin.getByRole('button', { name: 'Zoeken' }).click()
  const row = admin.getByRole('row').filter({ hasText: member })
  await expect(row).toBeVisible()
  await expectAccessible(admin, 'the admin people page')
  await row.getByLabel('Rol van Toekomstige collega').selectOption({ label: 'Medewerker' })
  await row.getByRole('button', { name: /Opslaan/ }).click()
  await expect(row.getByText('Opgeslagen')).toBeVisible()
  await adminContext.close()
})
