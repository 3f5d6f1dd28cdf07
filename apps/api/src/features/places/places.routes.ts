import {
  DistrictAtPoint,
  DistrictBoundaryUpload,
  DistrictOutlines,
  IdParam,
  MapConfig,
  PlaceFound,
  PlaceLookupQuery,
  PlaceSuggestions,
  PlaceSuggestQuery,
  PointQuery,
  readDistrictBoundary,
} from '@meedenken/shared'
import type { Context } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../../http/env'
import { ApiError, fieldError } from '../../http/errors'
import { signedIn } from '../../http/policy'
import { enforceRateLimits, MINUTE } from '../../http/rate-limit'
import { createRouter, jsonBody, jsonResponse, route } from '../../http/route'
import { clientNetwork } from '../../security/client-ip'
import { sha256 } from '../../security/tokens'
import { lookupAddress, suggestAddresses } from './geocoder'
import { districtAt, listOutlines, setDistrictBoundary } from './places.data'

const TEXT = {
  noAddress: {
    nl: 'Dit adres is niet (meer) te vinden. Zoek het opnieuw.',
    en: 'This address cannot be found (any more). Please search again.',
  },
  noDistrict: {
    nl: 'Dit dorp of deze wijk bestaat niet (meer).',
    en: 'This village or district does not exist (any more).',
  },
}

/** Searches cost the Locatieserver a request each: a person typing stays far below this. */
const SEARCHES_PER_MINUTE = 60

async function limitSearches(c: Context<AppEnv>): Promise<void> {
  await enforceRateLimits(c, [
    { key: `places-ip:${sha256(clientNetwork(c))}`, limit: SEARCHES_PER_MINUTE, windowMs: MINUTE },
  ])
}

const mapConfigRoute = route('public', {
  method: 'get',
  path: '/map/config',
  tags: ['Places'],
  summary: 'The base map: tile URL, attribution, where it opens',
  responses: { 200: jsonResponse(MapConfig, 'The map settings') },
})

const suggestRoute = route(
  'public',
  {
    method: 'get',
    path: '/places/suggest',
    tags: ['Places'],
    summary: 'Addresses matching the text (PDOK Locatieserver, at most 5)',
    request: { query: PlaceSuggestQuery },
    responses: { 200: jsonResponse(PlaceSuggestions, 'The addresses') },
  },
  { errors: [429, 503] },
)

const lookupRoute = route(
  'public',
  {
    method: 'get',
    path: '/places/lookup',
    tags: ['Places'],
    summary: "A suggested address's point, and the district that holds it",
    request: { query: PlaceLookupQuery },
    responses: { 200: jsonResponse(PlaceFound, 'The place') },
  },
  { errors: [404, 429, 503] },
)

const districtRoute = route('public', {
  method: 'get',
  path: '/places/district',
  tags: ['Places'],
  summary: 'The district whose outline holds the point (null when none does)',
  request: { query: PointQuery },
  responses: { 200: jsonResponse(DistrictAtPoint, 'The district') },
})

const outlinesRoute = route('public', {
  method: 'get',
  path: '/places/outlines',
  tags: ['Places'],
  summary: 'The outlines of the districts that have one (GeoJSON geometries, WGS84)',
  responses: { 200: jsonResponse(DistrictOutlines, 'The outlines') },
})

const setBoundaryRoute = route('admin', {
  method: 'put',
  path: '/admin/districts/{id}/boundary',
  tags: ['Administration'],
  summary: "Load a district's outline from GeoJSON (replaces the one it had)",
  request: { params: IdParam, body: jsonBody(DistrictBoundaryUpload) },
  responses: { 200: jsonResponse(z.object({ districtId: z.number().int() }), 'The outline is stored') },
})

const clearBoundaryRoute = route('admin', {
  method: 'delete',
  path: '/admin/districts/{id}/boundary',
  tags: ['Administration'],
  summary: "Remove a district's outline",
  request: { params: IdParam },
  responses: { 204: { description: 'The outline is gone' } },
})

export const placeRoutes = createRouter()
  .openapi(mapConfigRoute, (c) => {
    const { tileUrl, attribution, center, zoom } = c.var.settings.map
    return c.json({ tileUrl, attribution, center, zoom }, 200)
  })
  .openapi(suggestRoute, async (c) => {
    await limitSearches(c)
    const items = await suggestAddresses(c.var.settings.map.geocoderUrl, c.req.valid('query').q)
    return c.json({ items }, 200)
  })
  .openapi(lookupRoute, async (c) => {
    await limitSearches(c)
    const found = await lookupAddress(c.var.settings.map.geocoderUrl, c.req.valid('query').id)
    if (!found) throw new ApiError('not_found', TEXT.noAddress)
    return c.json({ ...found, districtId: await districtAt(c.var.db, found.latitude, found.longitude) }, 200)
  })
  .openapi(districtRoute, async (c) => {
    const { latitude, longitude } = c.req.valid('query')
    return c.json({ districtId: await districtAt(c.var.db, latitude, longitude) }, 200)
  })
  .openapi(outlinesRoute, async (c) => c.json({ items: await listOutlines(c.var.db) }, 200))
  .openapi(setBoundaryRoute, async (c) => {
    const { id } = c.req.valid('param')
    const reading = readDistrictBoundary(c.req.valid('json'))
    if (!reading.ok) throw fieldError('boundary', reading.problem)
    const stored = await setDistrictBoundary(
      c.var.db,
      { id, boundary: reading.boundary, actorId: signedIn(c).id },
      c.var.clock.now(),
    )
    if (!stored) throw new ApiError('not_found', TEXT.noDistrict)
    return c.json({ districtId: id }, 200)
  })
  .openapi(clearBoundaryRoute, async (c) => {
    const { id } = c.req.valid('param')
    const cleared = await setDistrictBoundary(
      c.var.db,
      { id, boundary: null, actorId: signedIn(c).id },
      c.var.clock.now(),
    )
    if (!cleared) throw new ApiError('not_found', TEXT.noDistrict)
    return c.body(null, 204)
  })
