import { z } from 'zod'
import { IdeaStatus } from './enums'
import { IdeaCountQuery } from './ideas'

/**
 * Maps that tell the story: the ideas of a list, or what was done, as points. The map takes
 * the list's filters and search (the same ideas, shown on a map), without order or pages.
 */

/** At most this many points in one answer: more would not be readable, nor cheap to draw on a phone. */
export const MAP_POINTS_CAP = 2_000
/** Counting the ideas on the map stops here, as the list's count does at its own cap. */
export const MAP_COUNT_CAP = 10_000

/** The list's filters and search: status, theme, district, targetGroup, q, campaign. */
export const MapIdeasQuery = IdeaCountQuery

export type MapIdeasQuery = z.input<typeof MapIdeasQuery>

export const MapPoint = z
  .object({
    id: z.number().int(),
    title: z.string(),
    status: IdeaStatus,
    latitude: z.number().meta({ description: 'WGS84 degrees, the point as its author chose it' }),
    longitude: z.number().meta({ description: 'WGS84 degrees' }),
  })
  .meta({ id: 'MapPoint' })
export type MapPoint = z.infer<typeof MapPoint>

export const MapIdeas = z
  .object({
    points: z.array(MapPoint).meta({ description: `Newest first, at most ${MAP_POINTS_CAP}` }),
    total: z
      .number()
      .int()
      .meta({ description: `How many matching ideas have a place, counted up to ${MAP_COUNT_CAP}` }),
    more: z.boolean().meta({ description: `True when more than ${MAP_COUNT_CAP} matching ideas have a place` }),
    truncated: z.boolean().meta({ description: `True when not every matching idea with a place is in points` }),
    withoutPlace: z.number().int().nullable().meta({
      description: 'How many matching ideas have no place (so are not on the map); null when the list count is capped',
    }),
  })
  .meta({ id: 'MapIdeas', description: 'The ideas of a list that have a place, as points on a map.' })
export type MapIdeas = z.infer<typeof MapIdeas>
