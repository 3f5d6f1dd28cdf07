import {
  ArchiveBody,
  District,
  DistrictBody,
  DistrictList,
  IdParam,
  type Text,
  Theme,
  ThemeBody,
  ThemeList,
} from '@meedenken/shared'
import { z } from 'zod'
import { ApiError } from '../../http/errors'
import { signedIn } from '../../http/policy'
import { createRouter, jsonBody, jsonResponse, route } from '../../http/route'
import {
  archiveDistrict,
  archiveTheme,
  createDistrict,
  createTheme,
  listDistricts,
  listThemes,
  renameDistrict,
  renameTheme,
} from './catalog.data'

const TEXT = {
  themeDuplicate: { nl: 'Er is al een thema met deze naam.', en: 'A theme with this name already exists.' },
  districtDuplicate: {
    nl: 'Er is al een dorp of wijk met deze naam.',
    en: 'A village or district with this name already exists.',
  },
  noTheme: { nl: 'Dit thema bestaat niet (meer).', en: 'This theme does not exist (any more).' },
  noDistrict: {
    nl: 'Dit dorp of deze wijk bestaat niet (meer).',
    en: 'This village or district does not exist (any more).',
  },
} satisfies Record<string, Text>

const themesRoute = route('public', {
  method: 'get',
  path: '/themes',
  tags: ['Catalogue'],
  summary: 'All themes, archived ones too (`archived`: not offered for new ideas)',
  responses: { 200: jsonResponse(ThemeList, 'The themes') },
})

const districtsRoute = route('public', {
  method: 'get',
  path: '/districts',
  tags: ['Catalogue'],
  summary: "All of the municipality's villages and districts, archived ones too",
  responses: { 200: jsonResponse(DistrictList, 'The districts') },
})

const ThemeAnswer = z.object({ theme: Theme })
const DistrictAnswer = z.object({ district: District })

const createThemeRoute = route(
  'admin',
  {
    method: 'post',
    path: '/admin/themes',
    tags: ['Administration'],
    summary: 'Add a theme (last in the list)',
    request: { body: jsonBody(ThemeBody) },
    responses: { 201: jsonResponse(ThemeAnswer, 'The new theme') },
  },
  { errors: [409] },
)

const renameThemeRoute = route(
  'admin',
  {
    method: 'put',
    path: '/admin/themes/{id}',
    tags: ['Administration'],
    summary: 'Rename a theme in Dutch and English; its slug stays',
    request: { params: IdParam, body: jsonBody(ThemeBody) },
    responses: { 200: jsonResponse(ThemeAnswer, 'The theme') },
  },
  { errors: [409] },
)

const archiveThemeRoute = route('admin', {
  method: 'put',
  path: '/admin/themes/{id}/archived',
  tags: ['Administration'],
  summary: 'Archive a theme (no longer offered for new ideas) or take it back into use',
  request: { params: IdParam, body: jsonBody(ArchiveBody) },
  responses: { 200: jsonResponse(ThemeAnswer, 'The theme') },
})

const createDistrictRoute = route(
  'admin',
  {
    method: 'post',
    path: '/admin/districts',
    tags: ['Administration'],
    summary: 'Add a village or district',
    request: { body: jsonBody(DistrictBody) },
    responses: { 201: jsonResponse(DistrictAnswer, 'The new district') },
  },
  { errors: [409] },
)

const renameDistrictRoute = route(
  'admin',
  {
    method: 'put',
    path: '/admin/districts/{id}',
    tags: ['Administration'],
    summary: 'Rename a village or district; its slug stays',
    request: { params: IdParam, body: jsonBody(DistrictBody) },
    responses: { 200: jsonResponse(DistrictAnswer, 'The district') },
  },
  { errors: [409] },
)

const archiveDistrictRoute = route('admin', {
  method: 'put',
  path: '/admin/districts/{id}/archived',
  tags: ['Administration'],
  summary: 'Archive a village or district (no longer offered) or take it back into use',
  request: { params: IdParam, body: jsonBody(ArchiveBody) },
  responses: { 200: jsonResponse(DistrictAnswer, 'The district') },
})

/** 409 that names the field, so the form shows it there. */
const duplicate = (text: Text) => new ApiError('conflict', text, { fields: { name: text } })

async function themeById(db: Parameters<typeof listThemes>[0], id: number): Promise<Theme> {
  const theme = (await listThemes(db)).find((t) => t.id === id)
  if (!theme) throw new ApiError('not_found', TEXT.noTheme)
  return theme
}

async function districtById(db: Parameters<typeof listDistricts>[0], id: number): Promise<District> {
  const district = (await listDistricts(db)).find((d) => d.id === id)
  if (!district) throw new ApiError('not_found', TEXT.noDistrict)
  return district
}

export const catalogRoutes = createRouter()
  .openapi(themesRoute, async (c) => c.json({ items: await listThemes(c.var.db) }, 200))
  .openapi(districtsRoute, async (c) => c.json({ items: await listDistricts(c.var.db) }, 200))
  .openapi(createThemeRoute, async (c) => {
    const result = await createTheme(c.var.db, { ...c.req.valid('json'), actorId: signedIn(c).id }, c.var.clock.now())
    if (result === 'duplicate') throw duplicate(TEXT.themeDuplicate)
    return c.json({ theme: await themeById(c.var.db, result.id) }, 201)
  })
  .openapi(renameThemeRoute, async (c) => {
    const { id } = c.req.valid('param')
    const result = await renameTheme(
      c.var.db,
      { id, ...c.req.valid('json'), actorId: signedIn(c).id },
      c.var.clock.now(),
    )
    if (result === 'not_found') throw new ApiError('not_found', TEXT.noTheme)
    if (result === 'duplicate') throw duplicate(TEXT.themeDuplicate)
    return c.json({ theme: await themeById(c.var.db, id) }, 200)
  })
  .openapi(archiveThemeRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { archived } = c.req.valid('json')
    const result = await archiveTheme(c.var.db, { id, archived, actorId: signedIn(c).id }, c.var.clock.now())
    if (result === 'not_found') throw new ApiError('not_found', TEXT.noTheme)
    return c.json({ theme: await themeById(c.var.db, id) }, 200)
  })
  .openapi(createDistrictRoute, async (c) => {
    const result = await createDistrict(
      c.var.db,
      { ...c.req.valid('json'), actorId: signedIn(c).id },
      c.var.clock.now(),
    )
    if (result === 'duplicate') throw duplicate(TEXT.districtDuplicate)
    return c.json({ district: await districtById(c.var.db, result.id) }, 201)
  })
  .openapi(renameDistrictRoute, async (c) => {
    const { id } = c.req.valid('param')
    const result = await renameDistrict(
      c.var.db,
      { id, ...c.req.valid('json'), actorId: signedIn(c).id },
      c.var.clock.now(),
    )
    if (result === 'not_found') throw new ApiError('not_found', TEXT.noDistrict)
    if (result === 'duplicate') throw duplicate(TEXT.districtDuplicate)
    return c.json({ district: await districtById(c.var.db, id) }, 200)
  })
  .openapi(archiveDistrictRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { archived } = c.req.valid('json')
    const result = await archiveDistrict(c.var.db, { id, archived, actorId: signedIn(c).id }, c.var.clock.now())
    if (result === 'not_found') throw new ApiError('not_found', TEXT.noDistrict)
    return c.json({ district: await districtById(c.var.db, id) }, 200)
  })
