import {
  CsvFormat,
  CsvFormatQuery,
  DashboardExportQuery,
  type DepartmentFigures,
  Quarter,
  Roadmap,
  RoadmapQuery,
  SCORECARD_RANGE_MESSAGES,
  Scorecard,
  type ScorecardCell,
  ScorecardQuery,
  StaffDashboard,
  scorecardRangeProblem,
  YouSaidWeDidPage,
  YouSaidWeDidQuery,
} from '@meedenken/shared'
import { OPEN_DATA_IDEA_COLUMNS, OPEN_DATA_SCORECARD_COLUMNS } from '@meedenken/shared/constants'
import { z } from 'zod'
import { localDate } from '../../domain/working-days'
import { decodeCursor, encodeCursor } from '../../http/cursor'
import { ApiError, fieldError } from '../../http/errors'
import { sharedJson } from '../../http/http-cache'
import { createRouter, jsonResponse, route } from '../../http/route'
import { monthOf, quarterOfMonth } from '../../stats/periods'
import {
  type CsvDialect,
  csvHeader,
  csvRow,
  csvStart,
  downloadHeaders,
  type SheetColumn,
  spreadsheet,
} from '../../text/spreadsheet'
import {
  departmentFigures,
  departmentNames,
  type OpenDataIdea,
  openDataBatch,
  roadmap,
  themeNames,
  youSaidWeDid,
} from './accountability.data'
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

const CSV_DESCRIPTION =
  'CSV, UTF-8, CRLF. standard: "," and a decimal point, no BOM, times in UTC; excel-nl: ";", a decimal comma, a BOM, times in Dutch time'

const scorecardCsvRoute = route('public', {
  method: 'get',
  path: '/open-data/scorecard.csv',
  tags: ['Open data'],
  summary: 'The scorecard as CSV (one row per theme × quarter × target group); ?format=excel-nl for Dutch Excel',
  request: { query: ScorecardQuery.extend({ format: CsvFormat.default('standard') }) },
  responses: { 200: { description: CSV_DESCRIPTION, content: { 'text/csv': { schema: z.string() } } } },
})

const ideasCsvRoute = route('public', {
  method: 'get',
  path: '/open-data/ideas.csv',
  tags: ['Open data'],
  summary: 'All public ideas as CSV, without any personal data; ?format=excel-nl for Dutch Excel',
  request: { query: CsvFormatQuery },
  responses: { 200: { description: CSV_DESCRIPTION, content: { 'text/csv': { schema: z.string() } } } },
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

const dashboardExportRoute = route('staff', {
  method: 'get',
  path: '/staff/dashboard/export',
  tags: ['Staff'],
  summary: 'The dashboard of one quarter as a file for a council report (xlsx, or CSV for Dutch Excel)',
  request: { query: DashboardExportQuery },
  responses: {
    200: {
      description: 'An Excel workbook or a CSV file, one row per department',
      content: {
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() },
        'text/csv': { schema: z.string() },
      },
    },
  },
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

/** The columns of ideas.csv: named as in ideas.json, times written per dialect. */
const IDEA_COLUMNS: SheetColumn<OpenDataIdea>[] = OPEN_DATA_IDEA_COLUMNS.map((column) => ({
  header: column,
  value: (row) => {
    const value = row[column]
    return typeof value === 'boolean' ? String(value) : value
  },
  ...(column.endsWith('At') ? { kind: 'datetime' as const } : {}),
}))

function streamIdeas(db: Parameters<typeof openDataBatch>[0], format: CsvDialect | 'json'): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  let afterId = 0
  let first = true
  return new ReadableStream({
    // One batch per pull: memory stays flat however many ideas there are.
    async pull(controller) {
      const rows = await openDataBatch(db, afterId, BATCH)
      let chunk = ''
      if (first) chunk += format === 'json' ? '[' : csvStart(format) + csvHeader(IDEA_COLUMNS, format)
      for (const row of rows) {
        if (format === 'json') chunk += `${first ? '' : ','}\n${JSON.stringify(row)}`
        else chunk += csvRow(IDEA_COLUMNS, row, format)
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

type ScorecardRow = Record<(typeof OPEN_DATA_SCORECARD_COLUMNS)[number], string | number | boolean | null>

/** A scorecard cell as a row of scorecard.csv: the JSON's names, the follow-up flattened. */
function scorecardRow(cell: ScorecardCell, names: Map<number, { slug: string; name: string }>): ScorecardRow {
  const theme = cell.themeId === null ? undefined : names.get(cell.themeId)
  return {
    themeId: cell.themeId,
    themeSlug: cell.themeSlug,
    themeName: theme?.name ?? null,
    quarter: cell.quarter,
    targetGroup: cell.targetGroup,
    received: cell.received,
    withinNormPct: cell.withinNormPct,
    medianAnswerDays: cell.medianAnswerDays,
    implementedPct: cell.implementedPct,
    declinedPct: cell.declinedPct,
    suppressed: cell.suppressed,
    satisfactionPct: cell.satisfactionPct,
    ratings: cell.ratings,
    satisfactionSuppressed: cell.satisfactionSuppressed,
    followupYes: cell.followup?.yes ?? null,
    followupPartly: cell.followup?.partly ?? null,
    followupNo: cell.followup?.no ?? null,
    followupSuppressed: cell.followupSuppressed,
  }
}

const SCORECARD_COLUMNS: SheetColumn<ScorecardRow>[] = OPEN_DATA_SCORECARD_COLUMNS.map((column) => ({
  header: column,
  value: (row) => {
    const value = row[column]
    return typeof value === 'boolean' ? String(value) : value
  },
}))

/** The dashboard's columns in a council report: Dutch headers, numbers as numbers. */
function dashboardColumns(
  departmentName: (id: number | null) => string,
): SheetColumn<DepartmentFigures & { quarter: string }>[] {
  return [
    { header: 'Kwartaal', value: (r) => r.quarter, width: 10 },
    { header: 'Afdeling', value: (r) => departmentName(r.departmentId), width: 32 },
    { header: 'Ideeën ontvangen', value: (r) => r.received, kind: 'number' },
    { header: 'Op tijd beantwoord (%)', value: (r) => r.withinNormPct, kind: 'number' },
    { header: 'Mediaan werkdagen tot antwoord', value: (r) => r.medianAnswerDays, kind: 'number' },
    { header: 'Uitgevoerd (%)', value: (r) => r.implementedPct, kind: 'number' },
    { header: 'Tevreden (% 4 of 5)', value: (r) => r.satisfactionPct, kind: 'number' },
    { header: 'Beoordelingen', value: (r) => r.ratings, kind: 'number' },
    { header: 'Nog zonder antwoord (nu)', value: (r) => r.unanswered, kind: 'number' },
    { header: 'Te laat (nu)', value: (r) => r.overdue, kind: 'number' },
    { header: 'Lang geen nieuws (nu)', value: (r) => r.stale, kind: 'number' },
  ]
}

export const accountabilityRoutes = createRouter()
  .openapi(scorecardRoute, async (c) => {
    const now = c.var.clock.now()
    // The same for everyone: an ETag, compressed (58 kB of JSON), a proxy may keep it briefly.
    return sharedJson(c, await cachedScorecard(c.var.db, scorecardQuestion(c.req.valid('query'), now), now))
  })
  .openapi(scorecardCsvRoute, async (c) => {
    const now = c.var.clock.now()
    const query = c.req.valid('query')
    const card = await cachedScorecard(c.var.db, scorecardQuestion(query, now), now)
    const names = await themeNames(c.var.db)
    const rows = card.cells.map((cell) => scorecardRow(cell, names))
    const body =
      csvStart(query.format) +
      csvHeader(SCORECARD_COLUMNS, query.format) +
      rows.map((row) => csvRow(SCORECARD_COLUMNS, row, query.format)).join('')
    return c.body(body, 200, downloadHeaders('meedenken-scorecard', query.format))
  })
  .openapi(ideasCsvRoute, (c) => {
    const { format } = c.req.valid('query')
    return c.body(streamIdeas(c.var.db, format), 200, downloadHeaders('meedenken-ideeen', format))
  })
  .openapi(ideasJsonRoute, (c) => {
    c.header('Content-Type', 'application/json; charset=utf-8')
    c.header('Content-Disposition', 'attachment; filename="meedenken-ideeen.json"')
    // A streamed body cannot carry the JSON value type; the document above describes it.
    return c.body(streamIdeas(c.var.db, 'json'), 200) as never
  })
  .openapi(roadmapRoute, async (c) => {
    const query = c.req.valid('query')
    return sharedJson(
      c,
      await roadmap(c.var.db, { themeId: query.theme, districtId: query.district }, c.var.clock.now()),
    )
  })
  .openapi(youSaidRoute, async (c) => {
    const query = c.req.valid('query')
    const before = query.cursor ? decodeCursor(query.cursor) : null
    if (query.cursor && !before) throw new ApiError('validation_failed', BAD_CURSOR, { fields: { cursor: BAD_CURSOR } })
    const page = await youSaidWeDid(c.var.db, { themeId: query.theme, before, limit: query.limit })
    return sharedJson(c, { items: page.items, nextCursor: page.next ? encodeCursor(page.next) : null })
  })
  .openapi(dashboardRoute, async (c) => {
    const now = c.var.clock.now()
    const quarter = c.req.valid('query').quarter ?? quarterOfMonth(monthOf(now))
    return c.json({ quarter, departments: await departmentFigures(c.var.db, quarter, now) }, 200)
  })
  .openapi(dashboardExportRoute, async (c) => {
    const now = c.var.clock.now()
    const query = c.req.valid('query')
    const quarter = query.quarter ?? quarterOfMonth(monthOf(now))
    const names = await departmentNames(c.var.db)
    const rows = (await departmentFigures(c.var.db, quarter, now)).map((row) => ({ ...row, quarter }))
    const name = (id: number | null) => (id === null ? 'Zonder afdeling' : (names.get(id) ?? `Afdeling ${id}`))
    const file = await spreadsheet(query.format, {
      name: `Dashboard ${quarter}`,
      title: `Meedenken: cijfers per afdeling, ${quarter} (gemaakt ${localDate(now)})`,
      columns: dashboardColumns(name),
      rows,
    })
    return c.body(file, 200, downloadHeaders(`meedenken-dashboard-${quarter}`, query.format))
  })
