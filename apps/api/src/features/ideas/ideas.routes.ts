import {
  IdeaCount,
  IdeaCountQuery,
  IdeaListQuery,
  IdeaPage,
  IdeaResponse,
  IdeaUpdate,
  IdeaWithComments,
  IdParam,
  NewIdea,
  PreviewBody,
  PreviewResponse,
  SimilarIdeas,
  SimilarQuery,
  type Text,
} from '@meedenken/shared'
import type { Context } from 'hono'
import { acceptsIdeas } from '../../domain/campaign-phase'
import { decodeCursor } from '../../http/cursor'
import type { AppEnv } from '../../http/env'
import { ApiError, fieldError } from '../../http/errors'
import { sharedJson, sharedList } from '../../http/http-cache'
import { signedIn } from '../../http/policy'
import { enforceRateLimits, HOUR } from '../../http/rate-limit'
import { createRouter, jsonBody, jsonResponse, route } from '../../http/route'
import { renderMarkdown } from '../../text/markdown'
import { districtOffered, themeOffered } from '../catalog/catalog.data'
import {
  campaignWindow,
  countIdeas,
  createIdea,
  findIdea,
  ideaFilters,
  ideaOwnership,
  ideaWithComments,
  listIdeas,
  similarIdeas,
  themeDepartment,
  updateNewIdea,
} from './ideas.data'

export const IDEAS_PER_HOUR = 5

export const IDEA_TEXT = {
  notFound: { nl: 'Dit idee bestaat niet (meer).', en: 'This idea does not exist (any more).' },
  badCursor: {
    nl: 'Deze lijst kan niet verder worden geladen. Begin opnieuw bovenaan.',
    en: 'This list cannot be loaded further. Please start again at the top.',
  },
  unknownTheme: { nl: 'Kies een thema uit de lijst.', en: 'Choose a theme from the list.' },
  unknownDistrict: { nl: 'Kies een dorp of wijk uit de lijst.', en: 'Choose a village or district from the list.' },
  notAuthor: {
    nl: 'Alleen de indiener kan dit idee aanpassen.',
    en: 'Only the person who sent in this idea can change it.',
  },
  unknownCampaign: { nl: 'Deze meedenkvraag bestaat niet (meer).', en: 'This question does not exist (any more).' },
  campaignClosed: {
    nl: 'Bij deze meedenkvraag kunt u nu geen ideeën insturen. Kijk bij de vraag wanneer dat wel kan.',
    en: 'This question does not take ideas right now. See the question for when it does.',
  },
  notNew: {
    nl: 'Dit idee kan niet meer worden aangepast: de gemeente is er al mee bezig.',
    en: 'This idea can no longer be changed: the municipality is already working on it.',
  },
} satisfies Record<string, Text>

const listRoute = route('public', {
  method: 'get',
  path: '/',
  tags: ['Ideas'],
  summary: 'List ideas: filters, full-text search (q), sorts, a page at a time',
  request: { query: IdeaListQuery },
  responses: { 200: jsonResponse(IdeaPage, 'A page of ideas') },
})

const countRoute = route('public', {
  method: 'get',
  path: '/count',
  tags: ['Ideas'],
  summary: 'How many ideas the same filters and search find (at most 1,000, then "more")',
  request: { query: IdeaCountQuery },
  responses: { 200: jsonResponse(IdeaCount, 'The number of matching ideas') },
})

const similarRoute = route('public', {
  method: 'get',
  path: '/similar',
  tags: ['Ideas'],
  summary: 'Up to five ideas that look like a title being typed, to vote on instead of a duplicate',
  request: { query: SimilarQuery },
  responses: { 200: jsonResponse(SimilarIdeas, 'Similar ideas, best match first') },
})

const previewRoute = route('member', {
  method: 'post',
  path: '/preview',
  tags: ['Ideas'],
  summary: 'Render a text exactly as it will be shown, before sending it in',
  request: { body: jsonBody(PreviewBody) },
  responses: { 200: jsonResponse(PreviewResponse, 'The sanitised HTML') },
})

const getRoute = route('public', {
  method: 'get',
  path: '/{id}',
  tags: ['Ideas'],
  summary: 'One idea with its public timeline, the latest official answer and the first page of comments',
  request: { params: IdParam },
  responses: {
    200: jsonResponse(IdeaWithComments, 'The idea'),
    304: { description: 'A visitor asked with the ETag of the page as it still is (If-None-Match)' },
  },
})

const createRoute_ = route(
  'member',
  {
    method: 'post',
    path: '/',
    tags: ['Ideas'],
    summary: 'Propose an idea (at most 5 an hour)',
    request: { body: jsonBody(NewIdea) },
    responses: { 201: jsonResponse(IdeaResponse, 'The new idea') },
  },
  { errors: [429] },
)

const updateRoute = route(
  'member',
  {
    method: 'patch',
    path: '/{id}',
    tags: ['Ideas'],
    summary: 'The author changes their idea while it is still new',
    request: { params: IdParam, body: jsonBody(IdeaUpdate) },
    responses: { 200: jsonResponse(IdeaResponse, 'The changed idea') },
  },
  { errors: [409] },
)

/** Theme and district must exist; the theme decides which department gets the idea. */
/**
 * The theme and district must be on offer: they exist and are not archived, unless the
 * idea has them already (an old idea keeps an archived theme when its author edits it).
 */
async function checkPlacement(
  c: Context<AppEnv>,
  themeId: number | undefined,
  districtId: number | null | undefined,
  current?: { themeId: number; districtId: number | null },
) {
  let departmentId: number | null | undefined
  if (themeId !== undefined) {
    const theme = (await themeOffered(c.var.db, themeId, current?.themeId))
      ? await themeDepartment(c.var.db, themeId)
      : undefined
    if (!theme) throw fieldError('themeId', IDEA_TEXT.unknownTheme)
    departmentId = theme.departmentId
  }
  if (districtId && !(await districtOffered(c.var.db, districtId, current?.districtId))) {
    throw fieldError('districtId', IDEA_TEXT.unknownDistrict)
  }
  return { departmentId }
}

export const ideaRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    const query = c.req.valid('query')
    const cursor = query.cursor ? decodeCursor(query.cursor) : null
    if (query.cursor && !cursor) {
      throw new ApiError('validation_failed', IDEA_TEXT.badCursor, { fields: { cursor: IDEA_TEXT.badCursor } })
    }
    return await sharedList(
      c,
      async () =>
        await listIdeas(c.var.db, {
          ...ideaFilters(query),
          sort: query.sort ?? (query.q ? 'relevance' : 'trending'),
          cursor,
          limit: query.limit,
          viewerId: c.var.user?.id ?? null,
        }),
    )
  })
  .openapi(countRoute, async (c) => sharedJson(c, await countIdeas(c.var.db, ideaFilters(c.req.valid('query')))))
  .openapi(similarRoute, async (c) => c.json({ items: await similarIdeas(c.var.db, c.req.valid('query').title) }, 200))
  .openapi(previewRoute, (c) => c.json({ html: renderMarkdown(c.req.valid('json').body) }, 200))
  .openapi(getRoute, async (c) => {
    const { id } = c.req.valid('param')
    const page = await ideaWithComments(c.var.db, id, c.var.user?.id ?? null, c.var.clock.now())
    if (!page) throw new ApiError('not_found', IDEA_TEXT.notFound)
    return sharedJson(c, page)
  })
  .openapi(createRoute_, async (c) => {
    const me = signedIn(c)
    const body = c.req.valid('json')
    const { departmentId } = await checkPlacement(c, body.themeId, body.districtId)
    if (body.campaignId) {
      const window = await campaignWindow(c.var.db, body.campaignId)
      if (!window) throw fieldError('campaignId', IDEA_TEXT.unknownCampaign)
      if (!acceptsIdeas(window, c.var.clock.now())) throw new ApiError('conflict', IDEA_TEXT.campaignClosed)
    }
    await enforceRateLimits(c, [{ key: `ideas:${me.id}`, limit: IDEAS_PER_HOUR, windowMs: HOUR }])
    const id = await createIdea(
      c.var.db,
      {
        title: body.title,
        body: body.body,
        themeId: body.themeId,
        districtId: body.districtId ?? null,
        targetGroups: body.targetGroups ?? [],
        authorId: me.id,
        channel: 'web',
        departmentId: departmentId ?? null,
        campaignId: body.campaignId ?? null,
        place: body.place ?? null,
      },
      c.var.clock.now(),
    )
    const idea = await findIdea(c.var.db, id, me.id, c.var.clock.now())
    if (!idea) throw new ApiError('not_found', IDEA_TEXT.notFound)
    return c.json({ idea }, 201)
  })
  .openapi(updateRoute, async (c) => {
    const me = signedIn(c)
    const { id } = c.req.valid('param')
    const changes = c.req.valid('json')
    const current = await ideaOwnership(c.var.db, id)
    if (!current || current.hidden) throw new ApiError('not_found', IDEA_TEXT.notFound)
    if (current.authorId !== me.id) throw new ApiError('forbidden', IDEA_TEXT.notAuthor)
    const { departmentId } = await checkPlacement(c, changes.themeId, changes.districtId, current)
    const { place, ...fields } = changes
    const updated = await updateNewIdea(
      c.var.db,
      id,
      {
        ...fields,
        ...(departmentId !== undefined ? { departmentId } : {}),
        // Absent: the place stays; null: it goes.
        ...(place !== undefined
          ? {
              latitude: place?.latitude ?? null,
              longitude: place?.longitude ?? null,
              placeLabel: place?.label || null,
            }
          : {}),
      },
      c.var.clock.now(),
    )
    if (!updated) throw new ApiError('conflict', IDEA_TEXT.notNew)
    const idea = await findIdea(c.var.db, id, me.id, c.var.clock.now())
    if (!idea) throw new ApiError('not_found', IDEA_TEXT.notFound)
    return c.json({ idea }, 200)
  })
