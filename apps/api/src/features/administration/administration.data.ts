import type { AuditEntry, Department, Member } from '@meedenken/shared'
import { AUDIT_ACTOR_TEXT } from '@meedenken/shared'
import { and, asc, type Column, desc, eq, gte, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm'
import { recordAudit } from '../../audit/audit.data'
import { type AuditNames, auditLines, referencedIds } from '../../audit/audit-lines'
import type { Db } from '../../db/open'
import { auditLog, campaigns, comments, departments, districts, ideas, themes, users } from '../../db/schema'
import { oneRow } from '../../db/statements'

function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

export async function listDepartments(db: Db): Promise<Department[]> {
  const rows = await db.select().from(departments).orderBy(asc(departments.name))
  const links = await db.select({ id: themes.id, departmentId: themes.departmentId }).from(themes)
  return rows.map((d) => ({
    id: d.id,
    slug: d.slug,
    name: d.name,
    nameEn: d.nameEn,
    themeIds: links.filter((t) => t.departmentId === d.id).map((t) => t.id),
  }))
}

export async function createDepartment(
  db: Db,
  input: { name: string; nameEn: string; actorId: number },
  now: number,
): Promise<number | null> {
  return await db.transaction(async (tx) => {
    const slug = slugify(input.name) || `afdeling-${now}`
    if ((await tx.select({ id: departments.id }).from(departments).where(eq(departments.slug, slug)).limit(1))[0])
      return null
    const id = oneRow(
      await tx
        .insert(departments)
        .values({ slug, name: input.name, nameEn: input.nameEn })
        .returning({ id: departments.id }),
    ).id
    await recordAudit(
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

export async function renameDepartment(
  db: Db,
  input: { id: number; name: string; nameEn: string; actorId: number },
  now: number,
): Promise<boolean> {
  return await db.transaction(async (tx) => {
    const [before] = await tx.select().from(departments).where(eq(departments.id, input.id)).limit(1)
    if (!before) return false
    await tx.update(departments).set({ name: input.name, nameEn: input.nameEn }).where(eq(departments.id, input.id))
    await recordAudit(
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
export async function linkTheme(
  db: Db,
  input: { themeId: number; departmentId: number | null; actorId: number },
  now: number,
): Promise<LinkResult> {
  return await db.transaction(async (tx) => {
    const [theme] = await tx
      .select({ departmentId: themes.departmentId })
      .from(themes)
      .where(eq(themes.id, input.themeId))
      .limit(1)
    if (!theme) return 'no_theme'
    if (
      input.departmentId !== null &&
      !(
        await tx.select({ id: departments.id }).from(departments).where(eq(departments.id, input.departmentId)).limit(1)
      )[0]
    ) {
      return 'no_department'
    }
    await tx.update(themes).set({ departmentId: input.departmentId }).where(eq(themes.id, input.themeId))
    await recordAudit(
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
export async function setStaffDepartment(
  db: Db,
  input: { userId: number; departmentId: number | null; actorId: number },
  now: number,
): Promise<StaffDepartmentResult> {
  return await db.transaction(async (tx) => {
    const [user] = await tx
      .select({ role: users.role, departmentId: users.departmentId })
      .from(users)
      .where(eq(users.id, input.userId))
      .limit(1)
    if (!user || user.role === 'member') return 'no_user'
    if (
      input.departmentId !== null &&
      !(
        await tx.select({ id: departments.id }).from(departments).where(eq(departments.id, input.departmentId)).limit(1)
      )[0]
    ) {
      return 'no_department'
    }
    await tx.update(users).set({ departmentId: input.departmentId, updatedAt: now }).where(eq(users.id, input.userId))
    await recordAudit(
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

export type AuditFilterInput = {
  action?: string | undefined
  actorId?: number | undefined
  /** Moments, from the days asked for: `from` inclusive, `until` exclusive. */
  from?: number | undefined
  until?: number | undefined
}

function auditConditions(input: AuditFilterInput): SQL[] {
  const conditions: SQL[] = []
  if (input.action) conditions.push(eq(auditLog.action, input.action))
  if (input.actorId) conditions.push(eq(auditLog.actorId, input.actorId))
  if (input.from !== undefined) conditions.push(gte(auditLog.createdAt, input.from))
  if (input.until !== undefined) conditions.push(lt(auditLog.createdAt, input.until))
  return conditions
}

const unique = (values: (number | null)[]) => [...new Set(values.filter((v): v is number => v !== null))]

/** Id → value for the ids asked (none asked: no query). */
async function lookup<T>(
  ids: number[],
  read: (ids: number[]) => Promise<{ id: number; value: T }[]>,
): Promise<Map<number, T>> {
  return ids.length === 0 ? new Map() : new Map((await read(ids)).map((r) => [r.id, r.value]))
}

/**
 * Audit rows with the names they point to: who acted, what it was about (an idea's title, a
 * person's, department's or theme's name), and the details in words. Names are read in one
 * query per kind for the whole page.
 */
async function describe(
  db: Db,
  rows: {
    id: number
    actorId: number | null
    action: string
    subjectType: string
    subjectId: number | null
    details: Record<string, unknown> | null
    createdAt: number
  }[],
): Promise<AuditEntry[]> {
  const refs = rows.map((r) => referencedIds(r.action, r.details))
  const subjectIds = (type: string) => unique(rows.filter((r) => r.subjectType === type).map((r) => r.subjectId))
  const people = await lookup(
    unique([...rows.map((r) => r.actorId), ...subjectIds('user'), ...refs.flatMap((x) => x.user)]),
    async (ids) =>
      (
        await db
          .select({ id: users.id, name: users.displayName, deletedAt: users.deletedAt })
          .from(users)
          .where(inArray(users.id, ids))
      ).map((u) => ({ id: u.id, value: { name: u.name, erased: u.deletedAt !== null } })),
  )
  const commentIdeas = await lookup(
    subjectIds('comment'),
    async (ids) =>
      await db.select({ id: comments.id, value: comments.ideaId }).from(comments).where(inArray(comments.id, ids)),
  )
  const ideaTitles = await lookup(
    unique([...subjectIds('idea'), ...commentIdeas.values(), ...refs.flatMap((x) => x.idea)]),
    async (ids) => await db.select({ id: ideas.id, value: ideas.title }).from(ideas).where(inArray(ideas.id, ids)),
  )
  const departmentNames = await lookup(
    unique([...subjectIds('department'), ...refs.flatMap((x) => x.department)]),
    async (ids) =>
      await db
        .select({ id: departments.id, value: departments.name })
        .from(departments)
        .where(inArray(departments.id, ids)),
  )
  const themeNames = await lookup(
    subjectIds('theme'),
    async (ids) => await db.select({ id: themes.id, value: themes.name }).from(themes).where(inArray(themes.id, ids)),
  )
  const districtNames = await lookup(
    subjectIds('district'),
    async (ids) =>
      await db.select({ id: districts.id, value: districts.name }).from(districts).where(inArray(districts.id, ids)),
  )
  const campaignTitles = await lookup(
    subjectIds('campaign'),
    async (ids) =>
      await db.select({ id: campaigns.id, value: campaigns.title }).from(campaigns).where(inArray(campaigns.id, ids)),
  )
  const names: AuditNames = {
    department: (id) => departmentNames.get(id),
    idea: (id) => ideaTitles.get(id),
    user: (id) => {
      const p = people.get(id)
      return p ? (p.erased ? AUDIT_ACTOR_TEXT.erased.nl : p.name) : undefined
    },
  }
  const subject = (type: string, id: number | null): { name: string | null; erased: boolean } => {
    if (id === null) return { name: null, erased: false }
    if (type === 'user') {
      const p = people.get(id)
      return p?.erased ? { name: null, erased: true } : { name: p?.name ?? null, erased: false }
    }
    const name =
      type === 'idea'
        ? ideaTitles.get(id)
        : type === 'comment'
          ? ideaTitles.get(commentIdeas.get(id) ?? 0)
          : type === 'department'
            ? departmentNames.get(id)
            : type === 'theme'
              ? themeNames.get(id)
              : type === 'district'
                ? districtNames.get(id)
                : type === 'campaign'
                  ? campaignTitles.get(id)
                  : undefined
    return { name: name ?? null, erased: false }
  }
  return rows.map((r) => {
    const actor = r.actorId === null ? undefined : people.get(r.actorId)
    const about = subject(r.subjectType, r.subjectId)
    return {
      id: r.id,
      actorId: r.actorId,
      actorName: actor && !actor.erased ? actor.name : '',
      actorErased: actor?.erased ?? false,
      action: r.action,
      subjectType: r.subjectType,
      subjectId: r.subjectId,
      subjectName: about.name,
      subjectErased: about.erased,
      details: r.details,
      lines: auditLines(r.action, r.details, names),
      createdAt: new Date(r.createdAt).toISOString(),
    }
  })
}

const auditColumns = {
  id: auditLog.id,
  actorId: auditLog.actorId,
  action: auditLog.action,
  subjectType: auditLog.subjectType,
  subjectId: auditLog.subjectId,
  details: auditLog.details,
  createdAt: auditLog.createdAt,
}

export async function auditEntries(
  db: Db,
  input: AuditFilterInput & { beforeId: number | null; limit: number },
): Promise<{ items: AuditEntry[]; nextBeforeId: number | null }> {
  const conditions = auditConditions(input)
  if (input.beforeId !== null) conditions.push(lt(auditLog.id, input.beforeId))
  const rows = await db
    .select(auditColumns)
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(input.limit + 1)

  const page = rows.slice(0, input.limit)
  return {
    items: await describe(db, page),
    nextBeforeId: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  }
}

/** The newest `limit` entries that match, for a download; `more` says whether older ones were left out. */
export async function auditExport(
  db: Db,
  input: AuditFilterInput,
  limit: number,
): Promise<{ items: AuditEntry[]; more: boolean }> {
  const rows = await db
    .select(auditColumns)
    .from(auditLog)
    .where(and(...auditConditions(input)))
    .orderBy(desc(auditLog.id))
    .limit(limit + 1)

  return { items: await describe(db, rows.slice(0, limit)), more: rows.length > limit }
}

// Used by tests and the demo to give the demo civil servant a department.
export async function departmentIdBySlug(db: Db, slug: string): Promise<number | null> {
  return (
    (
      await db
        .select({ id: departments.id })
        .from(departments)
        .where(inArray(departments.slug, [slug]))
        .limit(1)
    )[0]?.id ?? null
  )
}

/** `column` contains `text`, whatever its case; "%" and "_" in the text mean themselves. */
function contains(column: Column, text: string): SQL {
  const escaped = text.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)
  return sql`lower(${column}) like ${`%${escaped}%`} escape '\\'`
}

/**
 * Members found by name for staff, to block or unblock. Administrators also find and see
 * e-mail addresses; staff do not (they need a name to act on, not a way to reach someone).
 * Erased accounts and staff are left out: only a member can be blocked.
 */
export async function searchMembers(
  db: Db,
  input: { q: string; withEmail: boolean; afterId: number | null; limit: number },
): Promise<{ items: Member[]; nextCursor: string | null }> {
  const conditions: SQL[] = [eq(users.role, 'member'), isNull(users.deletedAt)]
  conditions.push(
    (input.withEmail
      ? or(contains(users.displayName, input.q), contains(users.email, input.q))
      : contains(users.displayName, input.q)) as SQL,
  )
  if (input.afterId !== null) conditions.push(lt(users.id, input.afterId))
  const rows = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      email: users.email,
      targetGroup: users.targetGroup,
      blockedAt: users.blockedAt,
      createdAt: users.createdAt,
      ideas: db.$count(ideas, eq(ideas.authorId, users.id)),
      comments: db.$count(comments, eq(comments.authorId, users.id)),
    })
    .from(users)
    .where(and(...conditions))
    .orderBy(desc(users.id))
    .limit(input.limit + 1)

  const page = rows.slice(0, input.limit)
  const last = page.at(-1)
  return {
    items: page.map((r) => ({
      id: r.id,
      displayName: r.displayName,
      email: input.withEmail ? r.email : null,
      targetGroup: r.targetGroup,
      ideas: r.ideas,
      comments: r.comments,
      blocked: r.blockedAt !== null,
      createdAt: new Date(r.createdAt).toISOString(),
    })),
    nextCursor: rows.length > input.limit && last ? String(last.id) : null,
  }
}
