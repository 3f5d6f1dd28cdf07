/**
 * What an uploaded file really is, from its bytes: the first check, before any decoder sees it.
 * A file is refused when its bytes, its declared type and its name's extension disagree, when it
 * is not one of the kinds we take (SVG never: it is a document that can carry script), and when
 * data follows the image's own end (a polyglot: a JPEG that is also a ZIP, HTML or script).
 */

export type PhotoKind = 'jpeg' | 'png' | 'webp' | 'heic'

export type SniffProblem = 'not_an_image' | 'svg' | 'type_mismatch' | 'trailing_data'
export type Sniffed = { ok: true; kind: PhotoKind } | { ok: false; problem: SniffProblem }

const DECLARED: Record<string, PhotoKind> = {
  'image/jpeg': 'jpeg',
  'image/jpg': 'jpeg',
  'image/pjpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'image/heif': 'heic',
  'image/heic-sequence': 'heic',
  'image/heif-sequence': 'heic',
}
// Browsers send no type (or this one) for files they do not know, such as .heic on Windows.
const UNKNOWN_TYPES = new Set(['', 'application/octet-stream'])

const EXTENSIONS: Record<string, PhotoKind> = {
  jpg: 'jpeg',
  jpeg: 'jpeg',
  jpe: 'jpeg',
  jfif: 'jpeg',
  png: 'png',
  webp: 'webp',
  heic: 'heic',
  heif: 'heic',
  hif: 'heic',
}

const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'msf1'])

function ascii(bytes: Buffer, start: number, end: number): string {
  return bytes.subarray(start, end).toString('latin1')
}

function kindOf(bytes: Buffer): PhotoKind | 'svg' | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg'
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'png'
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp'
  if (bytes.length >= 12 && ascii(bytes, 4, 8) === 'ftyp' && HEIF_BRANDS.has(ascii(bytes, 8, 12))) return 'heic'
  // SVG is XML text: told apart only to say so plainly; it is refused like any other non-image.
  if (/<svg[\s>]/i.test(ascii(bytes, 0, Math.min(bytes.length, 4096)))) return 'svg'
  return null
}

/** Where a JPEG's data ends: just after its EOI marker, walking the segments (and scans) from SOI. */
function jpegEnd(b: Buffer): number | null {
  let i = 2
  while (i + 2 <= b.length) {
    if (b[i] !== 0xff) return null
    const marker = b[i + 1] as number
    if (marker === 0xff) {
      i += 1 // fill byte
      continue
    }
    if (marker === 0xd9) return i + 2
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2
      continue
    }
    if (i + 4 > b.length) return null
    const length = b.readUInt16BE(i + 2)
    if (length < 2) return null
    i += 2 + length
    if (marker === 0xda) {
      // Entropy-coded data: runs to the next marker that is not a stuffed 0xFF00 or a restart.
      while (
        i + 1 < b.length &&
        !(b[i] === 0xff && b[i + 1] !== 0x00 && !((b[i + 1] as number) >= 0xd0 && (b[i + 1] as number) <= 0xd7))
      )
        i += 1
    }
  }
  return null
}

/** Just after a PNG's IEND chunk. */
function pngEnd(b: Buffer): number | null {
  let i = 8
  while (i + 12 <= b.length) {
    const length = b.readUInt32BE(i)
    const type = ascii(b, i + 4, i + 8)
    i += 12 + length
    if (type === 'IEND') return i
  }
  return null
}

/** A WebP is one RIFF chunk that says its own size (padded to an even number). */
function webpEnd(b: Buffer): number {
  const size = b.readUInt32LE(4)
  return 8 + size + (size % 2)
}

/** HEIF is a row of ISO boxes; the last one ends the file. */
function heifEnd(b: Buffer): number | null {
  let i = 0
  while (i + 8 <= b.length) {
    let size = b.readUInt32BE(i)
    if (size === 1) {
      if (i + 16 > b.length) return null
      size = Number(b.readBigUInt64BE(i + 8))
    } else if (size === 0) return b.length
    if (size < 8) return null
    i += size
  }
  return i === b.length ? i : null
}

function endOf(kind: PhotoKind, b: Buffer): number | null {
  if (kind === 'jpeg') return jpegEnd(b)
  if (kind === 'png') return pngEnd(b)
  if (kind === 'webp') return webpEnd(b)
  return heifEnd(b)
}

/**
 * What may follow a JPEG's end and still be a photo as phones make it: a "motion photo"
 * (Google, Samsung) appends its short video, an MP4 that starts with an `ftyp` box. It is
 * never kept or served: only the pixels are re-encoded.
 */
function isMotionPhotoVideo(rest: Buffer): boolean {
  return rest.length >= 12 && ascii(rest, 4, 8) === 'ftyp'
}

/**
 * Decides what the upload is, or why it is refused. Anything after the image's end is
 * refused (zero padding aside): re-encoding would drop it anyway, as the served files hold only
 * newly encoded pixels, but a file that is two things at once is not a photo someone took.
 */
export function sniffPhoto(bytes: Buffer, declaredType: string, fileName: string): Sniffed {
  const kind = kindOf(bytes)
  if (kind === 'svg') return { ok: false, problem: 'svg' }
  if (kind === null) return { ok: false, problem: 'not_an_image' }
  const declared = declaredType.toLowerCase().split(';')[0]?.trim() ?? ''
  if (!UNKNOWN_TYPES.has(declared) && DECLARED[declared] !== kind) return { ok: false, problem: 'type_mismatch' }
  const extension = /\.([a-z0-9]{1,5})$/i.exec(fileName)?.[1]?.toLowerCase()
  if (extension !== undefined && EXTENSIONS[extension] !== kind) return { ok: false, problem: 'type_mismatch' }
  const end = endOf(kind, bytes)
  if (end === null || end > bytes.length) return { ok: false, problem: 'not_an_image' }
  const rest = bytes.subarray(end)
  const onlyPadding = rest.every((byte) => byte === 0)
  if (!onlyPadding && !(kind === 'jpeg' && isMotionPhotoVideo(rest))) return { ok: false, problem: 'trailing_data' }
  return { ok: true, kind }
}
