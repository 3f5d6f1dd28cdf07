import {
  expect,
  expectAccessible,
  newMember,
  PASSWORD,
  postComment,
  proposeIdea,
  tabTo,
  test,
  waitForHydration,
} from '../fixtures'

// Every journey makes its own member (at most 5 ideas an hour each) and, where it changes
// counts, its own idea: the journeys run in parallel against one database.

const tag = () => Math.random().toString(36).slice(2, 7)

test('a member proposes an idea: sees a similar idea first, previews, sends it in and changes it', async ({ page }) => {
  const email = await newMember(page, 'indiener', 'Jan uit Hoogezand')
  await page.getByRole('button', { name: 'Uitloggen' }).click()
  await expect(page.getByRole('link', { name: 'Inloggen' })).toBeVisible()

  // A visitor who wants to send in an idea logs in first and comes straight back.
  await page.goto('/')
  await page.getByRole('link', { name: 'Idee insturen' }).click()
  await expect(page).toHaveURL(/\/inloggen\?terug=%2Fideeen%2Fnieuw$/)
  await page.getByLabel('E-mailadres').fill(email)
  await page.getByLabel('Wachtwoord').fill(PASSWORD)
  await page.getByRole('button', { name: 'Inloggen' }).click()
  await expect(page).toHaveURL(/\/ideeen\/nieuw$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Idee insturen' })).toBeVisible()
  await expectAccessible(page, 'the new-idea form')

  // Sending nothing: the problems are listed, focused and tied to their fields.
  await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click()
  await expect(page.locator('.error-summary')).toBeFocused()
  const title = page.getByLabel('Titel')
  await expect(title).toHaveAttribute('aria-invalid', 'true')
  await expect(title).toHaveAccessibleDescription(/Vul een titel in van minstens 10 tekens/)
  await expect(page.getByLabel('Thema')).toHaveAccessibleDescription(/Kies een thema/)
  await page.getByRole('link', { name: 'Uw idee: Beschrijf uw idee in minstens 20 tekens.' }).click()
  await expect(page.getByLabel('Uw idee')).toBeFocused()
  await expectAccessible(page, 'the new-idea form with errors')

  // While typing the title, a similar idea is offered in a polite live region.
  const ideaTitle = `Meer afvalbakken langs het water bij de brug ${tag()}`
  await title.fill(ideaTitle)
  const suggestions = page.locator('[aria-live="polite"]').filter({ hasText: 'Er zijn al ideeën die hierop lijken' })
  const similar = page.getByRole('link', { name: 'Meer afvalbakken langs het Winschoterdiep' })
  await expect(suggestions.getByRole('listitem').filter({ has: similar })).toContainText(/Gepland\s*\d+ stemmen/)
  await expectAccessible(page, 'the new-idea form with suggestions')

  await page
    .getByLabel('Uw idee')
    .fill('Bij de brug ligt **veel** zwerfafval.\n\n- een bak bij de brug\n- een bak bij de bankjes')
  await page.getByLabel('Thema').selectOption({ label: 'Afval' })
  await page.getByLabel('Dorp of wijk (niet verplicht)').selectOption({ label: 'Hoogezand' })
  await page.getByRole('checkbox', { name: 'Inwoners' }).check()

  // The preview is the API's own rendering; going back keeps what was typed.
  await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click()
  const previewHeading = page.getByRole('heading', { level: 2, name: 'Controleer uw idee' })
  await expect(previewHeading).toBeFocused()
  await expect(page.getByRole('heading', { level: 3, name: ideaTitle })).toBeVisible()
  await expect(page.locator('.preview .prose strong')).toHaveText('veel')
  await expect(page.locator('.preview .prose li')).toHaveText(['een bak bij de brug', 'een bak bij de bankjes'])
  await expectAccessible(page, 'the preview')
  await page.getByRole('button', { name: 'Terug naar het formulier' }).click()
  await expect(title).toBeFocused()
  await expect(title).toHaveValue(ideaTitle)
  await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click()
  await expect(previewHeading).toBeFocused()

  await page.getByRole('button', { name: 'Idee insturen' }).click()
  const heading = page.getByRole('heading', { level: 1, name: ideaTitle })
  await expect(heading).toBeFocused()
  await expect(page).toHaveURL(/\/ideeen\/\d+$/)
  await expect(page.getByText('Bedankt! Uw idee staat nu op Meedenken.')).toBeVisible()
  await expect(page.getByText('Door Jan uit Hoogezand (inwoner)')).toBeVisible()
  await expect(page.locator('.idea-card__meta')).toContainText('Nieuw')
  await expect(page.getByText('Voor wie: Inwoners')).toBeVisible()
  await expectAccessible(page, 'the new idea')

  // While the idea is new, its author can still change it, with the same form.
  await page.getByRole('link', { name: 'Idee aanpassen' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Idee aanpassen' })).toBeFocused()
  await expect(page.getByLabel('Titel')).toHaveValue(ideaTitle)
  await expect(page.getByLabel('Thema')).toHaveValue(/\d+/)
  await expect(page.getByRole('checkbox', { name: 'Inwoners' })).toBeChecked()
  await expectAccessible(page, 'the edit form')
  const newTitle = `${ideaTitle} en de bankjes`
  await page.getByLabel('Titel').fill(newTitle)
  await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click()
  await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click()
  await expect(page.getByRole('heading', { level: 1, name: newTitle })).toBeVisible()
  await expect(page.getByText('Uw idee is aangepast.')).toBeVisible()
})

test('search and filters are kept in the URL, and the shared link shows the same ideas', async ({ page, context }) => {
  await page.goto('/')
  // The app, not the plain form, chooses "best match" for a search: wait until it owns the page.
  await waitForHydration(page)
  await expect(page.getByLabel('Sorteren op').locator('option', { hasText: 'Best passend' })).toHaveCount(0)
  await page.getByRole('searchbox', { name: 'Zoeken' }).fill('papier')
  await page.getByRole('button', { name: 'Toon ideeën' }).click()
  await expect(page).toHaveURL(/[?&]q=papier(&|$)/)
  // A search is sorted by best match, which is now offered.
  await expect(page.getByLabel('Sorteren op')).toHaveValue('relevance')
  await expect(page.getByLabel('Sorteren op').locator('option:checked')).toHaveText('Best passend')
  const results = page.getByRole('region', { name: 'Gevonden ideeën' })
  await expect(results.getByRole('link', { name: 'Oud papier vaker ophalen in Siddeburen' })).toBeVisible()

  await page.getByLabel('Status').selectOption({ label: 'Gerealiseerd' })
  await page.getByLabel('Thema').selectOption({ label: 'Afval' })
  await page.getByRole('button', { name: 'Toon ideeën' }).click()
  await expect(page).toHaveURL(/status=done/)
  await expect(page).toHaveURL(/theme=\d+/)
  await expect(page).toHaveURL(/q=papier/)
  const titles = results.getByRole('heading', { level: 2 })
  await expect(titles).toHaveText(['Oud papier vaker ophalen in Siddeburen'])
  await expect(results.getByRole('status')).toHaveText('1 idee op deze pagina')
  await expectAccessible(page, 'a search with filters')

  // Someone opening the shared link sees the same search, filters and ideas.
  const shared = await context.newPage()
  await shared.goto(page.url())
  await expect(shared.getByRole('searchbox', { name: 'Zoeken' })).toHaveValue('papier')
  await expect(shared.getByLabel('Status')).toHaveValue('done')
  await expect(shared.getByLabel('Sorteren op')).toHaveValue('relevance')
  await expect(shared.getByRole('region', { name: 'Gevonden ideeën' }).getByRole('heading', { level: 2 })).toHaveText(
    await titles.allTextContents(),
  )
  await expectAccessible(shared, 'the shared search')

  // A search without results says so, and offers to send in the idea.
  await shared.getByRole('searchbox', { name: 'Zoeken' }).fill('zwembadglijbaan')
  await shared.getByRole('button', { name: 'Toon ideeën' }).click()
  await expect(shared.getByText('Er zijn geen ideeën gevonden met “zwembadglijbaan”.')).toBeVisible()
  await expect(shared.getByRole('link', { name: 'Idee insturen' })).toHaveCount(2)
  await expectAccessible(shared, 'a search without results')

  // Clearing the filters goes back to the plain list.
  await shared.getByRole('button', { name: 'Wis filters' }).click()
  await expect(shared).toHaveURL(/\/$/)
  await expect(shared.getByRole('searchbox', { name: 'Zoeken' })).toHaveValue('')
})

test('a member votes and takes the vote back, announced each time; a done idea takes no votes', async ({ page }) => {
  // A visitor is asked to log in first, and comes back to the idea afterwards.
  await page.goto('/?sort=top')
  await page.getByRole('link', { name: 'Speeltuin in Muntendam opknappen' }).click()
  await expect(page.getByRole('link', { name: 'Log in om te stemmen' })).toHaveAttribute(
    'href',
    /^\/inloggen\?terug=%2Fideeen%2F\d+$/,
  )
  await expect(page.getByRole('button', { name: 'Stem voor dit idee' })).toHaveCount(0)
  await expectAccessible(page, 'an idea seen by a visitor')

  await newMember(page, 'stemmer')
  const id = await proposeIdea(page, {
    title: `Een watertappunt in het park ${tag()}`,
    body: 'Op warme dagen is er in het park nergens water te krijgen.',
  })
  await page.goto(`/ideeen/${id}`)
  const support = page.getByRole('region', { name: 'Stemmen en volgen' })
  const vote = support.getByRole('button', { name: 'Stem voor dit idee' })
  await expect(vote).toHaveAttribute('aria-pressed', 'false')
  await expect(support.getByText('0 stemmen')).toBeVisible()
  await expectAccessible(page, 'an idea a member can vote on')

  await vote.click()
  await expect(vote).toHaveAttribute('aria-pressed', 'true')
  await expect(support.getByText('1 stem', { exact: true })).toBeVisible()
  await expect(support.getByRole('status').first()).toHaveText('Uw stem is geteld. Dit idee heeft nu 1 stem.')
  await expectAccessible(page, 'an idea after voting')

  // The list knows it too.
  await page.goto('/?sort=new')
  const card = page.getByRole('article').filter({ hasText: 'Een watertappunt in het park' })
  await expect(card).toContainText('1 stem')
  await expect(card).toContainText('U hebt gestemd')
  await card.getByRole('link').click()

  await expect(vote).toHaveAttribute('aria-pressed', 'true')
  await vote.click()
  await expect(vote).toHaveAttribute('aria-pressed', 'false')
  await expect(support.getByRole('status').first()).toHaveText('Uw stem is ingetrokken. Dit idee heeft nu 0 stemmen.')
  await page.reload()
  await expect(support.getByText('0 stemmen')).toBeVisible()
  await expect(vote).toHaveAttribute('aria-pressed', 'false')

  // A done idea explains why there is nothing to vote on; following it still works.
  await page.goto('/?status=done')
  await page.getByRole('link', { name: 'Oud papier vaker ophalen in Siddeburen' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Oud papier vaker ophalen in Siddeburen' })).toBeVisible()
  await expect(support.getByText('Stemmen kan niet meer: de gemeente heeft dit idee uitgevoerd.')).toBeVisible()
  await expect(support.getByRole('button', { name: 'Stem voor dit idee' })).toHaveCount(0)
  await expect(page.getByRole('heading', { level: 2, name: 'Antwoord van de gemeente' })).toBeVisible()
  const follow = support.getByRole('button', { name: 'Volg dit idee' })
  await expect(follow).toHaveAttribute('aria-pressed', 'false')
  await follow.click()
  await expect(follow).toHaveAttribute('aria-pressed', 'true')
  await expect(support.getByRole('status').last()).toHaveText(
    'U volgt dit idee nu. U krijgt bericht als er iets verandert.',
  )
  await expectAccessible(page, 'a done idea')
  await follow.click()
  await expect(follow).toHaveAttribute('aria-pressed', 'false')
  await expect(support.getByRole('status').last()).toHaveText('U volgt dit idee niet meer.')
})

test('a member comments, replies, corrects and deletes; staff answers are marked', async ({ page }) => {
  // What everyone sees: the official answer marked as the municipality's, replies indented.
  await page.goto('/?sort=top')
  await page.getByRole('link', { name: 'Meer afvalbakken langs het Winschoterdiep' }).click()
  const comments = page.getByRole('region', { name: /Reacties/ })
  await expect(comments.getByRole('article').filter({ hasText: 'Antwoord van de gemeente' })).toContainText(
    'Femke de Vries (gemeente)',
  )
  await expect(comments.getByRole('list', { name: 'Antwoorden op de reactie van Natasja Koster' })).toContainText(
    'Ja, daar zou ook een bak moeten komen.',
  )
  await expect(comments.getByRole('link', { name: 'Log in om te reageren' })).toBeVisible()
  await expectAccessible(page, 'comments seen by a visitor')

  await newMember(page, 'reageerder', 'Joke uit Kolham')
  const id = await proposeIdea(page, {
    title: `Langer open bij de milieustraat ${tag()}`,
    body: 'Op zaterdag is de milieustraat maar tot twaalf uur open. Dat is te kort.',
    themeSlug: 'afval',
  })
  await page.goto(`/ideeen/${id}`)
  await expect(comments.getByText('Er zijn nog geen reacties.')).toBeVisible()

  await comments.getByLabel('Uw reactie', { exact: true }).fill('Tot **vier uur** zou mooi zijn.')
  await comments.getByRole('button', { name: 'Reactie plaatsen' }).click()
  await expect(comments.getByRole('status')).toHaveText('Uw reactie is geplaatst.')
  const mine = comments.getByRole('article').filter({ hasText: 'Tot vier uur zou mooi zijn.' })
  await expect(mine.locator('strong', { hasText: 'vier uur' })).toBeVisible()
  await expect(comments.getByLabel('Uw reactie', { exact: true })).toHaveValue('')
  await expect(page.getByRole('heading', { level: 2, name: 'Reacties (1)' })).toBeVisible()

  // Reply: the form opens with the cursor in it; afterwards focus returns to the button.
  const replyButton = mine.getByRole('button', { name: 'Reageer op Joke uit Kolham' })
  await replyButton.click()
  await expect(replyButton).toHaveAttribute('aria-expanded', 'true')
  await expect(comments.getByLabel('Uw antwoord aan Joke uit Kolham')).toBeFocused()
  await expectAccessible(page, 'an open reply form')
  await comments.getByLabel('Uw antwoord aan Joke uit Kolham').fill('En op zondag ook een paar uur?')
  await comments.getByRole('button', { name: 'Antwoord plaatsen' }).click()
  await expect(comments.getByRole('status')).toHaveText('Uw antwoord is geplaatst.')
  const replies = comments.getByRole('list', { name: 'Antwoorden op de reactie van Joke uit Kolham' })
  await expect(replies).toContainText('En op zondag ook een paar uur?')
  await expect(replyButton).toBeFocused()

  // Correct the comment within the quarter of an hour.
  await mine.getByRole('button', { name: 'Bewerken' }).click()
  const editBox = comments.getByLabel('Uw reactie aanpassen')
  await expect(editBox).toBeFocused()
  await expect(editBox).toHaveValue('Tot **vier uur** zou mooi zijn.')
  await editBox.fill('Tot vijf uur zou nog mooier zijn.')
  await comments.getByRole('button', { name: 'Opslaan' }).click()
  await expect(comments.getByRole('status')).toHaveText('Uw reactie is aangepast.')
  const corrected = comments.getByRole('article').filter({ hasText: 'Tot vijf uur zou nog mooier zijn.' })
  await expect(corrected).toContainText('aangepast')
  await expect(corrected).toBeFocused()

  // Delete the reply: it keeps its place, without its words.
  const reply = replies.getByRole('article')
  await reply.getByRole('button', { name: 'Verwijderen' }).click()
  await expect(reply.getByText('Weet u zeker dat u deze reactie wilt verwijderen?')).toBeFocused()
  await reply.getByRole('button', { name: 'Ja, verwijderen' }).click()
  await expect(comments.getByRole('status')).toHaveText('Uw reactie is verwijderd.')
  await expect(reply).toHaveText('Reactie verwijderd')
  await expect(reply).toBeFocused()
  await expectAccessible(page, 'comments after changes')

  // It all holds after a reload.
  await page.reload()
  await expect(comments.getByRole('article').filter({ hasText: 'Tot vijf uur zou nog mooier zijn.' })).toBeVisible()
  await expect(replies.getByRole('article')).toHaveText('Reactie verwijderd')
})

test('a long conversation loads in pages, focus moving to the first new comment', async ({ page }) => {
  await newMember(page, 'prater', 'Piet Prater')
  const id = await proposeIdea(page, {
    title: `Een bankje bij de bushalte ${tag()}`,
    body: 'Bij de bushalte kunnen ouderen nergens zitten terwijl ze wachten.',
  })
  for (let n = 1; n <= 21; n++) await postComment(page, id, `Reactie nummer ${n}.`)
  await page.goto(`/ideeen/${id}`)
  const comments = page.getByRole('region', { name: /Reacties/ })
  await expect(comments.getByText('Reactie nummer 20.')).toBeVisible()
  await expect(comments.getByText('Reactie nummer 21.')).toHaveCount(0)
  await comments.getByRole('button', { name: 'Meer reacties laden' }).click()
  const last = comments.getByRole('article').filter({ hasText: 'Reactie nummer 21.' })
  await expect(last).toBeFocused()
  await expect(comments.getByRole('button', { name: 'Meer reacties laden' })).toHaveCount(0)
  await expectAccessible(page, 'a long conversation')
})

test('proposing, voting, following and commenting work with the keyboard alone', async ({ page }) => {
  await newMember(page, 'toetsenbord', 'Kees Toetsenbord')
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()

  await tabTo(page, page.getByRole('link', { name: 'Idee insturen' }))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Idee insturen' })).toBeFocused()
  await expectAccessible(page, 'the new-idea form (keyboard)')

  const ideaTitle = `Nieuwe schommels in de speeltuin van Muntendam ${tag()}`
  await tabTo(page, page.getByLabel('Titel'))
  await page.keyboard.type(ideaTitle)
  await expect(page.getByRole('link', { name: 'Speeltuin in Muntendam opknappen' })).toBeVisible()
  await tabTo(page, page.getByLabel('Uw idee'))
  await page.keyboard.type('De schommels zijn kapot. Kinderen kunnen er niet meer op.')
  await tabTo(page, page.getByLabel('Thema'))
  // Typing the first letters picks an option in a closed list, as in every browser.
  await page.keyboard.type('Groen')
  await expect(page.getByLabel('Thema')).toHaveValue(/\d+/)
  await tabTo(page, page.getByRole('checkbox', { name: 'Inwoners' }))
  await page.keyboard.press('Space')
  await expect(page.getByRole('checkbox', { name: 'Inwoners' })).toBeChecked()
  await tabTo(page, page.getByRole('button', { name: 'Voorbeeld bekijken' }))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 2, name: 'Controleer uw idee' })).toBeFocused()
  await tabTo(page, page.getByRole('button', { name: 'Idee insturen' }))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: ideaTitle })).toBeFocused()
  await expectAccessible(page, 'the new idea (keyboard)')

  const support = page.getByRole('region', { name: 'Stemmen en volgen' })
  const vote = support.getByRole('button', { name: 'Stem voor dit idee' })
  await tabTo(page, vote)
  await page.keyboard.press('Space')
  await expect(vote).toHaveAttribute('aria-pressed', 'true')
  await expect(vote).toBeFocused()
  await expect(support.getByRole('status').first()).toHaveText('Uw stem is geteld. Dit idee heeft nu 1 stem.')

  // The author follows their own idea from the start; Space stops and starts again.
  const follow = support.getByRole('button', { name: 'Volg dit idee' })
  await tabTo(page, follow)
  await expect(follow).toHaveAttribute('aria-pressed', 'true')
  await page.keyboard.press('Space')
  await expect(follow).toHaveAttribute('aria-pressed', 'false')
  await expect(support.getByRole('status').last()).toHaveText('U volgt dit idee niet meer.')

  const comments = page.getByRole('region', { name: /Reacties/ })
  await tabTo(page, comments.getByLabel('Uw reactie', { exact: true }))
  await page.keyboard.type('Ik help graag mee met verven.')
  await page.keyboard.press('Tab')
  await expect(comments.getByRole('button', { name: 'Reactie plaatsen' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(comments.getByRole('status')).toHaveText('Uw reactie is geplaatst.')

  const replyButton = comments.getByRole('button', { name: 'Reageer op Kees Toetsenbord' })
  await tabTo(page, replyButton)
  await page.keyboard.press('Enter')
  await expect(comments.getByLabel('Uw antwoord aan Kees Toetsenbord')).toBeFocused()
  await page.keyboard.type('Zaterdag om tien uur?')
  await tabTo(page, comments.getByRole('button', { name: 'Antwoord plaatsen' }))
  await page.keyboard.press('Enter')
  await expect(comments.getByRole('status')).toHaveText('Uw antwoord is geplaatst.')
  await expect(replyButton).toBeFocused()
  await expect(comments.getByRole('list', { name: 'Antwoorden op de reactie van Kees Toetsenbord' })).toContainText(
    'Zaterdag om tien uur?',
  )
  await expectAccessible(page, 'the idea after commenting (keyboard)')
})

test('the new pages work at 320 px wide and in English', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 })
  await newMember(page, 'smal')
  await page.getByRole('button', { name: 'Switch to English' }).click()
  for (const path of ['/', '/ideeen/nieuw', '/ideeen/1']) {
    await page.goto(path)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    )
    expect(overflow, path).toBeLessThanOrEqual(0)
    await expectAccessible(page, `${path} at 320 px in English`)
  }
  await expect(page.getByRole('button', { name: 'Vote for this idea' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: 'Answer from the municipality' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Reply to Natasja Koster' })).toBeVisible()
})
