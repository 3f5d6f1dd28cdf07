import { z } from 'zod'

/**
 * Only the plain decimal form names a thing: "0x10", "01", "1e1", " 1" or "+1" would read
 * as a number to `Number()`, but they are other URLs for the same row (and other cache keys).
 */
const DECIMAL = /^(0|[1-9][0-9]{0,15})$/

/** A whole number as a query string or path carries it; documented as the integer it is. */
function decimal(min: number, max: number) {
  return z.string().regex(DECIMAL).transform(Number).pipe(z.number().int().min(min).max(max))
}

/** An id in a query string (`?theme=4`): anything but plain decimal is a 422 naming the field. */
export const QueryId = decimal(1, Number.MAX_SAFE_INTEGER).meta({
  type: 'integer',
  minimum: 1,
  maximum: Number.MAX_SAFE_INTEGER,
})

/** Numeric ids in paths: "#42" is what staff and residents say to each other. Anything else is 404. */
export const IdParam = z.object({ id: QueryId })

export const Timestamp = z.iso.datetime().meta({ description: 'ISO 8601 time in UTC' })

export const Cursor = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/)
  .meta({ description: 'Opaque cursor from `nextCursor` of the previous page.' })

/** How many items a page holds when the caller does not say. */
export const PAGE_SIZE = 20
export const PageLimit = decimal(1, 50)
  .default(PAGE_SIZE)
  .meta({ type: 'integer', minimum: 1, maximum: 50, default: PAGE_SIZE })

/** A paginated list: follow `nextCursor` until it is null. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() })
}

export const Health = z.object({ status: z.literal('ok') })

export const SiteConfig = z
  .object({
    municipalityName: z.string(),
    devMailbox: z.boolean(),
    /** The server's clock: browsers count "this quarter" and deadlines from it, not from their own. */
    now: z.iso.datetime(),
  })
  .meta({ id: 'SiteConfig' })
