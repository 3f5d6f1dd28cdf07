import type { Locale } from '@meedenken/shared'
import { type DehydratedState, dehydrate, type QueryClient } from '@tanstack/react-query'
import { ApiRequestError } from '../lib/api-client'

/**
 * The element the server puts its state in: `<script type="application/json">`, which the
 * browser never runs, so the Content-Security-Policy (no inline scripts) holds.
 * apps/api/src/http/render-page.ts writes it under this id.
 */
export const SSR_STATE_ID = 'ssr-state'

/** What a server-rendered page hands to the browser: its language and the data it showed. */
export type SsrState = {
  locale: Locale
  /** The server's Date.now() when it rendered: the browser counts the data's age from it. */
  renderedAt: number
  queries: DehydratedState
}

/** An API error as JSON carries it (an Error's message is not an own enumerable property). */
type ErrorJson = {
  status: number
  code: string
  message: string
  fields: Record<string, string>
  retryAfter: number | null
}

/**
 * The data the server rendered with: every answer, and every refusal by the API (a 404 is
 * what "this idea does not exist" is drawn from, and the browser must draw the same).
 */
export function serverState(queryClient: QueryClient, locale: Locale): SsrState {
  const queries = dehydrate(queryClient, {
    shouldDehydrateQuery: (query) =>
      query.state.status === 'success' ||
      (query.state.status === 'error' && query.state.error instanceof ApiRequestError),
    shouldRedactErrors: () => false,
  })
  for (const query of queries.queries) {
    const error = query.state.error
    if (!(error instanceof ApiRequestError)) continue
    const json: ErrorJson = {
      status: error.status,
      code: error.code,
      message: error.message,
      fields: error.fields,
      retryAfter: error.retryAfter,
    }
    // The state's type says Error; what travels is JSON, read back by readSsrState.
    query.state = { ...query.state, error: json as unknown as Error }
  }
  return { locale, renderedAt: Date.now(), queries }
}

/**
 * The server's state, or null on a page the server did not render. Refusals become
 * ApiRequestErrors again, and the data's times move to this machine's clock: a phone whose
 * clock is off then still counts freshness, and the server's clock offset
 * (lib/use-server-now.ts), from when the page arrived.
 */
export function readSsrState(): SsrState | null {
  const text = document.getElementById(SSR_STATE_ID)?.textContent
  if (!text) return null
  let state: SsrState
  try {
    state = JSON.parse(text) as SsrState
  } catch {
    return null
  }
  const shift = Number.isFinite(state.renderedAt) ? Date.now() - state.renderedAt : 0
  for (const query of state.queries?.queries ?? []) {
    const s = query.state
    query.dehydratedAt += shift
    if (s.dataUpdatedAt) s.dataUpdatedAt += shift
    if (s.errorUpdatedAt) s.errorUpdatedAt += shift
    const error = s.error as ErrorJson | null
    if (s.status === 'error' && error) {
      s.error = new ApiRequestError(
        error.status,
        { code: error.code, message: error.message, fields: error.fields },
        error.retryAfter,
      )
    }
  }
  return state
}
