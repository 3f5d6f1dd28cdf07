/**
 * The Snowball Dutch stemmer (snowballstem.org/algorithms/dutch, the version PostgreSQL's
 * `dutch` text search configuration runs), for a word that is already lower case and
 * without accents. PostgreSQL stems the words it indexes itself; SQLite's index holds the
 * words as written, so a search there looks for the beginning of a word's stem as well as
 * of the word ("fietspaden" also finds "fietspad"). src/text/dutch-stem.test.ts compares
 * this with PostgreSQL's stems.
 */
export function dutchStem(input: string): string {
  const w = [...input]
  prelude(w)
  const [p1, p2] = regions(w)
  standardSuffix(w, p1, p2)
  return w.join('').replace(/[IY]/g, (c) => c.toLowerCase())
}

/** Vowels; after the prelude, `I` and `Y` are consonants. */
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y', 'è'])
const isVowel = (c: string | undefined) => c !== undefined && VOWELS.has(c)
const isNonVowel = (c: string | undefined) => c !== undefined && !VOWELS.has(c)

const UNACCENT: Record<string, string> = {
  á: 'a',
  ä: 'a',
  é: 'e',
  ë: 'e',
  í: 'i',
  ï: 'i',
  ó: 'o',
  ö: 'o',
  ú: 'u',
  ü: 'u',
}

function prelude(w: string[]): void {
  for (let i = 0; i < w.length; i++) w[i] = UNACCENT[w[i] as string] ?? (w[i] as string)
  if (w[0] === 'y') w[0] = 'Y'
  // A `y` after a vowel and an `i` between vowels act as consonants, scanning left to right.
  for (let i = 0; i < w.length; i++) {
    if (!isVowel(w[i])) continue
    if (w[i + 1] === 'i' && isVowel(w[i + 2])) w[i + 1] = 'I'
    else if (w[i + 1] === 'y') w[i + 1] = 'Y'
  }
}

/** R1 and R2: after the first non-vowel that follows a vowel, and the same again; R1 leaves at least three letters before it. */
function regions(w: string[]): [number, number] {
  const limit = w.length
  if (limit < 3) return [limit, limit]
  const after = (from: number): number => {
    let i = from
    while (i < limit && !isVowel(w[i])) i++
    while (i < limit && isVowel(w[i])) i++
    return i < limit ? i + 1 : limit
  }
  const r1 = after(0)
  if (r1 === limit) return [limit, limit]
  return [Math.max(r1, 3), after(r1)]
}

function endsWith(w: string[], suffix: string): boolean {
  return w.length >= suffix.length && w.slice(w.length - suffix.length).join('') === suffix
}

/** The longest of the suffixes the word ends with. */
function longest(w: string[], suffixes: string[]): string | undefined {
  return suffixes.filter((s) => endsWith(w, s)).sort((a, b) => b.length - a.length)[0]
}

function cut(w: string[], n: number): void {
  w.length -= n
}

/** kk, dd or tt at the end loses its last letter. */
function undouble(w: string[]): void {
  if (endsWith(w, 'kk') || endsWith(w, 'dd') || endsWith(w, 'tt')) cut(w, 1)
}

/** An `en` (of length n) in R1 after a non-vowel, not after `gem`, goes; then undouble. */
function enEnding(w: string[], n: number, p1: number): boolean {
  const start = w.length - n
  if (start < p1 || !isNonVowel(w[start - 1])) return false
  if (start >= 3 && w.slice(start - 3, start).join('') === 'gem') return false
  cut(w, n)
  undouble(w)
  return true
}

/** An `e` in R1 after a non-vowel goes; then undouble. Whether it went. */
function eEnding(w: string[], p1: number): boolean {
  const start = w.length - 1
  if (!endsWith(w, 'e') || start < p1 || !isNonVowel(w[start - 1])) return false
  cut(w, 1)
  undouble(w)
  return true
}

function standardSuffix(w: string[], p1: number, p2: number): void {
  const inR1 = (n: number) => w.length - n >= p1
  const inR2 = (n: number) => w.length - n >= p2

  // Step 1.
  const step1 = longest(w, ['heden', 'ene', 'en', 'se', 's'])
  if (step1 === 'heden') {
    if (inR1(5)) w.splice(w.length - 5, 5, ...'heid')
  } else if (step1 === 'en' || step1 === 'ene') {
    enEnding(w, step1.length, p1)
  } else if (step1 === 's' || step1 === 'se') {
    const before = w[w.length - step1.length - 1]
    if (inR1(step1.length) && isNonVowel(before) && before !== 'j') cut(w, step1.length)
  }

  // Step 2.
  const eFound = eEnding(w, p1)

  // Step 3a.
  if (endsWith(w, 'heid') && inR2(4) && w[w.length - 5] !== 'c') {
    cut(w, 4)
    if (endsWith(w, 'en')) enEnding(w, 2, p1)
  }

  // Step 3b.
  const step3 = longest(w, ['end', 'ing', 'ig', 'lijk', 'baar', 'bar'])
  if (step3 === 'end' || step3 === 'ing') {
    if (inR2(3)) {
      cut(w, 3)
      if (endsWith(w, 'ig') && inR2(2) && w[w.length - 3] !== 'e') cut(w, 2)
      else undouble(w)
    }
  } else if (step3 === 'ig') {
    if (inR2(2) && w[w.length - 3] !== 'e') cut(w, 2)
  } else if (step3 === 'lijk') {
    if (inR2(4)) {
      cut(w, 4)
      eEnding(w, p1)
    }
  } else if (step3 === 'baar') {
    if (inR2(4)) cut(w, 4)
  } else if (step3 === 'bar') {
    if (inR2(3) && eFound) cut(w, 3)
  }

  // Step 4: a double vowel between consonants at the end becomes single ("maan" → "man").
  const n = w.length
  const last = w[n - 1]
  if (
    n >= 4 &&
    isNonVowel(last) &&
    last !== 'I' &&
    ['aa', 'ee', 'oo', 'uu'].includes(`${w[n - 3]}${w[n - 2]}`) &&
    isNonVowel(w[n - 4])
  ) {
    w.splice(n - 2, 1)
  }
}
