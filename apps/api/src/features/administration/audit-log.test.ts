import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { recordAudit } from '../../audit/audit.data'
import { makeDepartment, makeIdea, makeTheme, makeUser } from '../../test/fixtures'
import { createTestApp, json, loginAs, PASSWORD, request, sessionCookie } from '../../test/test-app'

/** The audit log in Dutch: labels instead of codes, names instead of numbers, a date filter, a file. */
const ctx = createTestApp()
const roads = await makeDepartment(ctx.db, 'Wegen en Verkeer')
const waste = await makeDepartment(ctx.db, 'Afval en Reiniging')
const theme = await makeTheme(ctx.db, { name: 'Afval', departmentId: roads.id })
const author = await makeUser(ctx.db, { displayName: 'Jantje Aanvrager' })
const member = await makeUser(ctx.db, { displayName: 'Truus de Vries' })
const idea = await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id, title: 'Meer afvalbakken bij het meer' })
let admin: { cookie: string; userId: number; email: string }
let staffId = 0
let staffCookie = ''

/** Signs in again after the clock moved on (sessions end when left alone for long). */
async function again(email: string): Promise<string> {
  const res = await request(ctx, '/api/auth/login', { body: { email, password: PASSWORD } })
  expect(res.status).toBe(200)
  return sessionCookie(res)
}

type Entry = {
  action: string
  actorName: string
  actorErased: boolean
  subjectName: string | null
  subjectErased: boolean
  lines: { label: { nl: string; en: string }; value: { nl: string; en: string } }[]
  createdAt: string
}

async function log(query = ''): Promise<Entry[]> {
  const res = await request(ctx, `/api/admin/audit${query}`, { cookie: admin.cookie })
  expect(res.status).toBe(200)
  return (await json(res)).items
}

const linesNl = (entry: Entry | undefined) => entry?.lines.map((l) => `${l.label.nl}: ${l.value.nl}`)

beforeAll(async () => {
  // Monday 2 March 2026, 09:00 in Amsterdam: a civil servant declines the idea.
  ctx.clock.set('2026-03-02T08:00:00Z')
  admin = await loginAs(ctx, 'admin')
  const staff = await loginAs(ctx, 'staff', 'anna@example.org')
  staffId = staff.userId
  await request(ctx, '/api/me', { method: 'PATCH', cookie: staff.cookie, body: { displayName: 'Anna Ambtenaar' } })
  const declined = await request(ctx, `/api/ideas/${idea.id}/status`, {
    cookie: staff.cookie,
    body: {
      status: 'declined',
      declineReason: 'not_municipal_task',
      referredTo: 'Waterschap Hunze en Aa’s',
      explanation: 'Dit is een taak van het waterschap. Wij hebben het idee aan hen doorgegeven.',
    },
  })
  expect(declined.status).toBe(201)
  // 23:30 UTC on 3 March is 00:30 on Wednesday 4 March in Amsterdam.
  ctx.clock.set('2026-03-03T23:30:00Z')
  admin.cookie = await again(admin.email)
  staffCookie = await again('anna@example.org')
  const moved = await request(ctx, `/api/admin/themes/${theme.id}/department`, {
    method: 'PUT',
    cookie: admin.cookie,
    body: { departmentId: waste.id },
  })
  expect(moved.status).toBe(200)
  ctx.clock.set('2026-03-05T10:00:00Z')
  admin.cookie = await again(admin.email)
  staffCookie = await again('anna@example.org')
  const blocked = await request(ctx, `/api/staff/users/${member.id}/block`, {
    cookie: staffCookie,
    body: { reason: 'Scheldt steeds andere deelnemers uit' },
  })
  expect(blocked.status).toBe(204)
  // A moderator's step without a reason: nothing to show, so no "Reden: –".
  await recordAudit(
    ctx.db,
    { actorId: staffId, action: 'idea.restored', subjectType: 'idea', subjectId: idea.id, details: { reason: null } },
    ctx.clock.now(),
  )
  const role = await request(ctx, `/api/admin/users/${member.id}/role`, {
    method: 'PUT',
    cookie: admin.cookie,
    body: { role: 'staff' },
  })
  expect(role.status).toBe(200)
  // Anna leaves and erases her account: her entries stay, without her name.
  ctx.clock.set('2026-03-06T10:00:00Z')
  admin.cookie = await again(admin.email)
  staffCookie = await again('anna@example.org')
  const erased = await request(ctx, '/api/me', { method: 'DELETE', cookie: staffCookie, body: { password: PASSWORD } })
  expect(erased.status).toBe(204)
})

describe('the audit log in words', () => {
  it('shows a status change with its Dutch labels and the idea’s title, not codes and numbers', async () => {
    const entry = (await log('?action=idea.status_changed'))[0]
    expect(entry?.subjectName).toBe('Meer afvalbakken bij het meer')
    expect(linesNl(entry)).toEqual([
      'Status: Nieuw → Niet uitgevoerd',
      'Reden niet uitgevoerd: Geen taak van de gemeente',
    ])
    expect(entry?.lines[0]?.value.en).toBe('New → Not carried out')
    expect(JSON.stringify(entry?.lines)).not.toMatch(/under_review|not_municipal_task|declined/)
  })

  it('names departments, roles and the blocked member instead of their numbers and codes', async () => {
    const items = await log()
    const theme = items.find((e) => e.action === 'theme.department_changed')
    expect(theme?.subjectName).toBe('Afval')
    expect(linesNl(theme)).toEqual(['Afdeling: Wegen en Verkeer → Afval en Reiniging'])
    const role = items.find((e) => e.action === 'user.role_changed')
    expect(role?.subjectName).toBe('Truus de Vries')
    expect(linesNl(role)).toEqual(['Rol: Deelnemer → Medewerker'])
    const block = items.find((e) => e.action === 'user.blocked')
    expect(block?.subjectName).toBe('Truus de Vries')
    expect(linesNl(block)?.[0]).toBe('Reden: Scheldt steeds andere deelnemers uit')
  })

  it('leaves out details with nothing in them', async () => {
    const restored = (await log('?action=idea.restored'))[0]
    expect(restored?.lines).toEqual([])
  })

  it('shows an erased account as erased, without its old name', async () => {
    const items = await log('?action=idea.status_changed')
    expect(items[0]).toMatchObject({ actorErased: true, actorName: '' })
    expect(JSON.stringify(items)).not.toContain('Anna Ambtenaar')
    const block = (await log('?action=user.blocked'))[0]
    expect(block).toMatchObject({ actorErased: true, actorName: '' })
  })
})

describe('the audit log by date', () => {
  it('counts days in Amsterdam: 23:30 UTC on 3 March belongs to 4 March', async () => {
    const actions = async (query: string) => (await log(query)).map((e) => e.action)
    expect(await actions('?from=2026-03-04&to=2026-03-04')).toEqual(['theme.department_changed'])
    expect(await actions('?from=2026-03-03&to=2026-03-03')).toEqual([])
    expect(await actions('?to=2026-03-02')).toEqual(['idea.status_changed'])
    expect((await actions('?from=2026-03-05')).sort()).toEqual(
      ['idea.restored', 'user.blocked', 'user.role_changed'].sort(),
    )
  })

  it('refuses a period that runs backwards, or a day that does not exist, with 422 naming the field', async () => {
    const backwards = await request(ctx, '/api/admin/audit?from=2026-03-05&to=2026-03-04', { cookie: admin.cookie })
    expect(backwards.status).toBe(422)
    expect(Object.keys((await json(backwards)).error.fields)).toEqual(['to'])
    const bad = await request(ctx, '/api/admin/audit?from=2026-02-30', { cookie: admin.cookie })
    expect(bad.status).toBe(422)
    expect(Object.keys((await json(bad)).error.fields)).toEqual(['from'])
  })
})

describe('the audit log as a file', () => {
  it('is for administrators only', async () => {
    const staff = await loginAs(ctx, 'staff')
    expect((await request(ctx, '/api/admin/audit/export', { cookie: staff.cookie })).status).toBe(403)
    expect((await request(ctx, '/api/admin/audit/export')).status).toBe(401)
  })

  it('gives the filtered log as a workbook in Dutch words', async () => {
    const res = await request(ctx, '/api/admin/audit/export?from=2026-03-02&to=2026-03-04&format=xlsx', {
      cookie: admin.cookie,
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="meedenken-logboek-\d{4}-\d\d-\d\d\.xlsx"$/,
    )
    expect(res.headers.get('cache-control')).toBe('private, no-store')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load((await res.arrayBuffer()) as never)
    const sheet = book.getWorksheet('Logboek')
    expect(String(sheet?.getCell('A1').value)).toContain('2026-03-02 tot en met 2026-03-04')
    expect(sheet?.getRow(2).values).toEqual([
      undefined,
      'Wanneer',
      'Wie',
      'Handeling',
      'Waarover',
      'Nummer',
      'Naam',
      'Details',
    ])
    const rows: unknown[][] = []
    sheet?.eachRow((row, n) => {
      if (n > 2) rows.push((row.values as unknown[]).slice(1))
    })
    expect(rows).toHaveLength(2)
    // The administrator's name (made up by loginAs).
    expect(rows[0]?.[1]).toMatch(/^admin admin-/)
    expect(rows[0]?.slice(2)).toEqual([
      'Thema naar andere afdeling',
      'Thema',
      theme.id,
      'Afval',
      'Afdeling: Wegen en Verkeer → Afval en Reiniging',
    ])
    // Dutch time: 00:30 on 4 March.
    expect(rows[0]?.[0]).toEqual(new Date('2026-03-04T00:30:00Z'))
    expect(rows[1]?.slice(1)).toEqual([
      'verwijderd account',
      'Status veranderd',
      'Idee',
      idea.id,
      'Meer afvalbakken bij het meer',
      'Status: Nieuw → Niet uitgevoerd; Reden niet uitgevoerd: Geen taak van de gemeente',
    ])
  })

  it('gives the filtered log as a CSV for Dutch Excel', async () => {
    const res = await request(ctx, '/api/admin/audit/export?action=user.role_changed&format=excel-nl', {
      cookie: admin.cookie,
    })
    expect(res.status).toBe(200)
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    // TextDecoder leaves the BOM out.
    const lines = new TextDecoder().decode(bytes).trimEnd().split('\r\n')
    expect(lines[0]).toBe('"Wanneer";"Wie";"Handeling";"Waarover";"Nummer";"Naam";"Details"')
    expect(lines).toHaveLength(2)
    expect(lines[1]).toContain(';"Rol veranderd";"Deelnemer";')
    expect(lines[1]).toContain('"Truus de Vries";"Rol: Deelnemer → Medewerker"')
  })
})
