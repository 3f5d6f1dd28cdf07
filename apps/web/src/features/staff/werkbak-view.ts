import type { IdeaStatus, InboxTab } from '@meedenken/shared'
import { IDEA_STATUSES, INBOX_TABS, STATUS_TRANSITIONS } from '@meedenken/shared/constants'

/** The Werkbak's filters, in the order they show in the address. */
export const FILTER_KEYS = ['q', 'theme', 'district', 'status', 'department', 'assignee'] as const
export type FilterKey = (typeof FILTER_KEYS)[number]
export type WerkbakFilterValues = Partial<Record<Exclude<FilterKey, 'status'>, string>> & { status?: IdeaStatus }

/** What the Werkbak shows: a tab and its filters, all in the page's address. */
export type WerkbakView = { tab: InboxTab; filters: WerkbakFilterValues }

const ID = /^[1-9][0-9]{0,15}$/

function valid(key: FilterKey, value: string): boolean {
  switch (key) {
    case 'q':
      return value.length <= 200
    case 'theme':
    case 'district':
      return ID.test(value)
    case 'status':
      return (IDEA_STATUSES as readonly string[]).includes(value)
    case 'department':
    case 'assignee':
      return value === 'none' || ID.test(value)
  }
}

/**
 * The view an address asks for. What the API would refuse (an edited address, an old
 * link) is left out, so the page shows the rest instead of an error.
 */
export function readView(params: URLSearchParams): WerkbakView {
  const tab = params.get('tab')
  const filters: WerkbakFilterValues = {}
  for (const key of FILTER_KEYS) {
    const value = params.get(key)?.trim()
    if (value && valid(key, value)) Object.assign(filters, { [key]: value })
  }
  return { tab: (INBOX_TABS as readonly (string | null)[]).includes(tab) ? (tab as InboxTab) : 'needs_answer', filters }
}

/** The address's query for a view: the tab first, then the filters that are set. */
export function viewSearch(view: WerkbakView): string {
  const params = new URLSearchParams({ tab: view.tab })
  for (const key of FILTER_KEYS) {
    const value = view.filters[key]
    if (value) params.set(key, value)
  }
  return params.toString()
}

export function hasFilters(filters: WerkbakFilterValues): boolean {
  return FILTER_KEYS.some((key) => Boolean(filters[key]))
}

/**
 * The status changes every selected idea may make (the shared transitions table), for a
 * change of them all at once. Merging has its own action.
 */
export function commonTransitions(statuses: readonly IdeaStatus[]): IdeaStatus[] {
  if (statuses.length === 0) return []
  const [first, ...rest] = statuses as [IdeaStatus, ...IdeaStatus[]]
  return STATUS_TRANSITIONS[first].filter(
    (to) => to !== 'merged' && rest.every((s) => STATUS_TRANSITIONS[s].includes(to)),
  )
}
