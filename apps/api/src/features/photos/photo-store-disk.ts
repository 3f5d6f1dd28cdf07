import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { FILE_KEY } from './photo-processing'
import type { PhotoStore } from './photo-store'

/**
 * For large installations: the bytes as files under PHOTO_DIR (shared storage when several
 * processes serve the app), two levels of folders by the key's first characters. A file is
 * written under a temporary name and renamed, so no reader ever sees half of it.
 */
export function diskPhotoStore(dir: string): PhotoStore {
  const fileOf = (key: string) => {
    // Keys are made by fileKey (base64url); anything else never reaches the file system.
    if (!FILE_KEY.test(key)) throw new Error('not a photo key')
    return path.join(dir, key.slice(0, 2), key)
  }
  return {
    kind: 'disk',
    inRow: false,
    write: async (key, data) => {
      const file = fileOf(key)
      await mkdir(path.dirname(file), { recursive: true })
      const temporary = `${file}.${process.pid}.tmp`
      await writeFile(temporary, data)
      await rename(temporary, file)
    },
    read: async (key) => {
      try {
        return await readFile(fileOf(key))
      } catch {
        return null
      }
    },
    remove: async (keys) => {
      for (const key of keys) await rm(fileOf(key), { force: true })
    },
    sweep: async (isReferenced) => {
      let removed = 0
      let folders: string[]
      try {
        folders = await readdir(dir)
      } catch {
        return 0
      }
      for (const folder of folders) {
        const keys = (await readdir(path.join(dir, folder)).catch(() => [] as string[])).filter((k) => FILE_KEY.test(k))
        if (keys.length === 0) continue
        const kept = await isReferenced(keys)
        for (const key of keys) {
          if (kept.has(key)) continue
          await rm(fileOf(key), { force: true })
          removed += 1
        }
      }
      return removed
    },
  }
}
