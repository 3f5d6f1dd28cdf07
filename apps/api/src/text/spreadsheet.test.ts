import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { CSV_BOM } from './csv'
import { fileName, type SheetColumn, toCsv, toXlsx } from './spreadsheet'

type Row = { name: string; share: number | null; count: number; at: number }

const COLUMNS: SheetColumn<Row>[] = [
  { header: 'naam', value: (r) => r.name },
  { header: 'aandeel_pct', value: (r) => r.share, kind: 'number' },
  { header: 'aantal', value: (r) => r.count },
  { header: 'tijdstip', value: (r) => r.at, kind: 'datetime' },
]

// 1 March 2026, 10:30 UTC: 11:30 in Amsterdam (winter time).
const WINTER = Date.UTC(2026, 2, 1, 10, 30)
// 1 July 2026, 10:30 UTC: 12:30 in Amsterdam (summer time).
const SUMMER = Date.UTC(2026, 6, 1, 10, 30)

const ROWS: Row[] = [
  { name: 'Zuidbroek; "Noord"', share: 16.7, count: 1200, at: WINTER },
  { name: '=HYPERLINK("http://x")', share: null, count: 0, at: SUMMER },
]

describe('the spreadsheet module', () => {
  it('writes the Excel-NL form: a BOM, ";" between cells, decimal commas, CRLF and Dutch time', () => {
    const csv = toCsv(COLUMNS, ROWS, 'excel-nl')
    expect(csv.startsWith(CSV_BOM)).toBe(true)
    expect(csv.slice(1).split('\r\n')).toEqual([
      '"naam";"aandeel_pct";"aantal";"tijdstip"',
      '"Zuidbroek; ""Noord""";16,7;1200;"2026-03-01 11:30:00"',
      `"'=HYPERLINK(""http://x"")";;0;"2026-07-01 12:30:00"`,
      '',
    ])
  })

  it('writes the standard form: no BOM, "," between cells, decimal points and UTC times', () => {
    const csv = toCsv(COLUMNS, ROWS, 'standard')
    expect(csv.charCodeAt(0)).not.toBe(0xfeff)
    expect(csv.split('\r\n')).toEqual([
      '"naam","aandeel_pct","aantal","tijdstip"',
      '"Zuidbroek; ""Noord""",16.7,1200,"2026-03-01T10:30:00Z"',
      `"'=HYPERLINK(""http://x"")",,0,"2026-07-01T10:30:00Z"`,
      '',
    ])
  })

  it('writes a workbook that reads back with numbers as numbers, times in Dutch time and text as text', async () => {
    const bytes = await toXlsx([{ name: 'Cijfers', title: 'Dashboard 2026-Q1', columns: COLUMNS, rows: ROWS }])
    // An .xlsx file is a zip archive.
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b])
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(bytes as never)
    const sheet = book.getWorksheet('Cijfers')
    expect(sheet).toBeDefined()
    expect(sheet?.getCell('A1').value).toBe('Dashboard 2026-Q1')
    expect(sheet?.getRow(2).values).toEqual([undefined, 'naam', 'aandeel_pct', 'aantal', 'tijdstip'])
    expect(sheet?.getRow(2).font?.bold).toBe(true)
    expect(sheet?.getCell('A3').value).toBe('Zuidbroek; "Noord"')
    expect(sheet?.getCell('B3').value).toBe(16.7)
    expect(sheet?.getCell('C3').value).toBe(1200)
    expect(sheet?.getCell('D3').value).toEqual(new Date('2026-03-01T11:30:00Z'))
    expect(sheet?.getCell('D4').value).toEqual(new Date('2026-07-01T12:30:00Z'))
    // Text that looks like a formula stays text in a workbook, as it was written.
    expect(sheet?.getCell('A4').value).toBe('=HYPERLINK("http://x")')
    expect(sheet?.getCell('A4').formula).toBeUndefined()
    expect(sheet?.getCell('B4').value).toBeNull()
  })

  it('names files so the two CSV forms are told apart', () => {
    expect(fileName('meedenken-dashboard-2026-Q1', 'excel-nl')).toBe('meedenken-dashboard-2026-Q1-excel.csv')
    expect(fileName('meedenken-dashboard-2026-Q1', 'standard')).toBe('meedenken-dashboard-2026-Q1.csv')
    expect(fileName('meedenken logboek', 'xlsx')).toBe('meedenken-logboek.xlsx')
  })
})
