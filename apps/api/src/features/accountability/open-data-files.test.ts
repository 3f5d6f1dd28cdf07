import { OPEN_DATA_IDEA_COLUMNS, OPEN_DATA_SCORECARD_COLUMNS } from '@meedenken/shared/constants'
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { followupAnswers } from '../../db/schema'
import { rebuildStats } from '../../stats/rebuild'
import { makeDepartment, makeDistrict, makeIdea, makeTheme, makeUser } from '../../test/fixtures'
import { createTestApp, databaseText, json, loginAs, request } from '../../test/test-app'

/**
 * The open-data files as residents and journalists open them: the standard CSV, the form for
 * Dutch Excel, the JSON; and the staff dashboard as a file for a council report.
 */
const ctx = createTestApp()
const department = await makeDepartment(ctx.db, 'Afval en Reiniging')
const waste = await makeTheme(ctx.db, { name: 'Afval', departmentId: department.id })
const roads = await makeTheme(ctx.db, { name: 'Wegen' })
const village = await makeDistrict(ctx.db, 'Zuidbroek')
const author = await makeUser(ctx.db, { displayName: 'Grietje Geheim', email: 'grietje@example.org' })
const QUARTER = '?from=2026-Q4&to=2026-Q4'

/** Reads a CSV as RFC 4180 says, with the given separator: quoted cells may hold it and line breaks. */
function rowsOf(csv: string, separator: ',' | ';'): string[][] {
  const text = csv.replace(/^\uFEFF/, '')
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === separator) {
      row.push(cell)
      cell = ''
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i++
    } else cell += ch
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell])
  return rows
}

beforeAll(async () => {
  ctx.clock.set('2026-11-16T10:00:00Z')
  // Seven ideas about waste, so its figures are shown; one in a village, one about roads.
  for (let i = 0; i < 7; i++) {
    await makeIdea(ctx.db, {
      authorId: author.id,
      themeId: waste.id,
      districtId: i === 0 ? village.id : null,
      title: `Afvalidee nummer ${i} voor de gemeente`,
    })
  }
  const road = await makeIdea(ctx.db, {
    authorId: author.id,
    themeId: roads.id,
    title: 'Een drempel in de Dorpsstraat graag',
  })
  // Two people answered "did it help?" about the road idea: too few to show.
  for (const answer of ['yes', 'no'] as const) {
    const rater = await makeUser(ctx.db)
    await ctx.db.insert(followupAnswers).values({
      ideaId: road.id,
      userId: rater.id,
      answer,
      remark: 'Een geheime opmerking',
      raterGroup: 'resident',
      createdAt: Date.parse('2026-11-02T10:00:00Z'),
      updatedAt: Date.parse('2026-11-02T10:00:00Z'),
    })
  }
  await rebuildStats(ctx.db)
})

describe('open data in two CSV forms', () => {
  it('serves ideas.csv for Dutch Excel: a BOM, ";" between cells, CRLF, and the same rows as the standard form', async () => {
    const res = await request(ctx, '/api/open-data/ideas.csv?format=excel-nl')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/)
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="meedenken-ideeen-excel.csv"')
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const excel = new TextDecoder().decode(bytes)
    expect(excel.split('\r\n').length).toBeGreaterThan(2)
    const standard = await (await request(ctx, '/api/open-data/ideas.csv')).text()
    expect(standard.charCodeAt(0)).not.toBe(0xfeff)
    const excelRows = rowsOf(excel, ';')
    const standardRows = rowsOf(standard, ',')
    expect(excelRows[0]).toEqual([...OPEN_DATA_IDEA_COLUMNS])
    expect(standardRows[0]).toEqual([...OPEN_DATA_IDEA_COLUMNS])
    expect(excelRows).toHaveLength(standardRows.length)
    // Times: UTC in the standard form, the same moment in Dutch time for Excel.
    const at = OPEN_DATA_IDEA_COLUMNS.indexOf('createdAt')
    const utc = standardRows[1]?.[at] ?? ''
    expect(utc).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    const dutch = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Amsterdam',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }).format(new Date(utc))
    expect(excelRows[1]?.[at]).toBe(dutch)
  })

  it('serves scorecard.csv for Dutch Excel with decimal commas, and the standard form with decimal points', async () => {
    const excel = await request(ctx, `/api/open-data/scorecard.csv${QUARTER}&format=excel-nl`)
    expect(excel.status).toBe(200)
    expect(excel.headers.get('content-disposition')).toBe('attachment; filename="meedenken-scorecard-excel.csv"')
    // Read as bytes: Response.text() drops a byte-order mark.
    const excelBytes = new Uint8Array(await excel.arrayBuffer())
    expect([...excelBytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const excelText = new TextDecoder().decode(excelBytes)
    const standardText = await (await request(ctx, `/api/open-data/scorecard.csv${QUARTER}`)).text()
    const excelRows = rowsOf(excelText, ';')
    const standardRows = rowsOf(standardText, ',')
    expect(excelRows[0]).toEqual([...OPEN_DATA_SCORECARD_COLUMNS])
    expect(standardRows[0]).toEqual([...OPEN_DATA_SCORECARD_COLUMNS])
    // Every row has every column in both forms: no decimal comma split a cell.
    for (const row of excelRows) expect(row).toHaveLength(OPEN_DATA_SCORECARD_COLUMNS.length)
    for (const row of standardRows) expect(row).toHaveLength(OPEN_DATA_SCORECARD_COLUMNS.length)
    const col = (name: (typeof OPEN_DATA_SCORECARD_COLUMNS)[number]) => OPEN_DATA_SCORECARD_COLUMNS.indexOf(name)
    const numbers = standardRows.slice(1).map((r) => r[col('implementedPct')] ?? '')
    expect(numbers.every((n) => n === '' || /^\d+(\.\d+)?$/.test(n))).toBe(true)
    const allRow = (rows: string[][]) => rows.find((r) => r[col('themeId')] === '' && r[col('targetGroup')] === 'all')
    expect(allRow(standardRows)?.[col('received')]).toBe('8')
    expect(allRow(excelRows)?.[col('received')]).toBe('8')
    const share = (rows: string[][]) =>
      rows.find((r) => r[col('themeSlug')] === waste.slug && r[col('targetGroup')] === 'all')
    expect(share(standardRows)?.[col('withinNormPct')]).toBe(
      share(excelRows)?.[col('withinNormPct')]?.replace(',', '.'),
    )
  })

  it('writes a decimal comma for a share with decimals in the Excel form', async () => {
    // 1 of the 7 waste ideas declined is 14.3 %.
    const staff = await loginAs(ctx, 'staff')
    const first = (await json(await request(ctx, '/api/open-data/ideas.json')))[0]
    const res = await request(ctx, `/api/ideas/${first.id}/status`, {
      cookie: staff.cookie,
      body: {
        status: 'declined',
        declineReason: 'budget',
        explanation: 'Hier is dit jaar geen geld voor. Wij bewaren het idee voor later.',
      },
    })
    expect(res.status).toBe(201)
    const excel = await (await request(ctx, `/api/open-data/scorecard.csv${QUARTER}&format=excel-nl`)).text()
    const standard = await (await request(ctx, `/api/open-data/scorecard.csv${QUARTER}`)).text()
    const decimals = (text: string, re: RegExp) => text.split(/[;,\r\n]/).filter((cell) => re.test(cell))
    expect(excel).toContain(';14,3;')
    expect(standard).toContain(',14.3,')
    expect(decimals(standard, /^\d+\.\d+$/).length).toBeGreaterThan(0)
    expect(excel).not.toMatch(/;\d+\.\d+;/)
  })

  it('names the theme by the same number and slug in ideas.csv, ideas.json, scorecard.csv and the scorecard JSON', async () => {
    const ideasJson = (await json(await request(ctx, '/api/open-data/ideas.json'))) as Record<string, unknown>[]
    const ideasCsv = rowsOf(await (await request(ctx, '/api/open-data/ideas.csv')).text(), ',')
    const card = await json(await request(ctx, `/api/stats/scorecard${QUARTER}`))
    const scoreCsv = rowsOf(await (await request(ctx, `/api/open-data/scorecard.csv${QUARTER}`)).text(), ',')
    // The JSON's keys are the CSV's column names.
    expect(Object.keys(ideasJson[0] ?? {})).toEqual([...OPEN_DATA_IDEA_COLUMNS])
    const pairs = new Set<string>()
    for (const idea of ideasJson) pairs.add(`${idea.themeId}|${idea.themeSlug}`)
    const i = (name: (typeof OPEN_DATA_IDEA_COLUMNS)[number]) => OPEN_DATA_IDEA_COLUMNS.indexOf(name)
    for (const row of ideasCsv.slice(1)) pairs.add(`${row[i('themeId')]}|${row[i('themeSlug')]}`)
    for (const cell of card.cells) if (cell.themeId !== null) pairs.add(`${cell.themeId}|${cell.themeSlug}`)
    const s = (name: (typeof OPEN_DATA_SCORECARD_COLUMNS)[number]) => OPEN_DATA_SCORECARD_COLUMNS.indexOf(name)
    for (const row of scoreCsv.slice(1)) if (row[s('themeId')]) pairs.add(`${row[s('themeId')]}|${row[s('themeSlug')]}`)
    expect([...pairs].sort()).toEqual([`${waste.id}|${waste.slug}`, `${roads.id}|${roads.slug}`].sort())
    const district = ideasJson.find((idea) => idea.districtId !== null)
    expect(district).toMatchObject({ districtId: village.id, districtName: 'Zuidbroek' })
  })

  it('fills the follow-up columns: zeros when nobody answered, a flag when 1 to 4 people did', async () => {
    const card = await json(await request(ctx, `/api/stats/scorecard${QUARTER}`))
    const cell = (themeId: number) =>
      card.cells.find(
        (c: { themeId: number | null; targetGroup: string }) => c.themeId === themeId && c.targetGroup === 'all',
      )
    expect(cell(waste.id)).toMatchObject({ followup: { yes: 0, partly: 0, no: 0 }, followupSuppressed: false })
    expect(cell(roads.id)).toMatchObject({ followup: null, followupSuppressed: true })
    const rows = rowsOf(await (await request(ctx, `/api/open-data/scorecard.csv${QUARTER}`)).text(), ',')
    const s = (name: (typeof OPEN_DATA_SCORECARD_COLUMNS)[number]) => OPEN_DATA_SCORECARD_COLUMNS.indexOf(name)
    const wasteRow = rows.find((r) => r[s('themeId')] === String(waste.id) && r[s('targetGroup')] === 'all')
    expect(
      [s('followupYes'), s('followupPartly'), s('followupNo'), s('followupSuppressed')].map((c) => wasteRow?.[c]),
    ).toEqual(['0', '0', '0', 'false'])
    const roadRow = rows.find((r) => r[s('themeId')] === String(roads.id) && r[s('targetGroup')] === 'all')
    expect(roadRow?.[s('followupSuppressed')]).toBe('true')
    expect(roadRow?.[s('followupYes')]).toBe('')
  })

  it('holds no personal data in any form', async () => {
    expect(await databaseText(ctx)).toContain('grietje@example.org')
    for (const path of [
      '/api/open-data/ideas.csv',
      '/api/open-data/ideas.csv?format=excel-nl',
      '/api/open-data/ideas.json',
      `/api/open-data/scorecard.csv${QUARTER}`,
      `/api/open-data/scorecard.csv${QUARTER}&format=excel-nl`,
    ]) {
      const text = await (await request(ctx, path)).text()
      expect(text, path).not.toContain('grietje@example.org')
      expect(text, path).not.toContain('Grietje Geheim')
      expect(text, path).not.toContain('Een geheime opmerking')
      expect(text, path).not.toMatch(/@example\.org/)
    }
  })

  it('refuses an unknown format with 422 naming the field', async () => {
    const res = await request(ctx, '/api/open-data/ideas.csv?format=excel')
    expect(res.status).toBe(422)
    expect(Object.keys((await json(res)).error.fields)).toEqual(['format'])
  })
})

describe('the staff dashboard as a file', () => {
  it('is for staff only', async () => {
    expect((await request(ctx, '/api/staff/dashboard/export?quarter=2026-Q4')).status).toBe(401)
    const member = await loginAs(ctx, 'member')
    expect((await request(ctx, '/api/staff/dashboard/export?quarter=2026-Q4', { cookie: member.cookie })).status).toBe(
      403,
    )
  })

  it('gives an Excel workbook whose cells hold the figures on screen, privately', async () => {
    const staff = await loginAs(ctx, 'staff')
    const screen = await json(await request(ctx, '/api/staff/dashboard?quarter=2026-Q4', { cookie: staff.cookie }))
    const res = await request(ctx, '/api/staff/dashboard/export?quarter=2026-Q4&format=xlsx', { cookie: staff.cookie })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="meedenken-dashboard-2026-Q4.xlsx"')
    expect(res.headers.get('cache-control')).toBe('private, no-store')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load((await res.arrayBuffer()) as never)
    const sheet = book.worksheets[0]
    expect(sheet?.name).toBe('Dashboard 2026-Q4')
    expect(String(sheet?.getCell('A1').value)).toContain('2026-Q4')
    expect(sheet?.getRow(2).getCell(2).value).toBe('Afdeling')
    const rows = new Map<string, ExcelJS.Row>()
    sheet?.eachRow((row, n) => {
      if (n > 2) rows.set(String(row.getCell(2).value), row)
    })
    const mine = screen.departments.find((d: { departmentId: number | null }) => d.departmentId === department.id)
    const row = rows.get('Afval en Reiniging')
    expect(row?.getCell(1).value).toBe('2026-Q4')
    expect(row?.getCell(3).value).toBe(mine.received)
    expect(row?.getCell(3).value).toBe(7)
    expect(row?.getCell(10).value).toBe(mine.overdue)
    expect(rows.get('Zonder afdeling')?.getCell(3).value).toBe(1)
  })

  it('gives a CSV for Dutch Excel, and refuses a quarter that is not one with 422', async () => {
    const staff = await loginAs(ctx, 'staff')
    const res = await request(ctx, '/api/staff/dashboard/export?quarter=2026-Q4&format=excel-nl', {
      cookie: staff.cookie,
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="meedenken-dashboard-2026-Q4-excel.csv"')
    expect(res.headers.get('cache-control')).toBe('private, no-store')
    const rows = rowsOf(await res.text(), ';')
    expect(rows[0]?.[0]).toBe('Kwartaal')
    expect(rows.find((r) => r[1] === 'Afval en Reiniging')?.[2]).toBe('7')
    const bad = await request(ctx, '/api/staff/dashboard/export?quarter=2026-Q5', { cookie: staff.cookie })
    expect(bad.status).toBe(422)
  })
})
