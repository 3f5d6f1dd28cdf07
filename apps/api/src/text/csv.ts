/** The characters a spreadsheet takes as the start of a formula (OWASP, CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/

/**
 * Where a spreadsheet could see a cell start inside a text, besides its beginning: after
 * each `,` (a reader that splits on commas and ignores quotes), `;` (Excel with Dutch
 * settings) or line break. A `;` reader does not see our quotes where we see them: for it,
 * a text after the first column is part of an unquoted cell, so a `;` or a line break inside
 * the text starts a new cell there, and a `"` right after it (one of the text's, or our
 * closing quote when the text ends there) would open a quoted cell whose end we do not
 * control. A quote-aware `,` reader is never out of step with us, so after a `,` only the
 * formula characters count.
 */
const INNER_CELL_STARTS = /(,)(?=[=+\-@\t\r])|([;\r\n])(?=[=+\-@\t\r"]|$)/g

/**
 * One CSV field (RFC 4180), safe to open in a spreadsheet whichever delimiter it splits on.
 * Numbers go out bare, so they stay numbers (our exports have no negative ones, which a `;`
 * reader would see start a cell with `-`). Every text is quoted, and wherever a cell could
 * start inside it (see INNER_CELL_STARTS) with a character that begins a formula (= + - @ tab CR),
 * or with a quote, an apostrophe goes in front, as OWASP advises: the spreadsheet then
 * shows the text as it is.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number' || typeof value === 'bigint') return String(value)
  const raw = String(value)
  const text = (FORMULA_START.test(raw) ? "'" : '') + raw.replace(INNER_CELL_STARTS, "$1$2'")
  return `"${text.replace(/"/g, '""')}"`
}

export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvField).join(',')}\r\n`
}

/** Excel opens UTF-8 CSV correctly only with a byte-order mark. */
export const CSV_BOM = '\uFEFF'
