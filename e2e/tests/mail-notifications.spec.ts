import { request } from '@playwright/test'
import { expect, expectAccessible, newMember, PASSWORD, test, uniqueEmail } from '../fixtures'
import { baseURL } from '../playwright.config'
import { logInByApi, newApiMember, STAFF, tag, themeId, write } from '../staff-helpers'

/**
 * Notifications that say what happened: a follower reads the municipality's answer in the
 * notification centre and in the mail; a resident who phoned in an idea gets a receipt and
 * can claim an account with its link. Mail is turned out by a background job (every 3 s on the
 * e2e server, NOTIFY_EVERY_SECONDS), so the mailbox is watched (it refreshes itself).
 */

const MAIL_JOB = 45_000

test('a follower reads the answer in the notification centre and in the mail', async ({ page }) => {
  const email = await newMember(page, 'volger', 'Volger Ans')
  const author = await newApiMember('indiener', 'Indiener Bert')
  const title = `Een watertappunt in het park ${tag()}`
  const { idea } = await write<{ idea: { id: number } }>(author.api, '/api/ideas', {
    title,
    body: 'In de zomer is het warm in het park. Een watertappunt helpt wandelaars en sporters.',
    themeId: await themeId(author.api, 'groen'),
  })

  await page.goto(`/ideeen/${idea.id}`)
  await page.getByRole('button', { name: 'Volg dit idee' }).click()
  await expect(page.getByText('U volgt dit idee nu. U krijgt bericht als er iets verandert.')).toBeVisible()
  // At once rather than the daily digest, so the mail is about this one answer.
  const patched = await page.request.patch('/api/me', {
    data: { emailFrequency: 'immediately' },
    headers: { origin: baseURL },
  })
  expect(patched.status()).toBe(200)

  const staff = await request.newContext({ baseURL })
  await logInByApi(staff, STAFF)
  const answer = 'Goed idee! We plaatsen het watertappunt in mei bij de ingang aan de Parklaan.'
  const { comment } = await write<{ comment: { id: number } }>(staff, `/api/ideas/${idea.id}/comments`, {
    body: answer,
    official: true,
  })
  await staff.dispose()

  await page.goto('/meldingen')
  await expect(page.getByRole('heading', { level: 1, name: 'Meldingen' })).toBeVisible()
  const item = page.getByRole('listitem').filter({ hasText: title })
  await expect(item.getByRole('link', { name: `De gemeente heeft gereageerd op “${title}”.` })).toBeVisible()
  await expect(item.getByRole('blockquote')).toHaveText(answer)
  await expect(item.getByText('U krijgt dit omdat u dit idee volgt.')).toBeVisible()
  await expectAccessible(page, 'the notification centre')

  await page.goto('/dev/mail')
  const mail = page
    .getByRole('listitem')
    .filter({ hasText: `Aan ${email}` })
    .filter({ hasText: `De gemeente heeft gereageerd op: ${title}` })
  await expect(mail).toBeVisible({ timeout: MAIL_JOB })
  await expect(mail).toContainText(answer)
  await expect(mail).toContainText('U krijgt dit bericht omdat u dit idee volgt.')
  await expectAccessible(page, 'the development mailbox')
  await mail.getByRole('link', { name: new RegExp(`/ideeen/${idea.id}#reactie-${comment.id}$`) }).click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  // The link lands on the answer itself.
  await expect(page.locator(`#reactie-${comment.id}`)).toBeFocused()
  await expectAccessible(page, 'the idea page, opened from the mail')
  await author.api.dispose()
})

test('a resident who phoned in an idea gets a receipt and claims an account with its link', async ({ page }) => {
  const staff = await request.newContext({ baseURL })
  await logInByApi(staff, STAFF)
  const email = uniqueEmail('beller')
  const title = `Een bankje bij de bushalte ${tag()}`
  await write(staff, '/api/staff/ideas', {
    title,
    body: 'Mevrouw Smit belde: bij de bushalte aan de Kerkstraat kan zij nergens zitten.',
    themeId: await themeId(staff, 'groen'),
    channel: 'phone',
    submitter: { displayName: 'Mevrouw Smit', email, targetGroup: 'resident' },
  })
  await staff.dispose()

  await page.goto('/dev/mail')
  const receipt = page
    .getByRole('listitem')
    .filter({ hasText: `Aan ${email}` })
    .filter({ hasText: `Wij hebben uw idee ontvangen: ${title}` })
  await expect(receipt).toBeVisible()
  await expect(receipt).toContainText('Wij hebben uw idee ontvangen via de telefoon.')
  await expect(receipt).not.toContainText('Smit')
  await expectAccessible(page, 'the development mailbox with the receipt')
  await receipt.getByRole('link', { name: /\/nieuw-wachtwoord\?token=/ }).click()

  await expect(page.getByRole('heading', { level: 1, name: 'Kies een nieuw wachtwoord' })).toBeVisible()
  await expectAccessible(page, 'the choose-a-password page, opened from the receipt')
  await page.getByLabel('Nieuw wachtwoord').fill(PASSWORD)
  await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click()
  await expect(page.getByText('Uw nieuwe wachtwoord is opgeslagen. U bent ingelogd.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Uitloggen' })).toBeVisible()
  await expectAccessible(page, 'the profile after claiming the account')
})
