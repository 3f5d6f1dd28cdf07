import {
  AuditPage,
  AuditQuery,
  Department,
  DepartmentBody,
  IdParam,
  InstallationSettings,
  StaffDepartmentBody,
  type Text,
  ThemeDepartmentBody,
} from '@meedenken/shared'
import { z } from 'zod'
import { installationSettings, saveInstallationSettings } from '../../config/installation.data'
import { decodeIdCursor } from '../../http/cursor'
import { ApiError, fieldError } from '../../http/errors'
import { signedIn } from '../../http/policy'
import { createRouter, jsonBody, jsonResponse, route } from '../../http/route'
import {
  auditEntries,
  createDepartment,
  linkTheme,
  listDepartments,
  renameDepartment,
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

export const administrationRoutes = createRouter()
  .openapi(departmentsRoute, (c) => c.json({ items: listDepartments(c.var.db) }, 200))
  .openapi(createDepartmentRoute, (c) => {
    const body = c.req.valid('json')
    const id = createDepartment(c.var.db, { ...body, actorId: signedIn(c).id }, c.var.clock.now())
    if (id === null) throw new ApiError('conflict', TEXT.duplicate)
    return c.json({ items: listDepartments(c.var.db) }, 201)
  })
  .openapi(renameDepartmentRoute, (c) => {
    const ok = renameDepartment(
      c.var.db,
      { id: c.req.valid('param').id, ...c.req.valid('json'), actorId: signedIn(c).id },
      c.var.clock.now(),
    )
    if (!ok) throw new ApiError('not_found', TEXT.noDepartment)
    return c.json({ items: listDepartments(c.var.db) }, 200)
  })
  .openapi(themeLinkRoute, (c) => {
    const result = linkTheme(
      c.var.db,
      { themeId: c.req.valid('param').id, departmentId: c.req.valid('json').departmentId, actorId: signedIn(c).id },
      c.var.clock.now(),
    )
    if (result === 'no_theme') throw new ApiError('not_found', TEXT.noTheme)
    if (result === 'no_department') throw fieldError('departmentId', TEXT.noDepartment)
    return c.json({ items: listDepartments(c.var.db) }, 200)
  })
  .openapi(staffDepartmentRoute, (c) => {
    const result = setStaffDepartment(
      c.var.db,
      { userId: c.req.valid('param').id, departmentId: c.req.valid('json').departmentId, actorId: signedIn(c).id },
      c.var.clock.now(),
    )
    if (result === 'no_user') throw new ApiError('not_found', TEXT.noStaff)
    if (result === 'no_department') throw fieldError('departmentId', TEXT.noDepartment)
    return c.body(null, 204)
  })
  .openapi(getSettingsRoute, (c) => c.json(installationSettings(c.var.db), 200))
  .openapi(putSettingsRoute, (c) => {
    const body = c.req.valid('json')
    const now = c.var.clock.now()
    saveInstallationSettings(c.var.db, body, signedIn(c).id, now)
    return c.json(installationSettings(c.var.db), 200)
  })
  .openapi(auditRoute, (c) => {
    const query = c.req.valid('query')
    const beforeId = decodeIdCursor(query.cursor, TEXT.badCursor)
    const page = auditEntries(c.var.db, { action: query.action, actorId: query.actor, beforeId, limit: query.limit })
    return c.json({ items: page.items, nextCursor: page.nextBeforeId === null ? null : String(page.nextBeforeId) }, 200)
  })
