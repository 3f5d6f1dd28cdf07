import { CSV_BOM, csvField } from './csv'

/**
 * Tables as files a spreadsheet opens well: rows plus column definitions become a CSV in
 * one of two dialects, or an .xlsx workbook. Used by the open data, the dashboard export,
 * the audit-log export and the Werkbak export, so every download is written the same way.
 *
 * - `standard`: RFC 4180 — `,` between cells, a decimal point, CRLF, UTF-8 without a BOM
 *   (what programs and most open-data tools expect).
 * - `excel-nl`: what Excel with Dutch settings opens in columns on a double click — `;`
 *   between cells, a decimal comma, CRLF, and a UTF-8 byte-order mark (without it Excel
 *   reads the file as Windows-1252 and garbles é and ë). Times in Dutch time, as Excel
 *   shows them.
 *
 * Text is always quoted and a formula start neutralised (text/csv.ts), in both dialects.
 * An .xlsx cell holds text as text, so no formula can start there.
 */

export type CellValue = string | number | Date | null | undefined

export type ColumnKind = 'text' | 'number' | 'datetime' | 'date'

export type SheetColumn<Row> = {
  /** The column's name in the file's first row. */
  header: string
  // Method syntax on purpose: a column of any row type then fits `SheetColumn<unknown>`, so a
  // workbook can hold sheets of different rows.
  value(row: Row): CellValue
  /**
   * How the value is written: `number` with the dialect's decimal sign, `datetime` from an
   * ISO timestamp, epoch milliseconds or a Date (UTC `…Z` in the standard dialect, Dutch
   * time in the other two), `date` a calendar day (`2026-03-01`, written as it is).
   * Defaults to `text`, or `number` for a number.
   */
  kind?: ColumnKind
  /** Width in the workbook, in characters (a guess from the header when left out). */
  width?: number
}

export type CsvDialect = 'standard' | 'excel-nl'
export type SpreadsheetFormat = CsvDialect | 'xlsx'

export const SPREADSHEET_FORMATS = ['standard', 'excel-nl', 'xlsx'] as const satisfies readonly SpreadsheetFormat[]

const amsterdam = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
})

function toMs(value: string | number | Date): number {
  if (value instanceof Date) return value.getTime()
  if (typeof value === 'number') return value
  return Date.parse(value)
}

/** "2026-03-01 11:00:00": the wall-clock time in the municipality. */
function dutchTime(ms: number): string {
  const p = Object.fromEntries(amsterdam.formatToParts(ms).map((x) => [x.type, x.value]))
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`
}

/** ISO 8601 in UTC, to the second: "2026-03-01T10:00:00Z". */
function utcTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`
}

function kindOf<Row>(column: SheetColumn<Row>, value: CellValue): ColumnKind {
  return column.kind ?? (typeof value === 'number' ? 'number' : 'text')
}

function csvCell<Row>(column: SheetColumn<Row>, row: Row, dialect: CsvDialect): string {
  const value = column.value(row)
  if (value === null || value === undefined || value === '') return ''
  const kind = kindOf(column, value)
  if (kind === 'number' && typeof value === 'number' && Number.isFinite(value)) {
    const text = String(value)
    return dialect === 'excel-nl' ? text.replace('.', ',') : text
  }
  if (kind === 'datetime') {
    const ms = toMs(value)
    if (Number.isNaN(ms)) return csvField(String(value))
    // A time is quoted text like any other, so no reader takes it for a formula or a sum.
    return csvField(dialect === 'excel-nl' ? dutchTime(ms) : utcTime(ms))
  }
  return csvField(value instanceof Date ? utcTime(value.getTime()) : String(value))
}

/** The header line of a CSV in a dialect. */
export function csvHeader<Row>(columns: readonly SheetColumn<Row>[], dialect: CsvDialect): string {
  const separator = dialect === 'excel-nl' ? ';' : ','
  return `${columns.map((c) => csvField(c.header)).join(separator)}\r\n`
}

/** One data line of a CSV in a dialect, ending in CRLF. */
export function csvRow<Row>(columns: readonly SheetColumn<Row>[], row: Row, dialect: CsvDialect): string {
  const separator = dialect === 'excel-nl' ? ';' : ','
  return `${columns.map((c) => csvCell(c, row, dialect)).join(separator)}\r\n`
}

/** What a file in the dialect starts with: the BOM for Excel, nothing for programs. */
export function csvStart(dialect: CsvDialect): string {
  return dialect === 'excel-nl' ? CSV_BOM : ''
}

/** A whole CSV file: the start, the header and every row. */
export function toCsv<Row>(columns: readonly SheetColumn<Row>[], rows: Iterable<Row>, dialect: CsvDialect): string {
  let out = csvStart(dialect) + csvHeader(columns, dialect)
  for (const row of rows) out += csvRow(columns, row, dialect)
  return out
}

export type Sheet<Row> = {
  /** The tab's name (at most 31 characters, no []:*?/\ — Excel's rules; cut and cleaned here). */
  name: string
  columns: readonly SheetColumn<Row>[]
  rows: Iterable<Row>
  /** A line above the header, such as what the figures are about and when they were made. */
  title?: string
}

type ExcelJs = typeof import('exceljs')

let loaded: Promise<ExcelJs> | null = null

/** exceljs is large: loaded on the first export, not when the server starts. */
function excel(): Promise<ExcelJs> {
  loaded ??= import('exceljs').then((m) => ((m as { default?: ExcelJs }).default ?? m) as ExcelJs)
  return loaded
}

/** A Date whose UTC fields are the Dutch wall-clock time: a workbook has no time zones. */
function dutchDate(ms: number): Date {
  const [date = '', time = ''] = dutchTime(ms).split(' ')
  return new Date(`${date}T${time}Z`)
}

function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Blad1'
}

/** An .xlsx workbook with one tab per sheet: a bold, frozen header row, numbers as numbers, times as times. */
export async function toXlsx(sheets: readonly Sheet<unknown>[]): Promise<Uint8Array<ArrayBuffer>> {
  const ExcelJS = await excel()
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Meedenken'
  for (const sheet of sheets) {
    const headerRow = sheet.title ? 2 : 1
    const ws = workbook.addWorksheet(sheetName(sheet.name), {
      views: [{ state: 'frozen', ySplit: headerRow }],
    })
    if (sheet.title) {
      ws.addRow([sheet.title]).font = { bold: true, size: 12 }
    }
    const header = ws.addRow(sheet.columns.map((c) => c.header))
    header.font = { bold: true }
    sheet.columns.forEach((c, i) => {
      const column = ws.getColumn(i + 1)
      column.width = c.width ?? Math.min(60, Math.max(10, c.header.length + 2))
      if (c.kind === 'datetime') column.numFmt = 'yyyy-mm-dd hh:mm'
    })
    for (const row of sheet.rows) {
      ws.addRow(
        sheet.columns.map((c) => {
          const value = c.value(row)
          if (value === null || value === undefined || value === '') return null
          if (c.kind === 'datetime') {
            const ms = toMs(value)
            return Number.isNaN(ms) ? String(value) : dutchDate(ms)
          }
          if (typeof value === 'number') return Number.isFinite(value) ? value : null
          return value instanceof Date ? dutchDate(value.getTime()) : String(value)
        }),
      )
    }
  }
  const buffer = await workbook.xlsx.writeBuffer()
  return new Uint8Array(buffer as ArrayBuffer)
}

export const CONTENT_TYPES = {
  standard: 'text/csv; charset=utf-8; header=present',
  'excel-nl': 'text/csv; charset=utf-8; header=present',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const satisfies Record<SpreadsheetFormat, string>

/**
 * The file name for a download: `base` plus what tells the two CSVs apart
 * (`meedenken-dashboard-2026-Q3-excel.csv`, `….csv`, `….xlsx`).
 */
export function fileName(base: string, format: SpreadsheetFormat): string {
  const safe = base.replace(/[^A-Za-z0-9._-]+/g, '-')
  if (format === 'xlsx') return `${safe}.xlsx`
  return format === 'excel-nl' ? `${safe}-excel.csv` : `${safe}.csv`
}

/** The headers of a download: its type and an attachment name (ASCII, so no encoding is needed). */
export function downloadHeaders(base: string, format: SpreadsheetFormat): Record<string, string> {
  return {
    'Content-Type': CONTENT_TYPES[format],
    'Content-Disposition': `attachment; filename="${fileName(base, format)}"`,
  }
}

/** A table as the bytes of a file in any of the three formats (a CSV leaves `title` out). */
export async function spreadsheet<Row>(format: SpreadsheetFormat, sheet: Sheet<Row>): Promise<Uint8Array<ArrayBuffer>> {
  if (format === 'xlsx') return toXlsx([sheet as Sheet<unknown>])
  return new TextEncoder().encode(toCsv(sheet.columns, sheet.rows, format))
}
