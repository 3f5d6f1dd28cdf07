import { FollowState, IdParam } from '@meedenken/shared'
import type { Context } from 'hono'
import type { AppEnv } from '../../http/env'
import { ApiError } from '../../http/errors'
import { signedIn } from '../../http/policy'
import { createRouter, jsonResponse, route } from '../../http/route'
import { setFollow } from './follows.data'

const NOT_FOUND = { nl: 'Dit idee bestaat niet (meer).', en: 'This idea does not exist (any more).' }

const followRoute = route('member', {
  method: 'put',
  path: '/{id}/follow',
  tags: ['Follows'],
  summary: 'Follow an idea: hear about every status change and answer',
  request: { params: IdParam },
  responses: { 200: jsonResponse(FollowState, 'The follower count and whether I follow') },
})

const unfollowRoute = route('member', {
  method: 'delete',
  path: '/{id}/follow',
  tags: ['Follows'],
  summary: 'Stop following an idea',
  request: { params: IdParam },
  responses: { 200: jsonResponse(FollowState, 'The follower count and whether I follow') },
})

async function answer(c: Context<AppEnv>, id: number, follow: boolean) {
  const outcome = await setFollow(c.var.db, id, signedIn(c).id, follow, c.var.clock.now())
  if (!outcome.ok) throw new ApiError('not_found', NOT_FOUND)
  return { followerCount: outcome.followerCount, isFollowing: outcome.isFollowing }
}

export const followRoutes = createRouter()
  .openapi(followRoute, async (c) => c.json(await answer(c, c.req.valid('param').id, true), 200))
  .openapi(unfollowRoute, async (c) => c.json(await answer(c, c.req.valid('param').id, false), 200))
