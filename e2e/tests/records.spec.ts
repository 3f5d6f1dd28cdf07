import type { Page } from '@playwright/test'
import { expect, expectAccessible, test } from '../fixtures'
import { ADMIN, amsterdamDay, logInByApi, newApiMember, STAFF, tag } from '../staff-helpers'

// Issue 18: open data for residents, files for the council, the member search, themes and
// villages, the audit log in words, and the dashboard at 320 px.

/** With RECORDS_SHOTS=folder, each page is also saved as a picture at 1280 and 320 px, to look at. */
async function shoot(page: Page, name: string) {
  const folder = process.env.RECORDS_SHOTS
  if (!folder) return
  const size = page.viewportSize()
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 800 })
    await page.screenshot({ path: `${folder}/${name}-${width}.png`, fullPage: true })
  }
  if (size) await page.setViewportSize(size)
}

/** Nothing on the page scrolls the whole page sideways. */
async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow).toBeLessThanOrEqual(0)
}

test('the open-data page explains the files and offers each CSV for Excel beside the standard form', async ({
  page,
}) => {
  await page.goto('/open-data')
  await expect(page.getByRole('heading', { level: 2, name: 'Open data' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 3, name: 'Welk bestand kiest u?' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 3, name: 'Zo opent u een bestand in Excel' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 3, name: 'Wat staat er niet in?' })).toBeVisible()
  const excel = page.getByRole('link', { name: 'Alle ideeën voor Excel downloaden' })
  await expect(excel).toHaveAttribute('href', '/api/open-data/ideas.csv?format=excel-nl')
  await expect(page.getByRole('link', { name: 'Alle ideeën als CSV downloaden' })).toHaveAttribute(
    'href',
    '/api/open-data/ideas.csv',
  )
  await expect(page.getByRole('link', { name: 'De resultaten voor Excel downloaden' })).toHaveAttribute(
    'href',
    '/api/open-data/scorecard.csv?format=excel-nl',
  )
  // The API reference is a page of its own, linked from here.
  await expect(page.getByRole('heading', { level: 3, name: 'Ideas' })).toHaveCount(0)
  await expectAccessible(page, 'the open-data page')
  await page.setViewportSize({ width: 320, height: 640 })
  await expectNoSidewaysScroll(page)
  await shoot(page, 'open-data')
  await page.setViewportSize({ width: 1280, height: 800 })

  // Both forms of ideas.csv: Excel's starts with a BOM and splits on ';', the standard one on ','.
  const excelFile = await page.request.get('/api/open-data/ideas.csv?format=excel-nl')
  expect(excelFile.status()).toBe(200)
  const bytes = await excelFile.body()
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const excelHeader = bytes.subarray(3).toString('utf8').split('\r\n')[0]
  expect(excelHeader?.startsWith('"id";"title";"body";"status";"themeId";"themeSlug"')).toBe(true)
  const standard = await (await page.request.get('/api/open-data/ideas.csv')).body()
  expect(standard[0]).not.toBe(0xef)
  expect(standard.toString('utf8').split('\r\n')[0]?.startsWith('"id","title","body","status","themeId"')).toBe(true)
  const scorecard = (await (await page.request.get('/api/open-data/scorecard.csv?format=excel-nl')).body()).toString(
    'utf8',
  )
  // Decimal commas: a percentage such as 12,5 between two ';'.
  expect(scorecard).toMatch(/;\d+,\d+;/)
  expect(scorecard).not.toMatch(/;\d+\.\d+;/)

  await page.getByRole('link', { name: 'Naar de API-naslag' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'API-naslag' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: 'Ideas' })).toBeVisible()
  await expectAccessible(page, 'the API reference')
  await shoot(page, 'api-reference')
})

test('the dashboard downloads its quarter for the council, and at 320 px only its table scrolls', {
  tag: '@dates',
}, async ({ page }) => {
  await logInByApi(page.request, STAFF)
  await page.goto('/medewerkers/dashboard')
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible()
  const xlsx = page.getByRole('link', { name: 'Downloaden (Excel)' })
  const csv = page.getByRole('link', { name: 'Downloaden (CSV voor Excel)' })
  await expect(xlsx).toHaveAttribute('href', /\/api\/staff\/dashboard\/export\?quarter=\d{4}-Q[1-4]&format=xlsx$/)
  await expect(csv).toHaveAttribute('href', /format=excel-nl$/)
  await expectAccessible(page, 'the dashboard')

  const workbook = await page.request.get((await xlsx.getAttribute('href')) ?? '')
  expect(workbook.status()).toBe(200)
  expect(workbook.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  expect(workbook.headers()['content-disposition']).toMatch(/filename="meedenken-dashboard-\d{4}-Q[1-4]\.xlsx"/)
  // A workbook is a zip archive.
  expect([...(await workbook.body()).subarray(0, 2)]).toEqual([0x50, 0x4b])
  const file = await (await page.request.get((await csv.getAttribute('href')) ?? '')).body()
  expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  expect(file.subarray(3).toString('utf8').split('\r\n')[0]).toContain('"Kwartaal";"Afdeling"')

  // 320 px: the page itself does not scroll sideways; the table scrolls inside its box.
  await page.setViewportSize({ width: 320, height: 640 })
  await expectNoSidewaysScroll(page)
  const box = page.getByRole('region', { name: /Cijfers per afdeling/ })
  expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true)
  await expectAccessible(page, 'the dashboard at 320 px')
  await shoot(page, 'dashboard')
})

test('staff find a member by name and block and unblock them with a reason', async ({ page }) => {
  const name = `Zoekbaar ${tag()}`
  await newApiMember('zoek', name)
  await logInByApi(page.request, STAFF)
  await page.goto('/medewerkers/deelnemers')
  await expect(page.getByRole('heading', { level: 1, name: 'Deelnemers' })).toBeVisible()
  // Too short: said at the field.
  await page.getByLabel('Naam', { exact: true }).fill('Z')
  await page.getByRole('button', { name: 'Zoeken' }).click()
  await expect(page.getByLabel('Naam', { exact: true })).toHaveAccessibleDescription(
    /Typ minstens 2 letters van de naam/,
  )
  await page.getByLabel('Naam', { exact: true }).fill(name)
  await page.getByRole('button', { name: 'Zoeken' }).click()
  const row = page.getByRole('row', { name: new RegExp(name) })
  await expect(row).toContainText('Actief')
  // Staff see no e-mail addresses.
  await expect(page.getByRole('columnheader', { name: 'E-mailadres' })).toHaveCount(0)
  await expectAccessible(page, 'the member search')

  await row.getByRole('button', { name: `${name} blokkeren` }).click()
  await page
    .getByRole('button', { name: `${name} blokkeren` })
    .last()
    .click()
  await expect(page.getByLabel('Reden')).toHaveAccessibleDescription(/Schrijf een reden van minstens/)
  await page.getByLabel('Reden').fill('Plaatst steeds dezelfde reclame')
  await page
    .getByRole('button', { name: `${name} blokkeren` })
    .last()
    .click()
  await expect(page.getByRole('status')).toContainText(`${name} is geblokkeerd.`)
  await expect(row).toContainText('Geblokkeerd')
  await expectAccessible(page, 'the member search after a block')
  await shoot(page, 'members')

  await row.getByRole('button', { name: `${name}: blokkade opheffen` }).click()
  await page.getByLabel('Reden').fill('Heeft beloofd geen reclame meer te plaatsen')
  await page
    .getByRole('button', { name: `${name}: blokkade opheffen` })
    .last()
    .click()
  await expect(page.getByRole('status')).toContainText(`De blokkade van ${name} is opgeheven.`)
  await expect(row).toContainText('Actief')
})

test('an administrator adds, renames and archives a theme; the audit log says so in words, by date, and as a file', {
  tag: '@dates',
}, async ({ page }) => {
  const name = `Proeftuin ${tag()}`
  await logInByApi(page.request, ADMIN)
  await page.goto('/beheer/themas')
  await expect(page.getByRole('heading', { level: 1, name: "Thema's en dorpen" })).toBeVisible()
  const add = page.getByRole('region', { name: 'Thema toevoegen' })
  await add.getByRole('button', { name: 'Toevoegen' }).click()
  await expect(add.getByLabel('Naam (Nederlands)')).toHaveAccessibleDescription(/Vul een naam in/)
  await add.getByLabel('Naam (Nederlands)').fill(name)
  await add.getByLabel('Naam (Engels)').fill(`Test garden ${name.slice(-5)}`)
  await add.getByRole('button', { name: 'Toevoegen' }).click()
  await expect(add.getByRole('status')).toContainText(`${name} is toegevoegd.`)
  const card = page.getByRole('article', { name: new RegExp(name) })
  await expect(card).toContainText('In gebruik')
  await expectAccessible(page, 'the themes and villages page')

  await card.getByRole('button', { name: `${name} wijzigen` }).click()
  await card.getByLabel('Naam (Nederlands)').fill(`${name} en groen`)
  await card.getByRole('button', { name: 'Opslaan' }).click()
  const renamed = page.getByRole('article', { name: new RegExp(`${name} en groen`) })
  await expect(renamed.getByRole('status')).toContainText('Opgeslagen.')
  await renamed.getByRole('button', { name: `${name} en groen archiveren` }).click()
  await expect(renamed).toContainText('Gearchiveerd')
  await expect(renamed.getByRole('status')).toContainText('is gearchiveerd')
  await page.setViewportSize({ width: 320, height: 640 })
  await expectNoSidewaysScroll(page)
  await shoot(page, 'catalog')
  await page.setViewportSize({ width: 1280, height: 800 })

  // The audit log of today: labels and names, no codes, no empty details.
  const today = amsterdamDay()
  await page.goto(`/beheer/logboek?van=${today}&tot=${today}`)
  await expect(page.getByRole('heading', { level: 1, name: 'Logboek' })).toBeVisible()
  const log = page.getByRole('table', { name: 'Handelingen in het logboek, nieuwste eerst' })
  const archived = log.getByRole('row', { name: /Thema gearchiveerd/ }).first()
  await expect(archived).toContainText(`${name} en groen`)
  await expect(log.getByRole('row', { name: /Thema hernoemd/ }).first()).toContainText(`Naam${name} → ${name} en groen`)
  await expect(log).not.toContainText('theme.')
  await expect(log).not.toContainText('Reden: –')
  await expectAccessible(page, 'the audit log of today')

  // A period that runs backwards is said at the field.
  await page.getByLabel('Van').fill(amsterdamDay(1))
  await page.getByLabel('Tot en met').fill(today)
  await page.getByRole('button', { name: 'Toon' }).click()
  await expect(page.getByLabel('Tot en met')).toHaveAccessibleDescription(/niet eerder is dan bij Van/)
  await page.getByLabel('Van').fill(today)
  await page.getByRole('button', { name: 'Toon' }).click()
  const download = page.getByRole('link', { name: 'Downloaden (Excel)' })
  await expect(download).toHaveAttribute('href', new RegExp(`from=${today}&to=${today}&format=xlsx`))
  const file = await page.request.get((await download.getAttribute('href')) ?? '')
  expect(file.status()).toBe(200)
  expect(file.headers()['content-disposition']).toMatch(/filename="meedenken-logboek-[\d-]+\.xlsx"/)
  const csv = await page.request.get(
    (await page.getByRole('link', { name: 'Downloaden (CSV voor Excel)' }).getAttribute('href')) ?? '',
  )
  const text = (await csv.body()).subarray(3).toString('utf8')
  expect(text).toContain(`"Thema gearchiveerd";"Thema";`)
  await shoot(page, 'audit')
})
