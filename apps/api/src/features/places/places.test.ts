import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testSettings } from '../../settings'
import { makeDistrict } from '../../test/fixtures'
import { FIXTURE_ADDRESSES, startPdokFixture } from '../../test/pdok-fixture'
import { createTestApp, databaseDigest, json, loginAs, request } from '../../test/test-app'

/** The map's settings, address search through PDOK's Locatieserver (a local fixture here), and district outlines. */
const pdok = await startPdokFixture()
const map = { ...testSettings().map, geocoderUrl: pdok.geocoderUrl, tileUrl: pdok.tileUrl }
const ctx = createTestApp({ map })
const hoogezand = await makeDistrict(ctx.db, 'Hoogezand')
const slochteren = await makeDistrict(ctx.db, 'Slochteren')
let admin: { cookie: string }
let member: { cookie: string }

/** A closed port: a service that cannot be reached. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

/** A square around Hoogezand with a hole in its middle (a lake, say), in GeoJSON (longitude first). */
const HOOGEZAND = {
  type: 'Polygon',
  coordinates: [
    [
      [6.7, 53.13],
      [6.82, 53.13],
      [6.82, 53.19],
      [6.7, 53.19],
      [6.7, 53.13],
    ],
    [
      [6.74, 53.15],
      [6.75, 53.15],
      [6.75, 53.155],
      [6.74, 53.155],
      [6.74, 53.15],
    ],
  ],
}
const SLOCHTEREN = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { naam: 'Slochteren' },
      geometry: {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [6.78, 53.2],
              [6.83, 53.2],
              [6.83, 53.23],
              [6.78, 53.23],
              [6.78, 53.2],
            ],
          ],
        ],
      },
    },
  ],
}

beforeAll(async () => {
  ctx.clock.set('2026-11-16T10:00:00Z')
  admin = await loginAs(ctx, 'admin')
  member = await loginAs(ctx, 'member')
})
afterAll(() => pdok.close())

describe('the map settings', () => {
  it('gives the browser the tile URL, the attribution and where the map opens', async () => {
    const res = await request(ctx, '/api/map/config')
    expect(res.status).toBe(200)
    expect(await json(res)).toEqual({
      tileUrl: pdok.tileUrl,
      attribution: 'Kaartgegevens © Kadaster',
      center: { latitude: 53.18, longitude: 6.76 },
      zoom: 11,
    })
  })

  it("allows images from the tiles' origin in the content security policy, and from no other", async () => {
    const res = await request(ctx, '/api/health')
    const csp = res.headers.get('content-security-policy') ?? ''
    const origin = new URL(pdok.tileUrl).origin
    expect(csp).toContain(`img-src 'self' data: blob: ${origin};`)
    expect(csp).toContain("connect-src 'self';")
    expect(csp).not.toContain('service.pdok.nl')
    const standard = createTestApp()
    const pdokCsp = (await request(standard, '/api/health')).headers.get('content-security-policy')
    expect(pdokCsp).toContain("img-src 'self' data: blob: https://service.pdok.nl;")
  })

  it('refuses a tile URL without {z}, {x} and {y} at start', async () => {
    const { readSettings } = await import('../../settings')
    expect(() => readSettings({ MAP_TILE_URL: 'https://tiles.example.org/tile.png' })).toThrow(/MAP_TILE_URL/)
    expect(() => readSettings({ GEOCODER_URL: 'ftp://example.org' })).toThrow(/GEOCODER_URL/)
  })
})

describe('address search', () => {
  it('suggests at most five addresses from the Locatieserver, asking for addresses only', async () => {
    const res = await request(ctx, '/api/places/suggest?q=hoofdstraat')
    expect(res.status).toBe(200)
    expect(await json(res)).toEqual({
      items: [
        { id: FIXTURE_ADDRESSES[0].id, label: 'Hoofdstraat 10, 9601EA Hoogezand' },
        { id: FIXTURE_ADDRESSES[1].id, label: 'Hoofdstraat 12, 9601EB Hoogezand' },
      ],
    })
    const asked = new URL(`http://x${pdok.requests.at(-1)}`)
    expect(asked.pathname).toBe('/bzk/locatieserver/search/v3_1/suggest')
    expect(Object.fromEntries(asked.searchParams)).toEqual({ q: 'hoofdstraat', fq: 'type:adres', rows: '5' })
  })

  it('looks up the point of a suggestion (WKT, longitude first) and the district that holds it', async () => {
    const res = await request(ctx, `/api/places/lookup?id=${FIXTURE_ADDRESSES[0].id}`)
    expect(res.status).toBe(200)
    expect(await json(res)).toEqual({
      latitude: 53.16184,
      longitude: 6.76101,
      label: 'Hoofdstraat 10, 9601EA Hoogezand',
      districtId: null,
    })
  })

  it('answers 404 for an id the Locatieserver does not know', async () => {
    const res = await request(ctx, '/api/places/lookup?id=adr-onbekend')
    expect(res.status).toBe(404)
    expect((await json(res)).error.code).toBe('not_found')
  })

  it('refuses a missing, too short or too long search text and a strange id with 422, without asking PDOK', async () => {
    const before = pdok.requests.length
    for (const url of [
      '/api/places/suggest',
      '/api/places/suggest?q=a',
      `/api/places/suggest?q=${'a'.repeat(101)}`,
      '/api/places/lookup?id=',
      '/api/places/lookup?id=adr%20%3Bdrop',
    ]) {
      const res = await request(ctx, url)
      expect(res.status, url).toBe(422)
      expect((await json(res)).error.code, url).toBe('validation_failed')
    }
    expect(pdok.requests.length).toBe(before)
  })

  it('answers 503 in the error shape, in Dutch and English, when the service answers badly', async () => {
    for (const mode of ['malformed', 'error'] as const) {
      pdok.mode = mode
      for (const url of ['/api/places/suggest?q=hoofdstraat', `/api/places/lookup?id=${FIXTURE_ADDRESSES[0].id}`]) {
        const res = await request(ctx, url, { headers: { 'accept-language': 'en' } })
        expect(res.status, `${mode} ${url}`).toBe(503)
        const body = await json(res)
        expect(body.error.code).toBe('unavailable')
        expect(body.error.message).toMatch(/addresses does not work right now/)
      }
    }
    pdok.mode = 'ok'
    const nl = await json(await request(ctx, '/api/places/suggest?q=x%20y', { headers: { 'accept-language': 'nl' } }))
    expect(nl.items).toEqual([])
  })

  it('answers 503 when the service cannot be reached', async () => {
    const port = await closedPort()
    const offline = createTestApp({ map: { ...map, geocoderUrl: `http://127.0.0.1:${port}/search` } })
    const res = await request(offline, '/api/places/suggest?q=hoofdstraat')
    expect(res.status).toBe(503)
    const body = await json(res)
    expect(body.error.code).toBe('unavailable')
    expect(body.error.message).toMatch(/Adressen zoeken lukt nu niet/)
    expect((await request(offline, '/api/places/lookup?id=adr-1')).status).toBe(503)
  })

  it('limits searches per client with 429 and Retry-After', async () => {
    const limited = createTestApp({ map })
    let last: Response | undefined
    for (let i = 0; i < 61; i++) last = await request(limited, '/api/places/suggest?q=hoofdstraat')
    expect(last?.status).toBe(429)
    expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0)
    limited.clock.advance(61_000)
    expect((await request(limited, '/api/places/suggest?q=hoofdstraat')).status).toBe(200)
  })
})

describe('district outlines', () => {
  const put = (id: number, body: unknown, cookie = admin.cookie) =>
    request(ctx, `/api/admin/districts/${id}/boundary`, { method: 'PUT', body, cookie })

  it('lets only an admin load an outline', async () => {
    expect((await put(hoogezand.id, HOOGEZAND, member.cookie)).status).toBe(403)
    expect(
      (await request(ctx, `/api/admin/districts/${hoogezand.id}/boundary`, { method: 'PUT', body: HOOGEZAND })).status,
    ).toBe(401)
  })

  it('stores a Polygon, and a MultiPolygon in a FeatureCollection, and suggests the district for a point', async () => {
    expect((await put(hoogezand.id, HOOGEZAND)).status).toBe(200)
    expect((await put(slochteren.id, SLOCHTEREN)).status).toBe(200)
    const at = async (lat: number, lon: number) =>
      (await json(await request(ctx, `/api/places/district?latitude=${lat}&longitude=${lon}`))).districtId
    expect(await at(53.16184, 6.76101)).toBe(hoogezand.id)
    expect(await at(53.21, 6.8)).toBe(slochteren.id)
    // In the hole, and outside both.
    expect(await at(53.152, 6.745)).toBeNull()
    expect(await at(52.37, 4.9)).toBeNull()
    const outlines = (await json(await request(ctx, '/api/places/outlines'))).items
    expect(outlines.map((o: { districtId: number }) => o.districtId)).toEqual([hoogezand.id, slochteren.id])
    expect(outlines[1].boundary.type).toBe('MultiPolygon')
  })

  it('gives the district with the looked-up address', async () => {
    const res = await json(await request(ctx, `/api/places/lookup?id=${FIXTURE_ADDRESSES[2].id}`))
    expect(res).toMatchObject({ label: 'Hoofdweg 5, 9621AA Slochteren', districtId: slochteren.id })
  })

  it('refuses a point outside the Netherlands or not a number with 422', async () => {
    for (const q of ['latitude=48.85&longitude=2.35', 'latitude=abc&longitude=6.7', 'latitude=53.1']) {
      const res = await request(ctx, `/api/places/district?${q}`)
      expect(res.status, q).toBe(422)
    }
  })

  it('refuses an open ring, coordinates in RD, two areas, a point and too many points with 422, changing nothing', async () => {
    const before = await databaseDigest(ctx)
    const ring = (points: number[][]) => ({ type: 'Polygon', coordinates: [points] })
    const cases: [unknown, RegExp][] = [
      [
        ring([
          [6.7, 53.1],
          [6.8, 53.1],
          [6.8, 53.2],
          [6.7, 53.2],
        ]),
        /niet gesloten/,
      ],
      [
        ring([
          [240000, 580000],
          [245000, 580000],
          [245000, 585000],
          [240000, 580000],
        ]),
        /niet in Nederland/,
      ],
      [
        {
          type: 'FeatureCollection',
          features: [
            { type: 'Feature', geometry: HOOGEZAND },
            { type: 'Feature', geometry: HOOGEZAND },
          ],
        },
        /meer dan één vlak/,
      ],
      [{ type: 'Feature', geometry: { type: 'Point', coordinates: [6.7, 53.1] } }, /geen vlak/],
      [{ type: 'Polygon', coordinates: 'x' }, /geen vlak/],
      [ring(Array.from({ length: 5_001 }, () => [6.7, 53.1])), /te veel punten/],
    ]
    for (const [body, message] of cases) {
      const res = await put(hoogezand.id, body)
      expect(res.status).toBe(422)
      expect((await json(res)).error.fields.boundary).toMatch(message)
    }
    expect((await put(hoogezand.id, { type: 'Circle' })).status).toBe(422)
    expect(await databaseDigest(ctx)).toBe(before)
  })

  it('takes an outline of thousands of points at full precision, and refuses a file over 512 kB with 413', async () => {
    // A circle of 4,000 points around Hoogezand, as precise as CBS gives them: ≈ 110 kB of JSON.
    const points = Array.from({ length: 4_000 }, (_, i) => {
      const a = (2 * Math.PI * i) / 4_000
      return [6.76101 + 0.02 * Math.cos(a), 53.16184 + 0.012 * Math.sin(a)]
    })
    const circle = { type: 'Polygon', coordinates: [[...points, points[0]]] }
    expect(JSON.stringify(circle).length).toBeGreaterThan(64 * 1024)
    expect((await put(hoogezand.id, circle)).status).toBe(200)

    const before = await databaseDigest(ctx)
    const padded = { type: 'Feature', properties: { note: 'x'.repeat(600 * 1024) }, geometry: HOOGEZAND }
    const res = await put(hoogezand.id, padded)
    expect(res.status).toBe(413)
    expect((await json(res)).error.message).toMatch(/Een grens mag maximaal 512 kB/)
    expect(await databaseDigest(ctx)).toBe(before)
    // Elsewhere the usual limit holds.
    expect((await request(ctx, '/api/ideas', { method: 'POST', body: padded, cookie: admin.cookie })).status).toBe(413)
  })

  it('answers 404 for an unknown district, and clears an outline', async () => {
    expect((await put(999_999, HOOGEZAND)).status).toBe(404)
    const res = await request(ctx, `/api/admin/districts/${slochteren.id}/boundary`, {
      method: 'DELETE',
      cookie: admin.cookie,
    })
    expect(res.status).toBe(204)
    expect((await json(await request(ctx, '/api/places/district?latitude=53.21&longitude=6.8'))).districtId).toBeNull()
  })
})
