import { readFileSync } from 'node:fs'
import { inflateRawSync } from 'node:zlib'
import { type APIRequestContext, type Locator, type Page, request } from '@playwright/test'
import { amsterdamDay } from '../clock'
import { expect, expectAccessible, PASSWORD, tabTo, test } from '../fixtures'
import { baseURL } from '../playwright.config'
import {
  ADMIN,
  type ApiMember,
  logInByApi,
  newApiMember,
  read,
  reportByApi,
  STAFF,
  tag,
  themeId,
  write,
} from '../staff-helpers'

// Issue 18, daily use by staff: told of new work in the app and by mail (item 10), handing
// several ideas over at once and narrowing the Werkbak (item 9), the Werkbak as a file
// (item 12), and villages that come and go (item 13). Every journey makes its own people,
// ideas and names, with a word of its own: journeys in parallel never see each other's work.

/** Mail becomes due on the server's 3-second job (NOTIFY_EVERY_SECONDS); a busy machine is slower. */
const JOB = 20_000

type Notice = { kind: string; ideaId: number | null; reason: string | null }

/** Sends in an idea as `member`, in a theme and (when given) a village; returns its id. */
async function ideaBy(
  member: ApiMember,
  idea: { title: string; body: string; themeSlug: string; districtId?: number },
): Promise<number> {
  const { idea: created } = await write<{ idea: { id: number } }>(
    member.api,
    '/api/ideas',
    {
      title: idea.title,
      body: idea.body,
      themeId: await themeId(member.api, idea.themeSlug),
      ...(idea.districtId ? { districtId: idea.districtId } : {}),
    },
    { status: [201] },
  )
  return created.id
}

async function districtId(api: APIRequestContext, name: string): Promise<number> {
  const { items } = await read<{ items: { id: number; name: string }[] }>(api, '/api/districts')
  const district = items.find((d) => d.name === name)
  expect(district, `district ${name}`).toBeDefined()
  return district?.id ?? 0
}

/** Presses `key` (Tab or Shift+Tab) until `target` has focus, as a keyboard user would. */
async function keyTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab', maxPresses = 60): Promise<void> {
  if (key === 'Tab') return tabTo(page, target, maxPresses)
  await expect(target).toBeVisible()
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return
    await page.keyboard.press(key)
  }
  await expect(target).toBeFocused()
}

/**
 * Chooses an option in the focused list box by typing the start of its name, as a keyboard
 * user does; then checks the list box shows exactly `label`.
 */
async function typeToChoose(page: Page, select: Locator, start: string, label: string): Promise<void> {
  await expect(select).toBeFocused()
  await page.keyboard.type(start)
  await expect(select.locator('option:checked')).toHaveText(label)
}

/**
 * Waits until all four lists of the Werkbak's filters have arrived: the filters are drawn
 * anew then (to show the values in the address), which would undo a choice made before.
 */
async function filtersLoaded(search: Locator): Promise<void> {
  for (const [label, option] of [
    ['Thema', 'Groen'],
    ['Dorp of wijk', 'Muntendam'],
    ['Afdeling', 'Sport en Cultuur'],
    ['Behandelaar', 'Dennis Meijer (gemeente)'],
  ] as const) {
    await expect(search.getByLabel(label).getByRole('option', { name: option, exact: true })).toBeAttached()
  }
}

/** Waits until the person signed in on `api` has a notice of this kind about this idea. */
async function waitForNotice(api: APIRequestContext, kind: string, ideaId: number): Promise<Notice> {
  let found: Notice | undefined
  await expect
    .poll(
      async () => {
        const { items } = await read<{ items: Notice[] }>(api, '/api/me/notifications?limit=50')
        found = items.find((n) => n.kind === kind && n.ideaId === ideaId)
        return found !== undefined
      },
      { timeout: JOB, intervals: [250, 500, 1000], message: `a ${kind} notice about idea ${ideaId}` },
    )
    .toBe(true)
  return found as Notice
}

/** The mail to `email` with this subject in the development mailbox (the page refreshes itself). */
async function mailIn(page: Page, email: string, subject: string): Promise<Locator> {
  await page.goto('/dev/mail')
  const mail = page
    .getByRole('listitem')
    .filter({ hasText: `Aan ${email}` })
    .filter({ has: page.getByRole('heading', { name: subject, exact: true }) })
  await expect(mail).toBeVisible({ timeout: JOB })
  return mail
}

/** The text of one file in a zip archive (an .xlsx workbook is one), read with node's own inflate. */
function zipEntry(zip: Buffer, name: string): string {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  expect(end, 'the end of a zip archive').toBeGreaterThan(0)
  let at = zip.readUInt32LE(end + 16)
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const nameLength = zip.readUInt16LE(at + 28)
    const entry = zip.toString('utf8', at + 46, at + 46 + nameLength)
    if (entry === name) {
      const method = zip.readUInt16LE(at + 10)
      const size = zip.readUInt32LE(at + 20)
      const local = zip.readUInt32LE(at + 42)
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)
      const data = zip.subarray(start, start + size)
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8')
    }
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32)
  }
  throw new Error(`${name} is not in the archive`)
}

test('a civil servant is told in the app and by mail of a new idea, an idea assigned to them and a new report', async ({
  page,
}) => {
  const word = tag()
  // A new colleague, who wants mail at once.
  const admin = await request.newContext({ baseURL })
  await logInByApi(admin, ADMIN)
  // Made side by side: each waits for its confirmation mail.
  const [member, resident, reporter] = await Promise.all([
    newApiMember('collega', `Wietske Bos ${word}`),
    newApiMember('bewoner', 'Gerda uit Meeden'),
    newApiMember('melder', 'Melder Henk'),
  ])
  await write(admin, `/api/admin/users/${member.id}/role`, { role: 'staff' }, { method: 'put' })
  await member.api.dispose()
  await logInByApi(page.request, { email: member.email, password: PASSWORD })
  const me = await page.request.patch('/api/me', {
    data: { emailFrequency: 'immediately' },
    headers: { origin: baseURL },
  })
  expect(me.status(), await me.text()).toBe(200)

  // An idea for Femke's department (Verkeer en Vervoer), which she will hand to the colleague.
  // Once the job has told Femke of it, it has told everyone of every idea sent in before it
  // (the demo's recent ideas too, just after the server started): from then on the colleague
  // hears only of this journey's work.
  const handed = `Een bankje bij de bushalte in Meeden ${word}`
  const handedId = await ideaBy(resident, {
    title: handed,
    body: 'Bij de bushalte in Meeden kun je nergens zitten. Voor ouderen is dat lastig.',
    themeSlug: 'wegen-en-verkeer',
  })
  const femke = await request.newContext({ baseURL })
  await logInByApi(femke, STAFF)
  await waitForNotice(femke, 'new_idea', handedId)

  // The colleague joins Sociaal Domein (theme "Zorg en welzijn"), and a resident sends in an idea there.
  const { items: departments } = await read<{ items: { id: number; slug: string }[] }>(admin, '/api/departments')
  const social = departments.find((d) => d.slug === 'sociaal-domein')
  expect(social).toBeDefined()
  await write(admin, `/api/admin/users/${member.id}/department`, { departmentId: social?.id }, { method: 'put' })
  await admin.dispose()
  const fresh = `Een koffieochtend voor ouderen in Meeden ${word}`
  const freshId = await ideaBy(resident, {
    title: fresh,
    body: 'Veel ouderen in Meeden zijn alleen. Een koffieochtend in het dorpshuis brengt mensen samen.',
    themeSlug: 'zorg-en-welzijn',
  })

  // (a) A new idea for the department: in the notification centre, followed with the keyboard.
  const notice = await waitForNotice(page.request, 'new_idea', freshId)
  expect(notice.reason).toBe('department')
  await page.goto('/meldingen')
  await expect(page.getByRole('heading', { level: 1, name: 'Meldingen' })).toBeVisible()
  const told = page.getByRole('link', { name: `Nieuw idee voor uw afdeling: “${fresh}”.` })
  await expect(
    page
      .getByRole('article')
      .filter({ has: told })
      .getByText('U krijgt dit omdat u medewerker bent van de afdeling Sociaal Domein.'),
  ).toBeVisible()
  await expectAccessible(page, 'the notification centre with a new idea')
  await tabTo(page, told)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(new RegExp(`/medewerkers/ideeen/${freshId}$`))
  await expect(page.getByRole('heading', { level: 1, name: `#${freshId} ${fresh}` })).toBeVisible()
  await expectAccessible(page, 'the staff page of the new idea')

  // ... and by mail, whose link leads to the same staff page.
  let mail = await mailIn(page, member.email, `Nieuw idee voor uw afdeling: ${fresh}`)
  await expect(mail).toContainText('Er is een nieuw idee binnengekomen')
  await expect(mail).toContainText('U krijgt dit bericht omdat u medewerker bent van de afdeling Sociaal Domein.')
  await expectAccessible(page, 'the development mailbox with the new idea')
  await mail.getByRole('link', { name: `${baseURL}/medewerkers/ideeen/${freshId}`, exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: `#${freshId} ${fresh}` })).toBeVisible()
  await expectAccessible(page, 'the staff page of the new idea, opened from the mail')

  // (b) Femke, of another department, hands her idea to them.
  await write(femke, `/api/staff/ideas/${handedId}/assign`, {
    assigneeId: member.id,
    note: 'Dit gaat over ouderen, dus over welzijn.',
  })
  await femke.dispose()
  expect((await waitForNotice(page.request, 'idea_assigned', handedId)).reason).toBe('assignee')
  await page.goto('/meldingen')
  const assigned = page.getByRole('link', { name: `“${handed}” is aan u toegewezen.` })
  await expect(
    page.getByRole('article').filter({ has: assigned }).getByText('U krijgt dit omdat dit idee aan u is toegewezen.'),
  ).toBeVisible()
  await expectAccessible(page, 'the notification centre with an assigned idea')
  await tabTo(page, assigned)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: `#${handedId} ${handed}` })).toBeVisible()
  await expect(page.getByText(`Wietske Bos ${word}`).first()).toBeVisible()
  await expectAccessible(page, 'the staff page of the assigned idea')

  mail = await mailIn(page, member.email, `Aan u toegewezen: ${handed}`)
  await expect(mail).toContainText('Dit idee is aan u toegewezen.')
  // Its link is the staff page just visited (following a mail's link was shown above).
  await expect(mail.getByRole('link', { name: `${baseURL}/medewerkers/ideeen/${handedId}`, exact: true })).toBeVisible()
  await expectAccessible(page, 'the development mailbox with the assigned idea')

  // (c) Someone reports the new idea: told at once, and led to moderation and on to the idea.
  await reportByApi(reporter, { type: 'idea', id: freshId }, 'off_topic')
  await reporter.api.dispose()
  expect((await waitForNotice(page.request, 'report_new', freshId)).reason).toBe('department')
  await page.goto('/meldingen')
  const reported = page.getByRole('link', {
    name: `Iemand heeft iets gemeld bij “${fresh}”. Bekijk het bij moderatie.`,
  })
  await expectAccessible(page, 'the notification centre with a report')
  await tabTo(page, reported)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Moderatie' })).toBeVisible()
  const card = page.getByRole('article', { name: `Idee “${fresh}”` })
  await expect(card).toContainText('Gemeld in de e2e-test')
  await expectAccessible(page, 'the moderation page')
  await card.getByRole('link', { name: `Open idee #${freshId}` }).click()
  await expect(page.getByRole('heading', { level: 1, name: `#${freshId} ${fresh}` })).toBeVisible()
  await expectAccessible(page, 'the staff page of the reported idea')
  mail = await mailIn(page, member.email, `Nieuwe melding om te beoordelen: ${fresh}`)
  await expect(mail).toContainText('Iemand heeft dit idee gemeld. Bekijk de melding bij moderatie.')
  await expect(mail.getByRole('link', { name: `${baseURL}/medewerkers/moderatie`, exact: true })).toBeVisible()
  await expectAccessible(page, 'the development mailbox with the report')
  await resident.api.dispose()
})

test('with the keyboard alone, a civil servant hands three ideas to a department and a colleague at once and narrows the Werkbak to them', async ({
  page,
}) => {
  const word = `overdracht${tag()}`
  const resident = await newApiMember('werkbak-overdracht', 'Joke uit Muntendam')
  const muntendam = await districtId(resident.api, 'Muntendam')
  const zuidbroek = await districtId(resident.api, 'Zuidbroek')
  const ideas = [
    { title: `Een jeu-de-boulesbaan in Muntendam ${word}`, districtId: muntendam, handOver: true },
    { title: `Een beweegtuin bij het dorpshuis in Muntendam ${word}`, districtId: muntendam, handOver: true },
    { title: `Een trapveldje in Zuidbroek ${word}`, districtId: zuidbroek, handOver: true },
    { title: `Een skatebaan in Muntendam ${word}`, districtId: muntendam, handOver: false },
  ]
  const ids = new Map<string, number>()
  for (const idea of ideas) {
    ids.set(
      idea.title,
      await ideaBy(resident, {
        title: idea.title,
        body: 'Jongeren en ouderen willen graag buiten bewegen. Nu is daar in het dorp geen plek voor.',
        themeSlug: 'groen',
        districtId: idea.districtId,
      }),
    )
  }
  await resident.api.dispose()
  await logInByApi(page.request, STAFF)
  const { items: departments } = await read<{ items: { id: number; slug: string }[] }>(page.request, '/api/departments')
  const sport = departments.find((d) => d.slug === 'sport-en-cultuur')?.id
  const { items: colleagues } = await read<{ items: { id: number; displayName: string }[] }>(
    page.request,
    '/api/staff/colleagues',
  )
  const dennis = colleagues.find((c) => c.displayName === 'Dennis Meijer (gemeente)')?.id
  expect([sport, dennis]).not.toContain(undefined)

  // Search for the word, then open the list of all ideas: keys only from here on.
  await page.goto('/medewerkers')
  await expect(page.getByRole('heading', { level: 1, name: 'Werkbak' })).toBeVisible()
  const search = page.getByRole('search', { name: 'Zoeken en filteren in de werkbak' })
  const words = search.getByLabel('Zoeken', { exact: true })
  await tabTo(page, words)
  await page.keyboard.type(word)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(new RegExp(`\\?tab=needs_answer&q=${word}$`))
  const allTab = page
    .getByRole('navigation', { name: 'Lijsten in de werkbak' })
    .getByRole('link', { name: /^Alle ideeën/ })
  await tabTo(page, allTab)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(new RegExp(`\\?tab=all&q=${word}$`))
  const list = page.getByRole('list', { name: 'Alle ideeën' })
  await expect(list.getByRole('listitem')).toHaveCount(4)
  await expectAccessible(page, 'the Werkbak with four ideas')

  // Pick the three to hand over, in the order the list shows them.
  for (const title of await list.getByRole('heading', { level: 3 }).allInnerTexts()) {
    const idea = ideas.find((i) => i.title === title)
    if (!idea?.handOver) continue
    const box = list.getByRole('checkbox', { name: `Kies #${ids.get(title)} ${title}` })
    await tabTo(page, box)
    await page.keyboard.press('Space')
    await expect(box).toBeChecked()
  }
  await expect(page.getByText('3 geselecteerd').first()).toBeVisible()
  await keyTo(page, page.getByRole('button', { name: 'Toewijzen', exact: true }), 'Shift+Tab')
  await page.keyboard.press('Enter')
  const panel = page.getByRole('region', { name: '3 ideeën toewijzen' })
  await expect(panel.getByRole('heading', { name: '3 ideeën toewijzen' })).toBeFocused()
  await expectAccessible(page, 'the bulk assign form')
  await page.keyboard.press('Tab')
  await typeToChoose(page, panel.getByLabel('Afdeling'), 'Sport', 'Sport en Cultuur')
  await page.keyboard.press('Tab')
  await typeToChoose(page, panel.getByLabel('Behandelaar'), 'Dennis', 'Dennis Meijer (gemeente)')
  await page.keyboard.press('Tab')
  await expect(panel.getByLabel('Notitie bij de overdracht (niet verplicht)')).toBeFocused()
  await page.keyboard.type('Speelplekken en sport horen bij Sport en Cultuur.')
  await tabTo(page, panel.getByRole('button', { name: '3 ideeën toewijzen' }))
  await page.keyboard.press('Enter')
  await expect(page.getByText('3 ideeën zijn toegewezen.')).toBeFocused()
  for (const idea of ideas) {
    const { departmentId, assigneeId } = (
      await read<{ staff: { departmentId: number | null; assigneeId: number | null } }>(
        page.request,
        `/api/staff/ideas/${ids.get(idea.title)}`,
      )
    ).staff
    expect([departmentId === sport, assigneeId === dennis], idea.title).toEqual([idea.handOver, idea.handOver])
  }
  await expectAccessible(page, 'the Werkbak after handing three ideas over')

  // Narrow to Muntendam, Sport en Cultuur and Dennis: back up to the filters, then search.
  await keyTo(page, search.getByLabel('Dorp of wijk'), 'Shift+Tab')
  await typeToChoose(page, search.getByLabel('Dorp of wijk'), 'Muntendam', 'Muntendam')
  await tabTo(page, search.getByLabel('Afdeling'))
  await typeToChoose(page, search.getByLabel('Afdeling'), 'Sport', 'Sport en Cultuur')
  await page.keyboard.press('Tab')
  await typeToChoose(page, search.getByLabel('Behandelaar'), 'Dennis', 'Dennis Meijer (gemeente)')
  await keyTo(page, search.getByRole('button', { name: 'Zoeken' }), 'Shift+Tab')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(
    new RegExp(`/medewerkers\\?tab=all&q=${word}&district=${muntendam}&department=${sport}&assignee=${dennis}$`),
  )
  const wanted = ideas.filter((i) => i.handOver && i.districtId === muntendam).map((i) => i.title)
  await expect(list.getByRole('heading', { level: 3 })).toHaveText(wanted.toReversed())
  await expect(page.getByText('Gevonden met deze filters: 2 ideeën.')).toBeVisible()
  await expectAccessible(page, 'the Werkbak narrowed by village, department and colleague')

  // The address keeps the view: a reload shows the same filters and the same two ideas.
  await page.reload()
  await expect(search.getByLabel('Dorp of wijk').locator('option:checked')).toHaveText('Muntendam')
  await expect(search.getByLabel('Afdeling').locator('option:checked')).toHaveText('Sport en Cultuur')
  await expect(search.getByLabel('Behandelaar').locator('option:checked')).toHaveText('Dennis Meijer (gemeente)')
  await expect(list.getByRole('heading', { level: 3 })).toHaveText(wanted.toReversed())
  await expectAccessible(page, 'the narrowed Werkbak after a reload')
})

test('a civil servant downloads a Werkbak selection for Dutch Excel and as a workbook', {
  tag: '@dates',
}, async ({ page }) => {
  const word = `bestand${tag()}`
  const resident = await newApiMember('werkbak-bestand', 'René uit Hoogezand')
  const green = [
    `Bloemen; bijen en vlinders in de berm ${word}`,
    `Een moestuin voor de basisschool in Hoogezand ${word}`,
  ]
  const ids: number[] = []
  for (const title of green) {
    ids.push(
      await ideaBy(resident, {
        title,
        body: 'Meer groen in het dorp is goed voor bijen en voor kinderen die leren waar eten vandaan komt.',
        themeSlug: 'groen',
      }),
    )
  }
  const waste = `Een extra glasbak bij de supermarkt ${word}`
  await ideaBy(resident, {
    title: waste,
    body: 'De glasbak bij de supermarkt is in het weekend altijd vol. Een tweede bak zou helpen.',
    themeSlug: 'afval',
  })
  await resident.api.dispose()
  await logInByApi(page.request, STAFF)

  // The selection: every idea with the word, in the theme Groen.
  await page.goto(`/medewerkers?tab=all&q=${word}`)
  const search = page.getByRole('search', { name: 'Zoeken en filteren in de werkbak' })
  await filtersLoaded(search)
  await search.getByLabel('Thema').selectOption({ label: 'Groen' })
  await search.getByRole('button', { name: 'Zoeken' }).click()
  await expect(page).toHaveURL(/tab=all&q=[^&]+&theme=\d+$/)
  await expect(page.getByText('Gevonden met deze filters: 2 ideeën.')).toBeVisible()
  await expectAccessible(page, 'the Werkbak selection to download')

  const day = amsterdamDay()
  const csvLink = page.getByRole('link', { name: 'Downloaden (CSV voor Excel)' })
  await tabTo(page, csvLink)
  const [csv] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')])
  expect(csv.suggestedFilename()).toBe(`meedenken-werkbak-all-${day}-excel.csv`)
  const bytes = readFileSync(await csv.path())
  // A byte-order mark first (Excel reads UTF-8 then), ';' between the cells.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const [header, ...rows] = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n')
  expect(header?.startsWith('"Nummer";"Titel";"Status";"Thema";"Dorp of wijk";"Afdeling";"Behandelaar"')).toBe(true)
  // Exactly the two ideas of the selection, newest first; a ';' in a title stays inside its quotes.
  expect(rows.map((row) => Number(row.split(';')[0]))).toEqual(ids.toReversed())
  expect(rows[1]).toContain(`;"${green[0]}";"Nieuw";"Groen";"Overal";"Beheer Openbare Ruimte";"Niemand";`)
  expect(rows[0]).toContain(`;"${green[1]}";`)
  expect(bytes.toString('utf8')).not.toContain(waste)
  expect(bytes.toString('utf8')).not.toContain('René')

  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Downloaden (Excel)' }).click(),
  ])
  expect(xlsx.suggestedFilename()).toBe(`meedenken-werkbak-all-${day}.xlsx`)
  const workbook = readFileSync(await xlsx.path())
  // A workbook is a zip archive; its text says what was selected and on which day.
  expect([...workbook.subarray(0, 2)]).toEqual([0x50, 0x4b])
  const strings = zipEntry(workbook, 'xl/sharedStrings.xml')
  expect(strings).toContain(
    `Meedenken, werkbak (lijst: Alle ideeën; zoekwoorden: ${word}; thema: Groen), gemaakt ${day}`,
  )
  for (const title of green) expect(strings).toContain(title)
  expect(strings).not.toContain(waste)
})

test('an administrator adds, renames and archives a village: new ideas can no longer choose it, an old idea keeps it', async ({
  page,
  browser,
}) => {
  const name = `Tussenklap ${tag()}`
  const renamed = `${name}-Oost`
  await logInByApi(page.request, ADMIN)
  await page.goto('/beheer/themas')
  await expect(page.getByRole('heading', { level: 1, name: "Thema's en dorpen" })).toBeVisible()
  const add = page.getByRole('region', { name: 'Dorp of wijk toevoegen' })
  await add.getByLabel('Naam', { exact: true }).fill(name)
  await add.getByRole('button', { name: 'Toevoegen' }).click()
  await expect(add.getByRole('status')).toContainText(`${name} is toegevoegd.`)
  const card = page.getByRole('article', { name: new RegExp(`^${name} In gebruik$`) })
  await expect(card).toBeVisible()
  await expectAccessible(page, 'the themes and villages page with a new village')

  // A resident sends in an idea in the new village while it is on offer.
  const resident = await newApiMember('nieuw-dorp', 'Klaas uit Tussenklap')
  const village = await districtId(resident.api, name)
  const oldTitle = `Een brievenbus in ${name}`
  const oldIdea = await ideaBy(resident, {
    title: oldTitle,
    body: 'De dichtstbijzijnde brievenbus is twee kilometer verderop. Dat is ver voor ouderen.',
    themeSlug: 'dienstverlening',
    districtId: village,
  })

  await card.getByRole('button', { name: `${name} wijzigen` }).click()
  await card.getByLabel('Naam', { exact: true }).fill(renamed)
  await card.getByRole('button', { name: 'Opslaan' }).click()
  const renamedCard = page.getByRole('article', { name: new RegExp(`^${renamed} `) })
  await expect(renamedCard.getByRole('status')).toContainText('Opgeslagen.')
  await renamedCard.getByRole('button', { name: `${renamed} archiveren` }).click()
  await expect(renamedCard.getByRole('status')).toContainText(`${renamed} is gearchiveerd.`)
  await expect(renamedCard.getByRole('heading', { level: 3 })).toHaveText(`${renamed} Gearchiveerd`)
  await expectAccessible(page, 'the themes and villages page with an archived village')

  // The new-idea form no longer offers it; the API refuses it too.
  const context = await browser.newContext()
  const visitor = await context.newPage()
  await logInByApi(visitor.request, { email: resident.email, password: PASSWORD })
  await visitor.goto('/ideeen/nieuw')
  await expect(visitor.getByRole('heading', { level: 1, name: 'Idee insturen' })).toBeVisible()
  const districts = visitor.getByLabel('Dorp of wijk (niet verplicht)')
  await expect(districts.getByRole('option', { name: 'Muntendam', exact: true })).toHaveCount(1)
  await expect(districts.getByRole('option', { name: renamed })).toHaveCount(0)
  await expect(districts.getByRole('option', { name })).toHaveCount(0)
  await expectAccessible(visitor, 'the new-idea form')
  const refused = await resident.api.post('/api/ideas', {
    data: {
      title: `Nog een idee voor ${renamed}`,
      body: 'Dit dorp is gearchiveerd, dus dit idee kan er niet meer bij horen.',
      themeId: await themeId(resident.api, 'dienstverlening'),
      districtId: village,
    },
    headers: { origin: baseURL },
  })
  expect(refused.status(), await refused.text()).toBe(422)

  // The old idea keeps its village, under the new name.
  await visitor.goto(`/ideeen/${oldIdea}`)
  await expect(visitor.getByRole('heading', { level: 1, name: oldTitle })).toBeVisible()
  await expect(visitor.getByText(renamed, { exact: true })).toBeVisible()
  await expectAccessible(visitor, 'the old idea in the archived village')
  await context.close()
  await resident.api.dispose()
})
