import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { Db } from '../db/open'
import { settings } from '../db/schema'

const KEY = 'signing_secret'

/**
 * The installation's secret for signed links, created once and kept in the database, so
 * every server process signs and checks with the same key.
 */
export function signingSecret(db: Db): Buffer {
  const existing = db.select({ value: settings.value }).from(settings).where(eq(settings.key, KEY)).get()
  if (existing) return Buffer.from(existing.value, 'base64url')
  db.insert(settings)
    .values({ key: KEY, value: randomBytes(32).toString('base64url') })
    .onConflictDoNothing()
    .run()
  const value = db.select({ value: settings.value }).from(settings).where(eq(settings.key, KEY)).get()?.value ?? ''
  return Buffer.from(value, 'base64url')
}

function mac(secret: Buffer, purpose: string, userId: number): string {
  return createHmac('sha256', secret).update(`${purpose}:${userId}`).digest('base64url')
}

/** A token that says "this link was made for this person, for this purpose". */
export function signFor(db: Db, purpose: string, userId: number): string {
  return mac(signingSecret(db), purpose, userId)
}

export function verifyFor(db: Db, purpose: string, userId: number, token: string): boolean {
  const expected = Buffer.from(mac(signingSecret(db), purpose, userId))
  const given = Buffer.from(token)
  return given.length === expected.length && timingSafeEqual(given, expected)
}
