import type { Browser } from '@playwright/test'
import { serverNow } from '../clock'
import { changeStatus, ideaViaApi, memberViaApi, staffSession, tag, themeId } from '../engage-helpers'
import { expect, expectAccessible, test } from '../fixtures'

// Co-creation: campaigns ("meedenkvragen"), notifications, live counts, "Ik denk mee" and
// progress updates. Each journey makes its own members, ideas and campaigns.

const DAY = 86_400_000

/** A second person, in a browser context of their own (own cookies), Dutch like the first. */
async function secondPerson(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ baseURL, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' })
  return { context, page: await context.newPage() }
}

test('staff open a campaign; an invited member sends in an idea for it, another votes, and the outcome is published', {
  tag: '@dates',
}, async ({ page, baseURL, browser }) => {
  const base = baseURL ?? ''
  const staff = await staffSession(base)
  const groen = await themeId(staff, 'groen')
  const title = `Hoe maken we het Stadspark in Hoogezand groener? (${tag()})`
  const now = serverNow()
  const created = await staff.post('/api/staff/campaigns', {
    data: {
      title,
      description: 'Het Stadspark krijgt volgend jaar een opknapbeurt. Wat vindt u belangrijk?',
      themeId: groen,
      targetGroups: ['resident'],
      ideasFrom: new Date(now - 5_000).toISOString(),
      ideasUntil: new Date(now + 7 * DAY).toISOString(),
    },
  })
  expect(created.status(), await created.text()).toBe(201)
  const { campaign } = (await created.json()) as { campaign: { id: number; phase: string } }
  expect(campaign.phase).toBe('ideas')

  // A resident (an invited group) finds the question on the home page.
  await memberViaApi(page, base, { prefix: 'meedenker', name: 'Sanne uit Hoogezand', targetGroup: 'resident' })
  await page.goto('/')
  const banner = page.getByRole('complementary', { name: 'De gemeente vraagt uw mening' })
  await expect(banner.getByRole('link', { name: title })).toBeVisible()
  await expectAccessible(page, 'the idea list with open campaigns')

  await banner.getByRole('link', { name: title }).click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeFocused()
  await expect(page.getByText('De gemeente wil vooral horen van: inwoners')).toBeVisible()
  const current = page.locator('[aria-current="step"]')
  await expect(current).toContainText('Nu')
  await expect(current).toContainText('Ideeën insturen tot')
  await expect(page.getByText('Er zijn nog geen ideeën ingestuurd.')).toBeVisible()
  await expectAccessible(page, 'a campaign page')

  // The idea form knows the campaign and has its theme chosen already.
  await page.getByRole('link', { name: 'Idee insturen bij deze vraag' }).click()
  await expect(page).toHaveURL(new RegExp(`/ideeen/nieuw\\?meedenkvraag=${campaign.id}$`))
  await expect(page.getByText('U stuurt een idee in bij de meedenkvraag:')).toBeVisible()
  await expect(page.getByLabel('Thema')).toHaveValue(String(groen))
  await expectAccessible(page, 'the idea form for a campaign')
  const ideaTitle = `Bomen en bankjes in de schaduw ${tag()}`
  await page.getByLabel('Titel').fill(ideaTitle)
  await page
    .getByLabel('Uw idee')
    .fill('In de zomer is er in het Stadspark bijna geen schaduw. Plant bomen bij de bankjes.')
  await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click()
  await page.getByRole('button', { name: 'Idee insturen' }).click()
  await expect(page.getByRole('heading', { level: 1, name: ideaTitle })).toBeVisible()
  await expect(page.getByText('Dit idee hoort bij de meedenkvraag:')).toBeVisible()
  await expect(page.getByRole('link', { name: title })).toBeVisible()

  // Another member votes for it (this campaign has no separate voting phase).
  const voter = await secondPerson(browser, base)
  await memberViaApi(voter.page, base, { prefix: 'stemmer', name: 'Kees uit Kolham' })
  await voter.page.goto(`/meedenkvragen/${campaign.id}`)
  await voter.page.getByRole('article', { name: ideaTitle }).getByRole('link', { name: ideaTitle }).click()
  await voter.page.getByRole('button', { name: 'Stem voor dit idee' }).click()
  await expect(voter.page.getByText('Uw stem is geteld. Dit idee heeft nu 1 stem.')).toBeVisible()

  // Staff publish what they do with the outcome; it shows on the campaign page.
  const outcome = 'We planten twintig bomen bij de bankjes en zetten drie nieuwe bankjes in de schaduw.'
  const published = await staff.post(`/api/staff/campaigns/${campaign.id}/outcome`, { data: { outcome } })
  expect(published.status(), await published.text()).toBe(200)
  await voter.page.goto(`/meedenkvragen/${campaign.id}`)
  await expect(voter.page.getByRole('region', { name: 'Uitkomst: wat de gemeente ermee doet' })).toContainText(outcome)
  await expect(voter.page.getByRole('article', { name: ideaTitle })).toContainText('1 stem')
  await expectAccessible(voter.page, 'a campaign with its outcome')

  await voter.page.getByRole('link', { name: 'Alle meedenkvragen' }).click()
  await expect(voter.page.getByRole('region', { name: 'Nu open' }).getByRole('link', { name: title })).toBeVisible()
  await expectAccessible(voter.page, 'the campaign list')
  await voter.context.close()
  await staff.dispose()
})

test('a follower hears about a status change in the notification centre, without reloading, and marks it read', async ({
  page,
  baseURL,
  browser,
}) => {
  const base = baseURL ?? ''
  const author = await secondPerson(browser, base)
  await memberViaApi(author.page, base, { prefix: 'indiener', name: 'Ineke uit Meeden' })
  const title = `Een bankje bij de bushalte in Meeden ${tag()}`
  const ideaId = await ideaViaApi(author.page, base, {
    title,
    body: 'Bij de bushalte aan de Hoofdstraat moeten ouderen lang staan wachten.',
  })
  await author.context.close()

  await memberViaApi(page, base, { prefix: 'volger', name: 'Tom uit Meeden' })
  await page.goto(`/ideeen/${ideaId}`)
  await page.getByRole('button', { name: 'Volg dit idee' }).click()
  await expect(page.getByText('U volgt dit idee nu.')).toBeVisible()
  const bell = page.getByRole('navigation', { name: 'Uw account' }).getByRole('link', { name: /^Meldingen/ })
  await expect(bell).toHaveText('Meldingen')

  const staff = await staffSession(base)
  await changeStatus(staff, ideaId, 'under_review', 'We bekijken samen met Qbuzz of er een bankje kan komen.')
  await staff.dispose()

  // The count arrives by server-sent events, while the page stays open.
  await expect(bell).toHaveAccessibleName('Meldingen (1)', { timeout: 15_000 })
  await bell.click()
  await expect(page.getByRole('heading', { level: 1, name: 'Meldingen' })).toBeFocused()
  await expect(page.getByText('U hebt 1 ongelezen melding.')).toBeVisible()
  const notification = page.getByRole('listitem').filter({ hasText: title })
  await expect(notification).toContainText('Nieuw')
  await expect(notification.getByRole('link')).toHaveText(`De status van “${title}” is nu: In behandeling.`)
  await expectAccessible(page, 'the notification centre')

  await page.getByRole('button', { name: 'Alles gelezen' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Alle meldingen zijn nu gelezen.' })).toBeVisible()
  await expect(page.getByText('U hebt geen ongelezen meldingen.')).toBeVisible()
  await expect(bell).toHaveAccessibleName('Meldingen')
  await expect(notification).not.toContainText('Nieuw')

  await notification.getByRole('link').click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(page.getByText('Status: In behandeling')).toBeVisible()
})

test('a second visitor sees the vote and comment counts change live on an idea page', async ({
  page,
  baseURL,
  browser,
}) => {
  const base = baseURL ?? ''
  await memberViaApi(page, base, { prefix: 'live', name: 'Fenna uit Froombosch' })
  const title = `Verlichting op het fietspad naar Froombosch ${tag()}`
  const ideaId = await ideaViaApi(page, base, {
    title,
    body: 'Het fietspad is in de winter pikdonker. Lantaarns maken het veiliger voor scholieren.',
  })

  const visitor = await secondPerson(browser, base)
  const connected = visitor.page.waitForResponse((r) => r.url().includes(`/api/live?idea=${ideaId}`))
  await visitor.page.goto(`/ideeen/${ideaId}`)
  await expect(visitor.page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await connected
  await expect(visitor.page.getByText('0 stemmen', { exact: true })).toBeVisible()

  await page.goto(`/ideeen/${ideaId}`)
  await page.getByRole('button', { name: 'Stem voor dit idee' }).click()
  await expect(page.getByText('Uw stem is geteld. Dit idee heeft nu 1 stem.')).toBeVisible()

  // The visitor's page follows within seconds, and says so politely (no alert).
  await expect(visitor.page.getByText('1 stem', { exact: true })).toBeVisible({ timeout: 10_000 })
  await expect(visitor.page.locator('[aria-live="polite"]', { hasText: 'Het aantal stemmen is nu 1.' })).toBeAttached()

  const comment = `Goed plan, het is daar echt te donker ${tag()}`
  const posted = await page.request.post(`/api/ideas/${ideaId}/comments`, {
    headers: { origin: base },
    data: { body: comment },
  })
  expect(posted.status(), await posted.text()).toBe(201)
  await expect(visitor.page.getByRole('heading', { name: 'Reacties (1)' })).toBeVisible({ timeout: 10_000 })
  await expect(visitor.page.getByText(comment)).toBeVisible()
  await expectAccessible(visitor.page, 'an idea page updated live')
  await visitor.context.close()
})

test('on a planned idea a member offers help ("Ik denk mee") and reads the progress updates', {
  tag: '@dates',
}, async ({ page, baseURL, browser }) => {
  const base = baseURL ?? ''
  const author = await secondPerson(browser, base)
  await memberViaApi(author.page, base, { prefix: 'plan', name: 'Wim uit Westerbroek' })
  const title = `Een moestuin voor de buurt in Westerbroek ${tag()}`
  const ideaId = await ideaViaApi(author.page, base, {
    title,
    body: 'Naast het dorpshuis ligt een stuk grond braak. Maak er een moestuin voor de buurt van.',
  })
  await author.context.close()

  // Before the first answer the idea says how long it has waited, against the promise.
  const helperEmail = await memberViaApi(page, base, { prefix: 'helper', name: 'Lotte uit Westerbroek' })
  await page.goto(`/ideeen/${ideaId}`)
  await expect(page.getByText(/gemeente reageert binnen 10 werkdagen/i)).toBeVisible()
  await expect(page.getByRole('button', { name: 'Ik denk mee' })).toHaveCount(0)

  const staff = await staffSession(base)
  await changeStatus(staff, ideaId, 'planned', 'We maken het stuk grond in het voorjaar klaar voor een moestuin.')
  await page.reload()
  await expect(page.getByText('Laatste update vandaag.')).toBeVisible()
  await expect(page.getByText('0 mensen denken mee')).toBeVisible()
  const note = page.getByLabel('Waarmee wilt u helpen? (niet verplicht)')
  await expect(note).toHaveAccessibleDescription(/Alleen de gemeente ziet uw naam, e-mailadres/)
  await expectAccessible(page, 'a planned idea with "Ik denk mee"')
  const offer = `Ik heb een aanhanger en kan compost ophalen ${tag()}`
  await note.fill(offer)
  await page.getByRole('button', { name: 'Ik denk mee' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Bedankt! U denkt nu mee.' })).toBeVisible()
  await expect(page.getByText('1 persoon denkt mee')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Ik denk niet meer mee' })).toBeFocused()

  // Only staff see who offered help and how to reach them.
  const helpers = (await (await staff.get(`/api/staff/ideas/${ideaId}/helpers`)).json()) as {
    items: { email: string | null; note: string | null }[]
  }
  expect(helpers.items).toEqual([expect.objectContaining({ email: helperEmail, note: offer })])
  const publicIdea = await (await page.request.get(`/api/ideas/${ideaId}`)).text()
  expect(publicIdea).not.toContain(helperEmail)
  expect(publicIdea).not.toContain(offer)

  const update = 'De grond is omgespit. In april zetten we de eerste bakken neer, samen met de buurt.'
  const posted = await staff.post(`/api/staff/ideas/${ideaId}/updates`, { data: { body: update } })
  expect(posted.status(), await posted.text()).toBe(201)
  await staff.dispose()
  await page.reload()
  await expect(page.getByRole('region', { name: 'Voortgang' })).toContainText(update)
  await expectAccessible(page, 'an idea with progress updates')

  await page.getByRole('button', { name: 'Ik denk niet meer mee' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'U denkt niet meer mee.' })).toBeVisible()
  await expect(page.getByText('0 mensen denken mee')).toBeVisible()
})
