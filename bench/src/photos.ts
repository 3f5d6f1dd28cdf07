import { createRequire } from 'node:module'
import path from 'node:path'
import { PHOTO_LIMITS } from '../../packages/shared/src/photos'
import { apiDir } from './paths'

// sharp is the API's dependency; the bench borrows it to make photos as a phone would send them.
const sharp = createRequire(path.join(apiDir, 'package.json'))(
  'sharp',
) as typeof import('../../apps/api/node_modules/sharp').default

/**
 * A phone-sized JPEG (4032×3024) that compresses like a photo, not like a flat colour: a
 * gradient under coloured noise, so the server's encodes are as big as a real photo's.
 */
async function phonePhoto(seed: number): Promise<Buffer> {
  const width = 4032
  const height = 3024
  const noise = await sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 90 + seed * 20, sigma: 40 },
    },
  })
    .png()
    .toBuffer()
  const gradient = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
      <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
        <stop offset="0" stop-color="hsl(${seed * 80}, 60%, 55%)"/><stop offset="1" stop-color="hsl(${seed * 80 + 140}, 50%, 35%)"/>
      </linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/></svg>`,
  )
  return await sharp(gradient)
    .composite([{ input: noise, blend: 'soft-light' }])
    .jpeg({ quality: 85 })
    .toBuffer()
}

/**
 * Gives an idea the most photos it may have, uploaded as staff would (multipart, one per
 * request), so the idea page the browser rows and Lighthouse load shows a full gallery.
 */
export async function addPhotos(baseUrl: string, ideaId: number, staffCookie: string): Promise<number> {
  let added = 0
  for (let i = 0; i < PHOTO_LIMITS.perIdea; i++) {
    const form = new FormData()
    form.set('file', new Blob([new Uint8Array(await phonePhoto(i))], { type: 'image/jpeg' }), `foto-${i + 1}.jpg`)
    form.set('altText', `Foto ${i + 1} bij het idee: de plek waar het om gaat`)
    const res = await fetch(`${baseUrl}/api/ideas/${ideaId}/photos`, {
      method: 'POST',
      headers: { cookie: staffCookie, origin: baseUrl },
      body: form,
    })
    if (res.status !== 201) throw new Error(`bench: photo upload answered ${res.status}: ${await res.text()}`)
    added++
  }
  return added
}
