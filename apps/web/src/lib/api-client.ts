import type { AppType } from '@meedenken/api/app'
import type { ErrorBody } from '@meedenken/shared'
import { hc } from 'hono/client'
import { currentLocale } from './i18n'

/** A failed API call, carrying the one error shape the API always answers with. */
export class ApiRequestError extends Error {
  readonly status: number
  readonly code: string
  readonly fields: Record<string, string>
  readonly retryAfter: number | null

  constructor(status: number, body: ErrorBody['error'], retryAfter: number | null) {
    super(body.message)
    this.status = status
    this.code = body.code
    this.fields = body.fields ?? {}
    this.retryAfter = retryAfter
  }
}

/**
 * How the API is asked: the browser's fetch, or, in the server entry (entry-server.tsx),
 * the API answering in-process for the page being rendered. The same query functions
 * then serve both, so a server-rendered page holds exactly what the browser would fetch.
 */
let fetchApi: typeof fetch = (input, init) => fetch(input, init)

/** For the server entry only: answers every API call of this process with `answer`. */
export function answerApiWith(answer: typeof fetch): void {
  fetchApi = answer
}

export const api = hc<AppType>('/', {
  init: { credentials: 'same-origin' },
  headers: () => ({ 'Accept-Language': currentLocale() }),
  fetch: ((input, init) => fetchApi(input, init)) satisfies typeof fetch,
})

const UNREADABLE: ErrorBody['error'] = { code: 'network_error', message: '' }

/**
 * Awaits a typed client call and returns its JSON body, or throws ApiRequestError.
 * Network failures become status 0 so the interface can say "check your connection".
 */
export async function call<T extends { ok: boolean; status: number; json(): Promise<unknown>; headers: Headers }>(
  request: Promise<T>,
): Promise<T extends { ok: true; json(): Promise<infer B> } ? B : never> {
  let response: T
  try {
    response = await request
  } catch {
    throw new ApiRequestError(0, UNREADABLE, null)
  }
  if (response.status === 204) return undefined as never
  const body: unknown = await response.json().catch(() => null)
  if (!response.ok) {
    const error = (body as ErrorBody | null)?.error ?? { code: 'unknown', message: '' }
    const retryAfter = Number(response.headers.get('retry-after'))
    throw new ApiRequestError(response.status, error, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null)
  }
  return body as never
}
