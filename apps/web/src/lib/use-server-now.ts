import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { siteQuery } from '../features/accounts/api/site-query'

/**
 * The server's clock, as far as the browser can tell: "this quarter", the default period
 * and deadlines count from it, so a phone with a wrong clock (or a test or demo running
 * the server at a chosen moment) shows what the server counts. The site config carries the
 * server's time; the difference to this machine's clock when it arrived is kept.
 */
export function serverClockOffset(site: { now: string } | undefined, receivedAt: number): number {
  const serverTime = site ? Date.parse(site.now) : Number.NaN
  return Number.isNaN(serverTime) || receivedAt === 0 ? 0 : serverTime - receivedAt
}

/** How far the server's clock is ahead of this machine's, in ms (0 until the site config is there). */
export function useServerClockOffset(): number {
  const site = useQuery(siteQuery)
  return serverClockOffset(site.data, site.dataUpdatedAt)
}

/** The server's time when the component first rendered (stable across renders). */
export function useServerNow(): number {
  const [firstRender] = useState(() => Date.now())
  return firstRender + useServerClockOffset()
}
