import type Database from 'better-sqlite3'

const counts = new WeakMap<Database.Database, number>()

/**
 * Rows a connection wrote that change nothing anyone reads as data: stored idea pages
 * (decision 015), made from the data and dropped by triggers when it changes. The visitor
 * cache takes SQLite's `total_changes()` as "the data changed" and subtracts these, or
 * every page made for one visitor would empty the cache for all of them.
 */
export function countQuietWrites(client: Database.Database, rows: number): void {
  counts.set(client, (counts.get(client) ?? 0) + rows)
}

export function quietWrites(client: Database.Database): number {
  return counts.get(client) ?? 0
}
