import { MapIdeas, MapIdeasQuery } from '@meedenken/shared'
import { sharedList } from '../../http/http-cache'
import { createRouter, jsonResponse, route } from '../../http/route'
import { ideaFilters } from '../ideas/ideas.data'
import { mapIdeas } from './map.data'

const mapIdeasRoute = route('public', {
  method: 'get',
  path: '/map/ideas',
  tags: ['Ideas'],
  summary: 'The ideas of a list that have a place, as points for a map: the same filters and search as the list',
  request: { query: MapIdeasQuery },
  responses: {
    200: jsonResponse(MapIdeas, 'Points, newest first, at most 2,000'),
    304: { description: 'A visitor asked with the ETag of the map as it still is (If-None-Match)' },
  },
})

export const mapRoutes = createRouter().openapi(mapIdeasRoute, async (c) => {
  const query = c.req.valid('query')
  // The same for every visitor and changed by the same writes as the list: kept and tagged by
  // the list version, like the list (http-cache.ts).
  return await sharedList(c, async () => await mapIdeas(c.var.db, ideaFilters(query)))
})
