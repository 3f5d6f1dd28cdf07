import { customType, integer, pgTable } from 'drizzle-orm/pg-core'

const tsvector = customType<{ data: string; driverData: string }>({ dataType: () => 'tsvector' })

/**
 * The search column of ideas on PostgreSQL (drizzle-pg/0001: a generated tsvector with a GIN
 * index), declared for typed queries only. It is not in schema.pg.ts, so the ideas table
 * there has the same columns and types as SQLite's and a `select` of ideas never reads it.
 *
 * Title words weigh A, body words B; each word is in it twice: its Dutch stem and, for
 * prefixes, itself; both without accents. Query through the same wrapper:
 * - whole words: `search @@ to_tsquery('dutch', meedenken_unaccent(word))` ("fietspaden" → 'fietspad');
 * - a prefix while typing: `to_tsquery('simple', meedenken_unaccent(word) || ':*')`, in the
 *   title only with `:*A`;
 * - rank: `ts_rank(search, query)` (A 1.0, B 0.4 by default; the lists use A 1.0, B 0.1).
 * Every query of it is in features/ideas/search.data.ts, beside SQLite's.
 */
export const ideasSearch = pgTable('ideas', {
  id: integer('id').notNull(),
  search: tsvector('search').notNull(),
})
