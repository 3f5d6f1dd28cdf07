import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The nearest folder, from this file upwards, that contains `marker`. */
function findUp(marker: string): string {
  let dir = path.dirname(fileURLToPath(import.meta.url))
  for (;;) {
    if (existsSync(path.join(dir, marker))) return dir
    const parent = path.dirname(dir)
    if (parent === dir) throw new Error(`cannot find ${marker} above ${fileURLToPath(import.meta.url)}`)
    dir = parent
  }
}

// Found by looking, not by counting "../": the same code runs from src/ (tsx) and from the
// bundled dist/server.js.
export const apiRoot = findUp('drizzle/meta/_journal.json')
export const repoRoot = findUp('pnpm-workspace.yaml')
