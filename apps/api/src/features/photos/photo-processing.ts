import { createHash } from 'node:crypto'
import type { PhotoFormat } from '@meedenken/shared'
import sharp, { type OutputInfo, type SharpOptions } from 'sharp'
import { type PhotoKind, type SniffProblem, sniffPhoto } from './photo-sniff'

/** Larger than any phone camera (a 200 MP sensor bins to 12-50 MP); a bomb says it is larger. */
export const MAX_INPUT_PIXELS = 50_000_000
/** The longest side of each size served; never larger than the upload. */
export const PHOTO_WIDTHS = [320, 640, 1280] as const

export type EncodedFile = { format: PhotoFormat; width: number; height: number; data: Buffer }
export type ProcessedPhoto = { width: number; height: number; files: EncodedFile[] }
export type PhotoProblem = SniffProblem | 'too_many_pixels'
export type Processed = { ok: true; photo: ProcessedPhoto } | { ok: false; problem: PhotoProblem }

// One thread per image: each takes a core, and the API must keep answering. No operation
// cache: a photo is processed once, and libvips would keep up to 50 MB of it around.
sharp.concurrency(1)
sharp.cache(false)

let previous: Promise<unknown> = Promise.resolve()

/**
 * One photo at a time per process. A 12-megapixel photo is ≈ 50 MB of pixels while it is
 * decoded; four uploaded at once took the server from 171 to 351 MB (`pnpm bench --quick`,
 * peak RSS row), and a few accounts uploading together could take more. Later uploads wait.
 */
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const turn = previous.then(work, work)
  previous = turn.catch(() => undefined)
  return turn
}

type Source = { input: Buffer; options: SharpOptions }

/**
 * HEIC from iPhones is HEVC inside HEIF; sharp's prebuilt libvips reads HEIF only with AV1
 * (AVIF), so heic-decode (libheif compiled to WebAssembly) turns it into raw pixels first.
 * Its size is read before it is decoded, so a bomb is refused before it takes memory.
 */
async function heicSource(bytes: Buffer): Promise<Source | 'too_many_pixels' | 'not_an_image'> {
  const { all } = (await import('heic-decode')).default
  let images: Awaited<ReturnType<typeof all>>
  try {
    images = await all({ buffer: bytes })
  } catch {
    return 'not_an_image'
  }
  try {
    const first = images[0]
    if (!first) return 'not_an_image'
    if (first.width * first.height > MAX_INPUT_PIXELS) return 'too_many_pixels'
    const { width, height, data } = await first.decode()
    // libheif has applied the file's rotation and mirroring (irot, imir) already.
    return {
      input: Buffer.from(data.buffer, data.byteOffset, data.byteLength),
      options: { raw: { width, height, channels: 4 } },
    }
  } catch {
    return 'not_an_image'
  } finally {
    images.dispose()
  }
}

async function sourceOf(kind: PhotoKind, bytes: Buffer): Promise<Source | 'too_many_pixels' | 'not_an_image'> {
  if (kind === 'heic') return await heicSource(bytes)
  try {
    // The header alone: a PNG of a few hundred bytes may claim 100,000 × 100,000 pixels.
    // No pixel limit for the header itself: the check is ours, right below, with its own answer.
    const meta = await sharp(bytes, { limitInputPixels: false }).metadata()
    if (!meta.width || !meta.height) return 'not_an_image'
    if (meta.width * meta.height > MAX_INPUT_PIXELS) return 'too_many_pixels'
  } catch {
    return 'not_an_image'
  }
  return { input: bytes, options: {} }
}

/**
 * Checks an upload and re-encodes it: upright (EXIF orientation applied), at a few sizes, as
 * WebP, and as AVIF where that is smaller. sharp writes no metadata unless asked, so no EXIF,
 * GPS, XMP or ICC profile of the upload survives (photos.test.ts reads the served bytes to
 * prove it). No JPEG: every browser we support (decision 032's list) shows WebP, and the
 * upload itself is never kept, so what is served is only pixels we encoded ourselves.
 */
export function processPhoto(bytes: Buffer, declaredType: string, fileName: string): Promise<Processed> {
  return oneAtATime(() => processNow(bytes, declaredType, fileName))
}

async function processNow(bytes: Buffer, declaredType: string, fileName: string): Promise<Processed> {
  const sniffed = sniffPhoto(bytes, declaredType, fileName)
  if (!sniffed.ok) return { ok: false, problem: sniffed.problem }
  const source = await sourceOf(sniffed.kind, bytes)
  if (source === 'too_many_pixels' || source === 'not_an_image') return { ok: false, problem: source }
  const options: SharpOptions = { ...source.options, limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }
  let largest: { data: Buffer; info: OutputInfo }
  try {
    // Decoded once, upright and at most the largest size, as raw pixels; each size is made from these.
    const biggest = PHOTO_WIDTHS[PHOTO_WIDTHS.length - 1]
    largest = await sharp(source.input, options)
      .rotate()
      .resize({ width: biggest, height: biggest, fit: 'inside', withoutEnlargement: true })
      // Transparent parts of a PNG on white, as a page would show them.
      .flatten({ background: '#ffffff' })
      .raw()
      .toBuffer({ resolveWithObject: true })
  } catch {
    return { ok: false, problem: 'not_an_image' }
  }
  const { width, height } = largest.info
  const raw = { raw: { width, height, channels: largest.info.channels } } as const
  const longest = Math.max(width, height)
  const sizes = [...new Set(PHOTO_WIDTHS.map((w) => Math.min(w, longest)))]
  const files: EncodedFile[] = []
  for (const size of sizes) {
    const resized = await sharp(largest.data, raw)
      .resize({ width: size, height: size, fit: 'inside', withoutEnlargement: true })
      .raw()
      .toBuffer({ resolveWithObject: true })
    const { width: w, height: h, channels } = resized.info
    const pixels = () => sharp(resized.data, { raw: { width: w, height: h, channels } })
    const webp = await pixels().webp({ quality: 78 }).toBuffer()
    const avif = await pixels().avif({ quality: 50, effort: 2 }).toBuffer()
    const at = { width: w, height: h }
    files.push({ format: 'webp', ...at, data: webp })
    // AVIF only where it pays: at these sizes usually 20-40 % smaller, sometimes not at all.
    if (avif.length < webp.length * 0.9) files.push({ format: 'avif', ...at, data: avif })
  }
  return { ok: true, photo: { width, height, files } }
}

/** A file's key: the hash of its bytes and of the photo it belongs to (see photos.data.ts). */
export function fileKey(photoId: number, data: Buffer): string {
  return createHash('sha256').update(`photo:${photoId}:`).update(data).digest('base64url')
}

/** Keys as fileKey makes them: 43 characters of base64url. */
export const FILE_KEY = /^[A-Za-z0-9_-]{43}$/

export const CONTENT_TYPES: Record<PhotoFormat, string> = {
  avif: 'image/avif',
  webp: 'image/webp',
  jpeg: 'image/jpeg',
}
