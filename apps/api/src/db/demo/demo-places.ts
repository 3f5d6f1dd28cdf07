import type { DistrictBoundary } from '@meedenken/shared'

/**
 * Where the demo's villages lie (roughly their centres, WGS84), for ideas with a point and
 * for rough district outlines: a small rectangle around each village's core, so a point
 * chosen in a village suggests it. Not the real borders (those come from CBS or the
 * municipality, loaded by an admin).
 */
export const VILLAGE_CENTRES: Record<string, { latitude: number; longitude: number }> = {
  Hoogezand: { latitude: 53.1615, longitude: 6.7605 },
  Sappemeer: { latitude: 53.1613, longitude: 6.7915 },
  Slochteren: { latitude: 53.2103, longitude: 6.8047 },
  Siddeburen: { latitude: 53.2533, longitude: 6.8682 },
  Zuidbroek: { latitude: 53.1652, longitude: 6.8627 },
  Muntendam: { latitude: 53.1339, longitude: 6.8688 },
  Kolham: { latitude: 53.184, longitude: 6.747 },
  Harkstede: { latitude: 53.2141, longitude: 6.6906 },
  Meeden: { latitude: 53.1362, longitude: 6.9272 },
  Noordbroek: { latitude: 53.1951, longitude: 6.8749 },
  Foxhol: { latitude: 53.1643, longitude: 6.7148 },
  Kropswolde: { latitude: 53.1525, longitude: 6.7058 },
  Westerbroek: { latitude: 53.1861, longitude: 6.6721 },
  Schildwolde: { latitude: 53.2331, longitude: 6.8153 },
  Hellum: { latitude: 53.2412, longitude: 6.8468 },
  Froombosch: { latitude: 53.197, longitude: 6.795 },
  Tjuchem: { latitude: 53.2825, longitude: 6.8478 },
  Steendam: { latitude: 53.2697, longitude: 6.8853 },
  Overschild: { latitude: 53.2694, longitude: 6.7908 },
  Martenshoek: { latitude: 53.1583, longitude: 6.7403 },
  'Kiel-Windeweer': { latitude: 53.1225, longitude: 6.7917 },
  Waterhuizen: { latitude: 53.2017, longitude: 6.6612 },
}

const HALF_HEIGHT = 0.006
const HALF_WIDTH = 0.009

/** A rectangle of about 1.3 × 1.2 km around the village's centre, closed as GeoJSON wants. */
export function villageOutline(village: string): DistrictBoundary | null {
  const c = VILLAGE_CENTRES[village]
  if (!c) return null
  const [s, n, w, e] = [
    c.latitude - HALF_HEIGHT,
    c.latitude + HALF_HEIGHT,
    c.longitude - HALF_WIDTH,
    c.longitude + HALF_WIDTH,
  ].map((v) => Math.round(v * 1e6) / 1e6) as [number, number, number, number]
  return {
    type: 'Polygon',
    coordinates: [
      [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ],
    ],
  }
}

/**
 * About half of the ideas in a village get a point near its centre (every other idea by id),
 * spread by the id so that the map shows them apart; the same on every load.
 */
export function demoPoint(ideaId: number, village: string | null): { latitude: number; longitude: number } | null {
  const c = village ? VILLAGE_CENTRES[village] : undefined
  if (!c || ideaId % 2 !== 0) return null
  const spread = (n: number) => ((n % 1000) / 1000) * 2 - 1
  return {
    latitude: Math.round((c.latitude + spread(ideaId * 7919) * HALF_HEIGHT * 0.9) * 1e6) / 1e6,
    longitude: Math.round((c.longitude + spread(ideaId * 104_729) * HALF_WIDTH * 0.9) * 1e6) / 1e6,
  }
}
