import type { PlaywrightWorkerArgs } from '@playwright/test'

/**
 * The server's clock, as the journeys see it. The e2e server may run at a chosen moment
 * (E2E_NOW: the start of a quarter, a DST Sunday, New Year's Eve, 29 February), so a journey
 * never asks this machine what day it is: it asks the server once per worker and keeps the
 * difference.
 */
let offsetMs: number | null = null

export async function learnServerClock(playwright: PlaywrightWorkerArgs['playwright'], baseURL: string) {
  const api = await playwright.request.newContext({ baseURL })
  const response = await api.get('/api/config')
  if (!response.ok()) throw new Error(`GET /api/config answered ${response.status()}`)
  const { now } = (await response.json()) as { now: string }
  offsetMs = Date.parse(now) - Date.now()
  await api.dispose()
}

/** The server's current time in ms since 1970. */
export function serverNow(): number {
  if (offsetMs === null) throw new Error('serverNow() before the worker learnt the server clock (fixtures.ts)')
  return Date.now() + offsetMs
}

/** A day as YYYY-MM-DD in the municipality's time zone, `days` from the server's today. */
export function amsterdamDay(days = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(
    new Date(serverNow() + days * 86_400_000),
  )
}
