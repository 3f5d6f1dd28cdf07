// A stand-in for PDOK on this machine, for the e2e server (serve.mjs): the Locatieserver's
// suggest and lookup with canned answers shaped like the real ones (v3.1), and one small PNG
// for any map tile. The same answers as the API tests' fixture (apps/api/src/test/pdok-fixture.ts).
// No e2e run reaches the internet.
import { createServer } from 'node:http'
import { crc32, deflateSync } from 'node:zlib'

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
]

function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** A 256 × 256 tile: a pale green field with a darker edge, so tile seams show where the map is. */
function tile() {
  const size = 256
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header[8] = 8
  header[9] = 2
  const rows = []
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3)
    for (let x = 0; x < size; x++) row.set(x === 0 || y === 0 ? [180, 200, 180] : [232, 240, 226], 1 + x * 3)
    rows.push(row)
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** Starts the fixture on a free port; resolves to the GEOCODER_URL and MAP_TILE_URL that point at it. */
export async function startPdokFixture() {
  const png = tile()
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fixture')
    const json = (status, body) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
      res.end(JSON.stringify(body))
    }
    if (url.pathname.startsWith('/tiles/')) {
      res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'max-age=3600' })
      res.end(png)
      return
    }
    if (url.pathname.endsWith('/suggest')) {
      const q = (url.searchParams.get('q') ?? '').toLowerCase()
      const docs = FIXTURE_ADDRESSES.filter((a) => a.weergavenaam.toLowerCase().includes(q))
        .slice(0, Number(url.searchParams.get('rows') ?? 10))
        .map((a, i) => ({ type: 'adres', weergavenaam: a.weergavenaam, id: a.id, score: 10 - i }))
      return json(200, { response: { numFound: docs.length, start: 0, maxScore: 10, docs } })
    }
    if (url.pathname.endsWith('/lookup')) {
      const docs = FIXTURE_ADDRESSES.filter((a) => a.id === url.searchParams.get('id')).map((a) => ({
        ...a,
        type: 'adres',
        gemeentenaam: 'Midden-Groningen',
      }))
      return json(200, { response: { numFound: docs.length, start: 0, maxScore: 1, docs } })
    }
    json(404, { message: 'Not Found' })
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address()
  return {
    geocoderUrl: `http://127.0.0.1:${port}/bzk/locatieserver/search/v3_1`,
    tileUrl: `http://127.0.0.1:${port}/tiles/{z}/{x}/{y}.png`,
    close: () => new Promise((resolve) => server.close(resolve)),
  }
}
