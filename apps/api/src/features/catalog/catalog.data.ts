import type { District, Theme } from '@meedenken/shared'
import { asc, eq } from 'drizzle-orm'
import type { Db } from '../../db/open'
import { districts, themes } from '../../db/schema'

export function listThemes(db: Db): Theme[] {
  return db
    .select({
      id: themes.id,
      slug: themes.slug,
      name: themes.name,
      nameEn: themes.nameEn,
      description: themes.description,
    })
    .from(themes)
    .orderBy(asc(themes.position), asc(themes.name))
    .all()
}

export function listDistricts(db: Db): District[] {
  return db
    .select({ id: districts.id, slug: districts.slug, name: districts.name })
    .from(districts)
    .orderBy(asc(districts.name))
    .all()
}

/** Whether a district with this id exists: ids in requests are checked before they are stored. */
export function districtExists(db: Db, id: number): boolean {
  return db.select({ id: districts.id }).from(districts).where(eq(districts.id, id)).get() !== undefined
}

export function themeExists(db: Db, id: number): boolean {
  return db.select({ id: themes.id }).from(themes).where(eq(themes.id, id)).get() !== undefined
}
