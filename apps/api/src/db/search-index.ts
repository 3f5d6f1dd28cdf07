import { integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * The FTS5 index of ideas (migration 0002: a virtual table kept in step by triggers),
 * declared for typed queries only. It is not in schema.ts, so drizzle-kit never tries to
 * create it as an ordinary table. `rank` is FTS5's hidden rank column. Every query of it is
 * in features/ideas/search.data.ts, beside PostgreSQL's.
 */
export const ideasFts = sqliteTable('ideas_fts', {
  rowid: integer('rowid').notNull(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  rank: real('rank').notNull(),
})

/** The index's vocabulary (migration 0008, fts5vocab 'row'): in how many ideas each term occurs. */
export const ideasFtsVocab = sqliteTable('ideas_fts_vocab', {
  term: text('term').notNull(),
  doc: integer('doc').notNull(),
  cnt: integer('cnt').notNull(),
})
