import { z } from 'zod'
import { QueryId } from './common'

/**
 * Photos of an idea: the limits both the API and the upload form check, and the shape
 * in which an idea page lists them. The API re-encodes every upload (apps/api/src/features/photos).
 */

/** The encodings a photo is served in; the upload itself is never kept. */
export const PHOTO_FORMATS = ['avif', 'webp', 'jpeg'] as const
export type PhotoFormat = (typeof PHOTO_FORMATS)[number]

export const PHOTO_LIMITS = {
  /** Photos per idea. */
  perIdea: 4,
  /** Bytes per uploaded file, as phones make them. */
  maxBytes: 15 * 1024 * 1024,
  /** The alt text a screen reader reads instead of the photo. */
  altText: { min: 5, max: 250 },
} as const

/** What an uploaded file may be, as the form's `accept` and the server's first check. */
export const PHOTO_UPLOAD_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif'] as const

/** One encoded size of a photo; its URL names its bytes, so it never changes. */
export const PhotoFile = z
  .object({
    url: z.string().meta({ description: 'Content-addressed: cache it for ever' }),
    format: z.enum(PHOTO_FORMATS),
    width: z.number().int(),
  })
  .meta({ id: 'PhotoFile' })
export type PhotoFile = z.infer<typeof PhotoFile>

export const IdeaPhoto = z
  .object({
    id: z.number().int(),
    altText: z.string().meta({ description: 'What the photo shows, for people who cannot see it' }),
    width: z.number().int().meta({ description: 'Of the largest file: with height, the shape to reserve' }),
    height: z.number().int(),
    hidden: z.boolean().optional().meta({ description: 'Only for staff: hidden from the public by moderation' }),
    files: z.array(PhotoFile).meta({ description: 'Smallest first, per format' }),
  })
  .meta({ id: 'IdeaPhoto', description: 'A photo of an idea, in position order' })
export type IdeaPhoto = z.infer<typeof IdeaPhoto>

const altTextMessage = {
  nl: `Beschrijf in ${PHOTO_LIMITS.altText.min} tot ${PHOTO_LIMITS.altText.max} tekens wat er op de foto staat. Mensen die de foto niet kunnen zien, horen deze tekst.`,
  en: `Describe in ${PHOTO_LIMITS.altText.min} to ${PHOTO_LIMITS.altText.max} characters what the photo shows. People who cannot see the photo hear this text.`,
} as const
/** Why alt text is asked for, in both languages: the API's 422 and the form's hint say the same. */
export const ALT_TEXT_WHY = altTextMessage

export const AltText = z
  .string()
  .trim()
  .min(PHOTO_LIMITS.altText.min)
  .max(PHOTO_LIMITS.altText.max)
  .meta({ description: 'What the photo shows, read aloud to people who cannot see it' })

export const PhotoAltTextBody = z.object({ altText: AltText }).meta({ id: 'PhotoAltTextBody' })

export const PhotoResponse = z.object({ photo: IdeaPhoto }).meta({ id: 'PhotoResponse' })
export const PhotoKeyParam = z.object({ key: z.string().max(100) })
export const PhotoIdParams = z.object({ id: QueryId, photoId: QueryId })
