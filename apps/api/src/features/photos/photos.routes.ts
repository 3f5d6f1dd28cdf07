import {
  ALT_TEXT_WHY,
  AltText,
  IdParam,
  PHOTO_LIMITS,
  PhotoAltTextBody,
  PhotoIdParams,
  PhotoKeyParam,
  PhotoResponse,
  type Text,
} from '@meedenken/shared'
import type { Context } from 'hono'
import type { AppEnv, CurrentUser } from '../../http/env'
import { ApiError } from '../../http/errors'
import { signedIn } from '../../http/policy'
import { enforceRateLimits, HOUR } from '../../http/rate-limit'
import { createRouter, jsonBody, jsonResponse, route } from '../../http/route'
import { CONTENT_TYPES, FILE_KEY, type PhotoProblem, processPhoto } from './photo-processing'
import { photoStoreFor } from './photo-store'
import {
  addPhoto,
  deletePhoto,
  findPhoto,
  ideaForPhotos,
  photoById,
  photoCount,
  photoFileByKey,
  setAltText,
} from './photos.data'

/** Uploads per account per hour: a few ideas' worth, and re-tries after a wrong choice. */
export const PHOTOS_PER_HOUR = 20

const MB = Math.round(PHOTO_LIMITS.maxBytes / 1024 / 1024)

export const PHOTO_TEXT = {
  ideaNotFound: { nl: 'Dit idee bestaat niet (meer).', en: 'This idea does not exist (any more).' },
  notFound: { nl: 'Deze foto bestaat niet (meer).', en: 'This photo does not exist (any more).' },
  notAllowed: {
    nl: 'Alleen de indiener van het idee en medewerkers van de gemeente kunnen foto’s toevoegen of aanpassen.',
    en: 'Only the person who proposed the idea and municipal staff can add or change photos.',
  },
  notNew: {
    nl: 'U kunt foto’s toevoegen of aanpassen zolang uw idee nog nieuw is. Vraag een medewerker als er iets moet veranderen.',
    en: 'You can add or change photos while your idea is still new. Ask a staff member if something needs to change.',
  },
  tooMany: {
    nl: `Een idee kan maximaal ${PHOTO_LIMITS.perIdea} foto’s hebben. Verwijder eerst een foto.`,
    en: `An idea can have at most ${PHOTO_LIMITS.perIdea} photos. Remove a photo first.`,
  },
  noFile: { nl: 'Kies een foto om te uploaden.', en: 'Please choose a photo to upload.' },
  tooLarge: {
    nl: `Deze foto is te groot. Een foto mag maximaal ${MB} MB zijn.`,
    en: `This photo is too large. A photo may be at most ${MB} MB.`,
  },
  notAnImage: {
    nl: 'Dit bestand is geen foto die wij kunnen lezen. Kies een JPEG-, PNG-, WebP- of HEIC-foto.',
    en: 'This file is not a photo we can read. Please choose a JPEG, PNG, WebP or HEIC photo.',
  },
  svg: {
    nl: 'SVG-bestanden kunnen wij niet aannemen. Kies een JPEG-, PNG-, WebP- of HEIC-foto.',
    en: 'We cannot accept SVG files. Please choose a JPEG, PNG, WebP or HEIC photo.',
  },
  mismatch: {
    nl: 'Dit bestand is niet het soort bestand dat de naam of het type zegt. Kies de foto opnieuw, zoals uw telefoon of camera hem maakte.',
    en: 'This file is not the kind of file its name or type says. Please choose the photo again, as your phone or camera made it.',
  },
  trailing: {
    nl: 'Dit bestand bevat meer dan alleen een foto. Sla de foto opnieuw op en probeer het nog eens.',
    en: 'This file contains more than just a photo. Please save the photo again and try once more.',
  },
  tooManyPixels: {
    nl: 'Deze foto heeft te veel beeldpunten (meer dan 50 miljoen). Maak de foto kleiner en probeer het opnieuw.',
    en: 'This photo has too many pixels (over 50 million). Please make it smaller and try again.',
  },
  notMultipart: {
    nl: 'Stuur de foto als formulier (multipart/form-data) met de velden file en altText.',
    en: 'Please send the photo as a form (multipart/form-data) with the fields file and altText.',
  },
} satisfies Record<string, Text>

const PROBLEM_TEXT: Record<PhotoProblem, Text> = {
  not_an_image: PHOTO_TEXT.notAnImage,
  svg: PHOTO_TEXT.svg,
  type_mismatch: PHOTO_TEXT.mismatch,
  trailing_data: PHOTO_TEXT.trailing,
  too_many_pixels: PHOTO_TEXT.tooManyPixels,
}

function fileError(text: Text): ApiError {
  return new ApiError('validation_failed', text, { fields: { file: text } })
}

function altTextError(): ApiError {
  return new ApiError('validation_failed', ALT_TEXT_WHY, { fields: { altText: ALT_TEXT_WHY } })
}

const isStaff = (me: CurrentUser) => me.role === 'staff' || me.role === 'admin'

/**
 * Who may change an idea's photos: staff always (intake, moderation); the author while the
 * idea is new, as with the idea's own text (removing their own photo they may always).
 */
async function mayChange(c: Context<AppEnv>, ideaId: number, action: 'add' | 'change' | 'remove') {
  const me = signedIn(c)
  const idea = await ideaForPhotos(c.var.db, ideaId)
  if (!idea || (idea.hidden && !isStaff(me))) throw new ApiError('not_found', PHOTO_TEXT.ideaNotFound)
  if (isStaff(me)) return me
  if (idea.authorId !== me.id) throw new ApiError('forbidden', PHOTO_TEXT.notAllowed)
  if (action !== 'remove' && idea.status !== 'new') throw new ApiError('conflict', PHOTO_TEXT.notNew)
  return me
}

const uploadRoute = route(
  'member',
  {
    method: 'post',
    path: '/ideas/{id}/photos',
    tags: ['Photos'],
    summary: `Add a photo to an idea (author while new, or staff): the file and its alt text in one form; at most ${PHOTO_LIMITS.perIdea} per idea, ${MB} MB each`,
    description:
      'The photo is re-encoded (WebP, and AVIF where smaller, at a few sizes) without any metadata: no location, no camera. ' +
      'Refused with 422 and nothing stored: no alt text, not a JPEG/PNG/WebP/HEIC image, a file whose bytes are not the type ' +
      'its name or Content-Type says, data after the image, more than 50 megapixels, a fifth photo.',
    request: {
      params: IdParam,
      body: {
        required: true,
        // A plain schema, not zod: the handler reads the form itself, so that a missing alt text
        // is answered with why it is needed, and the file is checked by its bytes.
        content: {
          'multipart/form-data': {
            schema: {
              type: 'object',
              required: ['file', 'altText'],
              properties: {
                file: { type: 'string', format: 'binary', description: `JPEG, PNG, WebP or HEIC, at most ${MB} MB` },
                altText: {
                  type: 'string',
                  minLength: PHOTO_LIMITS.altText.min,
                  maxLength: PHOTO_LIMITS.altText.max,
                  description: 'What the photo shows, read aloud to people who cannot see it',
                },
              },
            },
          },
        },
      },
    },
    responses: { 201: jsonResponse(PhotoResponse, 'The photo, with the URL of each size') },
  },
  { errors: [409, 413, 422, 429] },
)

const altTextRoute = route(
  'member',
  {
    method: 'patch',
    path: '/ideas/{id}/photos/{photoId}',
    tags: ['Photos'],
    summary: "Change a photo's alt text (author while new, or staff)",
    request: { params: PhotoIdParams, body: jsonBody(PhotoAltTextBody) },
    responses: { 200: jsonResponse(PhotoResponse, 'The photo') },
  },
  { errors: [409] },
)

const deleteRoute = route('member', {
  method: 'delete',
  path: '/ideas/{id}/photos/{photoId}',
  tags: ['Photos'],
  summary: 'Remove a photo (its author, the idea’s author, or staff)',
  request: { params: PhotoIdParams },
  responses: { 204: { description: 'Removed' } },
})

const fileRoute = route('public', {
  method: 'get',
  path: '/photos/{key}',
  tags: ['Photos'],
  summary: 'The bytes of one size of a photo; the URL names its content, so it is cached for a year',
  request: { params: PhotoKeyParam },
  responses: {
    200: {
      description: 'The image',
      content: {
        'image/webp': { schema: { type: 'string', format: 'binary' } },
        'image/avif': { schema: { type: 'string', format: 'binary' } },
      },
    },
  },
})

export const photoRoutes = createRouter()
  .openapi(uploadRoute, async (c) => {
    const { id } = c.req.valid('param')
    const me = await mayChange(c, id, 'add')
    if ((await photoCount(c.var.db, id)) >= PHOTO_LIMITS.perIdea) throw fileError(PHOTO_TEXT.tooMany)
    if (!c.req.header('content-type')?.toLowerCase().startsWith('multipart/form-data'))
      throw new ApiError('unsupported_media_type', PHOTO_TEXT.notMultipart)
    let form: Record<string, string | File | (string | File)[]>
    try {
      form = await c.req.parseBody()
    } catch {
      throw new ApiError('malformed_request', PHOTO_TEXT.notMultipart)
    }
    const altText = AltText.safeParse(typeof form.altText === 'string' ? form.altText : '')
    if (!altText.success) throw altTextError()
    const file = form.file
    if (!(file instanceof File) || file.size === 0) throw fileError(PHOTO_TEXT.noFile)
    if (file.size > PHOTO_LIMITS.maxBytes) throw fileError(PHOTO_TEXT.tooLarge)
    const processed = await processPhoto(Buffer.from(await file.arrayBuffer()), file.type, file.name)
    if (!processed.ok) throw fileError(PROBLEM_TEXT[processed.problem])
    // Counted once the upload is known to be good, as comments are: a refused file changes nothing.
    await enforceRateLimits(c, [{ key: `photos:${me.id}`, limit: PHOTOS_PER_HOUR, windowMs: HOUR }])
    const store = photoStoreFor(c.var.settings)
    const added = await addPhoto(
      c.var.db,
      store,
      { ideaId: id, uploaderId: me.id, altText: altText.data, photo: processed.photo },
      c.var.clock.now(),
    )
    if (!added.ok) throw fileError(PHOTO_TEXT.tooMany)
    const photo = await photoById(c.var.db, added.id, isStaff(me))
    if (!photo) throw new ApiError('not_found', PHOTO_TEXT.notFound)
    return c.json({ photo }, 201)
  })
  .openapi(altTextRoute, async (c) => {
    const { id, photoId } = c.req.valid('param')
    const { altText } = c.req.valid('json')
    const me = await mayChange(c, id, 'change')
    const current = await findPhoto(c.var.db, photoId)
    if (!current || current.ideaId !== id) throw new ApiError('not_found', PHOTO_TEXT.notFound)
    await setAltText(c.var.db, photoId, altText)
    const photo = await photoById(c.var.db, photoId, isStaff(me))
    if (!photo) throw new ApiError('not_found', PHOTO_TEXT.notFound)
    return c.json({ photo }, 200)
  })
  .openapi(deleteRoute, async (c) => {
    const { id, photoId } = c.req.valid('param')
    await mayChange(c, id, 'remove')
    const current = await findPhoto(c.var.db, photoId)
    if (!current || current.ideaId !== id) throw new ApiError('not_found', PHOTO_TEXT.notFound)
    await deletePhoto(c.var.db, photoStoreFor(c.var.settings), photoId)
    return c.body(null, 204)
  })
  .openapi(fileRoute, async (c) => {
    const { key } = c.req.valid('param')
    if (!FILE_KEY.test(key)) throw new ApiError('not_found', PHOTO_TEXT.notFound)
    const file = await photoFileByKey(c.var.db, key)
    const me = c.var.user
    // Hidden: gone for the public; staff still see it to judge a report, never from a cache.
    const staff = me !== null && isStaff(me)
    if (!file || (file.hidden && !staff)) throw new ApiError('not_found', PHOTO_TEXT.notFound)
    const data = await photoStoreFor(c.var.settings).read(key, file.data)
    if (!data) throw new ApiError('not_found', PHOTO_TEXT.notFound)
    c.header('Vary', undefined)
    return c.body(new Uint8Array(data), 200, {
      'Content-Type': CONTENT_TYPES[file.format],
      'Content-Length': String(data.length),
      'Cache-Control': file.hidden ? 'private, no-store' : 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
      // An image is never a document: opened on its own, it may run nothing.
      'Content-Security-Policy': "default-src 'none'; sandbox",
    })
  })
