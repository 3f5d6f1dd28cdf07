import snowball from 'snowball-stemmers'

const stemmer = snowball.newStemmer('dutch')

/**
 * The Snowball Dutch stem of a word (snowballstem.org/algorithms/dutch, the algorithm
 * PostgreSQL's `dutch` text search configuration runs), from the `snowball-stemmers`
 * package. PostgreSQL stems the words it indexes itself; SQLite's index holds the words as
 * written, so a search there looks for the beginning of a word's stem as well as of the word
 * ("fietspaden" also finds "fietspad"). src/text/dutch-stem.test.ts compares it with
 * PostgreSQL's stems.
 */
export function dutchStem(input: string): string {
  return stemmer.stem(input)
}
