import {
  changeStatus,
  ideaByTitle,
  ideaViaApi,
  memberViaApi,
  scorecard,
  staffSession,
  tag,
  thisQuarterAndMonth,
  waitForMail,
} from '../engage-helpers'
import { expect, expectAccessible, test } from '../fixtures'

// Satisfaction and accountability: rating, the scorecard, the roadmap, "Jij zei, wij deden",
// open data, and the e-mail choices. Each journey makes its own members.

const CROSSING = 'Veiliger oversteken bij de basisschool in Zuidbroek'
const PAPER = 'Oud papier vaker ophalen in Siddeburen'

type Breakdown = { total: number; byTargetGroup: { targetGroup: string; count: number | null }[] }

test('a member rates the municipality’s answer: the scorecard and the supporter breakdown count it', {
  tag: '@dates',
}, async ({ page, baseURL }) => {
  const base = baseURL ?? ''
  await memberViaApi(page, base, { prefix: 'beoordelaar', name: 'Rianne uit Zuidbroek', targetGroup: 'resident' })
  const idea = await ideaByTitle(page.request, CROSSING)
  const { quarter, month, quarterLabel, monthLabel } = thisQuarterAndMonth()
  const ratingsOf = (card: Awaited<ReturnType<typeof scorecard>>) =>
    card.cells.find((c) => c.themeId === null && c.quarter === quarter && c.targetGroup === 'all')?.ratings ?? null
  const residentsOf = (b: Breakdown) => b.byTargetGroup.find((g) => g.targetGroup === 'resident')?.count ?? null

  const cardBefore = await scorecard(page.request)
  const ratingsBefore = ratingsOf(cardBefore)
  // The demo has dozens of ratings this quarter: the figure is shown, not suppressed.
  expect(ratingsBefore).not.toBeNull()
  const supportersBefore = (await (await page.request.get(`/api/ideas/${idea.id}/supporters`)).json()) as Breakdown
  expect(residentsOf(supportersBefore)).not.toBeNull()

  // Voting makes the member one of the people involved, who are asked how satisfied they are.
  await page.goto(`/ideeen/${idea.id}`)
  await expect(page.getByRole('heading', { level: 1, name: CROSSING })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Uw mening' })).toHaveCount(0)
  // On a slow line the vote reaches the server well after the button has changed: what the
  // page reads again (may I rate? who supports it?) must wait for the server's answer.
  await page.route(/\/api\/ideas\/\d+\/vote$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 600))
    await route.continue()
  })
  await page.getByRole('button', { name: 'Stem voor dit idee' }).click()
  await expect(page.getByText(/Uw stem is geteld/)).toBeVisible()
  await page.unrouteAll()

  const question = page.getByRole('group', { name: 'Hoe tevreden bent u over hoe de gemeente met dit idee omgaat?' })
  await expect(question).toBeVisible()
  await expect(question.getByRole('radio')).toHaveCount(5)
  await expect(question.getByRole('radio', { name: '1 – Zeer ontevreden' })).toBeVisible()
  await expect(question.getByRole('radio', { name: '5 – Zeer tevreden' })).toBeVisible()
  await expectAccessible(page, 'an idea page with the satisfaction question')

  // Sending without a choice: the problem is said and tied to the group.
  await page.getByRole('button', { name: 'Mening opslaan' }).first().click()
  await expect(question).toHaveAccessibleDescription(/Kies een cijfer van 1 tot 5/)

  const remark = `Duidelijk antwoord, maar het duurt lang ${tag()}`
  await question.getByRole('radio', { name: '4 – Tevreden' }).check()
  const remarkField = page.getByLabel('Wilt u iets uitleggen? (niet verplicht)').first()
  await expect(remarkField).toHaveAccessibleDescription(/Alleen medewerkers van de gemeente lezen dit/)
  await remarkField.fill(remark)
  await page.getByRole('button', { name: 'Mening opslaan' }).first().click()
  await expect(page.getByRole('status').filter({ hasText: 'Bedankt! Uw mening is opgeslagen.' })).toBeVisible()

  // The remark is for staff only: the public idea does not contain it.
  expect(await (await page.request.get(`/api/ideas/${idea.id}`)).text()).not.toContain(remark)

  // The rating is kept, and can be changed; changing it does not count it twice.
  await page.reload()
  const again = page.getByRole('group', { name: 'Hoe tevreden bent u over hoe de gemeente met dit idee omgaat?' })
  await expect(again.getByRole('radio', { name: '4 – Tevreden' })).toBeChecked()
  await expect(again).toHaveAccessibleDescription(/U gaf eerder: 4 – Tevreden/)
  await again.getByRole('radio', { name: '5 – Zeer tevreden' }).check()
  await page.getByRole('button', { name: 'Mening opslaan' }).first().click()
  await expect(page.getByRole('status').filter({ hasText: 'Bedankt! Uw mening is opgeslagen.' })).toBeVisible()

  const cardAfter = await scorecard(page.request)
  const ratingsAfter = ratingsOf(cardAfter)
  expect(ratingsAfter).toBe((ratingsBefore ?? 0) + 1)
  const monthRatings = cardAfter.trend.find((p) => p.month === month)?.ratings

  // The supporter breakdown counts the new resident's vote.
  const supportersAfter = (await (await page.request.get(`/api/ideas/${idea.id}/supporters`)).json()) as Breakdown
  expect(supportersAfter.total).toBe(supportersBefore.total + 1)
  const residents = residentsOf(supportersAfter)
  expect(residents).toBe((residentsOf(supportersBefore) ?? 0) + 1)
  const byGroup = page.getByRole('table', { name: 'Stemmen per doelgroep' })
  await expect(byGroup.getByRole('row', { name: /Inwoners/ })).toContainText(String(residents))
  await expectAccessible(page, 'an idea page with its supporters')

  // The scorecard shows the new number of ratings for this quarter, and the month in its chart table.
  await page.goto('/resultaten')
  await expect(page.getByRole('heading', { level: 1, name: 'Resultaten van Meedenken' })).toBeVisible()
  const table = page.getByRole('table', { name: `${quarterLabel}, per doelgroep` })
  await expect(table.getByRole('row', { name: /Alle doelgroepen/ })).toContainText(`van ${ratingsAfter} beoordelingen`)
  const trendChart = page.getByRole('img', { name: 'Tevredenheid per maand' })
  await expect(trendChart).toBeVisible()
  await expect(trendChart).toHaveAccessibleDescription(/Het hoogst was/)
  await expect(page.getByRole('img', { name: 'Op tijd beantwoord, per thema' })).toBeVisible()
  for (const summary of await page.getByText('Bekijk als tabel').all()) await summary.click()
  const trendTable = page.getByRole('table', { name: 'Tevredenheid per maand' })
  // This month's figure, or, early in a month with fewer than 5 ratings, the words that say so.
  await expect(trendTable.getByRole('row', { name: new RegExp(monthLabel) })).toContainText(
    monthRatings === null || monthRatings === undefined ? 'te weinig reacties' : String(monthRatings),
  )
  // A figure about too few people says so, never 0.
  await expect(page.getByText('te weinig reacties').first()).toBeVisible()
  await expectAccessible(page, 'the scorecard with its charts and tables')
})

test('the roadmap and "Jij zei, wij deden" show what was done, with filters in the URL', { tag: '@dates' }, async ({
  page,
}) => {
  // Each list shows six ideas first; its address shows a whole list (page-polish.spec.ts).
  await page.goto('/plannen?alle=in-uitvoering&alle=klaar')
  await expect(page.getByRole('heading', { level: 1, name: 'Plannen van de gemeente' })).toBeVisible()
  const done = page.getByRole('region', { name: /Klaar/ })
  await expect(done.getByRole('link', { name: PAPER })).toBeVisible()
  await expect(
    page
      .getByRole('region', { name: /Gepland/ })
      .getByRole('listitem')
      .first(),
  ).toBeVisible()
  await expect(page.getByRole('region', { name: /In uitvoering/ }).getByRole('link', { name: CROSSING })).toBeVisible()
  await expectAccessible(page, 'the roadmap')

  await page.getByLabel('Thema').selectOption({ label: 'Afval' })
  await page.getByLabel('Dorp of wijk').selectOption({ label: 'Siddeburen' })
  await page.getByRole('button', { name: 'Toon plannen' }).click()
  await expect(page).toHaveURL(/theme=\d+/)
  await expect(page).toHaveURL(/district=\d+/)
  await expect(done.getByRole('link', { name: PAPER })).toBeVisible()
  await expect(page.getByRole('region', { name: /In uitvoering/ })).toContainText('Hier staat nu niets.')
  // The same link shows the same filtered plans.
  await page.reload()
  await expect(page.getByLabel('Dorp of wijk')).toHaveValue(/\d+/)
  await expect(page.getByRole('region', { name: /In uitvoering/ }).getByRole('link')).toHaveCount(0)
  await page.getByLabel('Dorp of wijk').selectOption({ label: 'Hoogezand' })
  await page.getByRole('button', { name: 'Toon plannen' }).click()
  await expect(done.getByRole('link', { name: PAPER })).toHaveCount(0)

  await page.getByRole('link', { name: 'Wis filters' }).click()
  await page.getByRole('link', { name: 'Lees wat er veranderd is door uitgevoerde ideeën' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Jij zei, wij deden' })).toBeFocused()
  const record = page.getByRole('article', { name: PAPER })
  await expect(record).toContainText('Oud papier wordt in Siddeburen elke twee weken opgehaald')
  await expect(record).toContainText('Uitgevoerd door Afval en Reiniging')
  await expectAccessible(page, '"Jij zei, wij deden"')

  await page.getByLabel('Thema').selectOption({ label: 'Groen' })
  await page.getByRole('button', { name: 'Toon', exact: true }).click()
  await expect(page).toHaveURL(/theme=\d+/)
  await expect(page.getByRole('article', { name: 'Bloemrijke bermen voor bijen in Slochteren' })).toBeVisible()
  await expect(page.getByRole('article', { name: PAPER })).toHaveCount(0)
  await page.getByRole('link', { name: 'Bloemrijke bermen voor bijen in Slochteren' }).click()
  await expect(
    page.getByRole('heading', { level: 1, name: 'Bloemrijke bermen voor bijen in Slochteren' }),
  ).toBeVisible()

  // In English too.
  await page.goto('/plannen?alle=klaar')
  await page.getByRole('button', { name: 'Switch to English' }).click()
  await expect(page.getByRole('heading', { level: 1, name: "The municipality's plans" })).toBeVisible()
  await expect(page.getByRole('region', { name: /Done/ }).getByRole('link', { name: PAPER })).toBeVisible()
  await page.getByRole('button', { name: 'Wissel naar Nederlands' }).click()
})

test('the open-data page explains and links the downloads, which hold no personal data', async ({ page }) => {
  await page.goto('/open-data')
  await expect(page.getByRole('heading', { level: 2, name: 'Open data' })).toBeVisible()
  await expect(page.getByText(/geen namen, geen e-mailadressen en geen opmerkingen/)).toBeVisible()
  const csv = page.getByRole('link', { name: 'Alle ideeën als CSV downloaden' })
  await expect(csv).toHaveAttribute('href', '/api/open-data/ideas.csv')
  await expect(page.getByRole('link', { name: 'Alle ideeën als JSON downloaden' })).toHaveAttribute(
    'href',
    '/api/open-data/ideas.json',
  )
  await expect(page.getByRole('link', { name: 'De resultaten als CSV downloaden' })).toHaveAttribute(
    'href',
    '/api/open-data/scorecard.csv',
  )
  await expect(page.getByRole('link', { name: 'De resultaten als JSON' })).toHaveAttribute(
    'href',
    '/api/stats/scorecard',
  )
  await page.locator('summary', { hasText: 'Kolommen van ideas.csv, ideas.json' }).click()
  await expect(
    page
      .getByRole('table', { name: 'Kolommen van ideas.csv, ideas.json' })
      .getByRole('row', { name: /answeredWithinNorm/ }),
  ).toBeVisible()
  // The API reference is still there, below.
  await expect(page.getByRole('heading', { level: 2, name: 'API', exact: true })).toBeVisible()
  await expectAccessible(page, 'the open-data page')

  const ideas = await page.request.get('/api/open-data/ideas.csv')
  expect(ideas.status()).toBe(200)
  const text = await ideas.text()
  expect(text).toContain(PAPER)
  expect(text).not.toMatch(/@(example\.org|midden-groningen\.example)/)
})

test('a member unsubscribes with the link from a notification mail, and chooses again in the profile', async ({
  page,
  baseURL,
}) => {
  // A link that is not right says so, and nothing changes.
  await page.goto('/afmelden')
  await expect(page.getByRole('heading', { level: 1, name: 'Afmelden voor e-mail' })).toBeVisible()
  await expect(page.getByText(/Deze afmeldlink is niet compleet/)).toBeVisible()
  await page.goto('/afmelden?u=1&t=dit-is-geen-geldige-handtekening')
  await page.getByRole('button', { name: 'Afmelden' }).click()
  await expect(page.getByRole('alert')).toContainText('Deze afmeldlink klopt niet')
  await expectAccessible(page, 'the unsubscribe page with an invalid link')

  const base = baseURL ?? ''
  const email = await memberViaApi(page, base, { prefix: 'afmelder', name: 'Bram uit Slochteren' })
  const title = `Een watertappunt bij het station van Kropswolde ${tag()}`
  const ideaId = await ideaViaApi(page, base, {
    title,
    body: 'Op warme dagen is er bij het station nergens water te krijgen.',
  })
  const staff = await staffSession(base)
  await changeStatus(staff, ideaId, 'under_review', 'We bekijken of er bij het station een watertappunt kan komen.')
  await staff.dispose()

  // The notification becomes mail at the background job's next run (every 3 s here, NOTIFY_EVERY_SECONDS).
  const mail = await waitForMail(page.request, email, /dagelijkse overzicht|Nieuws/, 45_000)
  expect(mail.text).toContain(title)
  const link = /https?:\/\/[^\s]+\/afmelden\?[^\s]+/.exec(mail.text)?.[0]
  expect(link, 'unsubscribe link in the mail').toBeTruthy()
  const target = new URL(link ?? '')
  await page.goto(target.pathname + target.search)
  await expect(page.getByRole('heading', { level: 1, name: 'Afmelden voor e-mail' })).toBeVisible()
  await expectAccessible(page, 'the unsubscribe page')
  await page.getByRole('button', { name: 'Afmelden' }).click()
  await expect(page.getByRole('status')).toContainText('U krijgt geen e-mail meer van Meedenken')
  const me = (await (await page.request.get('/api/me')).json()) as { user: { emailFrequency: string } }
  expect(me.user.emailFrequency).toBe('never')

  // Mail can be turned on again in the profile.
  await page.getByRole('link', { name: 'Naar uw profiel' }).click()
  const choice = page.getByRole('group', { name: 'Hoe vaak wilt u e-mail krijgen?' })
  await expect(choice.getByRole('radio', { name: 'Nooit' })).toBeChecked()
  await choice.getByRole('radio', { name: 'Direct' }).check()
  await page.getByRole('button', { name: 'Voorkeur opslaan' }).click()
  await expect(page.getByText('Uw voorkeur is opgeslagen.')).toBeVisible()
  await expectAccessible(page, 'the profile with the e-mail choice')
  const after = (await (await page.request.get('/api/me')).json()) as { user: { emailFrequency: string } }
  expect(after.user.emailFrequency).toBe('immediately')
})
