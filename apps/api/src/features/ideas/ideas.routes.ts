import { IdeaListQuery, IdeaPage, IdeaResponse, IdParam } from '@meedenken/shared'
import { ApiError } from '../../http/errors'
import { createRouter, jsonResponse, route } from '../../http/route'
import { decodeCursor } from './cursor'
import { findIdea, listIdeas } from './ideas.data'

const IDEA_NOT_FOUND = {
  nl: 'Dit idee bestaat niet (meer).',
  en: 'This idea does not exist (any more).',
}

const BAD_CURSOR = {
  nl: 'Deze lijst kan niet verder worden geladen. Begin opnieuw bovenaan.',
  en: 'This list cannot be loaded further. Please start again at the top.',
}

const listRoute = route('public', {
  method: 'get',
  path: '/',
  tags: ['Ideas'],
  summary: 'List ideas, filtered and sorted, a page at a time',
  request: { query: IdeaListQuery },
  responses: { 200: jsonResponse(IdeaPage, 'A page of ideas') },
})

const getRoute = route('public', {
  method: 'get',
  path: '/{id}',
  tags: ['Ideas'],
  summary: 'One idea with its public timeline',
  request: { params: IdParam },
  responses: { 200: jsonResponse(IdeaResponse, 'The idea') },
})

export const ideaRoutes = createRouter()
  .openapi(listRoute, (c) => {
    const query = c.req.valid('query')
    const cursor = query.cursor ? decodeCursor(query.cursor) : null
    if (query.cursor && !cursor) {
      throw new ApiError('validation_failed', BAD_CURSOR, { fields: { cursor: BAD_CURSOR } })
    }
    const page = listIdeas(c.var.db, {
      status: query.status,
      themeId: query.theme,
      districtId: query.district,
      targetGroup: query.targetGroup,
      sort: query.sort,
      cursor,
      limit: query.limit,
      viewerId: c.var.user?.id ?? null,
    })
    return c.json(page, 200)
  })
  .openapi(getRoute, (c) => {
    const { id } = c.req.valid('param')
    const idea = findIdea(c.var.db, id, c.var.user?.id ?? null)
    if (!idea) throw new ApiError('not_found', IDEA_NOT_FOUND)
    return c.json({ idea }, 200)
  })
