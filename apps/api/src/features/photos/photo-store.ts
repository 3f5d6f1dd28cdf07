import type { Settings } from '../../settings'
import { databasePhotoStore } from './photo-store-database'
import { diskPhotoStore } from './photo-store-disk'

/**
 * Where the bytes of photo_files live. The rows (key, photo, format, size) are always in the
 * database; the store decides whether the bytes sit in their `data` column or in a file.
 */
export type PhotoStore = {
  readonly kind: 'database' | 'disk'
  /** True: the bytes go in the row's `data` column. False: write() keeps them, after the rows are committed. */
  readonly inRow: boolean
  /**
   * Keeps the bytes under the key (the disk store). Called only after the rows are committed,
   * so a sweep never sees a file whose row is still on its way and deletes it.
   */
  write: (key: string, data: Buffer) => Promise<void>
  /** The bytes of a file, given its row's `data` column; null when they are gone. */
  read: (key: string, data: Buffer | null) => Promise<Buffer | null>
  /** Forgets the bytes of files whose rows were deleted. */
  remove: (keys: string[]) => Promise<void>
  /** Removes bytes no row refers to any more (after an idea or account went with its photos). */
  sweep: (isReferenced: (keys: string[]) => Promise<Set<string>>) => Promise<number>
}

const stores = new WeakMap<Settings, PhotoStore>()

/** The store the settings choose (PHOTO_STORE): the database by default, works with any number of processes. */
export function photoStoreFor(settings: Settings): PhotoStore {
  let store = stores.get(settings)
  if (!store) {
    store = settings.photos.store === 'disk' ? diskPhotoStore(settings.photos.dir) : databasePhotoStore()
    stores.set(settings, store)
  }
  return store
}
