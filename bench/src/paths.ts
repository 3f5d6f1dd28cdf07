import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url))
export const benchDir = path.join(repoRoot, 'bench')
export const dataDir = path.join(benchDir, 'data')
export const resultsDir = path.join(benchDir, 'results')
export const apiDir = path.join(repoRoot, 'apps/api')
export const webDist = path.join(repoRoot, 'apps/web/dist')
