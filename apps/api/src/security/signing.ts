import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { DbOrTx } from '../db/open'
import { settings } from '../db/schema'

const KEY = 'signing_secret'

/**
 * The installation's secret for signed links, created once and kept in the database, so
 * every server process signs and checks with the same key.
 */
export async function signingSecret(db: DbOrTx): Promise<Buffer> {
  const [existing] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, KEY)).limit(1)
  if (existing) return Buffer.from(existing.value, 'base64url')
  await db
    .insert(settings)
    .values({ key: KEY, value: randomBytes(32).toString('base64url') })
    .onConflictDoNothing()

  const value =
    (await db.select({ value: settings.value }).from(settings).where(eq(settings.key, KEY)).limit(1))[0]?.value ?? ''
  return Buffer.from(value, 'base64url')
}

function mac(secret: Buffer, purpose: string, userId: number): string {
  return createHmac('sha256', secret).update(`${purpose}:${userId}`).digest('base64url')
}

/** A token that says "this link was made for this person, for this purpose". */
export async function signFor(db: DbOrTx, purpose: string, userId: number): Promise<string> {
  return mac(await signingSecret(db), purpose, userId)
}

export async function verifyFor(db: DbOrTx, purpose: string, userId: number, token: string): Promise<boolean> {
  const expected = Buffer.from(mac(await signingSecret(db), purpose, userId))
  const given = Buffer.from(token)
  return given.length === expected.length && timingSafeEqual(given, expected)
}
