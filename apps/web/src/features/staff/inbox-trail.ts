import type { InboxTab } from '@meedenken/shared'
import { INBOX_TABS } from '@meedenken/shared/constants'

/**
 * The ordered ideas of the inbox tab a civil servant came from, carried in the router's
 * state. "Next idea" follows this snapshot, so answering an idea (which moves it out of
 * the tab) does not make the list jump.
 */
export type InboxTrail = { tab: InboxTab; ids: number[]; search?: string }

/** An address query as URLSearchParams writes it: nothing that could lead elsewhere. */
const SEARCH = /^[A-Za-z0-9_=&%+.*~-]*$/

export function readTrail(state: unknown): InboxTrail | null {
  if (typeof state !== 'object' || state === null || !('inbox' in state)) return null
  const trail = (state as { inbox: unknown }).inbox
  if (typeof trail !== 'object' || trail === null) return null
  const { tab, ids } = trail as { tab?: unknown; ids?: unknown }
  if (!(INBOX_TABS as readonly unknown[]).includes(tab)) return null
  if (!Array.isArray(ids) || !ids.every((id) => Number.isSafeInteger(id) && id > 0)) return null
  const search = (trail as { search?: unknown }).search
  return {
    tab: tab as InboxTab,
    ids: ids as number[],
    ...(typeof search === 'string' && SEARCH.test(search) ? { search } : {}),
  }
}

/** Back to the list the trail came from, with its search and filters. */
export function trailHref(trail: InboxTrail | null): string {
  if (!trail) return '/medewerkers'
  return `/medewerkers?${trail.search ?? `tab=${trail.tab}`}`
}

/** Where this idea stands in the trail, and which idea comes after it (null at the end). */
export function positionInTrail(trail: InboxTrail, id: number): { index: number; next: number | null } | null {
  const index = trail.ids.indexOf(id)
  if (index === -1) return null
  return { index, next: trail.ids[index + 1] ?? null }
}

export function isInboxTab(value: string | null): value is InboxTab {
  return (INBOX_TABS as readonly (string | null)[]).includes(value)
}
