import {
  AUDIT_ACTOR_TEXT,
  AUDIT_EXPORT_LIMIT,
  AUDIT_SUBJECT_LABELS,
  type AuditEntry,
  AuditExportQuery,
  AuditPage,
  AuditQuery,
  auditActionLabel,
  Department,
  DepartmentBody,
  IdParam,
  InstallationSettings,
  MemberPage,
  MemberQuery,
  StaffDepartmentBody,
  type Text,
  ThemeDepartmentBody,
} from '@meedenken/shared'
import { z } from 'zod'
import { installationSettings, saveInstallationSettings } from '../../config/installation.data'
import { localDate, startOfLocalDay } from '../../domain/working-days'
import { decodeIdCursor } from '../../http/cursor'
import { ApiError, fieldError } from '../../http/errors'
import { signedIn } from '../../http/policy'
import { createRouter, jsonBody, jsonResponse, route } from '../../http/route'
import { downloadHeaders, type SheetColumn, spreadsheet } from '../../text/spreadsheet'
import {
  auditEntries,
  auditExport,
  createDepartment,
  linkTheme,
  listDepartments,
  renameDepartment,
  searchMembers,
  setStaffDepartment,
} from './administration.data'

const TEXT = {
  duplicate: { nl: 'Er is al een afdeling met deze naam.', en: 'A department with this name already exists.' },
  noDepartment: { nl: 'Deze afdeling bestaat niet (meer).', en: 'This department does not exist (any more).' },
  noTheme: { nl: 'Dit thema bestaat niet (meer).', en: 'This theme does not exist (any more).' },
  noStaff: {
    nl: 'Alleen medewerkers en beheerders horen bij een afdeling.',
    en: 'Only staff and administrators belong to a department.',
  },
  badCursor: { nl: 'Laad de lijst opnieuw.', en: 'Please load the list again.' },
  badRange: {
    nl: 'Kies bij Tot en met een dag die niet eerder is dan bij Van.',
    en: 'Choose a To day that is not earlier than the From day.',
  },
} satisfies Record<string, Text>

const DepartmentList = z.object({ items: z.array(Department) })

const departmentsRoute = route('staff', {
  method: 'get',
  path: '/departments',
  tags: ['Administration'],
  summary: 'Departments and the themes that route to each',
  responses: { 200: jsonResponse(DepartmentList, 'Departments') },
})

const createDepartmentRoute = route(
  'admin',
  {
    method: 'post',
    path: '/admin/departments',
    tags: ['Administration'],
    summary: 'Add a department',
    request: { body: jsonBody(DepartmentBody) },
    responses: { 201: jsonResponse(DepartmentList, 'All departments') },
  },
  { errors: [409] },
)

const renameDepartmentRoute = route('admin', {
  method: 'put',
  path: '/admin/departments/{id}',
  tags: ['Administration'],
  summary: 'Rename a department',
  request: { params: IdParam, body: jsonBody(DepartmentBody) },
  responses: { 200: jsonResponse(DepartmentList, 'All departments') },
})

const themeLinkRoute = route('admin', {
  method: 'put',
  path: '/admin/themes/{id}/department',
  tags: ['Administration'],
  summary: 'Route new ideas in a theme to a department',
  request: { params: IdParam, body: jsonBody(ThemeDepartmentBody) },
  responses: { 200: jsonResponse(DepartmentList, 'All departments') },
})

const staffDepartmentRoute = route('admin', {
  method: 'put',
  path: '/admin/users/{id}/department',
  tags: ['Administration'],
  summary: 'Put a civil servant in a department',
  request: { params: IdParam, body: jsonBody(StaffDepartmentBody) },
  responses: { 204: { description: 'Changed' } },
})

const getSettingsRoute = route('staff', {
  method: 'get',
  path: '/settings',
  tags: ['Administration'],
  summary: 'The response norm and when an idea counts as stale',
  responses: { 200: jsonResponse(InstallationSettings, 'Settings') },
})

const putSettingsRoute = route('admin', {
  method: 'put',
  path: '/admin/settings',
  tags: ['Administration'],
  summary: 'Change the response norm (working days) and the stale period (days)',
  request: { body: jsonBody(InstallationSettings) },
  responses: { 200: jsonResponse(InstallationSettings, 'Settings') },
})

const auditRoute = route('admin', {
  method: 'get',
  path: '/admin/audit',
  tags: ['Administration'],
  summary: 'The audit log: every staff and admin action, newest first',
  request: { query: AuditQuery },
  responses: { 200: jsonResponse(AuditPage, 'A page of the audit log') },
})

const auditExportRoute = route('admin', {
  method: 'get',
  path: '/admin/audit/export',
  tags: ['Administration'],
  summary: `The audit log with the same filters as a file (xlsx or CSV), newest first, at most ${AUDIT_EXPORT_LIMIT} entries`,
  request: { query: AuditExportQuery },
  responses: {
    200: {
      description: 'An Excel workbook or a CSV file, one row per entry',
      content: {
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() },
        'text/csv': { schema: z.string() },
      },
    },
  },
})

const membersRoute = route('staff', {
  method: 'get',
  path: '/staff/members',
  tags: ['Staff'],
  summary: 'Find members by name (administrators: or e-mail address) to block or unblock them',
  request: { query: MemberQuery },
  responses: { 200: jsonResponse(MemberPage, 'A page of members, newest account first') },
})

const DAY = 86_400_000
const dayNumber = (day: string) =>
  Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY

/** The days asked for as moments: from the start of `from` to the end of `to`, in Amsterdam. */
function auditFilter(query: {
  action?: string | undefined
  actor?: number | undefined
  from?: string | undefined
  to?: string | undefined
}) {
  if (query.from && query.to && query.to < query.from) throw fieldError('to', TEXT.badRange)
  return {
    action: query.action,
    actorId: query.actor,
    from: query.from ? startOfLocalDay(dayNumber(query.from)) : undefined,
    until: query.to ? startOfLocalDay(dayNumber(query.to) + 1) : undefined,
  }
}

/** The log as a council or an auditor reads it: Dutch words, names, no codes. */
const AUDIT_COLUMNS: SheetColumn<AuditEntry>[] = [
  { header: 'Wanneer', value: (e) => e.createdAt, kind: 'datetime', width: 18 },
  {
    header: 'Wie',
    value: (e) =>
      e.actorErased
        ? AUDIT_ACTOR_TEXT.erased.nl
        : e.actorName ||
          (e.details?.actor === 'command_line' ? AUDIT_ACTOR_TEXT.commandLine.nl : AUDIT_ACTOR_TEXT.system.nl),
    width: 24,
  },
  { header: 'Handeling', value: (e) => auditActionLabel(e.action).nl, width: 28 },
  { header: 'Waarover', value: (e) => AUDIT_SUBJECT_LABELS[e.subjectType]?.nl ?? e.subjectType, width: 14 },
  { header: 'Nummer', value: (e) => e.subjectId, kind: 'number', width: 9 },
  { header: 'Naam', value: (e) => (e.subjectErased ? AUDIT_ACTOR_TEXT.erased.nl : e.subjectName), width: 40 },
  { header: 'Details', value: (e) => e.lines.map((l) => `${l.label.nl}: ${l.value.nl}`).join('; '), width: 60 },
]

export const administrationRoutes = createRouter()
  .openapi(departmentsRoute, async (c) => c.json({ items: await listDepartments(c.var.db) }, 200))
  .openapi(createDepartmentRoute, async (c) => {
    const body = c.req.valid('json')
    const id = await createDepartment(c.var.db, { ...body, actorId: signedIn(c).id }, c.var.clock.now())
    if (id === null) throw new ApiError('conflict', TEXT.duplicate)
    return c.json({ items: await listDepartments(c.var.db) }, 201)
  })
  .openapi(renameDepartmentRoute, async (c) => {
    const ok = await renameDepartment(
      c.var.db,
      { id: c.req.valid('param').id, ...c.req.valid('json'), actorId: signedIn(c).id },
      c.var.clock.now(),
    )
    if (!ok) throw new ApiError('not_found', TEXT.noDepartment)
    return c.json({ items: await listDepartments(c.var.db) }, 200)
  })
  .openapi(themeLinkRoute, async (c) => {
    const result = await linkTheme(
      c.var.db,
      { themeId: c.req.valid('param').id, departmentId: c.req.valid('json').departmentId, actorId: signedIn(c).id },
      c.var.clock.now(),
    )
    if (result === 'no_theme') throw new ApiError('not_found', TEXT.noTheme)
    if (result === 'no_department') throw fieldError('departmentId', TEXT.noDepartment)
    return c.json({ items: await listDepartments(c.var.db) }, 200)
  })
  .openapi(staffDepartmentRoute, async (c) => {
    const result = await setStaffDepartment(
      c.var.db,
      { userId: c.req.valid('param').id, departmentId: c.req.valid('json').departmentId, actorId: signedIn(c).id },
      c.var.clock.now(),
    )
    if (result === 'no_user') throw new ApiError('not_found', TEXT.noStaff)
    if (result === 'no_department') throw fieldError('departmentId', TEXT.noDepartment)
    return c.body(null, 204)
  })
  .openapi(getSettingsRoute, async (c) => c.json(await installationSettings(c.var.db), 200))
  .openapi(putSettingsRoute, async (c) => {
    const body = c.req.valid('json')
    const now = c.var.clock.now()
    await saveInstallationSettings(c.var.db, body, signedIn(c).id, now)
    return c.json(await installationSettings(c.var.db), 200)
  })
  .openapi(auditRoute, async (c) => {
    const query = c.req.valid('query')
    const beforeId = decodeIdCursor(query.cursor, TEXT.badCursor)
    const page = await auditEntries(c.var.db, { ...auditFilter(query), beforeId, limit: query.limit })
    return c.json({ items: page.items, nextCursor: page.nextBeforeId === null ? null : String(page.nextBeforeId) }, 200)
  })
  .openapi(membersRoute, async (c) => {
    const query = c.req.valid('query')
    const afterId = decodeIdCursor(query.cursor, TEXT.badCursor)
    const withEmail = signedIn(c).role === 'admin'
    return c.json(await searchMembers(c.var.db, { q: query.q, withEmail, afterId, limit: query.limit }), 200)
  })
  .openapi(auditExportRoute, async (c) => {
    const query = c.req.valid('query')
    const { items, more } = await auditExport(c.var.db, auditFilter(query), AUDIT_EXPORT_LIMIT)
    const made = localDate(c.var.clock.now())
    const period = query.from || query.to ? `, ${query.from ?? '…'} tot en met ${query.to ?? '…'}` : ''
    const file = await spreadsheet(query.format, {
      name: 'Logboek',
      title: `Meedenken: logboek${period} (gemaakt ${made}${more ? `; alleen de nieuwste ${AUDIT_EXPORT_LIMIT}` : ''})`,
      columns: AUDIT_COLUMNS,
      rows: items,
    })
    return c.body(file, 200, downloadHeaders(`meedenken-logboek-${made}`, query.format))
  })
