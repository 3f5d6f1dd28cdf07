import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { deflateSync } from 'node:zlib'
import { PHOTO_LIMITS } from '@meedenken/shared'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { makeIdea, makeTheme } from '../../test/fixtures'
import { type Upload, uploadPhoto } from '../../test/photo-upload'
import { pngFile } from '../../test/png'
import { createTestApp, databaseDigest, json, loginAs, PASSWORD, request } from '../../test/test-app'

const ALT = 'Een kapotte bank in het park bij de vijver'

async function jpeg(width = 800, height = 600): Promise<Buffer> {
  return await sharp({ create: { width, height, channels: 3, background: '#4a8a3c' } })
    .jpeg()
    .toBuffer()
}

/** A JPEG as a phone makes it: with the place it was taken (GPS) and the camera in its EXIF. */
async function jpegWithGps(): Promise<Buffer> {
  return await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#7a5' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Phone 15' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '53/1 10/1 3000/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '6/1 45/1 1200/100',
      },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer()
}

/** A decompression bomb: a PNG of a few hundred bytes that says it is 100,000 × 100,000 pixels. */
function pngBomb(): Buffer {
  // 8-bit greyscale; a few rows, the rest would be "there" once decoded.
  return pngFile(100_000, 100_000, { bitDepth: 8, colourType: 0 }, deflateSync(Buffer.alloc(100_001 * 10)))
}

const ctx = createTestApp()
const theme = await makeTheme(ctx.db)
const author = await loginAs(ctx, 'member')
const other = await loginAs(ctx, 'member')
const staff = await loginAs(ctx, 'staff')

async function newIdea(values: { hidden?: boolean; status?: 'new' | 'planned' } = {}) {
  return await makeIdea(ctx.db, { authorId: author.userId, themeId: theme.id, ...values })
}

async function detail(ideaId: number, cookie?: string) {
  return (await json(await request(ctx, `/api/ideas/${ideaId}`, cookie ? { cookie } : {}))).idea
}

describe('adding a photo', () => {
  it('re-encodes a photo at a few sizes as WebP, lists it on the idea and serves it for a year', async () => {
    const idea = await newIdea()
    const res = await uploadPhoto(ctx, idea.id, author.cookie, { bytes: await jpeg(2000, 1500), altText: ALT })
    expect(res.status).toBe(201)
    const { photo } = await json(res)
    expect(photo).toMatchObject({ altText: ALT, width: 1280, height: 960 })
    const webp = photo.files.filter((f: { format: string }) => f.format === 'webp')
    expect(webp.map((f: { width: number }) => f.width)).toEqual([320, 640, 1280])

    const shown = await detail(idea.id)
    expect(shown.photos).toEqual([photo])

    const served = await request(ctx, webp[0].url)
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('image/webp')
    expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(served.headers.get('x-content-type-options')).toBe('nosniff')
    const meta = await sharp(Buffer.from(await served.arrayBuffer())).metadata()
    expect(meta).toMatchObject({ format: 'webp', width: 320, height: 240 })
  })

  it('takes photos sent at once one after another, a refused one holding up none of the others', async () => {
    const idea = await newIdea()
    const [a, bad, b] = await Promise.all([
      uploadPhoto(ctx, idea.id, author.cookie, { bytes: await jpeg(1200, 900), altText: ALT }),
      uploadPhoto(ctx, idea.id, author.cookie, { bytes: Buffer.from('geen foto'), altText: ALT }),
      uploadPhoto(ctx, idea.id, author.cookie, { bytes: await jpeg(900, 1200), altText: ALT }),
    ])
    expect([a.status, bad.status, b.status]).toEqual([201, 422, 201])
    const shown = await detail(idea.id)
    expect(shown.photos.map((p: { width: number }) => p.width).sort((x: number, y: number) => x - y)).toEqual([
      900, 1200,
    ])
  })

  it('never enlarges a small photo', async () => {
    const idea = await newIdea()
    const { photo } = await json(
      await uploadPhoto(ctx, idea.id, author.cookie, { bytes: await jpeg(500, 400), altText: ALT }),
    )
    expect(photo.width).toBe(500)
    expect([...new Set(photo.files.map((f: { width: number }) => f.width))].sort()).toEqual([320, 500])
  })

  it('serves a photo with GPS and camera data without any metadata, turned upright', async () => {
    const idea = await newIdea()
    const original = await jpegWithGps()
    expect(await sharp(original).metadata()).toMatchObject({ orientation: 6, exif: expect.any(Buffer) })
    const { photo } = await json(await uploadPhoto(ctx, idea.id, author.cookie, { bytes: original, altText: ALT }))
    for (const file of photo.files) {
      const bytes = Buffer.from(await (await request(ctx, file.url)).arrayBuffer())
      const meta = await sharp(bytes).metadata()
      expect(meta.exif).toBeUndefined()
      expect(meta.xmp).toBeUndefined()
      expect(meta.icc).toBeUndefined()
      expect(meta.orientation).toBeUndefined()
      expect(bytes.includes(Buffer.from('PhoneMaker'))).toBe(false)
      expect(bytes.includes(Buffer.from('GPS'))).toBe(false)
    }
    // Orientation 6 (rotate 90°): the 1600 × 1200 picture stands upright, 960 × 1280.
    expect(photo).toMatchObject({ width: 960, height: 1280 })
  })

  it('takes a PNG and staff may add one to any idea', async () => {
    const idea = await newIdea({ status: 'planned' })
    const png = await sharp({ create: { width: 300, height: 200, channels: 4, background: '#00000000' } })
      .png()
      .toBuffer()
    const res = await uploadPhoto(ctx, idea.id, staff.cookie, {
      bytes: png,
      type: 'image/png',
      name: 'plan.png',
      altText: ALT,
    })
    expect(res.status).toBe(201)
  })

  it('takes a HEIC photo as iPhones make it (HEVC) and serves it as WebP', async () => {
    // 96 × 64, made with libheif's heif-enc (Debian libheif-examples): a real HEVC-coded HEIC.
    const heic = readFileSync(path.join(import.meta.dirname, 'fixtures', 'bankje.heic'))
    const idea = await newIdea()
    const res = await uploadPhoto(ctx, idea.id, author.cookie, {
      bytes: heic,
      type: 'image/heic',
      name: 'IMG_0001.HEIC',
      altText: ALT,
    })
    expect(res.status).toBe(201)
    const { photo } = await json(res)
    expect(photo).toMatchObject({ width: 96, height: 64 })
    const webp = photo.files.find((f: { format: string }) => f.format === 'webp')
    const served = Buffer.from(await (await request(ctx, webp.url)).arrayBuffer())
    expect(await sharp(served).metadata()).toMatchObject({ format: 'webp', width: 96, height: 64 })
    // The red circle on green survives decoding: a pixel in it is red.
    const { data } = await sharp(served)
      .extract({ left: 28, top: 28, width: 1, height: 1 })
      .raw()
      .toBuffer({ resolveWithObject: true })
    expect(data[0]).toBeGreaterThan(150)
    expect(data[1]).toBeLessThan(100)
  })

  it('drops what hides inside the image: a script in a JPEG comment is not in the served bytes', async () => {
    const idea = await newIdea()
    const base = await jpeg(400, 300)
    const payload = Buffer.from('<script>alert(1)</script>')
    const comment = Buffer.concat([Buffer.from([0xff, 0xfe, 0, payload.length + 2]), payload])
    const withComment = Buffer.concat([base.subarray(0, 2), comment, base.subarray(2)])
    const { photo } = await json(await uploadPhoto(ctx, idea.id, author.cookie, { bytes: withComment, altText: ALT }))
    for (const file of photo.files) {
      const bytes = Buffer.from(await (await request(ctx, file.url)).arrayBuffer())
      expect(bytes.includes(payload)).toBe(false)
    }
  })
})

describe('refusing a photo: 422 (or 413), nothing stored', () => {
  async function refused(input: Upload, status = 422, field: string | null = 'file') {
    const idea = await newIdea()
    const before = await databaseDigest(ctx)
    const res = await uploadPhoto(ctx, idea.id, author.cookie, input)
    expect(res.status).toBe(status)
    const body = await json(res)
    if (field) expect(body.error.fields[field]).toBeTruthy()
    expect(await databaseDigest(ctx)).toBe(before)
    return body
  }

  it('refuses a photo without alt text, saying why it is needed', async () => {
    const body = await refused({ bytes: await jpeg() }, 422, 'altText')
    expect(body.error.fields.altText).toMatch(/niet kunnen zien/)
    await refused({ bytes: await jpeg(), altText: '   ' }, 422, 'altText')
  })

  it('refuses a file that is not an image', async () => {
    await refused({
      bytes: Buffer.from('dit is gewoon tekst, geen foto'),
      type: 'image/jpeg',
      name: 'a.jpg',
      altText: ALT,
    })
  })

  it('refuses an SVG, whatever it says it is', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    const body = await refused({ bytes: svg, type: 'image/svg+xml', name: 'a.svg', altText: ALT })
    expect(body.error.message).toMatch(/SVG/)
    await refused({ bytes: svg, type: 'image/png', name: 'a.png', altText: ALT })
  })

  it('refuses a file whose bytes are not the type it claims, by Content-Type or by name', async () => {
    const png = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#fff' } })
      .png()
      .toBuffer()
    await refused({ bytes: png, type: 'image/jpeg', name: 'a.jpg', altText: ALT })
    await refused({ bytes: png, type: 'image/png', name: 'a.jpg', altText: ALT })
    await refused({ bytes: await jpeg(), type: 'image/png', name: 'a.png', altText: ALT })
  })

  it('refuses a decompression bomb before decoding it', async () => {
    const bomb = pngBomb()
    expect(bomb.length).toBeLessThan(2000)
    const body = await refused({ bytes: bomb, type: 'image/png', name: 'bom.png', altText: ALT })
    expect(body.error.message).toMatch(/beeldpunten|pixels/)
  })

  it('refuses a polyglot: a JPEG with a ZIP or HTML after its end', async () => {
    const base = await jpeg(200, 200)
    const zip = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(40, 1)])
    await refused({ bytes: Buffer.concat([base, zip]), altText: ALT })
    await refused({ bytes: Buffer.concat([base, Buffer.from('<html><script>alert(1)</script></html>')]), altText: ALT })
    const png = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#fff' } })
      .png()
      .toBuffer()
    await refused({
      bytes: Buffer.concat([png, Buffer.from('/*</script>*/')]),
      type: 'image/png',
      name: 'a.png',
      altText: ALT,
    })
  })

  it('refuses a file over the size limit: 422 just over it, 413 for a body far beyond it', async () => {
    const big = Buffer.concat([await jpeg(), Buffer.alloc(PHOTO_LIMITS.maxBytes)])
    await refused({ bytes: big, altText: ALT }, 422)
    const huge = Buffer.alloc(PHOTO_LIMITS.maxBytes + 200 * 1024)
    await refused({ bytes: huge, altText: ALT }, 413, null)
  })

  it('refuses a fifth photo', async () => {
    const idea = await newIdea()
    for (let i = 0; i < PHOTO_LIMITS.perIdea; i++) {
      expect(
        (await uploadPhoto(ctx, idea.id, author.cookie, { bytes: await jpeg(100, 100), altText: ALT })).status,
      ).toBe(201)
    }
    const before = await databaseDigest(ctx)
    const res = await uploadPhoto(ctx, idea.id, author.cookie, { bytes: await jpeg(100, 100), altText: ALT })
    expect(res.status).toBe(422)
    expect(await databaseDigest(ctx)).toBe(before)
  })

  it('lets only the author (while new) and staff add photos; a visitor is 401 whatever the body', async () => {
    const idea = await newIdea()
    const res = await ctx.app.request(`/api/ideas/${idea.id}/photos`, { method: 'POST' })
    expect(res.status).toBe(401)
    expect((await uploadPhoto(ctx, idea.id, other.cookie, { bytes: await jpeg(), altText: ALT })).status).toBe(403)
    const planned = await newIdea({ status: 'planned' })
    expect((await uploadPhoto(ctx, planned.id, author.cookie, { bytes: await jpeg(), altText: ALT })).status).toBe(409)
  })
})

describe('changing and removing a photo', () => {
  it('changes the alt text and removes the photo with its files', async () => {
    const idea = await newIdea()
    const { photo } = await json(await uploadPhoto(ctx, idea.id, author.cookie, { bytes: await jpeg(), altText: ALT }))
    const url = `/api/ideas/${idea.id}/photos/${photo.id}`
    const short = await request(ctx, url, { method: 'PATCH', body: { altText: 'x' }, cookie: author.cookie })
    expect(short.status).toBe(422)
    const changed = await request(ctx, url, {
      method: 'PATCH',
      body: { altText: 'De bank is in tweeën gebroken' },
      cookie: staff.cookie,
    })
    expect((await json(changed)).photo.altText).toBe('De bank is in tweeën gebroken')
    expect((await request(ctx, url, { method: 'DELETE', cookie: other.cookie })).status).toBe(403)
    expect((await request(ctx, url, { method: 'DELETE', cookie: author.cookie })).status).toBe(204)
    expect((await detail(idea.id)).photos).toEqual([])
    expect((await request(ctx, photo.files[0].url)).status).toBe(404)
  })
})

describe('serving photos', () => {
  it('answers 404 for an unknown or malformed key, never a 500', async () => {
    for (const key of ['abc', 'A'.repeat(43), '..%2F..%2Fetc%2Fpasswd', '%00']) {
      const res = await request(ctx, `/api/photos/${key}`)
      expect([404, 422]).toContain(res.status)
      expect((await json(res)).error).toBeTruthy()
    }
  })

  it('hides a reported photo: gone from the idea and its files 404 for the public, staff still see it', async () => {
    const idea = await newIdea()
    const { photo } = await json(await uploadPhoto(ctx, idea.id, author.cookie, { bytes: await jpeg(), altText: ALT }))
    const report = await request(ctx, '/api/reports', {
      body: { subjectType: 'photo', subjectId: photo.id, reason: 'personal_data' },
      cookie: other.cookie,
    })
    expect(report.status).toBe(201)
    const queue = await json(await request(ctx, '/api/staff/moderation', { cookie: staff.cookie }))
    const item = queue.items.find(
      (i: { subjectType: string; subjectId: number }) => i.subjectType === 'photo' && i.subjectId === photo.id,
    )
    expect(item).toMatchObject({ ideaId: idea.id, text: ALT, hidden: false })
    expect(item.photoUrl).toMatch(/^\/api\/photos\//)
    const hide = await request(ctx, `/api/staff/moderation/photo/${photo.id}`, {
      body: { action: 'hide', reason: 'Er staat een kenteken op' },
      cookie: staff.cookie,
    })
    expect(hide.status).toBe(204)
    expect((await detail(idea.id)).photos).toEqual([])
    expect((await request(ctx, photo.files[0].url)).status).toBe(404)
    const forStaff = await request(ctx, photo.files[0].url, { cookie: staff.cookie })
    expect(forStaff.status).toBe(200)
    expect(forStaff.headers.get('cache-control')).toBe('private, no-store')
  })

  it('does not serve the photos of a hidden idea', async () => {
    const idea = await newIdea()
    const { photo } = await json(await uploadPhoto(ctx, idea.id, author.cookie, { bytes: await jpeg(), altText: ALT }))
    await request(ctx, `/api/staff/moderation/idea/${idea.id}`, {
      body: { action: 'hide', reason: 'Dit hoort hier niet' },
      cookie: staff.cookie,
    })
    expect((await request(ctx, photo.files[0].url)).status).toBe(404)
  })
})

describe('erasure and export', () => {
  it('includes my photos in my export and removes them when I erase my account', async () => {
    const me = await loginAs(ctx, 'member')
    const mine = await makeIdea(ctx.db, { authorId: me.userId, themeId: theme.id })
    const { photo } = await json(await uploadPhoto(ctx, mine.id, me.cookie, { bytes: await jpeg(), altText: ALT }))
    // Staff's photo on my idea goes too: the idea stays, under a neutral name, without pictures.
    await uploadPhoto(ctx, mine.id, staff.cookie, { bytes: await jpeg(300, 300), altText: ALT })
    const exported = await json(await request(ctx, '/api/me/export', { cookie: me.cookie }))
    expect(exported.photos).toEqual([
      expect.objectContaining({ id: photo.id, ideaId: mine.id, altText: ALT, files: photo.files }),
    ])
    const erased = await request(ctx, '/api/me', { method: 'DELETE', body: { password: PASSWORD }, cookie: me.cookie })
    expect(erased.status).toBe(204)
    expect((await detail(mine.id)).photos).toEqual([])
    expect((await request(ctx, photo.files[0].url)).status).toBe(404)
  })
})

describe('the files-on-disk store', () => {
  it('keeps the bytes as files, serves them, and removes them with the photo and after erasure', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'meedenken-photos-'))
    const disk = createTestApp({ photos: { store: 'disk', dir } })
    const owner = await loginAs(disk, 'member')
    const diskTheme = await makeTheme(disk.db)
    const idea = await makeIdea(disk.db, { authorId: owner.userId, themeId: diskTheme.id })
    const { photo } = await json(await uploadPhoto(disk, idea.id, owner.cookie, { bytes: await jpeg(), altText: ALT }))
    const files = () => readdirSync(dir, { recursive: true }).filter((f) => String(f).split(path.sep).length === 2)
    expect(files()).toHaveLength(photo.files.length)
    const served = await request(disk, photo.files[0].url)
    expect(served.status).toBe(200)
    expect((await sharp(Buffer.from(await served.arrayBuffer())).metadata()).format).toBe(
      photo.files[0].format === 'avif' ? 'heif' : photo.files[0].format,
    )

    const second = await json(
      await uploadPhoto(disk, idea.id, owner.cookie, { bytes: await jpeg(300, 200), altText: ALT }),
    )
    await request(disk, `/api/ideas/${idea.id}/photos/${photo.id}`, { method: 'DELETE', cookie: owner.cookie })
    expect(files()).toHaveLength(second.photo.files.length)
    await request(disk, '/api/me', { method: 'DELETE', body: { password: PASSWORD }, cookie: owner.cookie })
    expect(files()).toHaveLength(0)
  })
})
