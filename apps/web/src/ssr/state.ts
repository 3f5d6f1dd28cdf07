import type { Locale } from '@meedenken/shared'
import { type DehydratedState, dehydrate, hashKey, type QueryClient } from '@tanstack/react-query'
import { siteQuery } from '../features/accounts/api/site-query'
import { ApiRequestError } from '../lib/api-client'

/**
 * The element the server puts its state in: `<script type="application/json">`, which the
 * browser never runs, so the Content-Security-Policy (no inline scripts) holds.
 * apps/api/src/http/render-page.ts writes it under this id.
 */
export const SSR_STATE_ID = 'ssr-state'

/**
 * What a server-rendered page hands to the browser: its language and the data it showed.
 * Nothing in it depends on the moment of the render, so a page whose content did not change
 * is the same bytes, with the same ETag, and a browser that has it gets a 304 (decision 032):
 * the data's times read "when the page arrived", and the server's clock travels as its
 * distance from the real time.
 */
export type SsrState = {
  locale: Locale
  /**
   * How far the server's clock (the site config's `now`) is ahead of the real time, in
   * whole seconds: 0 in production; a test or demo may run the server at a chosen moment.
   */
  clockOffset: number
  queries: DehydratedState
}

/** The site config's query: it carries the server's clock. */
const siteHash = hashKey(siteQuery.queryKey)
const isSite = (data: unknown): data is { now: string } =>
  typeof data === 'object' && data !== null && typeof (data as { now?: unknown }).now === 'string'

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
  let clockOffset = 0
  for (const query of queries.queries) {
    const { state } = query
    if (query.queryHash === siteHash && isSite(state.data)) {
      // Read in this process a moment ago: the clock's distance from the real time, to the
      // second (the milliseconds between reading the clock and the answer arriving are noise).
      clockOffset = Math.round((Date.parse(state.data.now) - state.dataUpdatedAt) / 1000) * 1000
      const { now: _now, ...rest } = state.data
      query.state = { ...state, data: rest }
    }
    // "When the page arrived" (readSsrState), not the moment of this render.
    query.dehydratedAt = 0
    query.state = {
      ...query.state,
      dataUpdatedAt: state.dataUpdatedAt ? 0 : state.dataUpdatedAt,
      errorUpdatedAt: state.errorUpdatedAt ? 0 : state.errorUpdatedAt,
    }
    const error = state.error
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
  return { locale, clockOffset, queries }
}

/**
 * The server's state, or null on a page the server did not render. Refusals become
 * ApiRequestErrors again, the data counts as fetched when the page arrived (its freshness
 * counts from then: a page the browser revalidated with a 304 is as fresh as a new one),
 * and the site config gets the server's time now, on this machine's clock.
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
  const arrived = Date.now()
  const offset = Number.isFinite(state.clockOffset) ? state.clockOffset : 0
  for (const query of state.queries?.queries ?? []) {
    const s = query.state
    query.dehydratedAt = arrived
    if (s.status === 'success') s.dataUpdatedAt = arrived
    if (s.status === 'error') s.errorUpdatedAt = arrived
    if (query.queryHash === siteHash && s.data && typeof s.data === 'object') {
      s.data = { ...s.data, now: new Date(arrived + offset).toISOString() }
    }
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
