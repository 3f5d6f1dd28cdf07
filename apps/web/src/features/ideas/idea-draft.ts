import type { IdeaDetail, NewIdea, TargetGroup } from '@meedenken/shared'
import { TARGET_GROUPS } from '@meedenken/shared/constants'

/** The idea form's values as the controls hold them (select values are strings). */
export type IdeaDraft = {
  title: string
  body: string
  themeId: string
  districtId: string
  targetGroups: TargetGroup[]
  /** The optional place, from the place picker's hidden fields (features/map). */
  place: DraftPlace | null
}

export type DraftPlace = { latitude: number; longitude: number; label?: string | undefined }

export const EMPTY_DRAFT: IdeaDraft = {
  title: '',
  body: '',
  themeId: '',
  districtId: '',
  targetGroups: [],
  place: null,
}

/** A place as the picker's hidden fields or a kept draft hold it; anything else is none. */
function placeOf(latitude: unknown, longitude: unknown, label: unknown): DraftPlace | null {
  const lat = typeof latitude === 'number' ? latitude : Number.parseFloat(String(latitude ?? ''))
  const lon = typeof longitude === 'number' ? longitude : Number.parseFloat(String(longitude ?? ''))
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return null
  return typeof label === 'string' && label !== ''
    ? { latitude: lat, longitude: lon, label }
    : { latitude: lat, longitude: lon }
}

export function draftFromForm(form: HTMLFormElement): IdeaDraft {
  const data = new FormData(form)
  const text = (name: string) => {
    const value = data.get(name)
    return typeof value === 'string' ? value : ''
  }
  return {
    title: text('title'),
    body: text('body'),
    themeId: text('themeId'),
    districtId: text('districtId'),
    targetGroups: data.getAll('targetGroups').filter(isTargetGroup),
    place: placeOf(data.get('placeLatitude'), data.get('placeLongitude'), data.get('placeLabel')),
  }
}

export function draftFromIdea(idea: IdeaDetail): IdeaDraft {
  return {
    title: idea.title,
    body: idea.body,
    themeId: String(idea.themeId),
    districtId: idea.districtId === null ? '' : String(idea.districtId),
    targetGroups: idea.targetGroups,
    place: idea.place ? placeOf(idea.place.latitude, idea.place.longitude, idea.place.label) : null,
  }
}

export function ideaFromDraft(draft: IdeaDraft): NewIdea {
  return {
    title: draft.title.trim(),
    body: draft.body.trim(),
    themeId: Number(draft.themeId),
    districtId: draft.districtId ? Number(draft.districtId) : null,
    targetGroups: draft.targetGroups,
    place: draft.place,
  }
}

function isTargetGroup(value: unknown): value is TargetGroup {
  return typeof value === 'string' && (TARGET_GROUPS as readonly string[]).includes(value)
}

// A member who opens a similar idea to look at it, and comes back, finds their text again.
// Session storage only: it lasts for this tab, and is cleared once the idea is sent in.
const DRAFT_KEY = 'meedenken.idea-draft'

export function loadDraft(): IdeaDraft {
  try {
    const stored = JSON.parse(sessionStorage.getItem(DRAFT_KEY) ?? 'null') as Partial<IdeaDraft> | null
    if (!stored || typeof stored !== 'object') return EMPTY_DRAFT
    const text = (v: unknown) => (typeof v === 'string' ? v : '')
    return {
      title: text(stored.title),
      body: text(stored.body),
      themeId: text(stored.themeId),
      districtId: text(stored.districtId),
      targetGroups: Array.isArray(stored.targetGroups) ? stored.targetGroups.filter(isTargetGroup) : [],
      place: stored.place ? placeOf(stored.place.latitude, stored.place.longitude, stored.place.label) : null,
    }
  } catch {
    return EMPTY_DRAFT
  }
}

export function saveDraft(draft: IdeaDraft): void {
  try {
    sessionStorage.setItem(DRAFT_KEY, JSON.stringify(draft))
  } catch {
    // private mode or storage full: the draft simply is not kept
  }
}

export function clearDraft(): void {
  try {
    sessionStorage.removeItem(DRAFT_KEY)
  } catch {
    // nothing was kept
  }
}
