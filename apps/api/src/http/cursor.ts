import { QueryId, type Text } from '@meedenken/shared'
import { ApiError } from './errors'

/**
 * Opaque keyset cursor: the sort value and id of the last row on the page. Keyset
 * pagination stays as fast on page 500 as on page 1, unlike OFFSET.
 */
export type CursorValue = { value: number; id: number }

export function encodeCursor(cursor: CursorValue): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.id])).toString('base64url')
}

/** null for anything that is not a cursor we issued; the caller answers 422. */
export function decodeCursor(raw: string): CursorValue | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'))
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === 'number' &&
      Number.isFinite(parsed[0]) &&
      Number.isSafeInteger(parsed[1])
    ) {
      return { value: parsed[0], id: parsed[1] }
    }
  } catch {
    // fall through: not ours
  }
  return null
}

/**
 * A cursor that is the id of the last row on the page before, as `nextCursor` wrote it:
 * plain decimal only ("0x10" or "1e3" would read as a number, but it was never ours).
 * Undefined is the first page (null); anything else not ours is a 422 naming `cursor`.
 */
export function decodeIdCursor(raw: string | undefined, message: Text): number | null {
  if (raw === undefined || raw === '') return null
  const parsed = QueryId.safeParse(raw)
  if (!parsed.success) throw new ApiError('validation_failed', message, { fields: { cursor: message } })
  return parsed.data
}
