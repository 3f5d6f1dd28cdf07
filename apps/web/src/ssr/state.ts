import type { Locale } from '@meedenken/shared'
import type { DehydratedState } from '@tanstack/react-query'

/**
 * The element the server puts its state in: `<script type="application/json">`, which the
 * browser never runs, so the Content-Security-Policy (no inline scripts) holds.
 * apps/api/src/http/render-page.ts writes it under this id.
 */
export const SSR_STATE_ID = 'ssr-state'

/** What a server-rendered page hands to the browser: its language and the data it showed. */
export type SsrState = {
  locale: Locale
  queries: DehydratedState
}

/** The server's state, or null on a page the server did not render. */
export function readSsrState(): SsrState | null {
  const text = document.getElementById(SSR_STATE_ID)?.textContent
  if (!text) return null
  try {
    return JSON.parse(text) as SsrState
  } catch {
    return null
  }
}
