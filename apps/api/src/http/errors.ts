import {
  ERROR_STATUS,
  type ErrorBody,
  type ErrorCode,
  issueMessage,
  type Locale,
  pickLocale,
  type Text,
  VALIDATION_SUMMARY,
} from '@meedenken/shared'
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AppEnv } from './env'

/** The one error type handlers throw. Its message is in both languages; the caller's wins. */
export class ApiError extends Error {
  readonly code: ErrorCode
  readonly text: Text
  readonly fields: Record<string, Text> | undefined
  readonly headers: Record<string, string>

  constructor(
    code: ErrorCode,
    text: Text,
    options: { fields?: Record<string, Text>; headers?: Record<string, string> } = {},
  ) {
    super(text.en)
    this.code = code
    this.text = text
    this.fields = options.fields
    this.headers = options.headers ?? {}
  }

  get status(): ContentfulStatusCode {
    return ERROR_STATUS[this.code]
  }
}

export const VALIDATION = VALIDATION_SUMMARY

/** Field errors found by hand in a handler (e.g. an unknown theme id), in the 422 shape. */
export function fieldError(field: string, text: Text): ApiError {
  return new ApiError('validation_failed', VALIDATION_SUMMARY, { fields: { [field]: text } })
}

export const MESSAGES = {
  notFound: {
    nl: 'Deze pagina of dit gegeven bestaat niet (meer).',
    en: 'This page or item does not exist (any more).',
  },
  malformed: {
    nl: 'Het verzoek kon niet worden gelezen. Stuur geldige JSON.',
    en: 'The request could not be read. Please send valid JSON.',
  },
  tooLarge: { nl: 'Het verzoek is te groot (meer dan 64 KiB).', en: 'The request is too large (over 64 KiB).' },
  mediaType: {
    nl: 'Stuur de gegevens als JSON (Content-Type: application/json).',
    en: 'Please send the data as JSON (Content-Type: application/json).',
  },
  internal: {
    nl: 'Er ging iets mis aan onze kant. Probeer het later opnieuw. Noem dit nummer als u contact opneemt.',
    en: 'Something went wrong on our side. Please try again later. Quote this number if you contact us.',
  },
} satisfies Record<string, Text>

export function localeOf(c: Context): Locale {
  return pickLocale(c.req.header('accept-language'))
}

export function errorBody(c: Context, error: ApiError): ErrorBody {
  const locale = localeOf(c)
  const fields = error.fields
    ? Object.fromEntries(Object.entries(error.fields).map(([name, text]) => [name, text[locale]]))
    : undefined
  return { error: { code: error.code, message: error.text[locale], ...(fields ? { fields } : {}) } }
}

function renderApiError(c: Context, error: ApiError): Response {
  for (const [name, value] of Object.entries(error.headers)) c.header(name, value)
  return c.json(errorBody(c, error), error.status)
}

/** Turns anything thrown into the one error shape; never leaks a stack trace. */
export function onError(err: Error, c: Context<AppEnv>): Response {
  if (err instanceof ApiError) return renderApiError(c, err)
  if (err instanceof HTTPException) {
    // Hono's own guards (JSON parser, media type gate) throw these for bad input.
    const byStatus: Partial<Record<number, ApiError>> = {
      400: new ApiError('malformed_request', MESSAGES.malformed),
      413: new ApiError('payload_too_large', MESSAGES.tooLarge),
      415: new ApiError('unsupported_media_type', MESSAGES.mediaType),
      404: new ApiError('not_found', MESSAGES.notFound),
    }
    const mapped = byStatus[err.status]
    if (mapped) return renderApiError(c, mapped)
  }
  const requestId = c.get('requestId')
  c.get('logger')?.error(
    { reqId: requestId, err: { name: err.name, message: err.message, stack: err.stack } },
    'unhandled error',
  )
  const body: ErrorBody = {
    error: { code: 'internal_error', message: MESSAGES.internal[localeOf(c)], requestId },
  }
  return c.json(body, 500)
}

export function notFound(c: Context<AppEnv>): Response {
  return renderApiError(c, new ApiError('not_found', MESSAGES.notFound))
}

type ValidationResult = {
  success: boolean
  target: string
  data?: unknown
  error?: { issues: ReadonlyArray<Parameters<typeof issueMessage>[0]> }
}

function valueAt(data: unknown, issuePath: readonly PropertyKey[]): unknown {
  let current: unknown = data
  for (const key of issuePath) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<PropertyKey, unknown>)[key]
  }
  return current
}

/**
 * Hook for every zod validator: a bad path parameter means "no such thing" (404);
 * anything else is a 422 naming each field in plain language.
 */
export function validationHook(result: ValidationResult, _c: Context<AppEnv>): void {
  if (result.success) return
  if (result.target === 'param') throw new ApiError('not_found', MESSAGES.notFound)
  const fields: Record<string, Text> = {}
  for (const issue of result.error?.issues ?? []) {
    const key = issue.path.length > 0 ? issue.path.map(String).join('.') : '_'
    if (fields[key]) continue
    const value = issue.path.length > 0 ? valueAt(result.data, issue.path) : result.data
    // Both an absent field and an empty text box read as "fill this in" to a person.
    const missing =
      (issue.code === 'invalid_type' && value === undefined) || (issue.code === 'too_small' && value === '')
    fields[key] = { nl: issueMessage(issue, 'nl', missing), en: issueMessage(issue, 'en', missing) }
  }
  throw new ApiError('validation_failed', VALIDATION_SUMMARY, { fields })
}
