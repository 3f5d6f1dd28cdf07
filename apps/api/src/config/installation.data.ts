import {
  DEFAULT_FOLLOWUP_WEEKS,
  DEFAULT_RESPONSE_NORM_DAYS,
  type InstallationSettings,
  STALE_AFTER_DAYS,
} from '@meedenken/shared'
import { inArray } from 'drizzle-orm'
import { recordAudit } from '../audit/audit.data'
import { databaseOf } from '../db/connection'
import type { Db, DbOrTx } from '../db/open'
import { settings } from '../db/schema'

const KEYS = {
  responseNormDays: 'response_norm_days',
  staleAfterDays: 'stale_after_days',
  followupWeeks: 'followup_weeks',
} as const

// Read on many requests, changed a few times a year: remembered per database for a few
// seconds. Another process's change is seen within that time; this process's at once.
// Decision 033: why a few seconds and not a version the database holds.
const CACHE_MS = 5_000
const cache = new WeakMap<object, { at: number; value: InstallationSettings }>()

/** Settings an admin can change, with their defaults. */
export async function installationSettings(db: DbOrTx): Promise<InstallationSettings> {
  const database = databaseOf(db)
  const hit = cache.get(database)
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.value
  const value = await readSettings(db)
  cache.set(database, { at: Date.now(), value })
  return value
}

async function readSettings(db: DbOrTx): Promise<InstallationSettings> {
  const rows = await db
    .select()
    .from(settings)
    .where(inArray(settings.key, Object.values(KEYS)))

  const value = (key: string, fallback: number) => {
    const n = Number(rows.find((r) => r.key === key)?.value)
    return Number.isInteger(n) && n > 0 ? n : fallback
  }
  return {
    responseNormDays: value(KEYS.responseNormDays, DEFAULT_RESPONSE_NORM_DAYS),
    staleAfterDays: value(KEYS.staleAfterDays, STALE_AFTER_DAYS),
    followupWeeks: value(KEYS.followupWeeks, DEFAULT_FOLLOWUP_WEEKS),
  }
}

/**
 * Saves the settings an admin sent. Nothing changed, nothing written (no audit entry either);
 * otherwise the audit entry names the settings that changed, with their old and new values.
 * Returns the names of the changed settings.
 */
export async function saveInstallationSettings(
  db: Db,
  next: InstallationSettings,
  actorId: number,
  now: number,
): Promise<(keyof InstallationSettings)[]> {
  cache.delete(databaseOf(db))
  const changed = await db.transaction(async (tx) => {
    const before = await readSettings(tx)
    const fields = (Object.keys(KEYS) as (keyof InstallationSettings)[]).filter((f) => before[f] !== next[f])
    if (fields.length === 0) return fields
    const pick = (values: InstallationSettings) => Object.fromEntries(fields.map((f) => [f, values[f]]))
    await recordAudit(
      tx,
      {
        actorId,
        action: 'settings.changed',
        subjectType: 'settings',
        subjectId: null,
        details: { changed: fields, before: pick(before), after: pick(next) },
      },
      now,
    )
    for (const field of fields) {
      const key = KEYS[field]
      await tx
        .insert(settings)
        .values({ key, value: String(next[field]), updatedAt: now })
        .onConflictDoUpdate({ target: settings.key, set: { value: String(next[field]), updatedAt: now } })
    }
    return fields
  })
  cache.delete(databaseOf(db))
  return changed
}
