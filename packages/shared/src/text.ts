import type { Locale } from './enums'

/** A sentence in both interface languages. The API answers in the caller's language. */
export type Text = Record<Locale, string>

export function pickLocale(acceptLanguage: string | undefined | null): Locale {
  if (!acceptLanguage) return 'nl'
  // The first language the caller names wins; Dutch for anything we do not speak.
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? ''
  return first.startsWith('en') ? 'en' : 'nl'
}

/** How much of an idea's text a list shows. */
export const EXCERPT_LENGTH = 180

/** The start of a markdown text as plain words, cut at a word boundary with "…". */
export function excerpt(markdown: string, maxLength = EXCERPT_LENGTH): string {
  const plain = markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    // A text read only in part may end inside a link.
    .replace(/\[([^\]]*)\]\([^)]*$/, '$1')
    // Quote and heading marks only where markdown reads them, at the start of a line: a < or >
    // or # inside a sentence is part of what someone wrote ("<script>" shows as typed).
    .replace(/^[ \t]*(?:>[ \t]?)+/gm, '')
    .replace(/^[ \t]*#{1,6}[ \t]+/gm, '')
    .replace(/[*_`]+/g, '')
    .replace(/^\s*[-+]\s+/gm, '')
    .replace(/\s+/g, ' ')
    .trim()
  if (plain.length <= maxLength) return plain
  const cut = plain.slice(0, maxLength)
  const lastSpace = cut.lastIndexOf(' ')
  return `${cut.slice(0, lastSpace > maxLength * 0.6 ? lastSpace : maxLength).trimEnd()}…`
}
