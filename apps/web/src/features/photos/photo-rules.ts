import { PHOTO_LIMITS, PHOTO_UPLOAD_TYPES } from '@meedenken/shared'

/** The file chooser's `accept`: the types and, for phones that send HEIC without a type, the extensions. */
export const PHOTO_ACCEPT = [...PHOTO_UPLOAD_TYPES, '.heic', '.heif'].join(',')

/** Megabytes a photo may have, as people read it. */
export const PHOTO_MB = Math.round(PHOTO_LIMITS.maxBytes / 1024 / 1024)

const TYPES: readonly string[] = PHOTO_UPLOAD_TYPES

/**
 * Why a chosen file cannot be added, checked before anything is sent (the API checks the bytes
 * again): not one of the photo types, or too large. Some browsers give a HEIC photo no type at
 * all; then its name decides, and the API has the last word.
 */
export function refusalOf(file: File): 'type' | 'size' | null {
  const typed = file.type !== '' ? TYPES.includes(file.type.toLowerCase()) : /\.(heic|heif)$/i.test(file.name)
  if (!typed) return 'type'
  if (file.size > PHOTO_LIMITS.maxBytes) return 'size'
  return null
}

/** Whether a description is long enough and not too long (the API trims it the same way). */
export function altTextProblem(text: string): 'short' | 'long' | null {
  const length = text.trim().length
  if (length < PHOTO_LIMITS.altText.min) return 'short'
  if (length > PHOTO_LIMITS.altText.max) return 'long'
  return null
}
