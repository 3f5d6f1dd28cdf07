import { createRoute, OpenAPIHono, type RouteConfig } from '@hono/zod-openapi'
import { ErrorBody, PHOTO_LIMITS, type Policy } from '@meedenken/shared'
import type { AppEnv } from './env'
import { validationHook } from './errors'
import { requirePolicy } from './policy'
import { MAX_BODY_BYTES, MAX_PHOTO_BODY_BYTES } from './security'

/** Every feature router: validation failures become the one error shape. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed request (the body is not valid JSON)',
  401: 'Not signed in',
  403: 'Signed in, but not allowed',
  404: 'Not found',
  409: 'Conflicts with the current state',
  413: `Body larger than ${MAX_BODY_BYTES / 1024} KiB`,
  415: 'Body is not JSON',
  422: 'Invalid input; `fields` names each field',
  429: 'Too many requests; see Retry-After',
  503: 'Unavailable for now; see Retry-After',
}

function errorResponses(policy: Policy, config: Pick<RouteConfig, 'request' | 'method'>, extra: number[]) {
  const statuses = new Set<number>(extra)
  if (policy !== 'public') {
    statuses.add(401)
    statuses.add(403)
  }
  if (config.request?.params) statuses.add(404)
  if (config.request?.query) statuses.add(422)
  if (config.request?.body) for (const s of [400, 413, 415, 422]) statuses.add(s)
  const content = { 'application/json': { schema: ErrorBody } }
  const descriptions = { ...ERROR_DESCRIPTIONS, ...(isUpload(config) ? UPLOAD_DESCRIPTIONS : {}) }
  return Object.fromEntries([...statuses].sort().map((s) => [s, { description: descriptions[s] ?? 'Error', content }]))
}

/**
 * A form with a file (the photo upload, the one multipart route): security.ts gives it
 * MAX_PHOTO_BODY_BYTES instead of MAX_BODY_BYTES, and its body is a form, not JSON.
 */
const UPLOAD_DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed request (the body is not a valid multipart form)',
  413: `Body larger than ${PHOTO_LIMITS.maxBytes / 1024 / 1024} MB for the file plus ${(MAX_PHOTO_BODY_BYTES - PHOTO_LIMITS.maxBytes) / 1024} KiB for the rest of the form`,
  415: 'Body is not multipart/form-data',
}

function isUpload(config: Pick<RouteConfig, 'request'>): boolean {
  const body = config.request?.body
  return body !== undefined && 'multipart/form-data' in (body.content ?? {})
}

type RouteOptions = { errors?: number[] }

/**
 * An OpenAPI route that declares who may call it. The policy runs before validation,
 * is documented as `x-policy`, and its middleware is tagged for the policy test.
 */
export function route<const P extends string, const R extends Omit<RouteConfig, 'path' | 'middleware'> & { path: P }>(
  policy: Policy,
  config: R,
  options: RouteOptions = {},
) {
  return createRoute({
    ...config,
    middleware: requirePolicy(policy),
    'x-policy': policy,
    security: policy === 'public' ? [] : [{ session: [] }],
    responses: { ...errorResponses(policy, config, options.errors ?? []), ...config.responses } as R['responses'],
  })
}

/** The JSON body part of a route config. */
export function jsonBody<T>(schema: T, description?: string) {
  return {
    required: true,
    ...(description ? { description } : {}),
    content: { 'application/json': { schema } },
  } as const
}

/** A JSON success response part of a route config. */
export function jsonResponse<T>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } } as const
}
