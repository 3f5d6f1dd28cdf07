import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { ideas } from '../../db/schema'
import { makeIdea, makeTheme, makeUser } from '../../test/fixtures'
import { createTestApp, json, request } from '../../test/test-app'

/** An idea's place in the open data: rounded to about 100 m for everyone, empty without a place. */
const ctx = createTestApp()
const theme = await makeTheme(ctx.db, { name: 'Wegen' })
const author = await makeUser(ctx.db, { displayName: 'Grietje Geheim' })
let placed = 0
let nowhere = 0
let staffFiled = 0

/** A CSV as rows of named cells, read as RFC 4180 says (quoted cells may hold the separator). */
function table(csv: string, separator: ',' | ';'): Record<string, string>[] {
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
      rows.push([...row, cell])
      row = []
      cell = ''
      i++
    } else cell += ch
  }
  const [header = [], ...body] = rows
  return body.map((r) => Object.fromEntries(header.map((name, i) => [name, r[i] ?? ''])))
}

beforeAll(async () => {
  placed = (await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id, title: 'Gat in de weg bij de kerk' })).id
  nowhere = (await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id, title: 'Overal betere fietspaden' })).id
  staffFiled = (await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id, title: 'Losse stoeptegel' })).id
  await ctx.db
    .update(ideas)
    .set({ latitude: 53.2461234, longitude: 6.8415678, placeLabel: 'Kerkstraat 12, Siddeburen' })
    .where(eq(ideas.id, placed))
  // Filed by staff for a resident who phoned: rounded the same way.
  await ctx.db
    .update(ideas)
    .set({ latitude: 53.1604999, longitude: 6.7395001, channel: 'phone' })
    .where(eq(ideas.id, staffFiled))
})

describe('an idea’s place in the open data', () => {
  it('gives latitude and longitude rounded to 3 decimals in ideas.json, and null without a place', async () => {
    const rows = (await json(await request(ctx, '/api/open-data/ideas.json'))) as Record<string, unknown>[]
    const byId = new Map(rows.map((row) => [row.id, row]))
    expect(byId.get(placed)).toMatchObject({ latitude: 53.246, longitude: 6.842 })
    expect(byId.get(staffFiled)).toMatchObject({ latitude: 53.16, longitude: 6.74 })
    expect(byId.get(nowhere)).toMatchObject({ latitude: null, longitude: null })
    // Never the address it was chosen by, nor the exact point.
    const text = JSON.stringify(rows)
    expect(text).not.toContain('Kerkstraat')
    expect(text).not.toContain('53.2461234')
  })

  it('gives the same rounded columns in both CSV forms (a decimal comma for Dutch Excel), empty without a place', async () => {
    const standard = table(await (await request(ctx, '/api/open-data/ideas.csv')).text(), ',')
    const excelBytes = new Uint8Array(
      await (await request(ctx, '/api/open-data/ideas.csv?format=excel-nl')).arrayBuffer(),
    )
    const excel = table(new TextDecoder().decode(excelBytes), ';')
    const row = (rows: Record<string, string>[], id: number) => rows.find((r) => r.id === String(id))
    expect(row(standard, placed)).toMatchObject({ latitude: '53.246', longitude: '6.842' })
    expect(row(excel, placed)).toMatchObject({ latitude: '53,246', longitude: '6,842' })
    expect(row(standard, staffFiled)).toMatchObject({ latitude: '53.16', longitude: '6.74' })
    expect(row(standard, nowhere)).toMatchObject({ latitude: '', longitude: '' })
    expect(row(excel, nowhere)).toMatchObject({ latitude: '', longitude: '' })
  })

  it('shows the exact point on the map, as its author chose to show it', async () => {
    const answer = await json(await request(ctx, '/api/map/ideas'))
    expect(answer.points.find((p: { id: number }) => p.id === placed)).toMatchObject({
      latitude: 53.2461234,
      longitude: 6.8415678,
    })
  })
})
