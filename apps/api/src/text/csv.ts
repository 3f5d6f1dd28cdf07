/**
 * One CSV field (RFC 4180). Text that a spreadsheet would run as a formula (starting with
 * = + - @ or a tab) gets a leading apostrophe, so opening open data in Excel is safe.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return ''
  let text = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvField).join(',')}\r\n`
}

/** Excel opens UTF-8 CSV correctly only with a byte-order mark. */
export const CSV_BOM = '\uFEFF'
