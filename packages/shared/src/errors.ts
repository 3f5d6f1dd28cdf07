import { z } from 'zod'

/** Every failure the API answers with, and the HTTP status that goes with it. */
export const ERROR_STATUS = {
  malformed_request: 400,
  not_signed_in: 401,
  invalid_credentials: 401,
  forbidden: 403,
  email_not_verified: 403,
  origin_mismatch: 403,
  not_found: 404,
  misdirected_request: 421,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  invalid_link: 422,
  too_many_requests: 429,
  internal_error: 500,
  unavailable: 503,
} as const

export type ErrorCode = keyof typeof ERROR_STATUS

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional(),
      requestId: z.string().optional(),
    }),
  })
  .meta({ id: 'Error', description: 'The one shape of every error the API answers with.' })
export type ErrorBody = z.infer<typeof ErrorBody>
