// Common Dutch and English words that say nothing about what an idea is about.
const STOPWORDS = new Set(
  (
    'de het een en of van in op te voor met bij aan uit over als dat die dit deze is zijn was er om naar ook niet ' +
    'meer maar dan wel nog kan moet worden wordt door tot onze ons we wij ik je u hun zo heel veel graag ' +
    'the a an and or of in on to for with at by from is are be this that it'
  ).split(' '),
)

const MAX_TERMS = 8

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

/**
 * A safe FTS5 query from whatever a person typed: every word quoted (so no FTS syntax
 * gets through) and matched as a prefix ("fiets" finds "fietsenrekken"), all words
 * required. null when nothing searchable is left.
 */
export function matchAll(input: string): string | null {
  const words = terms(input).slice(0, MAX_TERMS)
  return words.length > 0 ? words.map((w) => `"${w}"*`).join(' ') : null
}

/** For "similar ideas": any meaningful word may match; ranking puts the best first. */
export function matchAny(input: string): string | null {
  const words = [...new Set(terms(input).filter((w) => w.length >= 3 && !STOPWORDS.has(w)))].slice(0, MAX_TERMS)
  return words.length > 0 ? words.map((w) => `"${w}"*`).join(' OR ') : null
}
