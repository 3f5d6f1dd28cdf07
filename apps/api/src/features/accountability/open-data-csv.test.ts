import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { makeIdea, makeTheme, makeUser } from '../../test/fixtures'
import { createTestApp, request } from '../../test/test-app'
import { CSV_BOM, csvField, csvLine } from '../../text/csv'

/** What a spreadsheet runs as a formula when a cell starts with it (OWASP, CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/

/**
 * Reads CSV as a spreadsheet does, with the given delimiter: Excel with English settings
 * splits on `,`, with Dutch settings on `;`. A cell that starts with `"` is quoted until a
 * lone `"` (`""` is one quote), and whatever follows up to the next delimiter is added as
 * it is; a quote anywhere else is an ordinary character. CR, LF and CRLF end a row.
 */
function readCsv(text: string, delimiter: ',' | ';'): string[][] {
  const source = text.startsWith(CSV_BOM) ? text.slice(1) : text
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let cellStart = true
  let i = 0
  while (i < source.length) {
    const ch = source[i] as string
    if (cellStart && ch === '"') {
      i++
      while (i < source.length) {
        if (source[i] === '"') {
          if (source[i + 1] !== '"') {
            i++
            break
          }
          i++
        }
        cell += source[i]
        i++
      }
      cellStart = false
    } else if (ch === delimiter) {
      row.push(cell)
      cell = ''
      cellStart = true
      i++
    } else if (ch === '\r' || ch === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      cellStart = true
      i += ch === '\r' && source[i + 1] === '\n' ? 2 : 1
    } else {
      cell += ch
      cellStart = false
      i++
    }
  }
  if (!cellStart || cell !== '' || row.length > 0) rows.push([...row, cell])
  return rows
}

/** The crudest reader: every line break ends a row and every delimiter a cell, quotes or not. */
function splitCsv(text: string, delimiter: ',' | ';'): string[][] {
  const source = text.startsWith(CSV_BOM) ? text.slice(1) : text
  return source.split(/\r\n|\r|\n/).map((line) => line.split(delimiter))
}

const formulaCells = (csv: string, delimiter: ',' | ';') =>
  [...readCsv(csv, delimiter), ...splitCsv(csv, delimiter)].flat().filter((cell) => FORMULA_START.test(cell))

/** Text made mostly of the characters that matter here, so the interesting cases come often. */
const hostileText = fc.string({
  unit: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', ',', ';', '"', "'", ' ') },
    { weight: 2, arbitrary: fc.constantFrom('a', 'B', '1', 'é', '(', ')', '|', '!') },
    { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 1 }) },
  ),
  maxLength: 24,
})
const cellValue = fc.oneof(hostileText, fc.nat(), fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constant(null))

describe('open data as CSV', () => {
  it('never gives a spreadsheet a cell that starts a formula, whether it splits on "," or on ";"', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cellValue, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }),
        (rows) => {
          const csv = CSV_BOM + rows.map(csvLine).join('')
          expect(formulaCells(csv, ',')).toEqual([])
          expect(formulaCells(csv, ';')).toEqual([])
        },
      ),
      { numRuns: 2000 },
    )
  })

  it('reads back, split on ",", as the same rows with the same numbers and the text only marked', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cellValue, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }),
        (rows) => {
          const read = readCsv(CSV_BOM + rows.map(csvLine).join(''), ',')
          expect(read).toHaveLength(rows.length)
          for (const [r, row] of rows.entries()) {
            expect(read[r]).toHaveLength(row.length)
            for (const [c, value] of row.entries()) {
              const cell = read[r]?.[c]
              if (value === null) expect(cell).toBe('')
              else if (typeof value === 'number') expect(cell).toBe(String(value))
              // Marking only adds apostrophes: take them all away on both sides and the text is the same.
              else expect(cell?.replaceAll("'", '')).toBe(value.replaceAll("'", ''))
            }
          }
        },
      ),
      { numRuns: 1000 },
    )
  })

  it('quotes every text field, neutralises formula starts after "," ";" or a line break inside it, and leaves numbers bare', () => {
    expect(csvField('Groene wijk')).toBe('"Groene wijk"')
    expect(csvField('=1+1')).toBe(`"'=1+1"`)
    expect(csvField('Kerkstraat;=HYPERLINK("http://x")')).toBe(`"Kerkstraat;'=HYPERLINK(""http://x"")"`)
    expect(csvField('a,+1')).toBe(`"a,'+1"`)
    expect(csvField('regel\n@SUM(A1)')).toBe(`"regel\n'@SUM(A1)"`)
    expect(csvField('a, -b')).toBe('"a, -b"')
    expect(csvField('"Groene" wijk, "echt"')).toBe('"""Groene"" wijk, ""echt"""')
    expect(csvField('tot hier;')).toBe(`"tot hier;'"`)
    expect(csvField(42)).toBe('42')
    expect(csvField(16.7)).toBe('16.7')
    expect(csvField(0)).toBe('0')
    expect(csvField(null)).toBe('')
    expect(csvLine(['id', 7, null, 'x'])).toBe('"id",7,,"x"\r\n')
  })

  it('serves an idea whose title hides a formula behind a ";" as text in ideas.csv', async () => {
    const ctx = createTestApp()
    const theme = await makeTheme(ctx.db)
    const author = await makeUser(ctx.db)
    const title = 'Bankjes bij het meer;=HYPERLINK("http://evil.example","klik")'
    await makeIdea(ctx.db, {
      authorId: author.id,
      themeId: theme.id,
      title,
      body: 'Uitleg;\n-2+3 en @iedereen;+31 6 1234',
    })
    const res = await request(ctx, '/api/open-data/ideas.csv')
    expect(res.status).toBe(200)
    const csv = await res.text()
    expect(formulaCells(csv, ',')).toEqual([])
    expect(formulaCells(csv, ';')).toEqual([])
    expect(readCsv(csv, ',')[1]?.[1]).toBe(`Bankjes bij het meer;'=HYPERLINK("http://evil.example","klik")`)
  })
})
