import { MAP_COUNT_CAP, MAP_POINTS_CAP, type MapIdeas, type MapPoint } from '@meedenken/shared'
import { and, count, desc, isNotNull, sql } from 'drizzle-orm'
import type { Db } from '../../db/open'
import { ideas } from '../../db/schema'
import { prepared } from '../../db/statements'
import { countIdeas, type IdeaFilters, listFilter } from '../ideas/ideas.data'

const p = sql.placeholder

/**
 * The ideas of a list that have a place, newest first, for the map. The same filters and
 * search as the list (listFilter): a map is another view of the same ideas, never other ones.
 * The point is the one its author chose and chose to show on the idea's page, so the map
 * shows it as it is; only the open data rounds it (accountability.data.ts).
 * The condition `latitude is not null` is the one of the partial index ideas_on_map (hidden,
 * id), so an unfiltered map walks only the ideas that have a place, newest first.
 */
export async function mapIdeas(db: Db, filters: IdeaFilters, cap = MAP_POINTS_CAP): Promise<MapIdeas> {
  const filter = await listFilter(db, filters)
  if (!filter) return { points: [], total: 0, more: false, truncated: false, withoutPlace: 0 }
  const placed = () => and(filter.where(), isNotNull(ideas.latitude), isNotNull(ideas.longitude))
  const rows = await prepared(db, `map.points.${filter.key}`, (d) =>
    d
      .select({
        id: ideas.id,
        title: ideas.title,
        status: ideas.status,
        latitude: ideas.latitude,
        longitude: ideas.longitude,
      })
      .from(ideas)
      .where(placed())
      .orderBy(desc(ideas.id))
      .limit(p('limit'))
      .prepare(),
  ).execute({ ...filter.params, limit: cap + 1 })
  const truncated = rows.length > cap
  const points = rows.slice(0, cap) as MapPoint[]
  let total = points.length
  if (truncated) {
    // Only a map with more points than it shows counts them, and only up to MAP_COUNT_CAP + 1.
    const counted = await prepared(db, `map.count.${filter.key}`, (d) => {
      const matching = d.select({ id: ideas.id }).from(ideas).where(placed()).limit(p('limit')).as('matching')
      return d.select({ n: count() }).from(matching).prepare()
    }).execute({ ...filter.params, limit: MAP_COUNT_CAP + 1 })
    total = counted[0]?.n ?? 0
  }
  // How many the list finds, as the list page says it (up to 1,000): those without a place are the rest.
  const listed = await countIdeas(db, filters)
  return {
    points,
    total: Math.min(total, MAP_COUNT_CAP),
    more: total > MAP_COUNT_CAP,
    truncated,
    withoutPlace: listed.more ? null : Math.max(0, listed.count - total),
  }
}
