// @vitest-environment node
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { precompressDir } from '../vite.config'

describe('precompressing the build', () => {
  it('writes brotli and gzip copies of the large text files that decode to the same bytes, and nothing else', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'meedenken-precompress-'))
    mkdirSync(path.join(dir, 'assets'))
    const script = `export const lines = [${Array.from({ length: 300 }, (_, i) => `"regel ${i}"`).join(',')}]`
    const style = `.kaart{color:red}\n`.repeat(100)
    writeFileSync(path.join(dir, 'assets', 'start-abc123.js'), script)
    writeFileSync(path.join(dir, 'assets', 'index-abc123.css'), style)
    writeFileSync(path.join(dir, 'index.html'), `<!doctype html><p>${'Meedenken. '.repeat(200)}</p>`)
    writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
    writeFileSync(path.join(dir, 'photo.png'), Buffer.alloc(4096, 7))

    const done = await precompressDir(dir)
    expect(done.map((d) => d.file)).toEqual(['assets/index-abc123.css', 'assets/start-abc123.js', 'index.html'])
    for (const { file, bytes, br, gzip } of done) {
      const original = readFileSync(path.join(dir, file))
      expect(bytes).toBe(original.byteLength)
      const brCopy = readFileSync(path.join(dir, `${file}.br`))
      const gzCopy = readFileSync(path.join(dir, `${file}.gz`))
      expect(brCopy.byteLength).toBe(br)
      expect(gzCopy.byteLength).toBe(gzip)
      expect(brCopy.byteLength, file).toBeLessThan(original.byteLength / 4)
      expect(brotliDecompressSync(brCopy).equals(original), file).toBe(true)
      expect(gunzipSync(gzCopy).equals(original), file).toBe(true)
    }
    // Small files and images are left as they are; a second build step adds no copies of copies.
    for (const file of ['favicon.svg', 'photo.png']) {
      expect(existsSync(path.join(dir, `${file}.br`)), file).toBe(false)
      expect(existsSync(path.join(dir, `${file}.gz`)), file).toBe(false)
    }
    expect((await precompressDir(dir)).map((d) => d.file)).toEqual(done.map((d) => d.file))
  })
})
