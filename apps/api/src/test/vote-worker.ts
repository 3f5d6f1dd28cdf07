/**
 * Test helper run as a separate process: casts votes on one idea for a range of members
 * through its own database connection, so vote tests exercise real concurrent writers.
 * Usage: tsx vote-worker.ts <db file or postgres URL> <idea id> <user ids, comma-separated> <vote|unvote>
 */
import { connectPostgres } from '../db/connection-pg'
import { engine } from '../db/engine'
import { closeDatabase, openDatabase } from '../db/open'
import { setVote } from '../features/votes/votes.data'

const [file, ideaId, userIds, mode] = process.argv.slice(2)
if (!file || !ideaId || !userIds) throw new Error('usage: vote-worker <db> <idea> <user ids> <vote|unvote>')
// The engine follows DATABASE_URL, inherited from the test run (db/engine.ts).
const db = engine === 'postgres' ? connectPostgres(file) : openDatabase(file, { migrate: false })
for (const userId of userIds.split(',').map(Number)) {
  // Each member votes twice: the second must change nothing.
  await setVote(db, Number(ideaId), userId, mode !== 'unvote', Date.now())
  await setVote(db, Number(ideaId), userId, mode !== 'unvote', Date.now())
}
await closeDatabase(db)
