import { serverNow } from '../clock'
import { expect, expectAccessible, test } from '../fixtures'
import { logInByApi, newApiMember, proposeByApi, read, STAFF, tag, write } from '../staff-helpers'

// Each journey makes its own members and ideas, with a word of its own in every title, and
// searches the Werkbak for that word: journeys in parallel never see each other's ideas.

type Idea = { id: number; title: string; status: string; voteCount: number; themeId: number }

async function idea(
  api: Parameters<typeof read>[0],
  id: number,
): Promise<Idea & { corrections: { reason: string }[] }> {
  return (await read<{ idea: Idea & { corrections: { reason: string }[] } }>(api, `/api/ideas/${id}`)).idea
}

/** "3 december 2026", as the pages write a date. */
function dutchDate(ms: number): string {
  return new Intl.DateTimeFormat('nl-NL', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(ms))
}

test('a civil servant searches the Werkbak and narrows it with filters kept in the address', async ({ page }) => {
  const resident = await newApiMember('werkbak-zoek', 'Sanne uit Muntendam')
  const word = `zoekwoord${tag()}`
  const green = await proposeByApi(resident, {
    title: `Meer bloembakken in Muntendam ${word}`,
    body: 'Het centrum van Muntendam is grijs. Bloembakken maken het vrolijker.',
    themeSlug: 'groen',
  })
  const road = await proposeByApi(resident, {
    title: `Een drempel in de Kerkstraat ${word}`,
    body: 'Auto’s rijden te hard door de Kerkstraat. Een drempel zou helpen.',
    themeSlug: 'wegen-en-verkeer',
  })
  await logInByApi(page.request, STAFF)

  await page.goto('/medewerkers')
  const search = page.getByRole('search', { name: 'Zoeken en filteren in de werkbak' })
  await search.getByLabel('Zoeken', { exact: true }).fill(word)
  await search.getByRole('button', { name: 'Zoeken' }).click()
  await expect(page).toHaveURL(new RegExp(`/medewerkers\\?tab=needs_answer&q=${word}$`))
  const tabs = page.getByRole('navigation', { name: 'Lijsten in de werkbak' })
  // The counts follow the search: both new ideas wait for an answer.
  await expect(tabs.getByRole('link', { name: /^Nog beantwoorden/ })).toHaveAccessibleName(/\(2 ideeën\)/)
  const list = page.getByRole('list', { name: 'Nog beantwoorden' })
  await expect(list.getByRole('link', { name: new RegExp(word) })).toHaveCount(2)
  await expectAccessible(page, 'the Werkbak with a search')

  // The theme filter combines with the search and the tab; the tab keeps both.
  await search.getByLabel('Thema').selectOption({ label: 'Groen' })
  await search.getByRole('button', { name: 'Zoeken' }).click()
  await expect(page).toHaveURL(/tab=needs_answer&q=[^&]+&theme=\d+$/)
  await expect(list.getByRole('link', { name: new RegExp(word) })).toHaveCount(1)
  await expect(list.getByRole('link', { name: `Meer bloembakken in Muntendam ${word}` })).toBeVisible()
  await expect(page.getByText('Gevonden met deze filters: 1 idee.')).toBeVisible()
  await tabs.getByRole('link', { name: /^Alle ideeën/ }).click()
  await expect(page).toHaveURL(/tab=all&q=[^&]+&theme=\d+$/)
  await expect(page.getByRole('list', { name: 'Alle ideeën' }).getByRole('listitem')).toHaveCount(1)

  // A reload keeps the view; the idea page leads back to the same list.
  await page.reload()
  await expect(search.getByLabel('Zoeken', { exact: true })).toHaveValue(word)
  await expect(search.getByLabel('Thema')).toHaveValue(String((await idea(page.request, green)).themeId))
  await page.getByRole('link', { name: `Meer bloembakken in Muntendam ${word}` }).click()
  await expect(page).toHaveURL(new RegExp(`/medewerkers/ideeen/${green}$`))
  await expect(
    page.getByRole('heading', { level: 1, name: new RegExp(`Meer bloembakken in Muntendam ${word}`) }),
  ).toBeVisible()
  await expectAccessible(page, 'the staff idea page, opened from the list')
  await page.getByRole('link', { name: /Terug naar/ }).click()
  await expect(page).toHaveURL(/\/medewerkers\?tab=all&q=[^&]+&theme=\d+$/)

  await page.getByRole('link', { name: 'Alle filters en zoekwoorden wissen' }).click()
  await expect(page).toHaveURL(/\/medewerkers\?tab=all$/)
  await search.getByLabel('Zoeken', { exact: true }).fill(word)
  await search.getByLabel('Status').selectOption({ label: 'Gepland' })
  await search.getByRole('button', { name: 'Zoeken' }).click()
  await expect(page.getByText('Geen ideeën in deze lijst met deze zoekwoorden of filters.')).toBeVisible()
  expect(road).toBeGreaterThan(0)
  await expectAccessible(page, 'the Werkbak without results')
})

test('a civil servant changes the status of three ideas at once with one explanation', async ({ page }) => {
  const resident = await newApiMember('werkbak-status', 'Kees uit Zuidbroek')
  const word = `statuswoord${tag()}`
  const ids: number[] = []
  for (const place of ['de Stationsweg', 'het Dorpsplein', 'de Molenweg']) {
    ids.push(
      await proposeByApi(resident, {
        title: `Een bankje aan ${place} ${word}`,
        body: `Aan ${place} kun je nergens even zitten. Een bankje zou fijn zijn.`,
      }),
    )
  }
  await logInByApi(page.request, STAFF)
  await page.goto(`/medewerkers?tab=all&q=${word}`)
  const list = page.getByRole('list', { name: 'Alle ideeën' })
  await expect(list.getByRole('listitem')).toHaveCount(3)

  // One by hand, then "select all on this page" for the rest.
  await list.getByRole('checkbox', { name: new RegExp(`^Kies #${ids[0]} `) }).check()
  await expect(page.getByRole('status').filter({ hasText: '1 geselecteerd' })).toBeVisible()
  const all = page.getByRole('checkbox', { name: 'Alle 3 ideeën op deze pagina kiezen' })
  await all.check()
  await expect(page.getByText('3 geselecteerd').first()).toBeVisible()
  await page.getByRole('button', { name: 'Status veranderen' }).click()
  const panel = page.getByRole('region', { name: 'De status van 3 ideeën veranderen' })
  await expect(panel.getByRole('heading', { name: 'De status van 3 ideeën veranderen' })).toBeFocused()
  await expectAccessible(page, 'the bulk status form')
  await panel.getByRole('radio', { name: 'In behandeling' }).check()
  await panel
    .getByLabel('Uitleg voor inwoners')
    .fill('We bekijken samen met Dorpsbelangen waar bankjes het meest nodig zijn.')
  await panel.getByRole('button', { name: 'Status van 3 ideeën opslaan' }).click()
  await expect(page.getByText('De status van 3 ideeën is nu In behandeling.')).toBeFocused()
  for (const id of ids) {
    const changed = await idea(page.request, id)
    expect(changed.status).toBe('under_review')
  }
  await expect(list.getByText('In behandeling')).toHaveCount(3)
  await expectAccessible(page, 'the Werkbak after a bulk change')
})

test('a civil servant merges three duplicates into one idea, each voter counted once', async ({ page }) => {
  const resident = await newApiMember('werkbak-dubbel', 'Fatima uit Hoogezand')
  const [a, b] = [await newApiMember('werkbak-stem-a', 'Stemmer A'), await newApiMember('werkbak-stem-b', 'Stemmer B')]
  const word = `dubbelwoord${tag()}`
  const ids: number[] = []
  for (const n of [1, 2, 3]) {
    ids.push(
      await proposeByApi(resident, {
        title: `Verlichting op het fietspad naar school ${word} ${n}`,
        body: 'Het fietspad naar school is in de winter aardedonker. Graag lantaarnpalen.',
      }),
    )
  }
  const [target, second, third] = ids as [number, number, number]
  // A votes for all three, B for two: after the merge the target has exactly two votes.
  for (const [who, on] of [
    [a, [target, second, third]],
    [b, [second, third]],
  ] as const) {
    for (const id of on) await write(who.api, `/api/ideas/${id}/vote`, {}, { method: 'put' })
  }
  await logInByApi(page.request, STAFF)
  await page.goto(`/medewerkers?tab=all&q=${word}`)
  await page.getByRole('checkbox', { name: 'Alle 3 ideeën op deze pagina kiezen' }).check()
  await page.getByRole('button', { name: 'Samenvoegen', exact: true }).click()
  const panel = page.getByRole('region', { name: 'Samenvoegen tot één idee' })
  await panel.getByRole('radio', { name: new RegExp(`^#${target} `) }).check()
  await panel.getByLabel('Uitleg voor inwoners').fill('Deze ideeën vragen hetzelfde. We gaan verder bij één idee.')
  await panel.getByRole('button', { name: 'Samenvoegen…' }).click()
  await expect(panel.getByText(/Weet u het zeker\? 2 ideeën worden samengevoegd met idee #\d+/)).toBeVisible()
  await expectAccessible(page, 'the merge confirmation')
  await panel.getByRole('button', { name: 'Ja, samenvoegen' }).click()
  await expect(page.getByText(`2 ideeën zijn samengevoegd met idee #${target}.`)).toBeFocused()
  expect((await idea(page.request, target)).voteCount).toBe(2)
  for (const id of [second, third]) expect((await idea(page.request, id)).status).toBe('merged')
  await expect(page.getByRole('list', { name: 'Alle ideeën' }).getByRole('listitem')).toHaveCount(1)
  await expectAccessible(page, 'the Werkbak after the merge')
})

test('a civil servant writes an answer template and answers with it, the name and title filled in', async ({
  page,
}) => {
  const resident = await newApiMember('werkbak-sjabloon', 'Anouk uit Slochteren')
  const word = tag()
  const title = `Meer bomen langs het Slochterdiep ${word}`
  const id = await proposeByApi(resident, {
    title,
    body: 'Langs het Slochterdiep staan bijna geen bomen. Meer bomen geven schaduw.',
    themeSlug: 'groen',
  })
  await logInByApi(page.request, STAFF)
  await page.goto('/medewerkers/antwoordteksten')
  await expect(page.getByRole('heading', { level: 1, name: 'Antwoordteksten' })).toBeVisible()
  await page.getByLabel('Afdeling').selectOption({ label: 'Beheer Openbare Ruimte' })
  await page.getByLabel('Naam van de tekst').fill(`We kijken ernaar ${word}`)
  await page
    .getByLabel('Tekst', { exact: true })
    .fill('Beste {naam},\n\nDank u voor uw idee “{titel}”. We bekijken het deze maand.')
  await page.getByRole('button', { name: 'Antwoordtekst toevoegen' }).click()
  await expect(page.getByText(`De antwoordtekst “We kijken ernaar ${word}” is toegevoegd.`)).toBeVisible()
  await expect(page.getByRole('heading', { level: 4, name: `We kijken ernaar ${word}` })).toBeVisible()
  await expectAccessible(page, 'the answer templates page')

  await page.goto(`/medewerkers/ideeen/${id}`)
  await page.getByLabel('Antwoordtekst gebruiken').selectOption({ label: `We kijken ernaar ${word}` })
  await page.getByRole('button', { name: 'Tekst invullen' }).click()
  const answer = page.getByLabel('Uw antwoord')
  await expect(answer).toBeFocused()
  await expect(answer).toHaveValue(
    `Beste Anouk uit Slochteren,\n\nDank u voor uw idee “${title}”. We bekijken het deze maand.`,
  )
  await answer.press('End')
  await answer.pressSequentially(' Hartelijke groet.')
  await expectAccessible(page, 'the answer form with a template')
  await page.getByRole('button', { name: 'Antwoord plaatsen' }).click()
  await expect(page.getByText('Uw antwoord is geplaatst.')).toBeVisible()
  const posted = await read<{ idea: { officialAnswer: { body: string } | null } }>(page.request, `/api/ideas/${id}`)
  expect(posted.idea.officialAnswer?.body).toContain('Beste Anouk uit Slochteren,')
  expect(posted.idea.officialAnswer?.body).toContain('Hartelijke groet.')
})

test('a civil servant corrects a typo and the theme; the idea page says so, with the date and reason', {
  tag: '@dates',
}, async ({ page, browser }) => {
  const resident = await newApiMember('werkbak-correctie', 'Bram uit Kropswolde')
  const word = tag()
  const id = await proposeByApi(resident, {
    title: `Een speeltuin in Kropswlode ${word}`,
    body: 'In Kropswolde is geen speeltuin voor kleine kinderen. Graag een speeltuin bij de school.',
    themeSlug: 'groen',
  })
  await logInByApi(page.request, STAFF)
  await page.goto(`/medewerkers/ideeen/${id}`)
  await page.getByText('Titel, tekst, thema of dorp aanpassen').click()
  const section = page.getByRole('region', { name: 'Idee aanpassen' })
  await section.getByLabel('Titel').fill(`Een speeltuin in Kropswolde ${word}`)
  await section.getByLabel('Thema').selectOption({ label: 'Sport en cultuur' })
  await section
    .getByLabel('Waarom past u het aan?')
    .fill('Typfout in de plaatsnaam verbeterd en het goede thema gekozen.')
  await expectAccessible(page, 'the correction form')
  await section.getByRole('button', { name: 'Aanpassing opslaan' }).click()
  await expect(section.getByText(/Het idee is aangepast\./)).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`Kropswolde ${word}`) })).toBeVisible()

  // A visitor sees the corrected idea and why it was changed.
  const visitorContext = await browser.newContext()
  const visitor = await visitorContext.newPage()
  await visitor.goto(`/ideeen/${id}`)
  await expect(visitor.getByRole('heading', { level: 1, name: `Een speeltuin in Kropswolde ${word}` })).toBeVisible()
  const today = dutchDate(serverNow())
  await expect(visitor.getByRole('note', { name: 'Aangepast door de gemeente' })).toHaveText(
    `Aangepast door de gemeente op ${today}: Typfout in de plaatsnaam verbeterd en het goede thema gekozen.`,
  )
  await expect(visitor.getByText('Sport en cultuur').first()).toBeVisible()
  await expectAccessible(visitor, 'the corrected idea page')
  await visitorContext.close()
  expect((await idea(page.request, id)).corrections).toHaveLength(1)
})
