import { dutchStem } from './dutch-stem'

// Common Dutch and English words that say nothing about what an idea is about.
const STOPWORDS = new Set(
  (
    'de het een en of van in op te voor met bij aan uit over als dat die dit deze is zijn was er om naar ook niet ' +
    'meer maar dan wel nog kan moet worden wordt door tot onze ons we wij ik je u hun zo heel veel graag ' +
    'the a an and or of in on to for with at by from is are be this that it'
  ).split(' '),
)

const MAX_TERMS = 8

/**
 * The words of what a person typed: letters and digits only, so no search syntax of either
 * engine (FTS5's quotes and operators, tsquery's `& | ! ( ) : * '`) can get through; lower
 * case, at most 40 characters each.
 */
function terms(input: string): string[] {
  return (
    input
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  )
    .map((t) => t.slice(0, 40))
    .slice(0, 32)
}

/** The words a search of the lists looks for, all of them required; empty when nothing searchable is left. */
export function searchWords(input: string): string[] {
  return terms(input).slice(0, MAX_TERMS)
}

/** The words of a title being typed that "similar ideas" looks for, any of them: no short or common ones. */
export function similarWords(input: string): string[] {
  return [...new Set(terms(input).filter((w) => w.length >= 3 && !STOPWORDS.has(w)))].slice(0, MAX_TERMS)
}

/** A word without its accents, as both engines index Dutch ("ideeën" → "ideeen"). */
export function withoutAccents(word: string): string {
  // Composed again, so a script whose letters decompose into letters (Hangul) keeps them.
  return word.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC')
}

/**
 * The beginning a word is looked for by in an index that holds words as written (SQLite's):
 * its Dutch stem when stemming shortened it, so "fietspaden" finds "fietspad" and "wegen"
 * finds "weg"; else the word as typed, which the index folds as it folds its own words. A
 * stem that changes the word ("maan" → "man", "boom" → "bom") is not used: as a beginning it
 * would find mostly other words ("mannen", "bommen").
 */
export function wordBeginning(word: string): string {
  const plain = withoutAccents(word)
  const stem = dutchStem(plain)
  return stem !== plain && plain.startsWith(stem) ? stem : word
}
