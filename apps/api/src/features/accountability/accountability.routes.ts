import {
  Quarter,
  Roadmap,
  RoadmapQuery,
  SCORECARD_RANGE_MESSAGES,
  Scorecard,
  ScorecardQuery,
  StaffDashboard,
  scorecardRangeProblem,
  YouSaidWeDidPage,
  YouSaidWeDidQuery,
} from '@meedenken/shared'
import { OPEN_DATA_IDEA_COLUMNS, OPEN_DATA_SCORECARD_COLUMNS } from '@meedenken/shared/constants'
import { z } from 'zod'
import { decodeCursor, encodeCursor } from '../../http/cursor'
import { ApiError, fieldError } from '../../http/errors'
import { createRouter, jsonResponse, route } from '../../http/route'
import { monthOf, quarterOfMonth } from '../../stats/periods'
import { CSV_BOM, csvLine } from '../../text/csv'
import { departmentFigures, openDataBatch, roadmap, youSaidWeDid } from './accountability.data'
import { cachedScorecard, defaultRange } from './scorecard.data'

const BAD_CURSOR = { nl: 'Laad de lijst opnieuw.', en: 'Please load the list again.' }
const BATCH = 1000

const scorecardRoute = route('public', {
  method: 'get',
  path: '/stats/scorecard',
  tags: ['Accountability'],
  summary: 'The public scorecard per theme × quarter × target group (cells under 5 people suppressed)',
  request: { query: ScorecardQuery },
  responses: { 200: jsonResponse(Scorecard, 'The scorecard') },
})

const scorecardCsvRoute = route('public', {
  method: 'get',
  path: '/open-data/scorecard.csv',
  tags: ['Open data'],
  summary: 'The scorecard as CSV (one row per theme × quarter × target group)',
  request: { query: ScorecardQuery },
  responses: { 200: { description: 'CSV, UTF-8', content: { 'text/csv': { schema: z.string() } } } },
})

const ideasCsvRoute = route('public', {
  method: 'get',
  path: '/open-data/ideas.csv',
  tags: ['Open data'],
  summary: 'All public ideas as CSV, without any personal data',
  responses: { 200: { description: 'CSV, UTF-8', content: { 'text/csv': { schema: z.string() } } } },
})

const ideasJsonRoute = route('public', {
  method: 'get',
  path: '/open-data/ideas.json',
  tags: ['Open data'],
  summary: 'All public ideas as a JSON array, without any personal data',
  responses: {
    200: {
      description: 'JSON array',
      content: { 'application/json': { schema: z.array(z.record(z.string(), z.unknown())) } },
    },
  },
})

const roadmapRoute = route('public', {
  method: 'get',
  path: '/roadmap',
  tags: ['Accountability'],
  summary: 'Planned, in progress and recently done ideas',
  request: { query: RoadmapQuery },
  responses: { 200: jsonResponse(Roadmap, 'The roadmap') },
})

const youSaidRoute = route('public', {
  method: 'get',
  path: '/you-said-we-did',
  tags: ['Accountability'],
  summary: '"Jij zei, wij deden": what changed because of completed ideas, newest first',
  request: { query: YouSaidWeDidQuery },
  responses: { 200: jsonResponse(YouSaidWeDidPage, 'A page of closure records') },
})

const dashboardRoute = route('staff', {
  method: 'get',
  path: '/staff/dashboard',
  tags: ['Staff'],
  summary: 'The figures per department for one quarter, with what is overdue and stale now',
  request: {
    query: z.object({ quarter: Quarter.optional() }),
  },
  responses: { 200: jsonResponse(StaffDashboard, 'Per department') },
})

/**
 * The scorecard's question with the defaults filled in. The period is checked here, after
 * the defaults: `?from=2099-Q1` alone runs backwards only against today's quarter.
 */
function scorecardQuestion(query: z.infer<typeof ScorecardQuery>, now: number) {
  const range = defaultRange(now)
  const from = query.from ?? range.from
  const to = query.to ?? range.to
  const problem = scorecardRangeProblem(from, to)
  // The field the caller gave: with only "to", it is the one to change.
  const field = query.from === undefined && query.to !== undefined ? 'to' : 'from'
  if (problem) throw fieldError(field, SCORECARD_RANGE_MESSAGES[problem])
  return { from, to, themeId: query.theme }
}

function streamIdeas(db: Parameters<typeof openDataBatch>[0], format: 'csv' | 'json'): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  let afterId = 0
  let first = true
  return new ReadableStream({
    // One batch per pull: memory stays flat however many ideas there are.
    pull(controller) {
      const rows = openDataBatch(db, afterId, BATCH)
      let chunk = ''
      if (first) chunk += format === 'csv' ? CSV_BOM + csvLine(OPEN_DATA_IDEA_COLUMNS) : '['
      for (const row of rows) {
        if (format === 'csv') chunk += csvLine(OPEN_DATA_IDEA_COLUMNS.map((c) => row[c]))
        else chunk += `${first ? '' : ','}\n${JSON.stringify(row)}`
        first = false
      }
      const last = rows.at(-1)
      if (last) afterId = last.id
      if (rows.length < BATCH) {
        if (format === 'json') chunk += first ? ']' : '\n]'
        controller.enqueue(encoder.encode(chunk))
        controller.close()
        return
      }
      controller.enqueue(encoder.encode(chunk))
    },
  })
}

export const accountabilityRoutes = createRouter()
  .openapi(scorecardRoute, (c) => {
    const now = c.var.clock.now()
    return c.json(cachedScorecard(c.var.db, scorecardQuestion(c.req.valid('query'), now), now), 200)
  })
  .openapi(scorecardCsvRoute, (c) => {
    const now = c.var.clock.now()
    const card = cachedScorecard(c.var.db, scorecardQuestion(c.req.valid('query'), now), now)
    let body = CSV_BOM + csvLine(OPEN_DATA_SCORECARD_COLUMNS)
    for (const cell of card.cells) {
      body += csvLine([
        cell.themeId ?? 'all',
        cell.quarter,
        cell.targetGroup,
        cell.received,
        cell.withinNormPct,
        cell.medianAnswerDays,
        cell.implementedPct,
        cell.declinedPct,
        cell.satisfactionPct,
        cell.ratings,
        cell.followup?.yes,
        cell.followup?.partly,
        cell.followup?.no,
        cell.suppressed ? 'yes' : 'no',
      ])
    }
    c.header('Content-Type', 'text/csv; charset=utf-8')
    c.header('Content-Disposition', 'attachment; filename="meedenken-scorecard.csv"')
    return c.body(body, 200)
  })
  .openapi(ideasCsvRoute, (c) => {
    c.header('Content-Type', 'text/csv; charset=utf-8')
    c.header('Content-Disposition', 'attachment; filename="meedenken-ideeen.csv"')
    return c.body(streamIdeas(c.var.db, 'csv'), 200)
  })
  .openapi(ideasJsonRoute, (c) => {
    c.header('Content-Type', 'application/json; charset=utf-8')
    c.header('Content-Disposition', 'attachment; filename="meedenken-ideeen.json"')
    // A streamed body cannot carry the JSON value type; the document above describes it.
    return c.body(streamIdeas(c.var.db, 'json'), 200) as never
  })
  .openapi(roadmapRoute, (c) => {
    const query = c.req.valid('query')
    return c.json(roadmap(c.var.db, { themeId: query.theme, districtId: query.district }, c.var.clock.now()), 200)
  })
  .openapi(youSaidRoute, (c) => {
    const query = c.req.valid('query')
    const before = query.cursor ? decodeCursor(query.cursor) : null
    if (query.cursor && !before) throw new ApiError('validation_failed', BAD_CURSOR, { fields: { cursor: BAD_CURSOR } })
    const page = youSaidWeDid(c.var.db, { themeId: query.theme, before, limit: query.limit })
    return c.json({ items: page.items, nextCursor: page.next ? encodeCursor(page.next) : null }, 200)
  })
  .openapi(dashboardRoute, (c) => {
    const now = c.var.clock.now()
    const quarter = c.req.valid('query').quarter ?? quarterOfMonth(monthOf(now))
    return c.json({ quarter, departments: departmentFigures(c.var.db, quarter, now) }, 200)
  })
