import type { AuditEntry, Department } from '@meedenken/shared'
import { and, asc, desc, eq, inArray, lt, type SQL } from 'drizzle-orm'
import { recordAudit } from '../../audit/audit.data'
import type { Db } from '../../db/open'
import { auditLog, departments, themes, users } from '../../db/schema'

function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

export function listDepartments(db: Db): Department[] {
  const rows = db.select().from(departments).orderBy(asc(departments.name)).all()
  const links = db.select({ id: themes.id, departmentId: themes.departmentId }).from(themes).all()
  return rows.map((d) => ({
    id: d.id,
    slug: d.slug,
    name: d.name,
    nameEn: d.nameEn,
    themeIds: links.filter((t) => t.departmentId === d.id).map((t) => t.id),
  }))
}

export function createDepartment(
  db: Db,
  input: { name: string; nameEn: string; actorId: number },
  now: number,
): number | null {
  return db.transaction((tx) => {
    const slug = slugify(input.name) || `afdeling-${now}`
    if (tx.select({ id: departments.id }).from(departments).where(eq(departments.slug, slug)).get()) return null
    const id = tx
      .insert(departments)
      .values({ slug, name: input.name, nameEn: input.nameEn })
      .returning({ id: departments.id })
      .get().id
    recordAudit(
      tx,
      {
        actorId: input.actorId,
        action: 'department.created',
        subjectType: 'department',
        subjectId: id,
        details: { name: input.name },
      },
      now,
    )
    return id
  })
}

export function renameDepartment(
  db: Db,
  input: { id: number; name: string; nameEn: string; actorId: number },
  now: number,
): boolean {
  return db.transaction((tx) => {
    const before = tx.select().from(departments).where(eq(departments.id, input.id)).get()
    if (!before) return false
    tx.update(departments).set({ name: input.name, nameEn: input.nameEn }).where(eq(departments.id, input.id)).run()
    recordAudit(
      tx,
      {
        actorId: input.actorId,
        action: 'department.renamed',
        subjectType: 'department',
        subjectId: input.id,
        details: { before: before.name, after: input.name },
      },
      now,
    )
    return true
  })
}

export type LinkResult = 'ok' | 'no_theme' | 'no_department'

/** Which department new ideas in a theme land in. */
export function linkTheme(
  db: Db,
  input: { themeId: number; departmentId: number | null; actorId: number },
  now: number,
): LinkResult {
  return db.transaction((tx) => {
    const theme = tx
      .select({ departmentId: themes.departmentId })
      .from(themes)
      .where(eq(themes.id, input.themeId))
      .get()
    if (!theme) return 'no_theme'
    if (
      input.departmentId !== null &&
      !tx.select({ id: departments.id }).from(departments).where(eq(departments.id, input.departmentId)).get()
    ) {
      return 'no_department'
    }
    tx.update(themes).set({ departmentId: input.departmentId }).where(eq(themes.id, input.themeId)).run()
    recordAudit(
      tx,
      {
        actorId: input.actorId,
        action: 'theme.department_changed',
        subjectType: 'theme',
        subjectId: input.themeId,
        details: { before: theme.departmentId, after: input.departmentId },
      },
      now,
    )
    return 'ok'
  })
}

export type StaffDepartmentResult = 'ok' | 'no_user' | 'no_department'

/** The department a civil servant works in, for their "my department" inbox tab. */
export function setStaffDepartment(
  db: Db,
  input: { userId: number; departmentId: number | null; actorId: number },
  now: number,
): StaffDepartmentResult {
  return db.transaction((tx) => {
    const user = tx
      .select({ role: users.role, departmentId: users.departmentId })
      .from(users)
      .where(eq(users.id, input.userId))
      .get()
    if (!user || user.role === 'member') return 'no_user'
    if (
      input.departmentId !== null &&
      !tx.select({ id: departments.id }).from(departments).where(eq(departments.id, input.departmentId)).get()
    ) {
      return 'no_department'
    }
    tx.update(users).set({ departmentId: input.departmentId, updatedAt: now }).where(eq(users.id, input.userId)).run()
    recordAudit(
      tx,
      {
        actorId: input.actorId,
        action: 'user.department_changed',
        subjectType: 'user',
        subjectId: input.userId,
        details: { before: user.departmentId, after: input.departmentId },
      },
      now,
    )
    return 'ok'
  })
}

export function auditEntries(
  db: Db,
  input: { action?: string | undefined; actorId?: number | undefined; beforeId: number | null; limit: number },
): { items: AuditEntry[]; nextBeforeId: number | null } {
  const conditions: SQL[] = []
  if (input.action) conditions.push(eq(auditLog.action, input.action))
  if (input.actorId) conditions.push(eq(auditLog.actorId, input.actorId))
  if (input.beforeId !== null) conditions.push(lt(auditLog.id, input.beforeId))
  const rows = db
    .select({
      id: auditLog.id,
      actorId: auditLog.actorId,
      actorName: users.displayName,
      action: auditLog.action,
      subjectType: auditLog.subjectType,
      subjectId: auditLog.subjectId,
      details: auditLog.details,
      createdAt: auditLog.createdAt,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(input.limit + 1)
    .all()
  const page = rows.slice(0, input.limit)
  return {
    items: page.map((r) => ({ ...r, actorName: r.actorName ?? '', createdAt: new Date(r.createdAt).toISOString() })),
    nextBeforeId: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  }
}

// Used by tests and the demo to give the demo civil servant a department.
export function departmentIdBySlug(db: Db, slug: string): number | null {
  return (
    db
      .select({ id: departments.id })
      .from(departments)
      .where(inArray(departments.slug, [slug]))
      .get()?.id ?? null
  )
}
