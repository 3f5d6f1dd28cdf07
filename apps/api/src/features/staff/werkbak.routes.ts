import {
  AnswerTemplate,
  AnswerTemplateBody,
  AnswerTemplateList,
  AnswerTemplateQuery,
  BulkAssignBody,
  BulkMergeBody,
  BulkResult,
  BulkStatusBody,
  FilledAnswerTemplateList,
  IdeaCorrectionBody,
  IdeaResponse,
  type IdeaStatus,
  IdParam,
  STATUS_LABELS_NL,
  type StaffIdea,
  type Text,
  WERKBAK_EXPORT_MAX,
  WerkbakExportQuery,
  type WerkbakFilters,
  WerkbakPage,
  WerkbakQuery,
} from '@meedenken/shared'
import { z } from 'zod'
import { localDate } from '../../domain/working-days'
import { decodeCursor, encodeCursor } from '../../http/cursor'
import { ApiError, fieldError, VALIDATION } from '../../http/errors'
import { signedIn } from '../../http/policy'
import { createRouter, jsonBody, jsonResponse, route } from '../../http/route'
import { downloadHeaders, type SheetColumn, spreadsheet } from '../../text/spreadsheet'
import { districtOffered, themeOffered } from '../catalog/catalog.data'
import { findIdea } from '../ideas/ideas.data'
import {
  createTemplate,
  deleteTemplate,
  departmentExists,
  listTemplates,
  templatesForIdea,
  updateTemplate,
} from './answer-templates.data'
import {
  BulkAborted,
  type BulkResult as BulkOutcome,
  type BulkProblem,
  bulkAssign,
  bulkChangeStatus,
  bulkMerge,
} from './bulk.data'
import { correctIdea } from './corrections.data'
import { departmentOf } from './staff.data'
import { exportNames, werkbakCounts, werkbakPage } from './werkbak.data'

const TEXT = {
  notFound: { nl: 'Dit idee bestaat niet (meer).', en: 'This idea does not exist (any more).' },
  badCursor: { nl: 'Laad de lijst opnieuw.', en: 'Please load the list again.' },
  unknownDepartment: { nl: 'Kies een afdeling uit de lijst.', en: 'Choose a department from the list.' },
  unknownAssignee: { nl: 'Kies een collega uit de lijst.', en: 'Choose a colleague from the list.' },
  unknownTheme: { nl: 'Kies een thema uit de lijst.', en: 'Choose a theme from the list.' },
  unknownDistrict: { nl: 'Kies een dorp of wijk uit de lijst.', en: 'Choose a village or district from the list.' },
  assignWhat: {
    nl: 'Kies een afdeling of een collega om de ideeën aan toe te wijzen.',
    en: 'Choose a department or a colleague to assign the ideas to.',
  },
  useMerge: {
    nl: 'Samenvoegen doet u met de knop Samenvoegen, zodat stemmen en volgers meeverhuizen.',
    en: 'Merging is done with the Merge action, so votes and followers move along.',
  },
  declineReason: {
    nl: 'Kies waarom het idee niet wordt uitgevoerd.',
    en: 'Choose why the idea will not be carried out.',
  },
  referredTo: {
    nl: 'Vul in naar welke organisatie u het idee hebt doorgestuurd.',
    en: 'Fill in which organisation you referred the idea to.',
  },
  closure: {
    nl: 'Vul in wat er is veranderd, sinds wanneer en door welk team.',
    en: 'Fill in what changed, since when and by which team.',
  },
  targetNotFound: {
    nl: 'Het idee om mee samen te voegen bestaat niet (meer).',
    en: 'The idea to merge into does not exist (any more).',
  },
  targetClosed: {
    nl: 'Kies een ander idee om mee samen te voegen: dit idee is zelf samengevoegd of verborgen.',
    en: 'Choose another idea to merge into: this one is merged or hidden itself.',
  },
  aborted: {
    nl: 'Er is niets veranderd: een van de ideeën veranderde net. Laad de lijst opnieuw en probeer het nog eens.',
    en: 'Nothing changed: one of the ideas changed just now. Load the list again and try once more.',
  },
  templateNotFound: {
    nl: 'Deze antwoordtekst bestaat niet (meer).',
    en: 'This answer template does not exist (any more).',
  },
  unchanged: {
    nl: 'Er is niets veranderd. Pas de titel, de tekst, het thema of het dorp aan.',
    en: 'Nothing changed. Change the title, the text, the theme or the district.',
  },
} satisfies Record<string, Text>

const label = (status: IdeaStatus) => STATUS_LABELS_NL[status]

function problemText(problem: BulkProblem, to?: IdeaStatus): Text {
  const id = problem.ideaId
  switch (problem.reason) {
    case 'not_found':
      return { nl: `Idee #${id} bestaat niet (meer).`, en: `Idea #${id} does not exist (any more).` }
    case 'already_merged':
      return { nl: `Idee #${id} is al samengevoegd.`, en: `Idea #${id} has already been merged.` }
    case 'is_target':
      return { nl: `Idee #${id} is het idee waarmee u samenvoegt.`, en: `Idea #${id} is the idea you merge into.` }
    case 'transition':
      if (to === problem.from)
        return { nl: `Idee #${id} heeft de status "${label(to)}" al.`, en: `Idea #${id} already has status "${to}".` }
      return {
        nl: `Idee #${id} heeft de status "${label(problem.from)}" en kan niet naar "${label(to ?? problem.from)}".`,
        en: `Idea #${id} has status "${problem.from}" and cannot move to "${to}".`,
      }
  }
}

/**
 * A selection where some ideas cannot take part: 409, nothing changed, the message names
 * each idea and why, and `fields` has one entry per idea (`ideas.12`).
 */
function conflictOf(problems: BulkProblem[], total: number, to?: IdeaStatus): ApiError {
  const texts = problems.map((p) => problemText(p, to))
  const n = problems.length
  return new ApiError(
    'conflict',
    {
      nl: `Er is niets veranderd: bij ${n} van de ${total} ideeën kan dit niet. ${texts.map((t) => t.nl).join(' ')}`,
      en: `Nothing changed: ${n} of the ${total} ideas cannot take this step. ${texts.map((t) => t.en).join(' ')}`,
    },
    { fields: Object.fromEntries(problems.map((p, i) => [`ideas.${p.ideaId}`, texts[i] as Text])) },
  )
}

function failed(result: Exclude<BulkOutcome, { ok: true }>, total: number, to?: IdeaStatus): ApiError {
  if ('problems' in result) return conflictOf(result.problems, total, to)
  switch (result.reason) {
    case 'unknown_department':
      return fieldError('departmentId', TEXT.unknownDepartment)
    case 'unknown_assignee':
      return fieldError('assigneeId', TEXT.unknownAssignee)
    case 'target_not_found':
      return fieldError('targetId', TEXT.targetNotFound)
    case 'target_closed':
      return fieldError('targetId', TEXT.targetClosed)
  }
}

/** A step checked beforehand failed anyway (the transaction rolled back): say so, change nothing. */
async function guarded<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    if (error instanceof BulkAborted) throw new ApiError('conflict', TEXT.aborted)
    throw error
  }
}

const inboxRoute = route('staff', {
  method: 'get',
  path: '/inbox',
  tags: ['Staff'],
  summary: 'The Werkbak: one tab at a time, most urgent first, with search and filters and a count per tab',
  request: { query: WerkbakQuery },
  responses: { 200: jsonResponse(WerkbakPage, 'A page of the tab') },
})

const bulkAssignRoute = route('staff', {
  method: 'post',
  path: '/bulk/assign',
  tags: ['Staff'],
  summary: 'Hand several ideas to a department and/or a colleague (each hand-off logged)',
  request: { body: jsonBody(BulkAssignBody) },
  responses: { 200: jsonResponse(BulkResult, 'The ideas that moved (those already there stay as they were)') },
})

const bulkStatusRoute = route(
  'staff',
  {
    method: 'post',
    path: '/bulk/status',
    tags: ['Staff'],
    summary:
      'Change the status of several ideas with one public explanation: all or nothing (409 names each idea that cannot)',
    request: { body: jsonBody(BulkStatusBody) },
    responses: { 200: jsonResponse(BulkResult, 'Every idea changed') },
  },
  { errors: [409] },
)

const bulkMergeRoute = route(
  'staff',
  {
    method: 'post',
    path: '/bulk/merge',
    tags: ['Staff'],
    summary: 'Merge several duplicates into one idea: votes counted once, followers move; all or nothing',
    request: { body: jsonBody(BulkMergeBody) },
    responses: { 200: jsonResponse(IdeaResponse, 'The target idea after the merge') },
  },
  { errors: [409] },
)

const templatesRoute = route('staff', {
  method: 'get',
  path: '/answer-templates',
  tags: ['Staff'],
  summary: 'Answer templates, per department',
  request: { query: AnswerTemplateQuery },
  responses: { 200: jsonResponse(AnswerTemplateList, 'By department, then title') },
})

const createTemplateRoute = route('staff', {
  method: 'post',
  path: '/answer-templates',
  tags: ['Staff'],
  summary: 'Add an answer template; {naam} and {titel} are filled in per idea',
  request: { body: jsonBody(AnswerTemplateBody) },
  responses: { 201: jsonResponse(AnswerTemplate, 'The new template') },
})

const updateTemplateRoute = route('staff', {
  method: 'put',
  path: '/answer-templates/{id}',
  tags: ['Staff'],
  summary: 'Change an answer template',
  request: { params: IdParam, body: jsonBody(AnswerTemplateBody) },
  responses: { 200: jsonResponse(AnswerTemplate, 'The template') },
})

const deleteTemplateRoute = route('staff', {
  method: 'delete',
  path: '/answer-templates/{id}',
  tags: ['Staff'],
  summary: 'Delete an answer template',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' } },
})

const ideaTemplatesRoute = route('staff', {
  method: 'get',
  path: '/ideas/{id}/answer-templates',
  tags: ['Staff'],
  summary: "Answer templates filled in for this idea: {naam} is the resident's name, {titel} the idea's title",
  request: { params: IdParam },
  responses: { 200: jsonResponse(FilledAnswerTemplateList, "The idea's department first") },
})

const correctionRoute = route('staff', {
  method: 'post',
  path: '/ideas/{id}/correction',
  tags: ['Staff'],
  summary:
    'Correct the title, text, theme or district, with a public reason ("Aangepast door de gemeente"); audited with before and after',
  request: { params: IdParam, body: jsonBody(IdeaCorrectionBody) },
  responses: { 200: jsonResponse(IdeaResponse, 'The corrected idea') },
})

const exportRoute = route('staff', {
  method: 'get',
  path: '/export',
  tags: ['Staff'],
  summary: `The Werkbak's list as a file for a council report: the same tab, search and filters, every page (at most ${WERKBAK_EXPORT_MAX} ideas)`,
  request: { query: WerkbakExportQuery },
  responses: {
    200: {
      description: `An Excel workbook or a CSV file, one row per idea; X-Meedenken-Capped says when more than ${WERKBAK_EXPORT_MAX} ideas matched`,
      content: {
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() },
        'text/csv': { schema: z.string() },
      },
    },
  },
})

const TAB_NAMES: Record<string, string> = {
  needs_answer: 'Nog beantwoorden',
  mine: 'Aan mij toegewezen',
  department: 'Mijn afdeling',
  overdue: 'Te laat',
  stale: 'Lang geen update',
  reported: 'Gemeld',
  all: 'Alle ideeën',
}
const CHANNEL_NAMES: Record<string, string> = {
  web: 'Website',
  phone: 'Telefoon',
  desk: 'Balie',
  letter: 'Brief',
  email: 'E-mail',
}
const BADGE_NAMES: Record<string, string> = {
  on_time: 'Op tijd',
  due_soon: 'Bijna te laat',
  overdue: 'Te laat',
  answered: 'Beantwoord',
}

type Names = Awaited<ReturnType<typeof exportNames>>

/** The file's columns, in Dutch: the report is for the council. No personal data of residents. */
function exportColumns(names: Names): SheetColumn<StaffIdea>[] {
  const name = (map: Map<number, string>, id: number | null, none: string) =>
    id === null ? none : (map.get(id) ?? `#${id}`)
  return [
    { header: 'Nummer', value: (i) => i.id, kind: 'number', width: 9 },
    { header: 'Titel', value: (i) => i.title, width: 50 },
    { header: 'Status', value: (i) => label(i.status), width: 16 },
    { header: 'Thema', value: (i) => name(names.themes, i.themeId, ''), width: 22 },
    { header: 'Dorp of wijk', value: (i) => name(names.districts, i.districtId, 'Overal'), width: 18 },
    { header: 'Afdeling', value: (i) => name(names.departments, i.departmentId, 'Geen afdeling'), width: 22 },
    { header: 'Behandelaar', value: (i) => name(names.colleagues, i.assigneeId, 'Niemand'), width: 20 },
    { header: 'Binnengekomen', value: (i) => i.createdAt, kind: 'datetime', width: 18 },
    { header: 'Via', value: (i) => CHANNEL_NAMES[i.channel] ?? i.channel, width: 10 },
    { header: 'Eerste antwoord', value: (i) => i.firstResponseAt, kind: 'datetime', width: 18 },
    { header: 'Antwoord uiterlijk', value: (i) => i.dueAt, kind: 'datetime', width: 18 },
    { header: 'Termijn', value: (i) => BADGE_NAMES[i.badge] ?? i.badge, width: 14 },
    { header: 'Laatste openbare update', value: (i) => i.lastPublicUpdateAt, kind: 'datetime', width: 18 },
    { header: 'Stemmen', value: (i) => i.voteCount, kind: 'number', width: 9 },
    { header: 'Reacties', value: (i) => i.commentCount, kind: 'number', width: 9 },
    { header: 'Volgers', value: (i) => i.followerCount, kind: 'number', width: 9 },
  ]
}

/** What the list was, in words, for the line above the table: a report says what it counts. */
function selectionText(tab: string, filters: WerkbakFilters, names: Names): string {
  const parts = [`lijst: ${TAB_NAMES[tab] ?? tab}`]
  const named = (map: Map<number, string>, value: number | 'none' | undefined, none: string) =>
    value === 'none' ? none : value === undefined ? undefined : (map.get(value) ?? `#${value}`)
  if (filters.q) parts.push(`zoekwoorden: ${filters.q}`)
  if (filters.theme) parts.push(`thema: ${named(names.themes, filters.theme, '')}`)
  if (filters.district) parts.push(`dorp of wijk: ${named(names.districts, filters.district, '')}`)
  if (filters.status) parts.push(`status: ${label(filters.status)}`)
  const department = named(names.departments, filters.department, 'geen afdeling')
  if (department) parts.push(`afdeling: ${department}`)
  const colleague = named(names.colleagues, filters.assignee, 'niemand')
  if (colleague) parts.push(`behandelaar: ${colleague}`)
  return parts.join('; ')
}

export const werkbakRoutes = createRouter()
  .openapi(inboxRoute, async (c) => {
    const me = signedIn(c)
    const { tab, cursor: rawCursor, limit, ...filters } = c.req.valid('query')
    const cursor = rawCursor ? decodeCursor(rawCursor) : null
    if (rawCursor && !cursor)
      throw new ApiError('validation_failed', TEXT.badCursor, { fields: { cursor: TEXT.badCursor } })
    const now = c.var.clock.now()
    const who = { staffId: me.id, departmentId: await departmentOf(c.var.db, me.id) }
    const page = await werkbakPage(c.var.db, { tab, filters, who, cursor, limit }, now)
    return c.json(
      {
        items: page.items,
        nextCursor: page.nextCursor ? encodeCursor(page.nextCursor) : null,
        counts: await werkbakCounts(c.var.db, filters, who, now),
      },
      200,
    )
  })
  .openapi(exportRoute, async (c) => {
    const me = signedIn(c)
    const { tab, format, ...filters } = c.req.valid('query')
    const now = c.var.clock.now()
    const who = { staffId: me.id, departmentId: await departmentOf(c.var.db, me.id) }
    const page = await werkbakPage(c.var.db, { tab, filters, who, cursor: null, limit: WERKBAK_EXPORT_MAX }, now)
    const names = await exportNames(c.var.db)
    const day = localDate(now)
    const capped = page.nextCursor !== null
    const file = await spreadsheet(format, {
      name: 'Werkbak',
      title: `Meedenken, werkbak (${selectionText(tab, filters, names)}), gemaakt ${day}${
        capped ? `: de eerste ${WERKBAK_EXPORT_MAX} ideeën, er zijn er meer` : ''
      }`,
      columns: exportColumns(names),
      rows: page.items,
    })
    const headers: Record<string, string> = downloadHeaders(`meedenken-werkbak-${tab}-${day}`, format)
    if (capped) headers['X-Meedenken-Capped'] = String(WERKBAK_EXPORT_MAX)
    return c.body(file, 200, headers)
  })
  .openapi(bulkAssignRoute, async (c) => {
    const me = signedIn(c)
    const body = c.req.valid('json')
    if (body.departmentId === undefined && body.assigneeId === undefined) {
      throw new ApiError('validation_failed', VALIDATION, {
        fields: { departmentId: TEXT.assignWhat, assigneeId: TEXT.assignWhat },
      })
    }
    const result = await guarded(() => bulkAssign(c.var.db, { ...body, actorId: me.id }, c.var.clock.now()))
    if (!result.ok) throw failed(result, body.ideaIds.length)
    return c.json({ ideaIds: result.ideaIds }, 200)
  })
  .openapi(bulkStatusRoute, async (c) => {
    const me = signedIn(c)
    const body = c.req.valid('json')
    // The rules of a single status change (status.routes.ts), checked before anything is written.
    const fields: Record<string, Text> = {}
    if (body.status === 'merged') fields.status = TEXT.useMerge
    if (body.status === 'declined' && !body.declineReason) fields.declineReason = TEXT.declineReason
    if (body.status === 'declined' && body.declineReason === 'not_municipal_task' && !body.referredTo) {
      fields.referredTo = TEXT.referredTo
    }
    if (body.status === 'done' && !body.closure) fields.closure = TEXT.closure
    if (Object.keys(fields).length > 0) throw new ApiError('validation_failed', VALIDATION, { fields })
    const result = await guarded(() =>
      bulkChangeStatus(
        c.var.db,
        {
          ideaIds: body.ideaIds,
          actorId: me.id,
          to: body.status,
          explanation: body.explanation,
          declineReason: body.status === 'declined' ? (body.declineReason ?? null) : null,
          referredTo: body.status === 'declined' ? (body.referredTo ?? null) : null,
          closure: body.status === 'done' && body.closure ? { ...body.closure, link: body.closure.link ?? null } : null,
        },
        c.var.clock.now(),
      ),
    )
    if (!result.ok) throw failed(result, body.ideaIds.length, body.status)
    return c.json({ ideaIds: result.ideaIds }, 200)
  })
  .openapi(bulkMergeRoute, async (c) => {
    const me = signedIn(c)
    const body = c.req.valid('json')
    const now = c.var.clock.now()
    const result = await guarded(() => bulkMerge(c.var.db, { ...body, actorId: me.id }, now))
    if (!result.ok) throw failed(result, body.sourceIds.length)
    const idea = await findIdea(c.var.db, body.targetId, me.id, now)
    if (!idea) throw new ApiError('not_found', TEXT.notFound)
    return c.json({ idea }, 200)
  })
  .openapi(templatesRoute, async (c) =>
    c.json({ items: await listTemplates(c.var.db, c.req.valid('query').department) }, 200),
  )
  .openapi(createTemplateRoute, async (c) => {
    const body = c.req.valid('json')
    if (!(await departmentExists(c.var.db, body.departmentId))) throw fieldError('departmentId', TEXT.unknownDepartment)
    return c.json(await createTemplate(c.var.db, signedIn(c).id, body, c.var.clock.now()), 201)
  })
  .openapi(updateTemplateRoute, async (c) => {
    const { id } = c.req.valid('param')
    const body = c.req.valid('json')
    if (!(await departmentExists(c.var.db, body.departmentId))) throw fieldError('departmentId', TEXT.unknownDepartment)
    const template = await updateTemplate(c.var.db, signedIn(c).id, id, body, c.var.clock.now())
    if (!template) throw new ApiError('not_found', TEXT.templateNotFound)
    return c.json(template, 200)
  })
  .openapi(deleteTemplateRoute, async (c) => {
    const { id } = c.req.valid('param')
    if (!(await deleteTemplate(c.var.db, signedIn(c).id, id, c.var.clock.now())))
      throw new ApiError('not_found', TEXT.templateNotFound)
    return c.body(null, 204)
  })
  .openapi(ideaTemplatesRoute, async (c) => {
    const items = await templatesForIdea(c.var.db, c.req.valid('param').id)
    if (!items) throw new ApiError('not_found', TEXT.notFound)
    return c.json({ items }, 200)
  })
  .openapi(correctionRoute, async (c) => {
    const me = signedIn(c)
    const { id } = c.req.valid('param')
    const { reason, ...changes } = c.req.valid('json')
    // A correction may keep the idea's own (archived) theme or village, not move it to another archived one.
    const current = await findIdea(c.var.db, id, null, c.var.clock.now(), { includeHidden: true })
    if (changes.themeId !== undefined && !(await themeOffered(c.var.db, changes.themeId, current?.themeId)))
      throw fieldError('themeId', TEXT.unknownTheme)
    if (changes.districtId && !(await districtOffered(c.var.db, changes.districtId, current?.districtId)))
      throw fieldError('districtId', TEXT.unknownDistrict)
    const now = c.var.clock.now()
    const result = await correctIdea(c.var.db, { ideaId: id, actorId: me.id, reason, changes }, now)
    if (!result.ok) {
      if (result.reason === 'not_found') throw new ApiError('not_found', TEXT.notFound)
      throw new ApiError('validation_failed', TEXT.unchanged)
    }
    const idea = await findIdea(c.var.db, id, me.id, now, { includeHidden: true })
    if (!idea) throw new ApiError('not_found', TEXT.notFound)
    return c.json({ idea }, 200)
  })
