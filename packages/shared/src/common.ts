import { z } from 'zod'

/** Numeric ids in paths: "#42" is what staff and residents say to each other. */
export const IdParam = z.object({
  id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
})

export const Timestamp = z.iso.datetime().meta({ description: 'ISO 8601 time in UTC' })

export const Cursor = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/)
  .meta({ description: 'Opaque cursor from `nextCursor` of the previous page.' })

/** How many items a page holds when the caller does not say. */
export const PAGE_SIZE = 20
export const PageLimit = z.coerce.number().int().min(1).max(50).default(PAGE_SIZE)

/** A paginated list: follow `nextCursor` until it is null. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() })
}

export const Health = z.object({ status: z.literal('ok') })

export const SiteConfig = z.object({ municipalityName: z.string(), devMailbox: z.boolean() }).meta({ id: 'SiteConfig' })
