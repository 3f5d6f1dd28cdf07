import { expect, expectAccessible, test } from '../fixtures'
import {
  ADMIN,
  amsterdamDay,
  commentByApi,
  logInByApi,
  newApiMember,
  proposeByApi,
  read,
  reportByApi,
  STAFF,
  tag,
  write,
} from '../staff-helpers'

// Each journey makes its own members and ideas (through the API, quickly) and works only
// on those, so the journeys can run in parallel on the shared demo database.

type InboxPage = { items: { id: number; title: string; badge: string }[]; counts: Record<string, number> }

test('a civil servant works the inbox: the overdue list, an official answer, a plan, a note, the next idea', {
  tag: '@dates',
}, async ({ page, browser }) => {
  const resident = await newApiMember('werkbak-inwoner', 'Inge uit Kolham')
  const t = tag()
  const firstTitle = `Een bankje bij de bushalte in Kolham ${t}`
  const secondTitle = `Een prullenbak bij de bushalte in Kolham ${t}`
  const first = await proposeByApi(resident, {
    title: firstTitle,
    body: 'Bij de bushalte staan ouderen vaak lang te wachten. Een bankje zou helpen.',
  })
  const second = await proposeByApi(resident, {
    title: secondTitle,
    body: 'Bij de bushalte ligt veel afval op de grond. Een prullenbak zou helpen.',
  })
  const me = await logInByApi(page.request, STAFF)

  // The inbox: tabs with counts as the API gives them; the overdue list with its badge in words.
  await page.goto('/medewerkers')
  await expect(page.getByRole('heading', { level: 1, name: 'Werkbak' })).toBeVisible()
  const tabs = page.getByRole('navigation', { name: 'Lijsten in de werkbak' })
  await expect(tabs.getByRole('link', { name: /^Nog beantwoorden/ })).toHaveAttribute('aria-current', 'page')
  await expect(page.getByRole('navigation', { name: 'Werkplek medewerkers' })).toBeVisible()
  await expectAccessible(page, 'the staff inbox')

  const overdue = await read<InboxPage>(page.request, '/api/staff/inbox?tab=overdue')
  await tabs.getByRole('link', { name: /^Te laat/ }).click()
  await expect(page).toHaveURL(/\/medewerkers\?tab=overdue$/)
  await expect(tabs.getByRole('link', { name: /^Te laat/ })).toHaveAttribute('aria-current', 'page')
  await expect(tabs.getByRole('link', { name: /^Te laat/ })).toHaveAccessibleName(
    new RegExp(`^Te laat\\s*\\(${overdue.counts.overdue} idee`),
  )
  await expect(page.getByRole('heading', { level: 2, name: 'Te laat' })).toBeVisible()
  const oldest = overdue.items[0]
  if (oldest) {
    const row = page.getByRole('list', { name: 'Te laat' }).getByRole('listitem').first()
    await expect(row.getByRole('link', { name: oldest.title })).toBeVisible()
    await expect(row).toContainText('Te laat')
    await expect(row).toContainText('Antwoord had er op')
  } else {
    await expect(page.getByText('Er zijn geen ideeën te laat.')).toBeVisible()
  }
  await expectAccessible(page, 'the overdue list')

  // Hand the first idea to myself on its page; the second through the API.
  await page.goto(`/medewerkers/ideeen/${first}`)
  await expect(page.getByRole('heading', { level: 1, name: firstTitle })).toBeVisible()
  const summary = page.getByRole('region', { name: 'Stand van zaken' })
  await expect(summary).toContainText('Op tijd')
  await expect(summary).toContainText('Antwoord uiterlijk')
  await expect(summary).toContainText('Behandelaar')
  const assign = page.getByRole('region', { name: 'Toewijzen' })
  await assign.getByLabel('Behandelaar').selectOption(String(me.id))
  await assign.getByLabel('Notitie bij de overdracht (niet verplicht)').fill('Wil jij dit oppakken?')
  await assign.getByRole('button', { name: 'Toewijzen' }).click()
  await expect(assign.getByRole('status')).toContainText(`behandelaar: ${me.displayName}`)
  await expect(assign.getByRole('list')).toContainText(`Behandelaar: van Niemand naar ${me.displayName}`)
  await expect(assign.getByRole('list')).toContainText('Wil jij dit oppakken?')
  await write(page.request, `/api/staff/ideas/${second}/assign`, { assigneeId: me.id })

  // From the "assigned to me" list, by keyboard, to the first idea.
  await page.goto('/medewerkers?tab=mine')
  const mine = page.getByRole('list', { name: 'Aan mij toegewezen' })
  const firstLink = mine.getByRole('link', { name: firstTitle })
  await expect(firstLink).toBeVisible()
  await expect(mine.getByRole('link', { name: secondTitle })).toBeVisible()
  const order = await mine
    .getByRole('heading')
    .getByRole('link')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')))
  const nextHref = order[order.indexOf(`/medewerkers/ideeen/${first}`) + 1]
  expect(nextHref).toBeTruthy()
  await firstLink.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: firstTitle })).toBeFocused()
  await expect(page.getByRole('navigation', { name: 'Door de werkbak', exact: true })).toContainText(/Idee \d+ van \d+/)
  await expectAccessible(page, 'the staff idea page')

  // The municipality's answer, in public.
  const answerText = `Dank u wel voor uw idee. Wij kijken of er een bankje kan komen bij de bushalte. ${t}`
  await page.getByLabel('Uw antwoord').fill(answerText)
  await page.getByRole('button', { name: 'Antwoord plaatsen' }).click()
  await expect(page.getByText('Uw antwoord is geplaatst.')).toBeVisible()
  await expect(summary).toContainText('Beantwoord')
  const answer = page
    .getByRole('region', { name: /^Reacties/ })
    .getByRole('article')
    .filter({ hasText: answerText })
  await expect(answer).toContainText('Antwoord van de gemeente')

  // A status change: nothing chosen is refused and said; then "planned" with an explanation.
  const status = page.getByRole('region', { name: 'Status veranderen' })
  await status.getByRole('button', { name: 'Status opslaan' }).click()
  await expect(page.locator('.error-summary')).toBeFocused()
  await expect(page.locator('.error-summary')).toContainText('Kies een nieuwe status.')
  await status.getByRole('radio', { name: 'Gepland' }).check()
  const planText = `We plaatsen in het voorjaar een bankje bij de bushalte in Kolham. ${t}`
  await status.getByLabel('Uitleg voor inwoners').fill(planText)
  await status.getByRole('button', { name: 'Status opslaan' }).click()
  await expect(status.getByRole('status')).toHaveText('De status is nu: Gepland. Dit staat in de tijdlijn.')
  await expect(page.getByRole('region', { name: 'Wat de gemeente deed' })).toContainText(planText)
  // Done with it? The next idea is one key press away.
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: 'Volgende idee' }).last()).toBeFocused()

  // Planned ideas get progress updates; internal notes stay inside.
  const progress = page.getByRole('region', { name: 'Voortgang melden' })
  await progress.getByLabel('Nieuwe update').fill(`Het bankje is besteld bij de leverancier. ${t}`)
  await progress.getByRole('button', { name: 'Update plaatsen' }).click()
  await expect(progress.getByRole('status')).toContainText('Uw update is geplaatst.')
  await expect(progress).toContainText(`Het bankje is besteld bij de leverancier. ${t}`)
  const notes = page.getByRole('region', { name: 'Interne notities' })
  await expect(notes).toContainText('Alleen zichtbaar voor medewerkers')
  const noteText = `Intern: budget komt uit potje straatmeubilair ${t}`
  await notes.getByLabel('Nieuwe notitie').fill(noteText)
  await notes.getByRole('button', { name: 'Notitie opslaan' }).click()
  await expect(notes.getByRole('list')).toContainText(noteText)
  await expectAccessible(page, 'the staff idea page after the work')

  // On to the next idea of the same list.
  await page.getByRole('link', { name: 'Volgende idee' }).last().focus()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(new RegExp(`${nextHref}$`))
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused()

  // What a resident sees: the answer, the timeline; never the internal note.
  const visitor = await browser.newPage()
  await visitor.goto(`/ideeen/${first}`)
  await expect(visitor.getByRole('heading', { level: 1, name: firstTitle })).toBeVisible()
  await expect(visitor.getByRole('region', { name: 'Antwoord van de gemeente' })).toContainText(answerText)
  await expect(visitor.getByRole('region', { name: 'Wat de gemeente deed' })).toContainText('Status: Gepland')
  await expect(visitor.getByRole('region', { name: 'Wat de gemeente deed' })).toContainText(planText)
  await expect(visitor.getByText(noteText)).toHaveCount(0)
  await visitor.close()
  await resident.api.dispose()
})

test('a civil servant declines an idea with a referral and completes one with a closure record', {
  tag: '@dates',
}, async ({ page, browser }) => {
  const resident = await newApiMember('besluit-inwoner', 'Kees uit Foxhol')
  const t = tag()
  const declinedTitle = `Een zebrapad op de provinciale weg bij Foxhol ${t}`
  const doneTitle = `Een extra lantaarnpaal bij het fietspad in Foxhol ${t}`
  const declined = await proposeByApi(resident, {
    title: declinedTitle,
    body: 'Op de provinciale weg rijden auto’s hard. Een zebrapad maakt oversteken veiliger.',
    themeSlug: 'wegen-en-verkeer',
  })
  const done = await proposeByApi(resident, {
    title: doneTitle,
    body: 'Het fietspad is ’s avonds erg donker. Een extra lantaarnpaal maakt het veiliger.',
    themeSlug: 'wegen-en-verkeer',
  })
  await logInByApi(page.request, STAFF)

  // Declining asks for a coded reason, and for the organisation when it is not ours to do.
  await page.goto(`/medewerkers/ideeen/${declined}`)
  await expect(page.getByRole('heading', { level: 1, name: declinedTitle })).toBeVisible()
  const status = page.getByRole('region', { name: 'Status veranderen' })
  await status.getByRole('radio', { name: 'Niet uitgevoerd' }).check()
  await status.getByRole('radio', { name: 'Geen taak van de gemeente' }).check()
  const declineText = `De provinciale weg is van de provincie. Wij hebben uw idee naar hen gestuurd. ${t}`
  await status.getByLabel('Uitleg voor inwoners').fill(declineText)
  await status.getByRole('button', { name: 'Status opslaan' }).click()
  await expect(page.locator('.error-summary')).toBeFocused()
  const organisation = status.getByLabel('Naar welke organisatie hebt u het idee doorgestuurd?')
  await expect(organisation).toHaveAttribute('aria-invalid', 'true')
  await expect(organisation).toHaveAccessibleDescription(/Vul in naar welke organisatie/)
  await expectAccessible(page, 'the status form with an error')
  await organisation.fill('Provincie Groningen')
  await status.getByRole('button', { name: 'Status opslaan' }).click()
  await expect(status.getByRole('status')).toHaveText('De status is nu: Niet uitgevoerd. Dit staat in de tijdlijn.')
  // A declined idea may be reopened: that is all the form still offers.
  await expect(status.getByRole('radio')).toHaveCount(1)
  await expect(status.getByRole('radio', { name: 'In behandeling' })).toBeVisible()

  // Done needs the closure record: what changed, since when, by which team.
  await write(page.request, `/api/ideas/${done}/status`, {
    status: 'in_progress',
    explanation: 'We gaan aan de slag met een extra lantaarnpaal bij het fietspad.',
  })
  await page.goto(`/medewerkers/ideeen/${done}`)
  await expect(page.getByRole('heading', { level: 1, name: doneTitle })).toBeVisible()
  await status.getByRole('radio', { name: 'Gerealiseerd' }).check()
  const closure = status.getByRole('group', { name: 'Jij zei, wij deden' })
  const whatChanged = `Er staat nu een extra lantaarnpaal bij het fietspad in Foxhol. ${t}`
  await closure.getByLabel('Wat is er veranderd?').fill(whatChanged)
  await closure.getByLabel('Sinds wanneer?').fill(amsterdamDay(-2))
  await closure.getByLabel('Welk team deed het?').fill('Team Openbare Verlichting')
  await closure.getByLabel('Link naar meer informatie (niet verplicht)').fill('https://www.midden-groningen.nl/')
  await status.getByLabel('Uitleg voor inwoners').fill('De lantaarnpaal is geplaatst. Dank voor uw idee!')
  await expectAccessible(page, 'the status form with the closure record')
  await status.getByRole('button', { name: 'Status opslaan' }).click()
  const message = status.getByRole('status')
  await expect(message).toHaveText('De status is nu: Gerealiseerd. Dit staat in de tijdlijn.')
  await expect(message).toBeFocused()
  await expect(status).toContainText('De status is Gerealiseerd. Die kan niet meer veranderen.')

  // The resident sees both decisions on the public pages.
  const visitor = await browser.newPage()
  await visitor.goto(`/ideeen/${declined}`)
  const declinedTimeline = visitor.getByRole('region', { name: 'Wat de gemeente deed' })
  await expect(declinedTimeline).toContainText('Status: Niet uitgevoerd')
  await expect(declinedTimeline).toContainText(declineText)
  await expect(declinedTimeline).toContainText('Reden: Geen taak van de gemeente')
  await expect(declinedTimeline).toContainText('Doorgestuurd naar: Provincie Groningen')
  await visitor.goto(`/ideeen/${done}`)
  const doneTimeline = visitor.getByRole('region', { name: 'Wat de gemeente deed' })
  await expect(doneTimeline.getByRole('heading', { name: 'Jij zei, wij deden' })).toBeVisible()
  await expect(doneTimeline).toContainText(whatChanged)
  await expect(doneTimeline).toContainText('Uitgevoerd door Team Openbare Verlichting')
  await visitor.close()
  await resident.api.dispose()
})

test('a civil servant merges a duplicate into the original idea, after confirming', async ({ page, browser }) => {
  const resident = await newApiMember('dubbel-inwoner', 'Fatma uit Sappemeer')
  const t = tag()
  const originalTitle = `Een watertappunt in het park van Sappemeer ${t}`
  const duplicateTitle = `Drinkwater bij het park in Sappemeer ${t}`
  const original = await proposeByApi(resident, {
    title: originalTitle,
    body: 'In de zomer is het warm in het park. Een watertappunt zou fijn zijn voor iedereen.',
  })
  const duplicate = await proposeByApi(resident, {
    title: duplicateTitle,
    body: 'Kan er een kraan met drinkwater komen in het park? Vooral voor kinderen en honden.',
  })
  await logInByApi(page.request, STAFF)

  await page.goto(`/medewerkers/ideeen/${duplicate}`)
  await expect(page.getByRole('heading', { level: 1, name: duplicateTitle })).toBeVisible()
  const merge = page.getByRole('region', { name: 'Samenvoegen met een ander idee' })
  await merge.getByLabel('Zoek het andere idee').fill(String(original))
  await merge.getByRole('button', { name: 'Zoeken' }).click()
  await expect(merge.getByRole('status')).toHaveText('1 idee gevonden.')
  await merge.getByRole('radio', { name: new RegExp(`^#${original} ${originalTitle}`) }).check()
  await merge
    .getByLabel('Uitleg voor inwoners')
    .fill('Dit idee gaat over hetzelfde als het idee over een watertappunt.')
  await merge.getByRole('button', { name: 'Samenvoegen…' }).click()
  const question = merge.getByText(`Weet u het zeker? Idee #${duplicate} wordt samengevoegd met idee #${original}`)
  await expect(question).toBeFocused()
  await expectAccessible(page, 'the merge confirmation')
  await merge.getByRole('button', { name: 'Ja, samenvoegen' }).click()
  await expect(merge.getByText(`Dit idee is samengevoegd met idee #${original}.`)).toBeFocused()
  await expect(page.getByRole('region', { name: 'Status veranderen' })).toContainText('De status is Samengevoegd.')

  const visitor = await browser.newPage()
  await visitor.goto(`/ideeen/${duplicate}`)
  await expect(visitor.getByText(`Dit idee is samengevoegd met idee #${original}.`)).toBeVisible()
  await visitor.getByRole('link', { name: `Bekijk idee #${original}` }).click()
  await expect(visitor.getByRole('heading', { level: 1, name: originalTitle })).toBeVisible()
  await visitor.close()
  await resident.api.dispose()
})

test('reports hide a comment once they weigh enough, a new account’s for a third; staff see why, restore it, hide another, block a member, unblock after a reload, and read what was hidden', async ({
  page,
  browser,
}) => {
  const t = tag()
  const [author, spammer, reporterA, reporterB, ...newcomers] = await Promise.all([
    newApiMember('melding-auteur', `Auteur ${t}`),
    newApiMember('melding-spam', `Reclamemaker ${t}`),
    newApiMember('melder-a', 'Melder A'),
    newApiMember('melder-b', 'Melder B'),
    ...Array.from({ length: 6 }, (_, i) => newApiMember(`melder-${i}`, `Melder ${i}`)),
  ])
  const ideaTitle = `Meer bloemen op het dorpsplein van Meeden ${t}`
  const idea = await proposeByApi(author, {
    title: ideaTitle,
    body: 'Het dorpsplein is grijs. Bloembakken maken het plein vrolijker.',
  })
  const fairText = `Ik vind dit echt een slecht plan, het kost alleen maar geld. ${t}`
  const rudeText = `Jullie zijn allemaal sukkels. ${t}`
  const adText = `Koop nu goedkope bloemen op mijn website. ${t}`
  const fair = await commentByApi(author, idea, fairText)
  const rude = await commentByApi(author, idea, rudeText)
  const ad = await commentByApi(spammer, idea, adText)

  // Every account here is new, so each report counts for a third: three hide nothing yet,
  // nine hide the fair comment pending review.
  for (const reporter of [reporterA, reporterB, spammer])
    await reportByApi(reporter, { type: 'comment', id: fair }, 'offensive')
  const stillShown = await read<{ items: { id: number; hidden: boolean }[] }>(author.api, `/api/ideas/${idea}/comments`)
  expect(stillShown.items.find((c) => c.id === fair)?.hidden).toBe(false)
  for (const reporter of newcomers) await reportByApi(reporter, { type: 'comment', id: fair }, 'offensive')
  await reportByApi(reporterA, { type: 'comment', id: rude }, 'offensive')
  await reportByApi(reporterA, { type: 'comment', id: ad }, 'spam')
  const visitor = await browser.newPage()
  await visitor.goto(`/ideeen/${idea}`)
  await expect(visitor.getByText(rudeText)).toBeVisible()
  await expect(visitor.getByText(fairText)).toHaveCount(0)
  await expect(visitor.getByText('Deze reactie is verborgen')).toHaveCount(1)

  const me = await logInByApi(page.request, STAFF)
  await page.goto('/medewerkers/moderatie')
  await expect(page.getByRole('heading', { level: 1, name: 'Moderatie' })).toBeVisible()
  const card = (text: string) => page.getByRole('article').filter({ hasText: text })
  await expect(card(fairText)).toContainText('Verborgen voor inwoners')
  await expect(card(fairText)).toContainText('9 meldingen')
  await expect(card(fairText)).toContainText('Beledigend of kwetsend')
  await expect(card(fairText)).toContainText('Vanzelf verborgen: de meldingen wegen samen zwaar genoeg.')
  // The spammer commented before reporting; the others had done nothing yet.
  await expect(card(fairText)).toContainText('telt voor een derde: account was jonger dan een dag')
  await expect(card(fairText)).toContainText(
    'telt voor een derde: account was jonger dan een dag, had nog geen idee, reactie of stem',
  )
  await expect(card(rudeText)).toContainText('Zichtbaar voor inwoners')
  await expectAccessible(page, 'the moderation queue')

  // A reason is required.
  await card(fairText).getByRole('button', { name: 'Weer tonen (reactie)' }).click()
  const reason = card(fairText).getByLabel('Reden van uw besluit')
  await expect(reason).toHaveAttribute('aria-invalid', 'true')
  await expect(reason).toHaveAccessibleDescription(/minstens 5 tekens/)
  await reason.fill('Kritiek mag, dit is niet beledigend.')
  await card(fairText).getByRole('button', { name: 'Weer tonen (reactie)' }).click()
  const announcement = page.getByRole('status').filter({ hasText: 'De reactie is zichtbaar.' })
  await expect(announcement).toBeVisible()
  await expect(card(fairText)).toHaveCount(0)

  await card(rudeText).getByLabel('Reden van uw besluit').fill('Schelden hoort hier niet.')
  await card(rudeText).getByRole('button', { name: 'Verbergen (reactie)' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'De reactie is verborgen.' })).toBeVisible()
  await expect(card(rudeText)).toHaveCount(0)

  // Blocking a member takes a confirmation and a reason.
  const spammerName = `Reclamemaker ${t}`
  await card(adText)
    .getByRole('button', { name: `${spammerName} blokkeren…` })
    .click()
  await expect(card(adText).getByText(`Weet u het zeker? Als u ${spammerName} blokkeert`)).toBeFocused()
  await expectAccessible(page, 'the block confirmation')
  await card(adText).getByLabel('Reden van de blokkade').fill('Plaatst alleen reclame.')
  await card(adText)
    .getByRole('button', { name: `Ja, ${spammerName} blokkeren` })
    .click()
  await expect(page.getByRole('status').filter({ hasText: `${spammerName} is geblokkeerd.` })).toBeVisible()
  await expect(card(adText).getByText(`${spammerName} is geblokkeerd. U kunt de blokkade opheffen`)).toBeFocused()

  // The block is still known on the next visit: on the card, and in the list of blocked members.
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Moderatie' })).toBeVisible()
  await expect(card(adText)).toContainText(`${spammerName} is geblokkeerd.`)
  await expect(card(adText).getByRole('button', { name: /blokkeren…$/ })).toHaveCount(0)
  const blockedList = page.getByRole('region', { name: 'Geblokkeerde deelnemers' })
  const blockedCard = blockedList.getByRole('article', { name: spammerName })
  await expect(blockedCard.getByRole('term')).toHaveText(['Geblokkeerd op', 'Door', 'Reden'])
  await expect(blockedCard.getByRole('definition').nth(1)).toHaveText(me.displayName)
  await expect(blockedCard.getByRole('definition').nth(2)).toHaveText('Plaatst alleen reclame.')
  await expectAccessible(page, 'the moderation page with the blocked members')

  // Unblocking asks for confirmation and a reason, says it is done and puts focus back on the list.
  await blockedCard.getByRole('button', { name: `Deblokkeren (${spammerName})` }).click()
  await expect(blockedCard.getByText(`Weet u het zeker? Als u de blokkade van ${spammerName} opheft`)).toBeFocused()
  await expectAccessible(page, 'the unblock confirmation')
  await blockedCard.getByRole('button', { name: `Ja, ${spammerName} deblokkeren` }).click()
  const unblockReason = blockedCard.getByLabel(`Reden om de blokkade van ${spammerName} op te heffen`)
  await expect(unblockReason).toHaveAttribute('aria-invalid', 'true')
  await unblockReason.fill('Toch een vergissing.')
  await blockedCard.getByRole('button', { name: `Ja, ${spammerName} deblokkeren` }).click()
  await expect(
    page.getByRole('status').filter({ hasText: `De blokkade van ${spammerName} is opgeheven.` }),
  ).toBeVisible()
  await expect(blockedList.getByRole('heading', { level: 2, name: 'Geblokkeerde deelnemers' })).toBeFocused()
  await expect(blockedCard).toHaveCount(0)
  await expect(card(adText).getByRole('button', { name: `${spammerName} blokkeren…` })).toBeVisible()
  await card(adText).getByLabel('Reden van uw besluit').fill('Reclame hoort hier niet.')
  await card(adText).getByRole('button', { name: 'Verbergen (reactie)' }).click()
  await expect(card(adText)).toHaveCount(0)

  // The public page follows the decisions.
  await visitor.reload()
  await expect(visitor.getByText(fairText)).toBeVisible()
  await expect(visitor.getByText(rudeText)).toHaveCount(0)
  await expect(visitor.getByText(adText)).toHaveCount(0)
  await expect(visitor.getByText('Deze reactie is verborgen')).toHaveCount(2)
  await visitor.close()

  // Staff can still read what was hidden, on the idea's staff page, clearly marked.
  await page.goto(`/medewerkers/ideeen/${idea}`)
  await expect(page.getByRole('heading', { level: 1, name: ideaTitle })).toBeVisible()
  const conversation = page.getByRole('region', { name: /^Reacties/ })
  const hiddenRude = conversation.getByRole('article').filter({ hasText: rudeText })
  await expect(hiddenRude).toContainText('Verborgen door moderatie')
  await expect(hiddenRude).toContainText('Een medewerker heeft deze reactie verborgen. Inwoners zien deze tekst niet.')
  await expect(hiddenRude).toContainText(`Auteur ${t}`)
  await expect(conversation.getByRole('article').filter({ hasText: adText })).toContainText('Verborgen door moderatie')
  await expect(conversation.getByRole('article').filter({ hasText: fairText })).not.toContainText('Verborgen')
  await expectAccessible(page, 'the staff idea page with hidden comments')
  await Promise.all([author, spammer, reporterA, reporterB, ...newcomers].map((m) => m.api.dispose()))
})

test('staff enter an idea received by phone, put a question to the public and read the dashboard', {
  tag: '@dates',
}, async ({ page }) => {
  const t = tag()
  await logInByApi(page.request, ADMIN)

  // Intake: the form says what is missing, then the idea is on its staff page.
  await page.goto('/medewerkers/nieuw-idee')
  await expect(page.getByRole('heading', { level: 1, name: 'Nieuw idee invoeren' })).toBeVisible()
  await expectAccessible(page, 'the intake form')
  await page.getByRole('button', { name: 'Idee invoeren' }).click()
  const summary = page.locator('.error-summary')
  await expect(summary).toBeFocused()
  await expect(summary).toContainText('Kies hoe het idee binnenkwam.')
  await expect(page.getByLabel('Titel')).toHaveAttribute('aria-invalid', 'true')
  await expectAccessible(page, 'the intake form with errors')
  await page.getByRole('radio', { name: 'Telefoon' }).check()
  await page.getByLabel('Naam van de indiener').fill('Meneer Pietersen')
  await page.getByRole('radio', { name: 'Inwoner' }).check()
  const title = `Vaker de containers legen in Zuidbroek ${t}`
  await page.getByLabel('Titel').fill(title)
  await page
    .getByRole('textbox', { name: 'Het idee' })
    .fill('Meneer belde: de containers in Zuidbroek zitten op zaterdag vaak vol.')
  await page.getByLabel('Thema').selectOption({ label: 'Afval' })
  await page.getByRole('button', { name: 'Idee invoeren' }).click()
  await expect(page).toHaveURL(/\/medewerkers\/ideeen\/\d+$/)
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeFocused()
  await expect(page.getByText(/Het idee is ingevoerd als idee #\d+/)).toBeVisible()
  await expect(page.getByRole('region', { name: 'Stand van zaken' })).toContainText('via de telefoon')
  await expect(page.getByRole('region', { name: 'Stand van zaken' })).toContainText('Meneer Pietersen')

  // The dashboard: one accessible table per quarter.
  await page.getByRole('navigation', { name: 'Werkplek medewerkers' }).getByRole('link', { name: 'Dashboard' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeFocused()
  const table = page.getByRole('table', { name: /^Cijfers per afdeling/ })
  await expect(table.getByRole('rowheader', { name: 'Afval en Reiniging' })).toBeVisible()
  await expect(table.getByRole('columnheader', { name: 'Op tijd beantwoord' })).toBeVisible()
  await expectAccessible(page, 'the dashboard')
  const quarter = page.getByLabel('Kwartaal', { exact: true })
  const previous = await quarter.locator('option').nth(1).getAttribute('value')
  await quarter.selectOption(previous ?? '')
  await page.getByRole('button', { name: 'Toon cijfers' }).click()
  await expect(page).toHaveURL(new RegExp(`kwartaal=${previous}`))
  const [year, q] = (previous ?? '').split('-Q')
  await expect(page.getByRole('table', { name: `Cijfers per afdeling, ${q}e kwartaal ${year}` })).toBeVisible()

  // A campaign: created, changed, and its outcome published.
  await page.goto('/medewerkers/meedenkvragen')
  await expect(page.getByRole('heading', { level: 1, name: 'Meedenkvragen beheren' })).toBeVisible()
  await expectAccessible(page, 'the campaigns page')
  const editor = page.getByRole('region', { name: 'Nieuwe meedenkvraag' })
  const question = `Hoe maken we het centrum van Hoogezand groener? ${t}`
  await editor.getByLabel('Vraag', { exact: true }).fill(question)
  await editor
    .getByLabel('Uitleg', { exact: true })
    .fill('De gemeente wil meer groen in het centrum. Wat vindt u belangrijk?')
  await editor.getByLabel('Thema', { exact: true }).selectOption({ label: 'Groen' })
  await editor.getByRole('checkbox', { name: 'Inwoners' }).check()
  await editor.getByLabel('Begint op', { exact: true }).fill(amsterdamDay(0))
  await editor.getByLabel('Sluit op', { exact: true }).fill(amsterdamDay(30))
  await editor.getByRole('button', { name: 'Meedenkvraag opslaan' }).click()
  await expect(
    page.getByRole('status').filter({ hasText: `De meedenkvraag “${question}” is opgeslagen.` }),
  ).toBeFocused()
  const card = page.getByRole('article', { name: question })
  await expect(card).toContainText('Ideeën insturen')

  await card.getByRole('button', { name: `Aanpassen (${question})` }).click()
  await expect(page.getByRole('heading', { level: 2, name: `Meedenkvraag aanpassen: ${question}` })).toBeFocused()
  const changed = `${question} En de dorpen?`
  await page.getByLabel('Vraag', { exact: true }).fill(changed)
  await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click()
  await expect(page.getByRole('status').filter({ hasText: `De meedenkvraag “${changed}” is aangepast.` })).toBeVisible()
  const changedCard = page.getByRole('article', { name: changed })
  await changedCard.getByRole('button', { name: `Uitkomst publiceren (${changed})` }).click()
  await expect(changedCard.getByLabel('Wat doet de gemeente met de uitkomst?')).toBeFocused()
  await changedCard
    .getByLabel('Wat doet de gemeente met de uitkomst?')
    .fill('We planten twintig bomen en maken twee geveltuinen.')
  await changedCard.getByRole('button', { name: 'Uitkomst publiceren' }).click()
  await expect(changedCard).toContainText('Uitkomst gepubliceerd op')
  await expect(changedCard).toContainText('We planten twintig bomen')
  await expectAccessible(page, 'the campaigns page after publishing')
})

test('an admin manages departments, theme routing and settings, and reads the audit log', async ({ page }) => {
  const t = tag()
  await logInByApi(page.request, ADMIN)
  await page.goto('/beheer/gebruikers')
  const adminNav = page.getByRole('navigation', { name: 'Beheer' })
  await adminNav.getByRole('link', { name: 'Afdelingen en instellingen' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Afdelingen en instellingen' })).toBeFocused()
  await expectAccessible(page, 'the departments page')

  // A new department, then renamed.
  const name = `Afdeling Proef ${t}`
  await page.getByLabel('Naam', { exact: true }).last().fill(name)
  await page.getByLabel('Naam in het Engels').last().fill(`Trial Department ${t}`)
  await page.getByRole('button', { name: 'Afdeling toevoegen' }).click()
  await expect(page.getByText(`De afdeling ${name} is toegevoegd.`)).toBeVisible()
  const card = page.getByRole('article', { name })
  await card.getByRole('button', { name: `Naam aanpassen (${name})` }).click()
  await expect(card.getByLabel('Naam', { exact: true })).toBeFocused()
  const renamed = `Afdeling Proefdraaien ${t}`
  await card.getByLabel('Naam', { exact: true }).fill(renamed)
  await card.getByRole('button', { name: 'Opslaan' }).click()
  await expect(page.getByText(`De afdeling heet nu ${renamed}.`)).toBeVisible()

  // Route a theme to it and back; put a colleague in it and back.
  const theme = page.getByLabel('Afdeling voor het thema Sport en cultuur')
  await theme.selectOption({ label: renamed })
  await page.getByRole('button', { name: 'Opslaan Afdeling voor het thema Sport en cultuur' }).click()
  await expect(page.locator('form', { has: theme }).getByRole('status')).toHaveText('Opgeslagen')
  await expect(page.getByRole('article', { name: renamed })).toContainText('Thema’s: Sport en cultuur')
  await theme.selectOption({ label: 'Sport en Cultuur' })
  await page.getByRole('button', { name: 'Opslaan Afdeling voor het thema Sport en cultuur' }).click()
  await expect(page.getByRole('article', { name: 'Sport en Cultuur' })).toContainText('Thema’s: Sport en cultuur')
  const colleague = page
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: 'Jan Bakker (beheer)', exact: true }) })
  await colleague.getByRole('combobox').selectOption({ label: renamed })
  await colleague.getByRole('button', { name: /^Opslaan/ }).click()
  await expect(colleague.getByRole('status')).toHaveText('Opgeslagen')
  await colleague.getByRole('combobox').selectOption({ label: 'Klantcontact en Dienstverlening' })
  await colleague.getByRole('button', { name: /^Opslaan/ }).click()
  await expect(colleague.getByRole('combobox')).toHaveValue(/\d+/)
  await expect(colleague.getByRole('status')).toHaveText('Opgeslagen')

  // Settings: a number out of range is refused; saving the same values is fine.
  const norm = page.getByLabel('Termijn voor een eerste antwoord (werkdagen)')
  const current = await norm.inputValue()
  await norm.fill('0')
  await page.getByRole('button', { name: 'Instellingen opslaan' }).click()
  await expect(norm).toHaveAttribute('aria-invalid', 'true')
  await expect(norm).toHaveAccessibleDescription(/Kies een heel getal van 1 tot en met 60/)
  await norm.fill(current)
  await page.getByRole('button', { name: 'Instellingen opslaan' }).click()
  await expect(page.getByText('De instellingen zijn opgeslagen.')).toBeVisible()
  await expectAccessible(page, 'the departments page after changes')

  // The audit log shows who did it.
  await adminNav.getByRole('link', { name: 'Logboek' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Logboek' })).toBeFocused()
  await page.getByLabel('Handeling', { exact: true }).selectOption({ label: 'Afdeling hernoemd' })
  await page.getByRole('button', { name: 'Toon' }).click()
  await expect(page).toHaveURL(/actie=department\.renamed/)
  const row = page.getByRole('row').filter({ hasText: renamed })
  await expect(row).toContainText('Jan Bakker (beheer)')
  await expect(row).toContainText('Afdeling hernoemd')
  // The details in words: what changed, from what to what.
  await expect(row.getByRole('term').first()).toHaveText('Naam')
  await expect(row.getByRole('definition').first()).toHaveText(`${name} → ${renamed}`)
  await expectAccessible(page, 'the audit log')
})
