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

/** What the browser needs to draw the base map: all from the server's settings (MAP_*). */
export const MapConfig = z
  .object({
    /** Leaflet's URL template, `{z}/{x}/{y}`; the CSP allows images from its origin only. */
    tileUrl: z.string(),
    attribution: z.string(),
    center: z.object({ latitude: z.number(), longitude: z.number() }),
    zoom: z.number().int(),
  })
  .meta({ id: 'MapConfig' })
export type MapConfig = z.infer<typeof MapConfig>

/** What a place search asks: the typed text. */
export const PLACE_QUERY_MAX = 100
export const PlaceSuggestQuery = z.object({
  q: z.string().trim().min(2).max(PLACE_QUERY_MAX).meta({ description: 'Part of an address, at least 2 characters' }),
})
export const PlaceSuggestions = z
  .object({ items: z.array(z.object({ id: z.string(), label: z.string() })) })
  .meta({ id: 'PlaceSuggestions' })
export type PlaceSuggestions = z.infer<typeof PlaceSuggestions>

export const PlaceLookupQuery = z.object({
  id: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[\w.-]+$/, 'an id from a suggestion')
    .meta({ description: 'An `id` from /api/places/suggest' }),
})
export const PlaceFound = z
  .object({
    latitude: z.number(),
    longitude: z.number(),
    label: z.string(),
    /** The district whose outline holds the point, when districts have outlines. */
    districtId: z.number().int().nullable(),
  })
  .meta({ id: 'PlaceFound' })
export type PlaceFound = z.infer<typeof PlaceFound>

const degrees = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^-?\d{1,3}(\.\d{1,12})?$/, 'a number of degrees')
    .transform(Number)
    .pipe(z.number().min(min).max(max))
    .meta({ type: 'number', minimum: min, maximum: max })
export const PointQuery = z.object({
  latitude: degrees(NL_BOUNDS.minLatitude, NL_BOUNDS.maxLatitude),
  longitude: degrees(NL_BOUNDS.minLongitude, NL_BOUNDS.maxLongitude),
})
export const DistrictAtPoint = z.object({ districtId: z.number().int().nullable() }).meta({ id: 'DistrictAtPoint' })

/** At most this many points in one district's outline: enough for a village, small enough to test every point. */
export const BOUNDARY_MAX_POSITIONS = 5_000

export const DistrictOutlines = z
  .object({
    items: z.array(
      z.object({
        districtId: z.number().int(),
        boundary: z.looseObject({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.unknown()) }),
      }),
    ),
  })
  .meta({ id: 'DistrictOutlines' })

/** The body of `PUT /api/admin/districts/{id}/boundary`: GeoJSON, checked by readDistrictBoundary. */
export const DistrictBoundaryUpload = z
  .looseObject({ type: z.enum(['Polygon', 'MultiPolygon', 'Feature', 'FeatureCollection']) })
  .meta({
    id: 'DistrictBoundaryUpload',
    description:
      'GeoJSON in WGS84 degrees (EPSG:4326): a Polygon or MultiPolygon, or a Feature or a FeatureCollection ' +
      `holding exactly one. Rings closed, points within the Netherlands, at most ${BOUNDARY_MAX_POSITIONS} points.`,
  })

type BoundaryProblem = { nl: string; en: string }
export type BoundaryReading = { ok: true; boundary: DistrictBoundary } | { ok: false; problem: BoundaryProblem }

const PROBLEMS = {
  shape: {
    nl: 'Dit is geen vlak in GeoJSON. Kies een bestand met een Polygon of MultiPolygon (of één Feature daarmee).',
    en: 'This is not an area in GeoJSON. Choose a file with a Polygon or MultiPolygon (or one Feature holding one).',
  },
  many: {
    nl: 'Het bestand bevat meer dan één vlak. Kies een bestand met alleen de grens van dit dorp of deze wijk.',
    en: 'The file holds more than one area. Choose a file with only the outline of this village or district.',
  },
  ring: {
    nl: 'Een rand van het vlak is niet gesloten: het eerste en laatste punt moeten gelijk zijn, met minstens 4 punten.',
    en: 'An edge of the area is not closed: the first and last point must be equal, with at least 4 points.',
  },
  range: {
    nl: 'De coördinaten liggen niet in Nederland. Gebruik GeoJSON in graden (WGS84, EPSG:4326), niet in RD.',
    en: 'The coordinates are not in the Netherlands. Use GeoJSON in degrees (WGS84, EPSG:4326), not RD.',
  },
  size: {
    nl: `De grens heeft te veel punten (meer dan ${BOUNDARY_MAX_POSITIONS}). Vereenvoudig het bestand en probeer het opnieuw.`,
    en: `The outline has too many points (over ${BOUNDARY_MAX_POSITIONS}). Simplify the file and try again.`,
  },
} satisfies Record<string, BoundaryProblem>

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** The one geometry in a GeoJSON object: itself, a Feature's, or a FeatureCollection's only feature's. */
function geometryOf(input: unknown): unknown {
  if (!isRecord(input)) return null
  if (input.type === 'Feature') return input.geometry
  if (input.type === 'FeatureCollection') {
    const features = input.features
    if (!Array.isArray(features) || features.length === 0) return null
    if (features.length > 1) return 'many'
    return isRecord(features[0]) ? features[0].geometry : null
  }
  return input
}

/**
 * Reads an admin's GeoJSON into a district outline: one Polygon or MultiPolygon, rings closed,
 * every point in the Netherlands, altitude dropped. Used by the API (the rule) and the web
 * (to say what is wrong before uploading).
 */
export function readDistrictBoundary(input: unknown): BoundaryReading {
  const geometry = geometryOf(input)
  if (geometry === 'many') return { ok: false, problem: PROBLEMS.many }
  if (!isRecord(geometry) || !Array.isArray(geometry.coordinates)) return { ok: false, problem: PROBLEMS.shape }
  const polygons =
    geometry.type === 'Polygon'
      ? [geometry.coordinates]
      : geometry.type === 'MultiPolygon'
        ? geometry.coordinates
        : null
  if (polygons === null || polygons.length === 0) return { ok: false, problem: PROBLEMS.shape }
  let count = 0
  const read: Position[][][] = []
  for (const polygon of polygons) {
    if (!Array.isArray(polygon) || polygon.length === 0) return { ok: false, problem: PROBLEMS.shape }
    const rings: Position[][] = []
    for (const ring of polygon) {
      if (!Array.isArray(ring)) return { ok: false, problem: PROBLEMS.shape }
      count += ring.length
      if (count > BOUNDARY_MAX_POSITIONS) return { ok: false, problem: PROBLEMS.size }
      const points: Position[] = []
      for (const p of ring) {
        if (
          !Array.isArray(p) ||
          p.length < 2 ||
          p.length > 3 ||
          !p.every((n) => typeof n === 'number' && Number.isFinite(n))
        ) {
          return { ok: false, problem: PROBLEMS.shape }
        }
        const [lon, lat] = p as [number, number]
        if (
          lat < NL_BOUNDS.minLatitude ||
          lat > NL_BOUNDS.maxLatitude ||
          lon < NL_BOUNDS.minLongitude ||
          lon > NL_BOUNDS.maxLongitude
        ) {
          return { ok: false, problem: PROBLEMS.range }
        }
        points.push([lon, lat])
      }
      const first = points[0]
      const last = points[points.length - 1]
      if (points.length < 4 || !first || !last || first[0] !== last[0] || first[1] !== last[1]) {
        return { ok: false, problem: PROBLEMS.ring }
      }
      rings.push(points)
    }
    read.push(rings)
  }
  const boundary: DistrictBoundary =
    read.length === 1 && geometry.type === 'Polygon'
      ? { type: 'Polygon', coordinates: read[0] as Position[][] }
      : { type: 'MultiPolygon', coordinates: read }
  return { ok: true, boundary }
}

/** Ray casting: is the point inside the ring (longitude, latitude)? Points exactly on an edge may go either way. */
function inRing(lon: number, lat: number, ring: Position[]): boolean {
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as Position
    const [xj, yj] = ring[j] as Position
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

/** Whether the outline holds the point: inside a polygon's outer ring and in none of its holes. */
export function boundaryContains(boundary: DistrictBoundary, latitude: number, longitude: number): boolean {
  const polygons = boundary.type === 'Polygon' ? [boundary.coordinates] : boundary.coordinates
  return polygons.some((rings) => {
    const [outer, ...holes] = rings
    return (
      outer !== undefined && inRing(longitude, latitude, outer) && !holes.some((h) => inRing(longitude, latitude, h))
    )
  })
}

/** An idea's point as the idea page shows it. */
export const IdeaPlace = z
  .object({ latitude: z.number(), longitude: z.number(), label: z.string().nullable() })
  .meta({ id: 'IdeaPlace' })
export type IdeaPlace = z.infer<typeof IdeaPlace>
