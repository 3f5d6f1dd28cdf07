import { and, asc, desc, eq, gte, lt, ne, type SQL, sql } from 'drizzle-orm'
import { engine } from '../../db/engine'
import type { Db } from '../../db/open'
import { rawRows } from '../../db/raw-sql'
import { ideas } from '../../db/schema'
import { ideasFts, ideasFtsVocab } from '../../db/search-index'
import { ideasSearch } from '../../db/search-index.pg'
import { prepared } from '../../db/statements'
import { searchWords, similarWords, withoutAccents, wordBeginning } from '../../text/search-query'

/**
 * Search over ideas, the one place that knows how each engine does it. SQLite has an FTS5
 * index of the words as written (drizzle/0002): a search looks for the beginning of each
 * word, or of its Dutch stem where the stem begins it. PostgreSQL has a generated tsvector
 * with each word's Dutch stem and the word itself (drizzle-pg/0001, docs/decisions/022): a
 * search looks for the stem, or for the beginning of the word. Both ignore accents and
 * capitals; both rank a match in the title ten times one in the text. Everything a person
 * typed reaches either engine only as bound words of letters and digits
 * (text/search-query.ts).
 */
export type Search = {
  words: string[]
  /** `list`: every word, in title or text. `similar`: any word, in the title. */
  kind: 'list' | 'similar'
}

/** What a list or the Werkbak searches for; null when nothing searchable is left. */
export function listSearch(input: string): Search | null {
  const words = searchWords(input)
  return words.length > 0 ? { words, kind: 'list' } : null
}

/** What "similar ideas" looks for in a title being typed; null when no meaningful word is left. */
export function similarSearch(input: string): Search | null {
  const words = similarWords(input)
  return words.length > 0 ? { words, kind: 'similar' } : null
}

/**
 * Above this many matches a search counts as common: ranking or sorting every match would
 * cost tens of milliseconds, so a list sorts by its own order and (on SQLite) walks its sort
 * index, keeping the ideas that match (docs/decisions/010-performance.md).
 */
export const COMMON_MATCHES = 2_000

/**
 * How a list runs a search. `rank`: order the matches by how well they match (asked for,
 * and not a common search). `walk`: a common search walks the list's sort index and tests
 * each idea, where a rare one reads its few matches first and sorts them.
 */
export type SearchPlan = { rank: boolean; walk: boolean }

export async function searchPlan(db: Db, search: Search, rankWanted: boolean): Promise<SearchPlan> {
  const common = (await estimateMatches(db, search)) > COMMON_MATCHES
  return { rank: rankWanted && !common, walk: common }
}

const p = sql.placeholder

/** The FTS5 query: each word's beginning quoted, so no FTS5 syntax gets through. */
function ftsQuery(search: Search): string {
  const each = search.words.map((word) => `"${wordBeginning(word)}"*`)
  return search.kind === 'similar' ? `title : (${each.join(' OR ')})` : each.join(' ')
}

/**
 * The tsquery, built in SQL from one bound parameter per word: the word without accents
 * (meedenken_unaccent, as the index), quoted as a tsquery lexeme (quotes and backslashes
 * doubled), so whatever the unaccent rules turn a letter into ("ŉ" → "'n") stays a word.
 * Each word: its Dutch stem, or a word that begins with it; in the title only (`A`) for
 * similar ideas. All words for a list, any for similar ideas.
 */
function tsquery(search: Search, word: (i: number) => unknown, weighted = true): SQL {
  const title = weighted && search.kind === 'similar'
  const each = search.words.map((_, i) => {
    const lexeme = sql`'''' || replace(replace(meedenken_unaccent(${word(i)}::text), '\\', '\\\\'), '''', '''''') || ''''`
    const whole = title ? sql`${lexeme} || ':A'` : lexeme
    const prefix = title ? sql`${lexeme} || ':*A'` : sql`${lexeme} || ':*'`
    return sql`(to_tsquery('dutch', ${whole}) || to_tsquery('simple', ${prefix}))`
  })
  // Similar ideas: any of the words; a list: all of them.
  return sql`(${sql.join(each, sql.raw(search.kind === 'similar' ? ' || ' : ' && '))})`
}

/** The name of a search's SQL text, for prepared statements: PostgreSQL's has a parameter per word. */
export function searchShape(search: Search): string {
  return engine === 'postgres' ? `${search.kind[0]}${search.words.length}` : (search.kind[0] as string)
}

/** The values of the placeholders of `ideaMatches(search, walk, true)` and of the ranked statements. */
export function searchParams(search: Search): Record<string, unknown> {
  if (engine === 'postgres') return Object.fromEntries(search.words.map((w, i) => [`word${i}`, w]))
  return { match: ftsQuery(search) }
}

/** The expression of the `ideas_title_search` index (drizzle-pg/0002), word for word. */
const TITLE_WORDS = sql`(to_tsvector('dutch'::regconfig, meedenken_unaccent(${ideas.title})) || to_tsvector('simple'::regconfig, meedenken_unaccent(${ideas.title})))`

/** PostgreSQL: the search column matches, with the words as placeholders (`bound`) or values. */
function searchMatches(search: Search, bound: boolean): SQL {
  return sql`${ideasSearch.search} @@ ${tsquery(search, (i) => (bound ? p(`word${i}`) : search.words[i]))}`
}

/**
 * The condition that a list's idea matches, for a query over `ideas`, as `searchPlan` said:
 * walking the sort index and testing each idea, or reading the matches first. With `bound`,
 * the words are placeholders of a prepared statement (`searchParams` gives their values).
 */
export function ideaMatches(search: Search, walk: boolean, bound: boolean): SQL {
  if (engine === 'postgres') {
    if (walk) return searchMatches(search, bound)
    // The matches' ids first, from the search index: told only `search @@ …`, the planner
    // would walk the sort index for a rare word too (its estimate for a word outside its
    // statistics is a few hundred ideas), reading every idea for one that matches nothing.
    const matched = sql`select "matched"."id" from "ideas" "matched" where "matched"."search" @@ ${tsquery(search, (i) => (bound ? p(`word${i}`) : search.words[i]))}`
    return sql`${ideas.id} = any(array(${matched}))`
  }
  // "+id" keeps SQLite's planner on the list's sort index, testing membership in the match
  // set as it walks; otherwise it reads the few matches by id and sorts them.
  const id = walk ? sql`+${ideas.id}` : sql`${ideas.id}`
  return sql`${id} in (select rowid from ideas_fts where ideas_fts match ${bound ? p('match') : ftsQuery(search)})`
}

type Statement<Row> = { execute: (params: Record<string, unknown>) => Promise<Row[]> }

/**
 * Ranked matches of a list search: `rank` ascending (best first), then id. FTS5's bm25 with
 * the title ten times the text; on PostgreSQL ts_rank with title (A) 1.0 and text (B) 0.1,
 * negated so that lower is better there too. `where` holds the list's other conditions;
 * with `after`, the placeholders `afterValue` and `afterId` continue after a page.
 */
export function rankedMatches(
  db: Db,
  key: string,
  search: Search,
  where: SQL | undefined,
  after: boolean,
): Statement<{ id: number; rank: number }> {
  const name = `search.ranked.${searchShape(search)}.${key}`
  if (engine === 'postgres') {
    return prepared(db, name, (d) => {
      const rank = sql<number>`-ts_rank('{0.1, 0.1, 0.1, 1.0}', ${ideasSearch.search}, ${tsquery(search, (i) => p(`word${i}`))})`
      return d
        .select({ id: ideas.id, rank })
        .from(ideas)
        .where(
          and(
            searchMatches(search, true),
            where,
            after ? sql`(${rank}, ${ideas.id}) > (${p('afterValue')}, ${p('afterId')})` : undefined,
          ),
        )
        .orderBy(asc(rank), asc(ideas.id))
        .limit(p('limit'))
        .prepare()
    })
  }
  return prepared(db, name, (d) =>
    d
      .select({ id: ideasFts.rowid, rank: ideasFts.rank })
      .from(ideasFts)
      .innerJoin(ideas, eq(ideas.id, ideasFts.rowid))
      .where(
        and(
          sql`${ideasFts} match ${p('match')}`,
          sql`${ideasFts.rank} match 'bm25(10.0, 1.0)'`,
          where,
          after ? sql`(${ideasFts.rank}, ${ideasFts.rowid}) > (${p('afterValue')}, ${p('afterId')})` : undefined,
        ),
      )
      .orderBy(asc(ideasFts.rank), asc(ideasFts.rowid))
      .limit(p('limit'))
      .prepare(),
  )
}

/** Visible ideas whose title matches a title being typed, best first, then by id. */
export async function similarMatches(db: Db, search: Search, limit: number) {
  const columns = { id: ideas.id, title: ideas.title, status: ideas.status, voteCount: ideas.voteCount }
  const visible = and(eq(ideas.hidden, 0), ne(ideas.status, 'merged'))
  // PostgreSQL: a word in thousands of titles ("station") is not ranked, which would sort every
  // match (7,023 rows, 110-240 ms at 100k ideas); its most supported ideas come first instead,
  // walking the ideas_top index (1.2-1.4 ms). A rarer word is ranked.
  const common = engine === 'postgres' && (await estimateMatches(db, search)) > COMMON_MATCHES
  const name = `search.similar.${searchShape(search)}${common ? '.top' : ''}`
  const statement =
    engine === 'postgres'
      ? prepared(db, name, (d) => {
          const rank = sql<number>`-ts_rank(${ideasSearch.search}, ${tsquery(search, (i) => p(`word${i}`))})`
          // Found through the titles' own index (drizzle-pg/0002): the same words as the
          // search column's `:A` part, without rechecking every idea with the word in its text.
          const inTitle = sql`${TITLE_WORDS} @@ ${tsquery(search, (i) => p(`word${i}`), false)}`
          return d
            .select(columns)
            .from(ideas)
            .where(and(inTitle, visible))
            .orderBy(...(common ? [desc(ideas.voteCount), desc(ideas.id)] : [asc(rank), asc(ideas.id)]))
            .limit(p('limit'))
            .prepare()
        })
      : prepared(db, name, (d) =>
          d
            .select(columns)
            .from(ideasFts)
            .innerJoin(ideas, eq(ideas.id, ideasFts.rowid))
            .where(and(sql`${ideasFts} match ${p('match')}`, visible))
            .orderBy(asc(ideasFts.rank), asc(ideasFts.rowid))
            .limit(p('limit'))
            .prepare(),
        )
  return await statement.execute({ ...searchParams(search), limit })
}

/**
 * About how many ideas a search matches, to tell a common search from a rare one before
 * running it. SQLite: FTS5's vocabulary, per word the ideas holding a word that begins like
 * it (an upper bound), the rarest word. PostgreSQL has no such vocabulary: the planner's
 * estimate from its statistics of the search column (EXPLAIN, no rows read; measured on the
 * 100,000-idea benchmark data: 0.3–2 ms, where counting up to COMMON_MATCHES + 1 took
 * 9–55 ms for a common word).
 */
export async function estimateMatches(db: Db, search: Search): Promise<number> {
  if (engine === 'postgres') {
    const [row] = await rawRows(
      db,
      sql`explain (format json) select 1 from ${ideas} where ${searchMatches(search, false)}`,
    )
    const plan = typeof row?.[0] === 'string' ? JSON.parse(row[0]) : row?.[0]
    return Number((plan as [{ Plan: { 'Plan Rows': number } }])[0].Plan['Plan Rows'])
  }
  const documents = prepared(db, 'search.vocabulary', (d) =>
    d
      .select({ n: sql<number | null>`sum(${ideasFtsVocab.doc})` })
      .from(ideasFtsVocab)
      .where(and(gte(ideasFtsVocab.term, p('from')), lt(ideasFtsVocab.term, p('until'))))
      .prepare(),
  )
  let fewest = Number.POSITIVE_INFINITY
  for (const word of search.words) {
    // The vocabulary holds the words as the index folded them: "ideeën" as "ideeen".
    const from = withoutAccents(wordBeginning(word))
    const until = from.slice(0, -1) + String.fromCodePoint((from.codePointAt(from.length - 1) ?? 0) + 1)
    fewest = Math.min(fewest, (await documents.execute({ from, until }))[0]?.n ?? 0)
  }
  return fewest === Number.POSITIVE_INFINITY ? 0 : fewest
}
