import type { PlaceSuggestions } from '@meedenken/shared'
import { ApiError } from '../../http/errors'

/**
 * The address search: PDOK's Locatieserver v3.1 (GEOCODER_URL), asked by the API so that
 * browsers talk only to us and the service stays configurable (tests use a local fixture).
 * Any failure — unreachable, slow, an error status, an answer of another shape — becomes
 * one 503 in the error shape: the form then works without address search.
 */

const TIMEOUT_MS = 3000

export const GEOCODER_UNAVAILABLE = {
  nl: 'Adressen zoeken lukt nu niet. Kies de plaats op de kaart, of laat de plaats leeg.',
  en: 'Searching for addresses does not work right now. Choose the place on the map, or leave it empty.',
}

function unavailable(): ApiError {
  return new ApiError('unavailable', GEOCODER_UNAVAILABLE, { headers: { 'Retry-After': '30' } })
}

async function ask(baseUrl: string, endpoint: 'suggest' | 'lookup', params: Record<string, string>): Promise<unknown> {
  const url = new URL(`${baseUrl}/${endpoint}`)
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v)
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), headers: { accept: 'application/json' } })
    if (!res.ok) throw unavailable()
    return await res.json()
  } catch {
    throw unavailable()
  }
}

function docsOf(answer: unknown): unknown[] {
  const response = (answer as { response?: { docs?: unknown } } | null)?.response
  if (!response || !Array.isArray(response.docs)) throw unavailable()
  return response.docs
}

/** Addresses that start with or resemble the text, at most five. */
export async function suggestAddresses(baseUrl: string, q: string): Promise<PlaceSuggestions['items']> {
  const docs = docsOf(await ask(baseUrl, 'suggest', { q, fq: 'type:adres', rows: '5' }))
  return docs.flatMap((d) => {
    const doc = d as { id?: unknown; weergavenaam?: unknown }
    return typeof doc.id === 'string' && typeof doc.weergavenaam === 'string'
      ? [{ id: doc.id, label: doc.weergavenaam }]
      : []
  })
}

const WKT_POINT = /^POINT\s*\(\s*(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s*\)$/i

/** The point and name of one suggestion; null when the service knows no such id. */
export async function lookupAddress(
  baseUrl: string,
  id: string,
): Promise<{ latitude: number; longitude: number; label: string } | null> {
  const [doc] = docsOf(await ask(baseUrl, 'lookup', { id }))
  if (doc === undefined) return null
  const { centroide_ll, weergavenaam } = doc as { centroide_ll?: unknown; weergavenaam?: unknown }
  const point = typeof centroide_ll === 'string' ? WKT_POINT.exec(centroide_ll.trim()) : null
  if (!point || typeof weergavenaam !== 'string') throw unavailable()
  // WKT is longitude first.
  return { longitude: Number(point[1]), latitude: Number(point[2]), label: weergavenaam }
}
