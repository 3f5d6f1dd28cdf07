import { beforeAll } from 'vitest'
import { allProcessesReady } from './cluster-client'

beforeAll(async () => {
  await allProcessesReady()
})
