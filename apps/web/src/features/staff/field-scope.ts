import type { FieldErrors } from '../../ui/form'

/**
 * Several forms on one page share field names ("explanation", "reason"); the ids that tie
 * labels, errors and the error summary together must not. Each form puts its own prefix
 * before the API's field names.
 */
export function scopeErrors(scope: string, errors: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([field, message]) => [`${scope}.${field}`, message]))
}
