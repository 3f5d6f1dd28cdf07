import { existsSync } from 'node:fs'
import { open } from 'node:fs/promises'

export type PageCacheRead = { bytes: number; ms: number }

/**
 * Reads the files from start to end, so the kernel holds them in its page cache: the
 * state of a server whose database fits in its memory (decision 016). This machine's
 * host pages out file pages unused for about a minute, so without it a row read part of
 * the database from the virtual disk, depending on what the rows before it had touched.
 */
export async function readIntoPageCache(files: string[]): Promise<PageCacheRead> {
  const started = performance.now()
  const buffer = Buffer.allocUnsafe(8 * 1024 * 1024)
  let bytes = 0
  for (const file of files.filter((f) => existsSync(f))) {
    const handle = await open(file, 'r')
    try {
      for (;;) {
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, null)
        if (bytesRead === 0) break
        bytes += bytesRead
      }
    } finally {
      await handle.close()
    }
  }
  return { bytes, ms: performance.now() - started }
}
