import { DistrictList, ThemeList } from '@meedenken/shared'
import { createRouter, jsonResponse, route } from '../../http/route'
import { listDistricts, listThemes } from './catalog.data'

const themesRoute = route('public', {
  method: 'get',
  path: '/themes',
  tags: ['Catalogue'],
  summary: 'All themes ideas can be filed under',
  responses: { 200: jsonResponse(ThemeList, 'The themes') },
})

const districtsRoute = route('public', {
  method: 'get',
  path: '/districts',
  tags: ['Catalogue'],
  summary: "All of the municipality's villages and districts",
  responses: { 200: jsonResponse(DistrictList, 'The districts') },
})

export const catalogRoutes = createRouter()
  .openapi(themesRoute, (c) => c.json({ items: listThemes(c.var.db) }, 200))
  .openapi(districtsRoute, (c) => c.json({ items: listDistricts(c.var.db) }, 200))
