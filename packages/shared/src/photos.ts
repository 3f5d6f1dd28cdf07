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
