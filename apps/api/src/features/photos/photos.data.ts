import { type IdeaPhoto, PHOTO_LIMITS, type PhotoFormat } from '@meedenken/shared'
import { and, asc, eq, inArray, max, or, sql } from 'drizzle-orm'
import { lockIdeas } from '../../db/locks'
import type { Db, DbOrTx } from '../../db/open'
import { ideas, photoFiles, photos } from '../../db/schema'
import { oneRow, prepared } from '../../db/statements'
import { fileKey, type ProcessedPhoto } from './photo-processing'
import type { PhotoStore } from './photo-store'

const p = sql.placeholder

export function photoUrl(key: string): string {
  return `/api/photos/${key}`
}

/** Who may add photos to an idea: its author and staff; null when there is no such idea. */
export async function ideaForPhotos(db: Db, ideaId: number) {
  const [row] = await db
    .select({ authorId: ideas.authorId, hidden: ideas.hidden, status: ideas.status })
    .from(ideas)
    .where(eq(ideas.id, ideaId))
    .limit(1)
  return row ? { authorId: row.authorId, hidden: row.hidden === 1, status: row.status } : null
}

export async function photoCount(db: Db, ideaId: number): Promise<number> {
  const rows = await db.select({ id: photos.id }).from(photos).where(eq(photos.ideaId, ideaId))
  return rows.length
}

export type AddResult = { ok: true; id: number } | { ok: false; reason: 'too_many' }

/**
 * Adds a processed photo at the end of the idea's photos. The idea's row is held while
 * counting (PostgreSQL; SQLite's write transaction holds everything), so two uploads at once
 * never make a fifth photo. Each file's key is the hash of its bytes and of the photo's id:
 * its URL changes whenever its bytes would, so it may be cached for ever, and the same picture
 * on two ideas still has two URLs (hiding one never hides or shows the other).
 */
export async function addPhoto(
  db: Db,
  store: PhotoStore,
  input: { ideaId: number; uploaderId: number; altText: string; photo: ProcessedPhoto },
  now: number,
): Promise<AddResult> {
  const written = await db.transaction(
    async (tx) => {
      await lockIdeas(tx, [input.ideaId])
      const [current] = await tx
        .select({ count: sql<number>`count(*)`.mapWith(Number), last: max(photos.position) })
        .from(photos)
        .where(eq(photos.ideaId, input.ideaId))
      if ((current?.count ?? 0) >= PHOTO_LIMITS.perIdea) return null
      const { id } = oneRow(
        await tx
          .insert(photos)
          .values({
            ideaId: input.ideaId,
            uploaderId: input.uploaderId,
            position: (current?.last ?? -1) + 1,
            altText: input.altText,
            width: input.photo.width,
            height: input.photo.height,
            createdAt: now,
          })
          .returning({ id: photos.id }),
      )
      const files = input.photo.files.map((file) => ({ ...file, key: fileKey(id, file.data) }))
      await tx.insert(photoFiles).values(
        files.map((file) => ({
          key: file.key,
          photoId: id,
          format: file.format,
          width: file.width,
          height: file.height,
          size: file.data.length,
          data: store.inRow ? file.data : null,
        })),
      )
      return { id, files }
    },
    { behavior: 'immediate' },
  )
  if (!written) return { ok: false, reason: 'too_many' }
  if (!store.inRow) {
    try {
      for (const file of written.files) await store.write(file.key, file.data)
    } catch (error) {
      // No photo without its bytes: what was written goes with the rows.
      await deletePhoto(db, store, written.id)
      throw error
    }
  }
  return { ok: true, id: written.id }
}

type PhotoRow = {
  id: number
  altText: string
  width: number
  height: number
  hidden: number
  key: string | null
  format: PhotoFormat | null
  fileWidth: number | null
}

function toPhotos(rows: PhotoRow[], withHidden: boolean): IdeaPhoto[] {
  const byId = new Map<number, IdeaPhoto>()
  for (const r of rows) {
    let photo = byId.get(r.id)
    if (!photo) {
      photo = {
        id: r.id,
        altText: r.altText,
        width: r.width,
        height: r.height,
        ...(withHidden ? { hidden: r.hidden === 1 } : {}),
        files: [],
      }
      byId.set(r.id, photo)
    }
    if (r.key !== null && r.format !== null && r.fileWidth !== null)
      photo.files.push({ url: photoUrl(r.key), format: r.format, width: r.fileWidth })
  }
  return [...byId.values()].filter((photo) => photo.files.length > 0)
}

const photoColumns = {
  id: photos.id,
  altText: photos.altText,
  width: photos.width,
  height: photos.height,
  hidden: photos.hidden,
  key: photoFiles.key,
  format: photoFiles.format,
  fileWidth: photoFiles.width,
}

/**
 * An idea's photos with their files, in one query (through photos_idea and photo_files_photo).
 * The public gets the visible ones; staff (withHidden) all of them, each marked.
 */
export async function photosOf(db: Db, ideaId: number, options: { withHidden?: boolean } = {}): Promise<IdeaPhoto[]> {
  const withHidden = options.withHidden === true
  const rows = await prepared(db, withHidden ? 'photos.all' : 'photos.visible', (d) =>
    d
      .select(photoColumns)
      .from(photos)
      .leftJoin(photoFiles, eq(photoFiles.photoId, photos.id))
      .where(withHidden ? eq(photos.ideaId, p('idea')) : and(eq(photos.ideaId, p('idea')), eq(photos.hidden, 0)))
      .orderBy(asc(photos.position), asc(photos.id), asc(photoFiles.format), asc(photoFiles.width))
      .prepare(),
  ).execute({ idea: ideaId })
  return toPhotos(rows as PhotoRow[], withHidden)
}

/** One photo (any state) with what decides who may change it. */
export async function findPhoto(db: Db, photoId: number) {
  const [row] = await db
    .select({
      id: photos.id,
      ideaId: photos.ideaId,
      uploaderId: photos.uploaderId,
      hidden: photos.hidden,
      ideaAuthorId: ideas.authorId,
    })
    .from(photos)
    .innerJoin(ideas, eq(ideas.id, photos.ideaId))
    .where(eq(photos.id, photoId))
    .limit(1)
  return row ?? null
}

export async function photoById(db: Db, photoId: number, withHidden: boolean): Promise<IdeaPhoto | null> {
  const rows = await db
    .select(photoColumns)
    .from(photos)
    .leftJoin(photoFiles, eq(photoFiles.photoId, photos.id))
    .where(eq(photos.id, photoId))
    .orderBy(asc(photoFiles.format), asc(photoFiles.width))
  return toPhotos(rows as PhotoRow[], withHidden)[0] ?? null
}

export async function setAltText(db: Db, photoId: number, altText: string): Promise<void> {
  await db.update(photos).set({ altText }).where(eq(photos.id, photoId))
}

/** Deletes a photo (its files' rows go by cascade) and then the bytes the store keeps elsewhere. */
export async function deletePhoto(db: Db, store: PhotoStore, photoId: number): Promise<void> {
  const keys = await db.transaction(async (tx) => {
    const files = await tx.select({ key: photoFiles.key }).from(photoFiles).where(eq(photoFiles.photoId, photoId))
    await tx.delete(photos).where(eq(photos.id, photoId))
    return files.map((f) => f.key)
  })
  await store.remove(keys)
}

/**
 * A served file: its bytes (or the store's reference) and whether the public may see it. The
 * photo and its idea must both be visible.
 */
export async function photoFileByKey(db: Db, key: string) {
  const [row] = await prepared(db, 'photos.file', (d) =>
    d
      .select({
        format: photoFiles.format,
        data: photoFiles.data,
        photoHidden: photos.hidden,
        ideaHidden: ideas.hidden,
      })
      .from(photoFiles)
      .innerJoin(photos, eq(photos.id, photoFiles.photoId))
      .innerJoin(ideas, eq(ideas.id, photos.ideaId))
      .where(eq(photoFiles.key, p('key')))
      .limit(1)
      .prepare(),
  ).execute({ key })
  return row ? { format: row.format, data: row.data, hidden: row.photoHidden === 1 || row.ideaHidden === 1 } : null
}

/** Which of these keys still have a row (for the disk store's sweep). */
export async function referencedKeys(db: Db, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set()
  const rows = await db.select({ key: photoFiles.key }).from(photoFiles).where(inArray(photoFiles.key, keys))
  return new Set(rows.map((r) => r.key))
}

/**
 * For erasing an account (accounts.data.ts, in its transaction): the photos on ideas the
 * person wrote and the photos they uploaded anywhere. The ideas stay under a neutral name;
 * a photo may show a face, a house or a number plate, so it goes. With the disk store the
 * files are removed by sweepPhotoFiles afterwards.
 */
export async function erasePhotosOf(tx: DbOrTx, userId: number): Promise<void> {
  const theirIdeas = tx.select({ id: ideas.id }).from(ideas).where(eq(ideas.authorId, userId))
  await tx.delete(photos).where(or(eq(photos.uploaderId, userId), inArray(photos.ideaId, theirIdeas)))
}

/**
 * For the data export: the photos the person uploaded, with their alt text and the URL of
 * each size (the URLs, not the bytes: the export stays a JSON document of a readable size,
 * and the URLs serve the photos as long as they are visible).
 */
export async function exportPhotosOf(db: Db, userId: number) {
  const rows = await db
    .select({
      id: photos.id,
      ideaId: photos.ideaId,
      altText: photos.altText,
      hidden: photos.hidden,
      createdAt: photos.createdAt,
      key: photoFiles.key,
      format: photoFiles.format,
      width: photoFiles.width,
    })
    .from(photos)
    .leftJoin(photoFiles, eq(photoFiles.photoId, photos.id))
    .where(eq(photos.uploaderId, userId))
    .orderBy(asc(photos.id), asc(photoFiles.format), asc(photoFiles.width))
  const byId = new Map<
    number,
    {
      id: number
      ideaId: number
      altText: string
      hidden: boolean
      createdAt: string
      files: { url: string; format: string; width: number }[]
    }
  >()
  for (const r of rows) {
    let photo = byId.get(r.id)
    if (!photo) {
      photo = {
        id: r.id,
        ideaId: r.ideaId,
        altText: r.altText,
        hidden: r.hidden === 1,
        createdAt: new Date(r.createdAt).toISOString(),
        files: [],
      }
      byId.set(r.id, photo)
    }
    if (r.key !== null && r.format !== null && r.width !== null)
      photo.files.push({ url: photoUrl(r.key), format: r.format, width: r.width })
  }
  return [...byId.values()]
}

/** Removes stored bytes that no row refers to any more (the disk store; the database's go with their rows). */
export async function sweepPhotoFiles(db: Db, store: PhotoStore): Promise<number> {
  return await store.sweep((keys) => referencedKeys(db, keys))
}
