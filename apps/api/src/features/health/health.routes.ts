import { Health } from '@meedenken/shared'
import { z } from 'zod'
import { ApiError } from '../../http/errors'
import { createRouter, jsonResponse, route } from '../../http/route'
import { pingDatabase } from './health.data'

const healthRoute = route('public', {
  method: 'get',
  path: '/health',
  tags: ['Operations'],
  summary: 'Liveness: the process answers',
  responses: { 200: jsonResponse(Health, 'Alive') },
})

const readyRoute = route(
  'public',
  {
    method: 'get',
    path: '/ready',
    tags: ['Operations'],
    summary: 'Readiness: the database answers',
    responses: { 200: jsonResponse(z.object({ status: z.literal('ready') }), 'Ready to serve') },
  },
  { errors: [503] },
)

const NOT_READY = {
  nl: 'De database is nu niet bereikbaar.',
  en: 'The database cannot be reached right now.',
}

export const healthRoutes = createRouter()
  .openapi(healthRoute, (c) => c.json({ status: 'ok' as const }, 200))
  .openapi(readyRoute, async (c) => {
    try {
      await pingDatabase(c.var.db)
    } catch {
      throw new ApiError('unavailable', NOT_READY)
    }
    return c.json({ status: 'ready' as const }, 200)
  })
