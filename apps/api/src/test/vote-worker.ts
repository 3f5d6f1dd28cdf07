/**
 * Test helper run as a separate process: casts votes on one idea for a range of members
 * through its own database connection, so vote tests exercise real concurrent writers.
 * Usage: tsx vote-worker.ts <db file> <idea id> <first user id> <count> <vote|unvote>
 */
import { openDatabase } from '../db/open'
import { setVote } from '../features/votes/votes.data'

const [file, ideaId, firstUser, count, mode] = process.argv.slice(2)
if (!file || !ideaId || !firstUser || !count)
  throw new Error('usage: vote-worker <db> <idea> <first user> <count> <vote|unvote>')
const db = openDatabase(file, { migrate: false })
const start = Number(firstUser)
for (let i = 0; i < Number(count); i++) {
  // Each member votes twice: the second must change nothing.
  await setVote(db, Number(ideaId), start + i, mode !== 'unvote', Date.now())
  await setVote(db, Number(ideaId), start + i, mode !== 'unvote', Date.now())
}
db.$client.close()
