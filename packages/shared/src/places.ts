import { z } from 'zod'

/**
 * Places: an idea's optional point on the map, and a district's outline. Coordinates are
 * WGS84 degrees (as GeoJSON, longitude first in GeoJSON arrays, named fields elsewhere).
 */

type Position = [number, number]

/** A district's outline, as loaded by an admin from a GeoJSON file. */
export type DistrictBoundary =
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] }

/** The Netherlands with a margin: a point outside is a mistake, not a place in the municipality. */
export const NL_BOUNDS = { minLatitude: 50.5, maxLatitude: 53.8, minLongitude: 3.2, maxLongitude: 7.3 } as const

export const PLACE_LABEL_MAX = 200

export const placeSchema = z.object({
  latitude: z.number().min(NL_BOUNDS.minLatitude).max(NL_BOUNDS.maxLatitude),
  longitude: z.number().min(NL_BOUNDS.minLongitude).max(NL_BOUNDS.maxLongitude),
  /** The address the point was chosen by, if it was. */
  label: z.string().trim().max(PLACE_LABEL_MAX).optional(),
})
export type Place = z.infer<typeof placeSchema>
