import type { District, Theme } from '@meedenken/shared'
import { and, asc, eq, isNull, max, ne } from 'drizzle-orm'
import { recordAudit } from '../../audit/audit.data'
import type { Db } from '../../db/open'
import { districts, themes } from '../../db/schema'
import { oneRow } from '../../db/statements'

/**
 * Every theme, archived ones too: old ideas, the figures and the open data still name them.
 * Forms for new ideas offer only the ones not archived.
 */
export async function listThemes(db: Db): Promise<Theme[]> {
  return (
    await db
      .select({
        id: themes.id,
        slug: themes.slug,
        name: themes.name,
        nameEn: themes.nameEn,
        description: themes.description,
        archivedAt: themes.archivedAt,
      })
      .from(themes)
      .orderBy(asc(themes.position), asc(themes.name))
  ).map(({ archivedAt, ...t }) => ({ ...t, archived: archivedAt !== null }))
}

export async function listDistricts(db: Db): Promise<District[]> {
  return (
    await db
      .select({ id: districts.id, slug: districts.slug, name: districts.name, archivedAt: districts.archivedAt })
      .from(districts)
      .orderBy(asc(districts.name))
  ).map(({ archivedAt, ...d }) => ({ ...d, archived: archivedAt !== null }))
}

/** Whether a district with this id exists: ids in requests are checked before they are stored. */
export async function districtExists(db: Db, id: number): Promise<boolean> {
  return (await db.select({ id: districts.id }).from(districts).where(eq(districts.id, id)).limit(1))[0] !== undefined
}

export async function themeExists(db: Db, id: number): Promise<boolean> {
  return (await db.select({ id: themes.id }).from(themes).where(eq(themes.id, id)).limit(1))[0] !== undefined
}

/**
 * Whether a theme or district may be chosen now: it exists and is not archived, or it is
 * the one already chosen (an old idea or profile keeps its archived theme or district when
 * it is saved again).
 */
export async function themeOffered(db: Db, id: number, current?: number | null): Promise<boolean> {
  if (id === current) return await themeExists(db, id)
  return (
    (
      await db
        .select({ id: themes.id })
        .from(themes)
        .where(and(eq(themes.id, id), isNull(themes.archivedAt)))
        .limit(1)
    )[0] !== undefined
  )
}

export async function districtOffered(db: Db, id: number, current?: number | null): Promise<boolean> {
  if (id === current) return await districtExists(db, id)
  return (
    (
      await db
        .select({ id: districts.id })
        .from(districts)
        .where(and(eq(districts.id, id), isNull(districts.archivedAt)))
        .limit(1)
    )[0] !== undefined
  )
}

function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

export type CatalogResult = 'ok' | 'not_found' | 'duplicate'

/** A new theme, last in the list; its slug (its name in the open data) never changes after. */
export async function createTheme(
  db: Db,
  input: { name: string; nameEn: string; description: string; actorId: number },
  now: number,
): Promise<{ id: number } | 'duplicate'> {
  return await db.transaction(async (tx) => {
    const slug = slugify(input.name) || `thema-${now}`
    const [taken] = await tx.select({ id: themes.id }).from(themes).where(eq(themes.slug, slug)).limit(1)
    const [sameName] = await tx.select({ id: themes.id }).from(themes).where(eq(themes.name, input.name)).limit(1)
    if (taken || sameName) return 'duplicate'
    const last = (await tx.select({ position: max(themes.position) }).from(themes))[0]?.position ?? 0
    const id = oneRow(
      await tx
        .insert(themes)
        .values({ slug, name: input.name, nameEn: input.nameEn, description: input.description, position: last + 1 })
        .returning({ id: themes.id }),
    ).id
    await recordAudit(
      tx,
      {
        actorId: input.actorId,
        action: 'theme.created',
        subjectType: 'theme',
        subjectId: id,
        details: { name: input.name },
      },
      now,
    )
    return { id }
  })
}

/** New names in both languages; the slug stays, so links and the open data keep working. */
export async function renameTheme(
  db: Db,
  input: { id: number; name: string; nameEn: string; description: string; actorId: number },
  now: number,
): Promise<CatalogResult> {
  return await db.transaction(async (tx) => {
    const [before] = await tx.select().from(themes).where(eq(themes.id, input.id)).limit(1)
    if (!before) return 'not_found'
    const [clash] = await tx
      .select({ id: themes.id })
      .from(themes)
      .where(and(eq(themes.name, input.name), ne(themes.id, input.id)))
      .limit(1)
    if (clash) return 'duplicate'
    if (before.name === input.name && before.nameEn === input.nameEn && before.description === input.description) {
      return 'ok'
    }
    await tx
      .update(themes)
      .set({ name: input.name, nameEn: input.nameEn, description: input.description })
      .where(eq(themes.id, input.id))

    await recordAudit(
      tx,
      {
        actorId: input.actorId,
        action: 'theme.renamed',
        subjectType: 'theme',
        subjectId: input.id,
        details: { before: before.name, after: input.name, nameEnBefore: before.nameEn, nameEnAfter: input.nameEn },
      },
      now,
    )
    return 'ok'
  })
}

export async function archiveTheme(
  db: Db,
  input: { id: number; archived: boolean; actorId: number },
  now: number,
): Promise<Exclude<CatalogResult, 'duplicate'>> {
  return await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ archivedAt: themes.archivedAt })
      .from(themes)
      .where(eq(themes.id, input.id))
      .limit(1)
    if (!before) return 'not_found'
    if ((before.archivedAt !== null) === input.archived) return 'ok'
    await tx
      .update(themes)
      .set({ archivedAt: input.archived ? now : null })
      .where(eq(themes.id, input.id))

    await recordAudit(
      tx,
      {
        actorId: input.actorId,
        action: input.archived ? 'theme.archived' : 'theme.unarchived',
        subjectType: 'theme',
        subjectId: input.id,
      },
      now,
    )
    return 'ok'
  })
}

export async function createDistrict(
  db: Db,
  input: { name: string; actorId: number },
  now: number,
): Promise<{ id: number } | 'duplicate'> {
  return await db.transaction(async (tx) => {
    const slug = slugify(input.name) || `dorp-${now}`
    const [taken] = await tx.select({ id: districts.id }).from(districts).where(eq(districts.slug, slug)).limit(1)
    const [sameName] = await tx
      .select({ id: districts.id })
      .from(districts)
      .where(eq(districts.name, input.name))
      .limit(1)
    if (taken || sameName) return 'duplicate'
    const id = oneRow(await tx.insert(districts).values({ slug, name: input.name }).returning({ id: districts.id })).id
    await recordAudit(
      tx,
      {
        actorId: input.actorId,
        action: 'district.created',
        subjectType: 'district',
        subjectId: id,
        details: { name: input.name },
      },
      now,
    )
    return { id }
  })
}

export async function renameDistrict(
  db: Db,
  input: { id: number; name: string; actorId: number },
  now: number,
): Promise<CatalogResult> {
  return await db.transaction(async (tx) => {
    const [before] = await tx.select().from(districts).where(eq(districts.id, input.id)).limit(1)
    if (!before) return 'not_found'
    const [clash] = await tx
      .select({ id: districts.id })
      .from(districts)
      .where(and(eq(districts.name, input.name), ne(districts.id, input.id)))
      .limit(1)
    if (clash) return 'duplicate'
    if (before.name === input.name) return 'ok'
    await tx.update(districts).set({ name: input.name }).where(eq(districts.id, input.id))
    await recordAudit(
      tx,
      {
        actorId: input.actorId,
        action: 'district.renamed',
        subjectType: 'district',
        subjectId: input.id,
        details: { before: before.name, after: input.name },
      },
      now,
    )
    return 'ok'
  })
}

export async function archiveDistrict(
  db: Db,
  input: { id: number; archived: boolean; actorId: number },
  now: number,
): Promise<Exclude<CatalogResult, 'duplicate'>> {
  return await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ archivedAt: districts.archivedAt })
      .from(districts)
      .where(eq(districts.id, input.id))
      .limit(1)
    if (!before) return 'not_found'
    if ((before.archivedAt !== null) === input.archived) return 'ok'
    await tx
      .update(districts)
      .set({ archivedAt: input.archived ? now : null })
      .where(eq(districts.id, input.id))

    await recordAudit(
      tx,
      {
        actorId: input.actorId,
        action: input.archived ? 'district.archived' : 'district.unarchived',
        subjectType: 'district',
        subjectId: input.id,
      },
      now,
    )
    return 'ok'
  })
}
