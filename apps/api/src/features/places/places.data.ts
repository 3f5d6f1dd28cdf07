import { boundaryContains, type DistrictBoundary } from '@meedenken/shared'
import { asc, eq, isNotNull } from 'drizzle-orm'
import { recordAudit } from '../../audit/audit.data'
import type { Db } from '../../db/open'
import { districts } from '../../db/schema'

export type DistrictOutline = { districtId: number; boundary: DistrictBoundary }

/** Every district that has an outline, archived ones left out (no new idea goes there). */
export async function listOutlines(db: Db): Promise<DistrictOutline[]> {
  const rows = await db
    .select({ districtId: districts.id, boundary: districts.boundary, archivedAt: districts.archivedAt })
    .from(districts)
    .where(isNotNull(districts.boundary))
    .orderBy(asc(districts.id))
  return rows.flatMap((r) =>
    r.boundary && r.archivedAt === null ? [{ districtId: r.districtId, boundary: r.boundary }] : [],
  )
}

/**
 * The district whose outline holds the point, or null. A municipality has a few dozen
 * districts at most, so each outline is tested in turn; the first (lowest id) wins where
 * outlines overlap.
 */
export async function districtAt(db: Db, latitude: number, longitude: number): Promise<number | null> {
  for (const outline of await listOutlines(db)) {
    if (boundaryContains(outline.boundary, latitude, longitude)) return outline.districtId
  }
  return null
}

/** Sets or (with null) clears a district's outline, with an audit entry. False: no such district. */
export async function setDistrictBoundary(
  db: Db,
  input: { id: number; boundary: DistrictBoundary | null; actorId: number },
  now: number,
): Promise<boolean> {
  return await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ id: districts.id, boundary: districts.boundary })
      .from(districts)
      .where(eq(districts.id, input.id))
      .limit(1)
    if (!before) return false
    await tx.update(districts).set({ boundary: input.boundary }).where(eq(districts.id, input.id))
    await recordAudit(
      tx,
      {
        actorId: input.actorId,
        action: 'district.boundary_changed',
        subjectType: 'district',
        subjectId: input.id,
        details: { had: before.boundary !== null, has: input.boundary !== null },
      },
      now,
    )
    return true
  })
}
