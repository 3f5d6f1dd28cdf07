import type { Browser } from '@playwright/test'
import { serverNow } from '../clock'
import { ideaViaApi, memberViaApi, staffSession, tag, themeId } from '../engage-helpers'
import { expect, expectAccessible, PASSWORD, tabTo, test } from '../fixtures'
import { commentByApi, logInByApi, newApiMember, proposeByApi, STAFF, write } from '../staff-helpers'

// What residents run into on an idea and a campaign: reporting abuse, an idea page that
// agrees with itself after an answer, buttons that follow a campaign's phase, and the small
// dead ends around accounts. Each journey makes its own people, ideas and campaigns.

const DAY = 86_400_000

async function secondPerson(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ baseURL, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' })
  return { context, page: await context.newPage() }
}

const day = (ms: number) =>
  new Intl.DateTimeFormat('nl-NL', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Amsterdam',
  }).format(ms)

test('a member reports an idea and a comment by keyboard, once each; staff find both in the moderation queue', async ({
  page,
  baseURL,
  browser,
}) => {
  const base = baseURL ?? ''
  const t = tag()
  const author = await newApiMember('schrijver', `Schrijver ${t}`)
  const ideaTitle = `Koop nu goedkope zonnepanelen bij mij ${t}`
  const ideaId = await proposeByApi(author, {
    title: ideaTitle,
    body: 'Bel mij voor de beste aanbieding van de hele provincie, alleen deze week.',
  })
  const commentText = `Bezoek mijn webwinkel voor korting ${t}`
  const commentId = await commentByApi(author, ideaId, commentText)

  // A visitor is asked to log in to report, and to follow.
  const visitor = await secondPerson(browser, base)
  await visitor.page.goto(`/ideeen/${ideaId}`)
  await expect(visitor.page.getByRole('heading', { level: 1, name: ideaTitle })).toBeVisible()
  await expect(visitor.page.getByRole('link', { name: 'Log in om te melden' })).toHaveAttribute(
    'href',
    `/inloggen?terug=%2Fideeen%2F${ideaId}`,
  )
  await expect(visitor.page.getByRole('link', { name: 'Log in om te volgen' })).toBeVisible()
  await expect(visitor.page.getByRole('button', { name: /^Melden/ })).toHaveCount(0)
  await expectAccessible(visitor.page, 'an idea page for a visitor')
  await visitor.context.close()

  await memberViaApi(page, base, { prefix: 'melder', name: `Melder ${t}` })
  await page.goto(`/ideeen/${ideaId}`)
  await expect(page.getByRole('heading', { level: 1, name: ideaTitle })).toBeVisible()

  // The idea: open the form by keyboard; focus goes into it; a reason is required.
  const reportIdea = page.getByRole('button', { name: 'Melden: dit idee' })
  await tabTo(page, reportIdea)
  await page.keyboard.press('Enter')
  const ideaForm = page.getByRole('group', { name: 'Waarom meldt u dit idee?' })
  await expect(ideaForm.getByRole('radio', { name: 'Reclame of spam' })).toBeFocused()
  await expectAccessible(page, 'the report form')
  await page.getByRole('button', { name: 'Melding versturen' }).press('Enter')
  await expect(ideaForm).toHaveAccessibleDescription(/Kies waarom u dit meldt\./)
  await expect(ideaForm.getByRole('radio', { name: 'Reclame of spam' })).toBeFocused()
  await page.keyboard.press('Space')
  await expect(ideaForm.getByRole('radio', { name: 'Reclame of spam' })).toBeChecked()
  await page.keyboard.press('Tab')
  const note = page.getByRole('textbox', { name: 'Toelichting (niet verplicht)' })
  await expect(note).toBeFocused()
  await expect(note).toHaveAttribute('maxlength', '500')
  await page.keyboard.type('Dit is reclame, geen idee voor de gemeente.')
  await page.keyboard.press('Tab')
  await expect(page.getByRole('button', { name: 'Melding versturen' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByText('U hebt dit gemeld.')).toBeFocused()
  await expect(
    page.getByRole('status').filter({ hasText: 'Bedankt voor uw melding. Een medewerker bekijkt het.' }),
  ).toBeVisible()
  await expect(reportIdea).toHaveCount(0)

  // The comment: Escape closes the form and gives focus back; then report it.
  const reportComment = page.getByRole('button', { name: `Melden: de reactie van Schrijver ${t}` })
  await tabTo(page, reportComment)
  await page.keyboard.press('Enter')
  const commentForm = page.getByRole('group', { name: `Waarom meldt u de reactie van Schrijver ${t}?` })
  await expect(commentForm.getByRole('radio', { name: 'Reclame of spam' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(commentForm).toHaveCount(0)
  await expect(reportComment).toBeFocused()
  await expect(reportComment).toHaveAttribute('aria-expanded', 'false')
  await page.keyboard.press('Enter')
  await page.keyboard.press('ArrowDown')
  await expect(commentForm.getByRole('radio', { name: 'Beledigend of kwetsend' })).toBeChecked()
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Enter')
  const comment = page.locator(`#reactie-${commentId}`)
  await expect(comment.getByText('U hebt dit gemeld.')).toBeFocused()

  // Once per person: after a reload nothing more is offered, and the API says "already".
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: ideaTitle })).toBeVisible()
  await expect(page.getByText('U hebt dit gemeld.')).toHaveCount(2)
  await expect(page.getByRole('button', { name: /^Melden/ })).toHaveCount(0)
  await expectAccessible(page, 'an idea page after reporting')
  const again = await write<{ message: string; alreadyReported: boolean }>(
    page.request,
    '/api/reports',
    { subjectType: 'idea', subjectId: ideaId, reason: 'other' },
    { status: [201] },
  )
  expect(again).toEqual({ message: 'U hebt dit al gemeld. Een medewerker bekijkt het.', alreadyReported: true })

  // The author is offered no "Melden" on their own words.
  const own = await secondPerson(browser, base)
  await logInByApi(own.page.request, { email: author.email, password: PASSWORD })
  await own.page.goto(`/ideeen/${ideaId}`)
  await expect(own.page.getByRole('heading', { level: 1, name: ideaTitle })).toBeVisible()
  await expect(own.page.getByRole('button', { name: /^Melden/ })).toHaveCount(0)
  await own.context.close()

  // Staff find both in the moderation queue, with the reason and the explanation.
  const staff = await secondPerson(browser, base)
  await logInByApi(staff.page.request, STAFF)
  await staff.page.goto('/medewerkers/moderatie')
  await expect(staff.page.getByRole('heading', { level: 1, name: 'Moderatie' })).toBeVisible()
  const card = (text: string) => staff.page.getByRole('article').filter({ hasText: text })
  const ideaCard = card(ideaTitle).filter({ hasNotText: commentText })
  await expect(ideaCard).toContainText('Reclame of spam')
  await expect(ideaCard).toContainText('Dit is reclame, geen idee voor de gemeente.')
  await expect(card(commentText)).toContainText('Beledigend of kwetsend')
  await expectAccessible(staff.page, 'the moderation queue with the reports')
  await staff.context.close()
})

test('after the municipality answers, the idea page no longer says it has not answered; excerpts keep < and >', async ({
  page,
  baseURL,
}) => {
  const base = baseURL ?? ''
  const t = tag()
  await memberViaApi(page, base, { prefix: 'vraag', name: `Vrager ${t}` })
  const title = `Een zebrapad bij de bibliotheek ${t}`
  const ideaId = await ideaViaApi(page, base, {
    title,
    body: `Oversteken is gevaarlijk. Iemand typte dit: <script>alert(1)</script> en dat moet als tekst blijven staan.`,
  })
  page.on('dialog', (dialog) => {
    throw new Error(`a script ran: ${dialog.message()}`)
  })

  // The card's excerpt shows what was typed, as text.
  await page.goto(`/?q=${encodeURIComponent(`zebrapad ${t}`)}`)
  const card = page.getByRole('article').filter({ hasText: title })
  await expect(card).toContainText('Iemand typte dit: <script>alert(1)</script> en dat moet')

  await page.goto(`/ideeen/${ideaId}`)
  const timeline = page.getByRole('region', { name: 'Wat de gemeente deed' })
  await expect(timeline).toContainText('De gemeente heeft nog niet gereageerd.')
  await expect(page.getByText(/gemeente reageert binnen 10 werkdagen/i)).toBeVisible()

  const staff = await staffSession(base)
  const answer = `We bekijken met de provincie of er een zebrapad kan komen. ${t}`
  const posted = await staff.post(`/api/ideas/${ideaId}/comments`, { data: { body: answer, official: true } })
  expect(posted.status(), await posted.text()).toBe(201)
  await staff.dispose()

  await page.reload()
  await expect(page.getByRole('region', { name: 'Antwoord van de gemeente' })).toContainText(answer)
  await expect(page.getByText('De gemeente heeft nog niet gereageerd.')).toHaveCount(0)
  await expect(page.getByText(/werkdagen/)).toHaveCount(0)
  await expect(timeline).toContainText('De gemeente gaf antwoord')
  await expect(timeline).toContainText('De status is nog niet veranderd.')
  await expectAccessible(page, 'an idea with an official answer')
})

test('a campaign through its phases: no vote button while ideas come in, votes only while voting, the outcome after', {
  tag: '@dates',
}, async ({ page, baseURL }) => {
  const base = baseURL ?? ''
  const t = tag()
  const staff = await staffSession(base)
  const groen = await themeId(staff, 'groen')
  const now = serverNow()
  const campaignBody = (from: number, until: number, votingFrom: number, votingUntil: number) => ({
    title: `Waar moeten de nieuwe speeltoestellen komen? (${t})`,
    description: 'De gemeente zet volgend jaar nieuwe speeltoestellen neer. Waar zijn ze het hardst nodig?',
    themeId: groen,
    targetGroups: ['resident'],
    ideasFrom: new Date(from).toISOString(),
    ideasUntil: new Date(until).toISOString(),
    votingFrom: new Date(votingFrom).toISOString(),
    votingUntil: new Date(votingUntil).toISOString(),
  })
  const created = await staff.post('/api/staff/campaigns', {
    data: campaignBody(now - 5_000, now + 7 * DAY, now + 7 * DAY, now + 14 * DAY),
  })
  expect(created.status(), await created.text()).toBe(201)
  const { campaign } = (await created.json()) as { campaign: { id: number; title: string; phase: string } }
  expect(campaign.phase).toBe('ideas')

  const author = await newApiMember('speel', `Ouder ${t}`)
  const ideaTitle = `Een klimrek in het park van Sappemeer ${t}`
  const { idea } = await write<{ idea: { id: number } }>(
    author.api,
    '/api/ideas',
    {
      title: ideaTitle,
      body: 'Er is in Sappemeer geen klimrek voor kinderen boven de zes jaar.',
      themeId: groen,
      campaignId: campaign.id,
    },
    { status: [201] },
  )

  // Ideas phase: the idea page says when voting is, and has no vote button.
  await memberViaApi(page, base, { prefix: 'stem', name: `Stemmer ${t}` })
  await page.goto(`/ideeen/${idea.id}`)
  await expect(page.getByRole('heading', { level: 1, name: ideaTitle })).toBeVisible()
  await expect(
    page.getByText(`Bij deze meedenkvraag kunt u stemmen van ${day(now + 7 * DAY)} tot ${day(now + 14 * DAY)}.`),
  ).toBeVisible()
  await expect(page.getByRole('button', { name: 'Stem voor dit idee' })).toHaveCount(0)
  await expectAccessible(page, 'a campaign idea in the ideas phase')
  await page.goto(`/meedenkvragen/${campaign.id}`)
  const current = page.locator('[aria-current="step"]')
  await expect(current).toHaveCount(1)
  await expect(current).toContainText('Ideeën insturen tot')
  await expectAccessible(page, 'a campaign in its ideas phase')

  // The outcome waits for the vote.
  const early = await staff.post(`/api/staff/campaigns/${campaign.id}/outcome`, {
    data: { outcome: 'We zetten het klimrek in Sappemeer neer, in het voorjaar.' },
  })
  expect(early.status()).toBe(409)
  expect(((await early.json()) as { error: { message: string } }).error.message).toBe(
    `Het stemmen loopt nog tot ${day(now + 14 * DAY)}. Publiceer de uitkomst als het stemmen voorbij is.`,
  )

  // Voting phase: the button is there and the vote counts.
  const moved = await staff.put(`/api/staff/campaigns/${campaign.id}`, {
    data: campaignBody(now - 3 * DAY, now - 2 * DAY, now - 2 * DAY, now + 7 * DAY),
  })
  expect(moved.status(), await moved.text()).toBe(200)
  await page.goto(`/meedenkvragen/${campaign.id}`)
  await expect(current).toHaveCount(1)
  await expect(current).toContainText('Stemmen van')
  await expect(page.locator('.steps__item--done')).toHaveCount(1)
  await expectAccessible(page, 'a campaign in its voting phase')
  await page.getByRole('article', { name: ideaTitle }).getByRole('link', { name: ideaTitle }).click()
  await page.getByRole('button', { name: 'Stem voor dit idee' }).click()
  await expect(page.getByText('Uw stem is geteld. Dit idee heeft nu 1 stem.')).toBeVisible()

  // Voting closes while the page is open: taking the vote back is refused, shown as an error.
  const closedAt = now - DAY
  const closed = await staff.put(`/api/staff/campaigns/${campaign.id}`, {
    data: campaignBody(now - 3 * DAY, now - 2 * DAY, now - 2 * DAY, closedAt),
  })
  expect(closed.status(), await closed.text()).toBe(200)
  const button = page.getByRole('button', { name: 'Stem voor dit idee' })
  await button.click()
  const alert = page.getByRole('alert').filter({ hasText: 'Uw stem is niet opgeslagen.' })
  await expect(alert).toHaveText(
    `Uw stem is niet opgeslagen. Het stemmen bij deze meedenkvraag is voorbij sinds ${day(closedAt)}.`,
  )
  await expect(button).toHaveAccessibleDescription(/Het stemmen bij deze meedenkvraag is voorbij/)
  await expect(alert).toHaveCSS('color', 'rgb(179, 38, 30)')
  await expectAccessible(page, 'a refused vote')
  await page.reload()
  await expect(page.getByText('Het stemmen bij deze meedenkvraag is voorbij.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Stem voor dit idee' })).toHaveCount(0)

  // Now the outcome can be published, and the steps are all done.
  const outcome = 'We zetten het klimrek in Sappemeer neer, in het voorjaar.'
  const published = await staff.post(`/api/staff/campaigns/${campaign.id}/outcome`, { data: { outcome } })
  expect(published.status(), await published.text()).toBe(200)
  await staff.dispose()
  await page.goto(`/meedenkvragen/${campaign.id}`)
  await expect(page.getByRole('region', { name: 'Uitkomst: wat de gemeente ermee doet' })).toContainText(outcome)
  await expect(page.locator('[aria-current="step"]')).toHaveCount(0)
  await expect(page.locator('.steps__item--done')).toHaveCount(3)
  await expectAccessible(page, 'a campaign with its outcome')
})

test('small dead ends: a too-quick sign-up is told to try again; "Idee insturen" says why to log in; staff land on the Werkbak; a deleted account says it is done', async ({
  page,
  browser,
  baseURL,
}) => {
  const base = baseURL ?? ''
  // Sign-up within three seconds (a password manager): a clear answer, then it works.
  await page.clock.install()
  await page.goto('/aanmelden')
  await expect(page.getByRole('heading', { level: 1, name: 'Aanmelden' })).toBeVisible()
  const email = `snel-${tag()}-${Date.now()}@example.org`
  await page.getByLabel('E-mailadres').fill(email)
  await page.getByLabel('Wachtwoord').fill(PASSWORD)
  await page.getByLabel('Naam die anderen zien').fill('Snelle Sanne')
  await page.getByRole('radio', { name: 'Inwoner' }).check()
  await page.getByRole('button', { name: 'Account maken' }).click()
  const problem = page.locator('.error-summary')
  await expect(problem).toBeFocused()
  await expect(problem).toContainText(
    'Dat ging heel snel. Controleer uw gegevens en klik nog een keer op Account maken.',
  )
  await expect(page.getByRole('heading', { name: 'Kijk in uw e-mail' })).toHaveCount(0)
  await expectAccessible(page, 'a sign-up that was too quick')
  await page.clock.fastForward(3_100)
  await page.getByRole('button', { name: 'Account maken' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Kijk in uw e-mail' })).toBeVisible()
  await expectAccessible(page, 'the "Kijk in uw e-mail" page')

  // A visitor who wants to send in an idea is told why they must log in, and comes back.
  const visitor = await secondPerson(browser, base)
  await visitor.page.goto('/')
  await visitor.page.getByRole('link', { name: 'Idee insturen' }).first().click()
  await expect(visitor.page).toHaveURL(/\/inloggen\?terug=%2Fideeen%2Fnieuw$/)
  await expect(visitor.page.getByText('Log in om een idee in te sturen.')).toBeVisible()
  await expectAccessible(visitor.page, 'the login page sent from "Idee insturen"')
  await visitor.context.close()

  // Staff start at the Werkbak; with a return address, they go back there.
  const staff = await secondPerson(browser, base)
  await staff.page.goto('/inloggen')
  await staff.page.getByLabel('E-mailadres').fill(STAFF.email)
  await staff.page.getByLabel('Wachtwoord').fill(STAFF.password)
  await staff.page.getByRole('button', { name: 'Inloggen' }).click()
  await expect(staff.page).toHaveURL(/\/medewerkers$/)
  await expect(staff.page.getByRole('heading', { level: 1, name: 'Werkbak' })).toBeVisible()
  await expectAccessible(staff.page, 'the Werkbak, where staff land')
  await staff.page.getByRole('button', { name: 'Uitloggen' }).click()
  await staff.page.goto('/inloggen?terug=%2Fmeedenkvragen')
  await staff.page.getByLabel('E-mailadres').fill(STAFF.email)
  await staff.page.getByLabel('Wachtwoord').fill(STAFF.password)
  await staff.page.getByRole('button', { name: 'Inloggen' }).click()
  await expect(staff.page).toHaveURL(/\/meedenkvragen$/)
  await expect(staff.page.getByRole('heading', { level: 1, name: 'Meedenkvragen' })).toBeVisible()
  await expectAccessible(staff.page, 'the campaigns page, after logging in')
  await staff.context.close()

  // Deleting an account ends on a page that says so.
  const member = await secondPerson(browser, base)
  await memberViaApi(member.page, base, { prefix: 'vertrek', name: 'Vertrekker' })
  await member.page.goto('/profiel')
  await member.page.getByRole('button', { name: 'Ik wil mijn account verwijderen' }).click()
  await member.page.getByLabel('Uw wachtwoord', { exact: true }).fill(PASSWORD)
  await member.page.getByLabel('Ik begrijp dat dit niet ongedaan kan worden').check()
  await member.page.getByRole('button', { name: 'Verwijder mijn account definitief' }).click()
  await expect(member.page.getByRole('heading', { level: 1, name: 'Account verwijderd' })).toBeFocused()
  await expect(member.page).toHaveURL(/\/account-verwijderd$/)
  await expect(member.page.getByText('Uw account is verwijderd. Bedankt voor het meedenken.')).toBeVisible()
  await expect(member.page.getByRole('link', { name: 'Naar de ideeën' })).toBeVisible()
  await expect(member.page.getByRole('link', { name: 'Inloggen' })).toBeVisible()
  await expectAccessible(member.page, 'the page after deleting an account')
  await member.context.close()
})
