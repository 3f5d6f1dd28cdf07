import { AdminUser, AdminUserPage, AdminUserQuery, IdParam, RoleChange } from '@meedenken/shared'
import { z } from 'zod'
import { decodeIdCursor } from '../../http/cursor'
import { ApiError } from '../../http/errors'
import { signedIn } from '../../http/policy'
import { createRouter, jsonBody, jsonResponse, route } from '../../http/route'
import { changeRole, searchUsers } from './admin-users.data'

const TEXT = {
  notFound: { nl: 'Deze deelnemer bestaat niet (meer).', en: 'This participant does not exist (any more).' },
  ownRole: {
    nl: 'U kunt uw eigen rol niet wijzigen. Vraag een andere beheerder.',
    en: 'You cannot change your own role. Please ask another administrator.',
  },
  badCursor: { nl: 'Begin de lijst opnieuw bovenaan.', en: 'Please start the list again at the top.' },
}

const listRoute = route('admin', {
  method: 'get',
  path: '/',
  tags: ['Administration'],
  summary: 'Search people by e-mail address or name',
  request: { query: AdminUserQuery },
  responses: { 200: jsonResponse(AdminUserPage, 'A page of people') },
})

const roleRoute = route(
  'admin',
  {
    method: 'put',
    path: '/{id}/role',
    tags: ['Administration'],
    summary: "Change someone's role; their sessions end",
    request: { params: IdParam, body: jsonBody(RoleChange) },
    responses: { 200: jsonResponse(z.object({ user: AdminUser }), 'The changed person') },
  },
  { errors: [409] },
)

export const adminUserRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    const query = c.req.valid('query')
    const afterId = decodeIdCursor(query.cursor, TEXT.badCursor)
    return c.json(await searchUsers(c.var.db, { q: query.q, role: query.role, afterId, limit: query.limit }), 200)
  })
  .openapi(roleRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { role } = c.req.valid('json')
    const result = await changeRole(c.var.db, signedIn(c).id, id, role, c.var.clock.now())
    if ('error' in result) {
      if (result.error === 'own_role') throw new ApiError('conflict', TEXT.ownRole)
      throw new ApiError('not_found', TEXT.notFound)
    }
    return c.json(result, 200)
  })
