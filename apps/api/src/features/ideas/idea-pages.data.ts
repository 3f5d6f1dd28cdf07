import { randomInt } from 'node:crypto'
import { type IdeaStatus, type IdeaWithComments, PAGE_SIZE } from '@meedenken/shared'
import { SqliteError } from 'better-sqlite3'
import { installationSettings } from '../../config/installation.data'
import type { Db } from '../../db/open'
import { queryAll, queryGet, queryRun } from '../../db/prepared'
import { countQuietWrites } from '../../db/quiet-writes'
import { encodeCursor } from '../../http/cursor'
import { listComments } from '../comments/comments.data'
import { dayCounts, findIdea } from './ideas.data'

/**
 * An idea with its first page of comments, as GET /api/ideas/{id} answers it; for a
 * member with their own vote, follow and offer of help.
 */
export function ideaWithComments(db: Db, id: number, viewerId: number | null, now: number): IdeaWithComments | null {
  const idea = findIdea(db, id, viewerId, now)
  if (!idea) return null
  const comments = listComments(db, id, null, PAGE_SIZE)
  return { idea, comments: { items: comments.items, nextCursor: comments.next ? encodeCursor(comments.next) : null } }
}

/**
 * A visitor's idea page as stored (decision 015): everything but the fields sent from the
 * row's own columns. JSON.stringify keeps this key order, so the text always starts with
 * PAGE_START and those fields go in right after it.
 */
const PAGE_START = '{"idea":{'

function storedText(page: IdeaWithComments): string {
  const {
    voteCount: _votes,
    followerCount: _followers,
    responseNormDays: _norm,
    waitingWorkingDays: _waiting,
    daysSinceUpdate: _since,
    ...steady
  } = page.idea
  return JSON.stringify({ idea: steady, comments: page.comments })
}

type PageRow = {
  page: Buffer
  stamp: number
  status: IdeaStatus
  createdAt: number
  firstResponseAt: number | null
  lastPublicUpdateAt: number | null
  voteCount: number
  followerCount: number
}

const PAGE_SQL = `select page, stamp, status, created_at as createdAt, first_response_at as firstResponseAt,
    last_public_update_at as lastPublicUpdateAt, vote_count as voteCount, follower_count as followerCount
  from idea_pages where idea_id = ?`

// The counts and the day counts' inputs come from the idea's row in the same statement.
const STORE_SQL = `insert into idea_pages (idea_id, page, stamp, status, created_at, first_response_at,
    last_public_update_at, vote_count, follower_count)
  select id, ?, ?, status, created_at, first_response_at, last_public_update_at, vote_count, follower_count
  from ideas where id = ? and hidden = 0
  on conflict (idea_id) do update set page = excluded.page, stamp = excluded.stamp, status = excluded.status,
    created_at = excluded.created_at, first_response_at = excluded.first_response_at,
    last_public_update_at = excluded.last_public_update_at, vote_count = excluded.vote_count,
    follower_count = excluded.follower_count`

/** The page as sent: the JSON, and an ETag that changes with every field of it (none when it was not stored). */
export type VisitorPage = { json: Buffer; etag: string | null }

/**
 * Makes the page and stores it: 'stored', or the page itself when it could not be stored,
 * or null when there is no such visible idea. Read and write are one transaction: if another
 * process changed the idea meanwhile, SQLite refuses the write (the snapshot is stale).
 */
function makePage(db: Db, id: number, now: number): 'stored' | IdeaWithComments | null {
  try {
    return db.$client.transaction(() => {
      const page = ideaWithComments(db, id, null, now)
      if (!page) return null
      const stored = queryRun(db, STORE_SQL, Buffer.from(storedText(page)), randomInt(2 ** 47), id).changes
      countQuietWrites(db.$client, stored)
      return 'stored' as const
    })()
  } catch (error) {
    if (!(error instanceof SqliteError && error.code.startsWith('SQLITE_BUSY'))) throw error
    return ideaWithComments(db, id, null, now)
  }
}

/**
 * GET /api/ideas/{id} for a visitor: one read of one row, the stored page with the counts
 * beside it (triggers keep them current), made and stored when missing. Null when there
 * is no such visible idea.
 */
export function visitorIdeaPage(db: Db, id: number, now: number): VisitorPage | null {
  let row = queryGet<PageRow>(db, PAGE_SQL, id)
  if (!row) {
    const made = makePage(db, id, now)
    if (made === null) return null
    if (made !== 'stored') return { json: Buffer.from(JSON.stringify(made)), etag: null }
    row = queryGet<PageRow>(db, PAGE_SQL, id)
    if (!row) return null
  }
  const live = {
    voteCount: row.voteCount,
    followerCount: row.followerCount,
    responseNormDays: installationSettings(db).responseNormDays,
    ...dayCounts(row, now),
  }
  const etag = `W/"p${row.stamp.toString(36)}.${live.voteCount}.${live.followerCount}.${live.responseNormDays}.${live.waitingWorkingDays}.${live.daysSinceUpdate}"`
  // The stored bytes go out as they are, after the live fields: no decoding, no encoding.
  const head = Buffer.from(`${PAGE_START}${JSON.stringify(live).slice(1, -1)},`)
  return { json: Buffer.concat([head, row.page.subarray(PAGE_START.length)]), etag }
}

/**
 * Makes up to `limit` missing pages of visible ideas with ids above `afterId`. Returns the
 * last id it looked at (null when none is left) and how many it made.
 */
export function fillIdeaPages(
  db: Db,
  afterId: number,
  limit: number,
  now: number,
): { lastId: number | null; made: number } {
  const ids = queryAll<{ id: number }>(
    db,
    `select i.id from ideas i where i.id > ? and i.hidden = 0
       and not exists (select 1 from idea_pages p where p.idea_id = i.id)
     order by i.id limit ?`,
    afterId,
    limit,
  )
  // One transaction for the batch: a commit per page wrote the table's upper pages to the
  // log again each time (100,000 pages: 23 s against 27-28 s).
  const made = db.$client.transaction(() => ids.filter(({ id }) => makePage(db, id, now) === 'stored').length)()
  return { lastId: ids.at(-1)?.id ?? null, made }
}
