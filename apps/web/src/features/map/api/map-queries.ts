import { queryOptions } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'

export const mapKeys = {
  all: ['map'] as const,
  config: () => [...mapKeys.all, 'config'] as const,
  suggest: (q: string) => [...mapKeys.all, 'suggest', q] as const,
  outlines: () => [...mapKeys.all, 'outlines'] as const,
}

/** Tile URL, attribution and where the map opens: the server's settings, the same all day. */
export const mapConfigQuery = queryOptions({
  queryKey: mapKeys.config(),
  queryFn: () => call(api.api.map.config.$get()),
  staleTime: Number.POSITIVE_INFINITY,
})

/** Addresses for the typed text (PDOK Locatieserver through our API). */
export const suggestQuery = (q: string) =>
  queryOptions({
    queryKey: mapKeys.suggest(q),
    queryFn: () => call(api.api.places.suggest.$get({ query: { q } })),
    staleTime: 5 * 60_000,
    retry: false,
  })

export const outlinesQuery = queryOptions({
  queryKey: mapKeys.outlines(),
  queryFn: () => call(api.api.places.outlines.$get()),
})

export function lookupPlace(id: string) {
  return call(api.api.places.lookup.$get({ query: { id } }))
}

export function districtAtPoint(latitude: number, longitude: number) {
  return call(api.api.places.district.$get({ query: { latitude: String(latitude), longitude: String(longitude) } }))
}

export function setBoundary(districtId: number, geojson: Record<string, unknown> & { type: string }) {
  return call(
    api.api.admin.districts[':id'].boundary.$put({
      param: { id: String(districtId) },
      // Checked again by the API (readDistrictBoundary); the form checked it first.
      json: geojson as never,
    }),
  )
}

export function clearBoundary(districtId: number) {
  return call(api.api.admin.districts[':id'].boundary.$delete({ param: { id: String(districtId) } }))
}
