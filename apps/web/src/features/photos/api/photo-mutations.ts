import { useMutation } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { errorText } from '../../../lib/errors'

/**
 * Adds one photo to an idea: the file and its alt text as one multipart form. The body is a
 * FormData, so the browser writes the Content-Type with its boundary (never JSON's); the
 * client adds what every call has (language, same-origin credentials).
 */
export async function uploadPhoto(ideaId: number, file: File, altText: string) {
  const form = new FormData()
  form.set('file', file)
  form.set('altText', altText.trim())
  return await call(api.api.ideas[':id'].photos.$post({ param: { id: String(ideaId) } }, { init: { body: form } }))
}

/** A photo that could not be added: its number in the choice, its file name and the API's reason. */
export type UploadFailure = { number: number; name: string; reason: string }

/**
 * Adds the chosen photos one after the other (the API counts them per idea and keeps their
 * order). A refused photo does not stop the others; each failure is returned with its reason.
 */
export async function uploadPhotos(
  ideaId: number,
  photos: readonly { file: File; altText: string }[],
  onProgress?: (number: number) => void,
): Promise<UploadFailure[]> {
  const failures: UploadFailure[] = []
  for (const [index, photo] of photos.entries()) {
    onProgress?.(index + 1)
    try {
      await uploadPhoto(ideaId, photo.file, photo.altText)
    } catch (error) {
      failures.push({ number: index + 1, name: photo.file.name, reason: errorText(error) })
    }
  }
  return failures
}

/** Changes a photo's alt text; `onChanged` lets the page refresh the idea. */
export function useChangeAltText(ideaId: number, onChanged: () => unknown) {
  return useMutation({
    mutationFn: ({ photoId, altText }: { photoId: number; altText: string }) =>
      call(
        api.api.ideas[':id'].photos[':photoId'].$patch({
          param: { id: String(ideaId), photoId: String(photoId) },
          json: { altText },
        }),
      ),
    onSuccess: onChanged,
  })
}

/** Removes a photo; `onChanged` lets the page refresh the idea. */
export function useRemovePhoto(ideaId: number, onChanged: () => unknown) {
  return useMutation({
    mutationFn: (photoId: number) =>
      call(
        api.api.ideas[':id'].photos[':photoId'].$delete({ param: { id: String(ideaId), photoId: String(photoId) } }),
      ),
    onSuccess: onChanged,
  })
}
