import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { deflateSync } from 'node:zlib'
import { pngFile } from './png'

/**
 * A stand-in for PDOK on this machine: the Locatieserver's suggest and lookup with canned
 * answers shaped like the real ones (v3.1), and one small PNG for any map tile. Tests start it
 * on port 0 and point GEOCODER_URL and MAP_TILE_URL at it: no test reaches the internet.
 * `mode` makes it misbehave: an answer of another shape, or a server error.
 */

export const FIXTURE_ADDRESSES = [
  {
    id: 'adr-0a1b2c3d4e5f60718293a4b5c6d7e8f9',
    weergavenaam: 'Hoofdstraat 10, 9601EA Hoogezand',
    centroide_ll: 'POINT(6.76101 53.16184)',
    woonplaatsnaam: 'Hoogezand',
  },
  {
    id: 'adr-1b2c3d4e5f60718293a4b5c6d7e8f90a',
    weergavenaam: 'Hoofdstraat 12, 9601EB Hoogezand',
    centroide_ll: 'POINT(6.76177 53.16201)',
    woonplaatsnaam: 'Hoogezand',
  },
  {
    id: 'adr-2c3d4e5f60718293a4b5c6d7e8f90a1b',
    weergavenaam: 'Hoofdweg 5, 9621AA Slochteren',
    centroide_ll: 'POINT(6.80312 53.20891)',
    woonplaatsnaam: 'Slochteren',
  },
  {
    id: 'adr-3d4e5f60718293a4b5c6d7e8f90a1b2c',
    weergavenaam: 'Kerkstraat 3, 9591AE Muntendam',
    centroide_ll: 'POINT(6.86902 53.13387)',
    woonplaatsnaam: 'Muntendam',
  },
] as const

/** A 256 × 256 tile: a pale green field with a darker edge, so tile seams show where the map is. */
export function fixtureTile(): Buffer {
  const size = 256
  const rows: Buffer[] = []
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3)
    for (let x = 0; x < size; x++) {
      const edge = x === 0 || y === 0
      row.set(edge ? [180, 200, 180] : [232, 240, 226], 1 + x * 3)
    }
    rows.push(row)
  }
  return pngFile(size, size, { bitDepth: 8, colourType: 2 /* RGB */ }, deflateSync(Buffer.concat(rows)))
}

export type FixtureMode = 'ok' | 'malformed' | 'error'

export type PdokFixture = {
  /** GEOCODER_URL for the fixture: `http://127.0.0.1:<port>/bzk/locatieserver/search/v3_1`. */
  geocoderUrl: string
  /** MAP_TILE_URL for the fixture. */
  tileUrl: string
  /** What the next answers are like. */
  mode: FixtureMode
  /** Every request's path and query, in order. */
  requests: string[]
  close: () => Promise<void>
}

export async function startPdokFixture(): Promise<PdokFixture> {
  const tile = fixtureTile()
  const state: { mode: FixtureMode; requests: string[] } = { mode: 'ok', requests: [] }
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fixture')
    state.requests.push(`${url.pathname}${url.search}`)
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
      res.end(JSON.stringify(body))
    }
    if (url.pathname.startsWith('/tiles/')) {
      res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' })
      res.end(tile)
      return
    }
    if (state.mode === 'error') return json(500, { message: 'Internal Server Error' })
    if (state.mode === 'malformed') return json(200, { docs: 'not what you expected' })
    if (url.pathname.endsWith('/suggest')) {
      const q = (url.searchParams.get('q') ?? '').toLowerCase()
      const docs = FIXTURE_ADDRESSES.filter((a) => a.weergavenaam.toLowerCase().includes(q))
        .slice(0, Number(url.searchParams.get('rows') ?? 10))
        .map((a, i) => ({ type: 'adres', weergavenaam: a.weergavenaam, id: a.id, score: 10 - i }))
      return json(200, {
        response: { numFound: docs.length, start: 0, maxScore: 10, docs },
        highlighting: {},
        spellcheck: { suggestions: [] },
      })
    }
    if (url.pathname.endsWith('/lookup')) {
      const found = FIXTURE_ADDRESSES.filter((a) => a.id === url.searchParams.get('id')).map((a) => ({
        ...a,
        type: 'adres',
        gemeentenaam: 'Midden-Groningen',
        bron: 'BAG',
      }))
      return json(200, { response: { numFound: found.length, start: 0, maxScore: 1, docs: found } })
    }
    json(404, { message: 'Not Found' })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    geocoderUrl: `http://127.0.0.1:${port}/bzk/locatieserver/search/v3_1`,
    tileUrl: `http://127.0.0.1:${port}/tiles/{z}/{x}/{y}.png`,
    get mode() {
      return state.mode
    },
    set mode(m) {
      state.mode = m
    },
    requests: state.requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
