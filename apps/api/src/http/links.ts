import type { Settings } from '../settings'

/**
 * Absolute links for mail. Built from configuration, never from the request's Host
 * header, so a forged Host cannot turn a reset mail into a link to someone else's site.
 */
export function appLink(settings: Settings, path: string, params: Record<string, string> = {}): string {
  const base = settings.publicUrl ?? `http://localhost:${settings.port}`
  const url = new URL(path, `${base}/`)
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v)
  return url.toString()
}
