import type { APIRequestContext, Page } from '@playwright/test'
import { memberViaApi, staffSession, waitForMail } from '../engage-helpers'
import { expect, expectAccessible, test, uniqueEmail } from '../fixtures'
import { commentByApi, newApiMember, proposeByApi, read, tag, themeId, write } from '../staff-helpers'

/**
 * Issue 18, daily use: the mails a resident gets (what happened, in the words of whoever
 * wrote it, a link to it, why they get it), the daily digest, the merge notification, an
 * idea phoned in and the unsubscribe link, and the "u" form on "Jij zei, wij deden" and the
 * scorecard's summaries. Mail is turned out by a background job (every 3 s on the e2e
 * server), so the mailbox is polled; each journey makes its own people and ideas.
 */

const MAIL_JOB = 30_000

/** Chooses how often mail comes, in the profile, as a member would. */
async function chooseMailFrequency(page: Page, option: 'Direct' | 'Eén keer per dag een overzicht' | 'Nooit') {
  await page.goto('/profiel')
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn profiel' })).toBeVisible()
  const choice = page.getByRole('group', { name: 'Hoe vaak wilt u e-mail krijgen?' })
  await choice.getByRole('radio', { name: option }).check()
  await page.getByRole('button', { name: 'Voorkeur opslaan' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Uw voorkeur is opgeslagen.' })).toBeVisible()
  await expectAccessible(page, 'the profile with the mail choice')
}

/** The mail in the development mailbox page, waited for (the page refreshes itself). */
async function mailInMailbox(page: Page, to: string, subject: string) {
  await page.goto('/dev/mail')
  const mail = page
    .getByRole('listitem')
    .filter({ hasText: `Aan ${to}` })
    .filter({ hasText: subject })
    .first()
  await expect(mail).toBeVisible({ timeout: MAIL_JOB })
  return mail
}

/** Follows the idea link in a mail and checks it lands on that idea's page. */
async function openIdeaFromMail(page: Page, mail: ReturnType<Page['locator']>, ideaId: number, title: string) {
  await mail.getByRole('link', { name: new RegExp(`/ideeen/${ideaId}(#reactie-\\d+)?$`) }).click()
  await expect(page).toHaveURL(new RegExp(`/ideeen/${ideaId}(#reactie-\\d+)?$`))
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expectAccessible(page, 'the idea page, opened from a mail')
}

async function setFrequency(api: APIRequestContext, baseURL: string, emailFrequency: 'immediately' | 'daily') {
  const response = await api.patch('/api/me', { data: { emailFrequency }, headers: { origin: baseURL } })
  expect(response.status(), await response.text()).toBe(200)
}

async function follow(page: Page, ideaId: number, title: string) {
  await page.goto(`/ideeen/${ideaId}`)
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await page.getByRole('button', { name: 'Volg dit idee' }).click()
  await expect(page.getByText('U volgt dit idee nu. U krijgt bericht als er iets verandert.')).toBeVisible()
  await expectAccessible(page, 'an idea page the member follows')
}

test('a follower gets the status change by mail, with the explanation of the civil servant and a link to the idea', async ({
  page,
  baseURL,
}) => {
  const base = baseURL ?? ''
  const t = tag()
  const author = await newApiMember('status-indiener', `Indiener ${t}`)
  const title = `Een hondenpoepbak bij het Kielsterpark ${t}`
  const ideaId = await proposeByApi(author, {
    title,
    body: 'Bij de ingang van het park ligt veel hondenpoep. Een afvalbak voor zakjes helpt.',
  })
  const email = await memberViaApi(page, base, { prefix: 'status-volger', name: `Volger ${t}` })
  await follow(page, ideaId, title)
  await chooseMailFrequency(page, 'Direct')

  const staff = await staffSession(base)
  const explanation = `We zoeken met de buurtvereniging de beste plek voor de afvalbak. ${t}`
  await write(staff, `/api/ideas/${ideaId}/status`, { status: 'under_review', explanation }, { status: [201] })
  await staff.dispose()

  const mail = await mailInMailbox(page, email, `Nieuwe status voor: ${title}`)
  await expect(mail).toContainText('De status is nu: In behandeling.')
  await expect(mail).toContainText(`Uitleg van de gemeente: ${explanation}`)
  await expect(mail).toContainText('U krijgt dit bericht omdat u dit idee volgt.')
  await expectAccessible(page, 'the development mailbox with the status mail')
  await openIdeaFromMail(page, mail, ideaId, title)
  await expect(page.getByText(explanation).first()).toBeVisible()
  await author.api.dispose()
})

test("an idea's author gets a mail with the text when someone else comments, and its link opens the comment", async ({
  page,
  baseURL,
}) => {
  const base = baseURL ?? ''
  const t = tag()
  const email = await memberViaApi(page, base, { prefix: 'reactie-indiener', name: `Indiener ${t}` })
  await setFrequency(page.request, base, 'immediately')
  const title = `Een pluktuin bij de bibliotheek ${t}`
  const themes = await read<{ items: { id: number; slug: string }[] }>(page.request, '/api/themes')
  const { idea } = await write<{ idea: { id: number } }>(
    page.request,
    '/api/ideas',
    {
      title,
      body: 'Naast de bibliotheek ligt een kaal grasveld. Een pluktuin maakt het mooi en lekker.',
      themeId: themes.items.find((th) => th.slug === 'groen')?.id,
    },
    { status: [201] },
  )
  const neighbour = await newApiMember('reactie-buur', `Buurvrouw ${t}`)
  const text = `Mooi plan! Ik wil in de zomer helpen met water geven. ${t}`
  const commentId = await commentByApi(neighbour, idea.id, text)

  const mail = await mailInMailbox(page, email, `Nieuwe reactie op: ${title}`)
  await expect(mail).toContainText(`Iemand heeft gereageerd op uw idee: ${text}`)
  await expect(mail).toContainText('U krijgt dit bericht omdat dit uw idee is.')
  await expectAccessible(page, 'the development mailbox with the comment mail')
  await mail.getByRole('link', { name: new RegExp(`/ideeen/${idea.id}#reactie-${commentId}$`) }).click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  // The link lands on the comment itself.
  await expect(page.locator(`#reactie-${commentId}`)).toBeFocused()
  await expect(page.locator(`#reactie-${commentId}`)).toContainText(text)
  await expectAccessible(page, 'the idea page at the comment, opened from the mail')
  await neighbour.api.dispose()
})

test('a daily digest names each idea with its own reason, and each link opens that idea', async ({ page, baseURL }) => {
  const base = baseURL ?? ''
  const t = tag()
  const author = await newApiMember('overzicht-indiener', `Indiener ${t}`)
  const followedTitle = `Betere verlichting bij station Kropswolde ${t}`
  const votedTitle = `Een overdekte fietsenstalling bij station Kropswolde ${t}`
  const followed = await proposeByApi(author, {
    title: followedTitle,
    body: 'In de winter is het donker op het perron en bij de fietsen. Meer licht voelt veiliger.',
  })
  const voted = await proposeByApi(author, {
    title: votedTitle,
    body: 'Fietsen staan nu in de regen. Een dak boven de stalling houdt ze droog.',
  })
  // An organisation: campaigns other journeys open for residents must not send this
  // member an earlier digest (the next one would come a day later).
  const email = await memberViaApi(page, base, {
    prefix: 'overzicht',
    name: `Lezer ${t}`,
    targetGroup: 'organisation',
  })
  // The daily digest is what a new member gets; the profile says so.
  await page.goto('/profiel')
  await expect(page.getByRole('radio', { name: 'Eén keer per dag een overzicht' })).toBeChecked()
  await expectAccessible(page, 'the profile of a new member')
  await follow(page, followed, followedTitle)
  await page.goto(`/ideeen/${voted}`)
  await page.getByRole('button', { name: 'Stem voor dit idee' }).click()
  await expect(page.getByText('Uw stem is geteld. Dit idee heeft nu 1 stem.')).toBeVisible()

  // Both ideas change at once (one transaction), so the first digest holds both.
  const staff = await staffSession(base)
  const explanation = `We kijken hiernaar met de NS en ProRail. ${t}`
  await write(staff, '/api/staff/bulk/status', { ideaIds: [followed, voted], status: 'under_review', explanation })
  await staff.dispose()

  const subject = 'Uw dagelijkse overzicht van Meedenken'
  const digest = await waitForMail(page.request, email, new RegExp(`^${subject}$`), MAIL_JOB)
  const [, afterFollowed = ''] = digest.text.split(followedTitle)
  const [followedBlock = '', votedBlock = ''] = afterFollowed.split(votedTitle)
  expect(followedBlock).toContain(`Uitleg van de gemeente:\n\n${explanation}`)
  expect(followedBlock).toContain('U krijgt dit bericht omdat u dit idee volgt.')
  expect(followedBlock).not.toContain('gestemd')
  expect(votedBlock).toContain(`Uitleg van de gemeente:\n\n${explanation}`)
  expect(votedBlock).toContain('U krijgt dit bericht omdat u op dit idee hebt gestemd.')
  expect(votedBlock).not.toContain('omdat u dit idee volgt')

  const mail = await mailInMailbox(page, email, subject)
  await expectAccessible(page, 'the development mailbox with the digest')
  await openIdeaFromMail(page, mail, followed, followedTitle)
  await openIdeaFromMail(page, await mailInMailbox(page, email, subject), voted, votedTitle)
  await author.api.dispose()
})

test('after staff merge a followed idea into another, the notification leads to the idea it was merged into', async ({
  page,
  baseURL,
}) => {
  const base = baseURL ?? ''
  const t = tag()
  const author = await newApiMember('samen-indiener', `Indiener ${t}`)
  const sourceTitle = `Een bankje bij de vijver in Sappemeer ${t}`
  const targetTitle = `Meer bankjes in het park van Sappemeer ${t}`
  const source = await proposeByApi(author, {
    title: sourceTitle,
    body: 'Bij de vijver kun je nergens zitten. Een bankje is fijn voor ouderen.',
  })
  const target = await proposeByApi(author, {
    title: targetTitle,
    body: 'In het hele park staan maar twee bankjes. Meer bankjes helpt wandelaars.',
  })
  await memberViaApi(page, base, { prefix: 'samen-volger', name: `Volger ${t}` })
  await follow(page, source, sourceTitle)

  const staff = await staffSession(base)
  const explanation = `Dit idee vraagt hetzelfde als het idee over meer bankjes. ${t}`
  await write(staff, `/api/staff/ideas/${source}/merge`, { targetId: target, explanation }, { status: [200] })
  await staff.dispose()

  await page.goto('/meldingen')
  await expect(page.getByRole('heading', { level: 1, name: 'Meldingen' })).toBeVisible()
  const item = page.getByRole('listitem').filter({ hasText: sourceTitle })
  const link = item.getByRole('link', {
    name: `“${sourceTitle}” is samengevoegd met “${targetTitle}”. U volgt nu dat idee.`,
  })
  await expect(link).toHaveAttribute('href', `/ideeen/${target}`)
  await expect(item.getByRole('blockquote')).toHaveText(explanation)
  await expect(item.getByText('U krijgt dit omdat u dit idee volgt.')).toBeVisible()
  await expectAccessible(page, 'the notification centre with the merge')
  await link.click()
  await expect(page).toHaveURL(new RegExp(`/ideeen/${target}$`))
  await expect(page.getByRole('heading', { level: 1, name: targetTitle })).toBeVisible()
  await expectAccessible(page, 'the idea merged into, opened from the notification')
  await author.api.dispose()
})

test('a resident who phoned in an idea gets the next update at that address and unsubscribes with its link', async ({
  page,
  baseURL,
}) => {
  const base = baseURL ?? ''
  const t = tag()
  const staff = await staffSession(base)
  const email = uniqueEmail('beller-update')
  const title = `Een afvalbak bij het speelveld in Foxhol ${t}`
  const { idea } = await write<{ idea: { id: number } }>(staff, '/api/staff/ideas', {
    title,
    body: 'Meneer De Vries belde: bij het speelveld in Foxhol ligt veel afval, er is geen afvalbak.',
    themeId: await themeId(staff, 'groen'),
    channel: 'phone',
    submitter: { displayName: 'Meneer De Vries', email, targetGroup: 'resident' },
  })
  await waitForMail(staff, email, /^Wij hebben uw idee ontvangen: /, MAIL_JOB)
  // A follower who hears at once: their mail shows when the job has handled each change.
  const follower = await newApiMember('beller-volger', `Volger ${t}`)
  await setFrequency(follower.api, base, 'immediately')
  await write(follower.api, `/api/ideas/${idea.id}/follow`, {}, { method: 'put' })

  const explanation = `We plaatsen een afvalbak en kijken of er meer nodig zijn. ${t}`
  await write(staff, `/api/ideas/${idea.id}/status`, { status: 'under_review', explanation }, { status: [201] })
  const mail = await mailInMailbox(page, email, `Nieuwe status voor: ${title}`)
  await expect(mail).toContainText('De status is nu: In behandeling.')
  await expect(mail).toContainText(`Uitleg van de gemeente: ${explanation}`)
  await expect(mail).toContainText('U krijgt dit bericht omdat u dit idee indiende via de telefoon.')
  // Nobody confirmed the address: no name in the greeting, an offer to choose a password.
  await expect(mail).not.toContainText('De Vries')
  await expect(mail).toContainText('Wilt u zelf inloggen om te stemmen of te reageren?')
  await expectAccessible(page, 'the development mailbox with the update for a phoned-in idea')
  await mail.getByRole('link', { name: /\/afmelden\?u=\d+&t=/ }).click()

  await expect(page.getByRole('heading', { level: 1, name: 'Afmelden voor e-mail' })).toBeVisible()
  await expectAccessible(page, 'the unsubscribe page, opened from the mail')
  await page.getByRole('button', { name: 'Afmelden' }).click()
  const done = page.getByRole('status').filter({ hasText: 'U krijgt geen e-mail meer van Meedenken.' })
  await expect(done).toBeFocused()
  await expectAccessible(page, 'the unsubscribe page after unsubscribing')

  // Two more changes; once the follower has both, the job has handled the first for everyone.
  const answer = `De afvalbak komt er in de eerste week van de maand. ${t}`
  await write(staff, `/api/ideas/${idea.id}/comments`, { body: answer, official: true }, { status: [201] })
  await waitForMail(follower.api, follower.email, /^De gemeente heeft gereageerd op: /, MAIL_JOB)
  await write(
    staff,
    `/api/ideas/${idea.id}/status`,
    { status: 'planned', explanation: `De afvalbak is besteld. ${t}` },
    { status: [201] },
  )
  await expect
    .poll(
      async () =>
        (await read<{ items: { to: string; text: string }[] }>(staff, '/api/dev/mail')).items.some(
          (m) => m.to === follower.email && m.text.includes('De status is nu: Gepland.'),
        ),
      { timeout: MAIL_JOB },
    )
    .toBe(true)
  // The mailbox shows the latest 50 mails: with journeys in parallel, older ones may be gone.
  const { items } = await read<{ items: { to: string; subject: string }[] }>(staff, '/api/dev/mail')
  const toResident = items.filter((m) => m.to === email).map((m) => m.subject)
  expect(toResident.filter((s) => s.startsWith('Nieuwe status voor:')).length).toBeLessThanOrEqual(1)
  expect(toResident).not.toContain(`De gemeente heeft gereageerd op: ${title}`)
  await staff.dispose()
  await follower.api.dispose()
})

const INFORMAL = /(?<![\p{L}\p{N}])(jij|je|jou|jouw)(?![\p{L}\p{N}])/giu

/**
 * The interface's own words on a page: its visible text, title and labels, without what
 * people wrote (the ideas' titles, what changed, the team, the explanation): those are quoted.
 */
async function interfaceText(page: Page, written: string[]): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: the text as shown (not what CSS hides) is what is checked
  let text = await page.locator('body').innerText()
  text += `\n${await page.title()}`
  const labels = await page.locator('[aria-label]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))
  text += `\n${labels.join('\n')}`
  // Links to ideas carry their titles, also those of the map's list beyond the first page.
  const titles = await page.locator('a[href^="/ideeen/"]').allTextContents()
  for (const words of [...written, ...titles].filter((w) => w.trim()).sort((a, b) => b.length - a.length)) {
    text = text.split(words.trim()).join(' ')
  }
  return text
}

test('"Jij zei, wij deden" speaks to the reader as "u": no jij, je or jouw besides its name', async ({ page }) => {
  type Item = { title: string; explanation: string; closure: { whatChanged: string; team: string } }
  const records = async () => (await read<{ items: Item[] }>(page.request, '/api/you-said-we-did')).items
  // Before and after the page: another journey may finish an idea in between.
  const before = await records()
  await page.goto('/jij-zei-wij-deden')
  await expect(page.getByRole('heading', { level: 1, name: 'Jij zei, wij deden' })).toBeVisible()
  const first = page.getByRole('article').first()
  await expect(first).toBeVisible()
  await expect(first).toContainText('Wat de gemeente deed')
  await expectAccessible(page, '"Jij zei, wij deden"')

  const items = [...before, ...(await records())]
  expect(items.length).toBeGreaterThan(0)
  const written = items.flatMap((i) => [i.title, i.closure.whatChanged, i.closure.team, i.explanation])
  const shown = await interfaceText(page, written)
  // The check can fail: it finds the fixed name, which is then taken out.
  expect(shown.match(INFORMAL)?.length ?? 0).toBeGreaterThan(0)
  const text = shown.replaceAll('Jij zei, wij deden', ' ')
  const informal = [...text.matchAll(INFORMAL)].map((m) => {
    const at = m.index ?? 0
    return text.slice(Math.max(0, at - 40), at + 40).replace(/\s+/g, ' ')
  })
  expect(informal, 'the page says "jij", "je" or "jouw" here').toEqual([])
})

test('the scorecard never names one theme as both the highest and the lowest', { tag: '@dates' }, async ({ page }) => {
  // The summary under a chart is its description, what a screen reader says after its name.
  const summaryOf = async (chartName = 'Op tijd beantwoord, per thema') => {
    const id = await page.getByRole('img', { name: chartName }).getAttribute('aria-describedby')
    return ((await page.locator(`#${id}`).textContent()) ?? '').trim()
  }
  await page.goto('/resultaten')
  await expect(page.getByRole('heading', { level: 1, name: 'Resultaten van Meedenken' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: 'In grafieken' })).toBeVisible()
  await expectAccessible(page, 'the scorecard')
  // Every theme: the demo data has themes with different shares.
  const all = await summaryOf()
  const both = /^Het hoogst bij (.+) \([^)]*\), het laagst bij (.+) \([^)]*\)\.$/.exec(all)
  expect(both, `summary over all themes: ${all}`).not.toBeNull()
  expect(both?.[1]).not.toBe(both?.[2])
  // The satisfaction trend likewise never names one month as both.
  const trend = await summaryOf('Tevredenheid per maand')
  const months = /Het hoogst was .+ in (.+), het laagst .+ in (.+)\.$/.exec(trend)
  if (months) expect(months[1]).not.toBe(months[2])

  // One theme: the summary says it is the only one, not that it is the highest and the lowest.
  const filters = page.getByRole('form', { name: 'Periode en thema kiezen' })
  await filters.getByLabel('Thema').selectOption({ label: 'Groen' })
  await filters.getByRole('button', { name: 'Toon cijfers' }).click()
  await expect(page).toHaveURL(/[?&]theme=\d+/)
  await expect(page.getByRole('heading', { level: 2, name: /Thema: Groen/ })).toBeVisible()
  await expect.poll(summaryOf).toMatch(/^Alleen bij Groen zijn genoeg ideeën om dit te laten zien: \d.*%\.$/)
  expect(await summaryOf()).not.toContain('het laagst')
  await expectAccessible(page, 'the scorecard for one theme')
})
