import type { AuditLine, Text } from '@meedenken/shared'

/**
 * An audit entry's details in words: "Status: In behandeling → Gepland", "Rol: Deelnemer →
 * Medewerker". Codes become their labels, numbers of departments, people and ideas their
 * names; a detail with nothing in it is left out (no "Reden: –").
 */

const same = (text: string): Text => ({ nl: text, en: text })

const STATUS: Record<string, Text> = {
  new: { nl: 'Nieuw', en: 'New' },
  under_review: { nl: 'In behandeling', en: 'Under review' },
  planned: { nl: 'Gepland', en: 'Planned' },
  in_progress: { nl: 'In uitvoering', en: 'In progress' },
  done: { nl: 'Gerealiseerd', en: 'Done' },
  declined: { nl: 'Niet uitgevoerd', en: 'Not carried out' },
  merged: { nl: 'Samengevoegd', en: 'Merged' },
}

const DECLINE_REASON: Record<string, Text> = {
  not_municipal_task: { nl: 'Geen taak van de gemeente', en: 'Not a task of the municipality' },
  legal: { nl: 'Mag niet volgens de wet', en: 'Not allowed by law' },
  budget: { nl: 'Geen geld voor', en: 'No budget' },
  policy: { nl: 'Past niet bij het beleid', en: 'Does not fit the policy' },
  other: { nl: 'Andere reden', en: 'Other reason' },
}

const ROLE: Record<string, Text> = {
  member: { nl: 'Deelnemer', en: 'Participant' },
  staff: { nl: 'Medewerker', en: 'Staff member' },
  admin: { nl: 'Beheerder', en: 'Administrator' },
}

const CHANNEL: Record<string, Text> = {
  web: { nl: 'Website', en: 'Website' },
  phone: { nl: 'Telefoon', en: 'Phone' },
  desk: { nl: 'Balie', en: 'Desk' },
  letter: { nl: 'Brief', en: 'Letter' },
  email: { nl: 'E-mail', en: 'E-mail' },
}

const SETTING: Record<string, Text> = {
  responseNormDays: {
    nl: 'Termijn voor een eerste antwoord (werkdagen)',
    en: 'Deadline for a first answer (working days)',
  },
  staleAfterDays: { nl: 'Update nodig na (dagen)', en: 'Update needed after (days)' },
  followupWeeks: { nl: 'Vraag of het hielp na (weken)', en: 'Ask whether it helped after (weeks)' },
}

const CHANGED_FIELD: Record<string, Text> = {
  role: { nl: 'rol', en: 'role' },
  password: { nl: 'wachtwoord', en: 'password' },
  emailVerified: { nl: 'e-mailadres bevestigd', en: 'e-mail address confirmed' },
  blocked: { nl: 'blokkade opgeheven', en: 'block lifted' },
}

const LABEL = {
  status: { nl: 'Status', en: 'Status' },
  declineReason: { nl: 'Reden niet uitgevoerd', en: 'Reason not carried out' },
  department: { nl: 'Afdeling', en: 'Department' },
  assignee: { nl: 'Behandelaar', en: 'Handled by' },
  idea: { nl: 'Idee', en: 'Idea' },
  into: { nl: 'Samengevoegd met', en: 'Merged into' },
  movedVotes: { nl: 'Verhuisde stemmen', en: 'Votes moved' },
  channel: { nl: 'Binnengekomen via', en: 'Received via' },
  reason: { nl: 'Reden', en: 'Reason' },
  ideasHidden: { nl: 'Ideeën verborgen', en: 'Ideas hidden' },
  commentsHidden: { nl: 'Reacties verborgen', en: 'Comments hidden' },
  ideasShown: { nl: 'Ideeën weer getoond', en: 'Ideas shown again' },
  commentsShown: { nl: 'Reacties weer getoond', en: 'Comments shown again' },
  role: { nl: 'Rol', en: 'Role' },
  changed: { nl: 'Veranderd', en: 'Changed' },
  name: { nl: 'Naam', en: 'Name' },
  nameEn: { nl: 'Engelse naam', en: 'English name' },
  title: { nl: 'Titel', en: 'Title' },
} satisfies Record<string, Text>

const NONE: Text = { nl: 'geen', en: 'none' }
const ARROW = ' → '

/** The names an entry's numbers stand for, looked up by the caller in one go per page. */
export type AuditNames = {
  department: (id: number) => string | undefined
  user: (id: number) => string | undefined
  idea: (id: number) => string | undefined
}

const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null)
const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null)

function coded(table: Record<string, Text>, value: unknown): Text | null {
  const code = str(value)
  if (code === null) return null
  return table[code] ?? same(code)
}

function change(before: Text | null, after: Text | null): Text | null {
  if (before === null && after === null) return null
  const b = before ?? NONE
  const a = after ?? NONE
  return { nl: `${b.nl}${ARROW}${a.nl}`, en: `${b.en}${ARROW}${a.en}` }
}

/** Ids the entry's details hold, by kind, so the caller can look their names up. */
export function referencedIds(action: string, details: Record<string, unknown> | null) {
  const d = details ?? {}
  const ids = { department: [] as number[], user: [] as number[], idea: [] as number[] }
  const push = (list: number[], value: unknown) => {
    const n = num(value)
    if (n !== null) list.push(n)
  }
  if (action === 'theme.department_changed' || action === 'user.department_changed') {
    push(ids.department, d.before)
    push(ids.department, d.after)
  }
  if (action === 'idea.assigned') {
    for (const side of [d.before, d.after] as unknown[]) {
      const s = (side ?? {}) as Record<string, unknown>
      push(ids.department, s.departmentId)
      push(ids.user, s.assigneeId)
    }
  }
  push(ids.idea, d.into)
  push(ids.idea, d.ideaId)
  return ids
}

/** The lines of one entry, in both languages. */
export function auditLines(action: string, details: Record<string, unknown> | null, names: AuditNames): AuditLine[] {
  const d = details ?? {}
  const lines: AuditLine[] = []
  const add = (label: Text, value: Text | null) => {
    if (value !== null && value.nl.trim() !== '') lines.push({ label, value })
  }
  const department = (value: unknown): Text | null => {
    const id = num(value)
    return id === null ? null : same(names.department(id) ?? `#${id}`)
  }
  const person = (value: unknown): Text | null => {
    const id = num(value)
    return id === null ? null : same(names.user(id) ?? `#${id}`)
  }
  const idea = (value: unknown): Text | null => {
    const id = num(value)
    if (id === null) return null
    const title = names.idea(id)
    return same(title ? `#${id} ${title}` : `#${id}`)
  }
  const count = (value: unknown): Text | null => {
    const n = num(value)
    return n === null ? null : same(String(n))
  }

  switch (action) {
    case 'idea.status_changed':
      add(LABEL.status, change(coded(STATUS, d.before), coded(STATUS, d.after)))
      add(LABEL.declineReason, coded(DECLINE_REASON, d.declineReason))
      break
    case 'idea.assigned': {
      const before = (d.before ?? {}) as Record<string, unknown>
      const after = (d.after ?? {}) as Record<string, unknown>
      if (before.departmentId !== after.departmentId) {
        add(LABEL.department, change(department(before.departmentId), department(after.departmentId)))
      }
      if (before.assigneeId !== after.assigneeId) {
        add(LABEL.assignee, change(person(before.assigneeId), person(after.assigneeId)))
      }
      break
    }
    case 'theme.department_changed':
    case 'user.department_changed':
      add(LABEL.department, change(department(d.before), department(d.after)))
      break
    case 'user.role_changed':
      add(LABEL.role, change(coded(ROLE, d.before), coded(ROLE, d.after)))
      if (Array.isArray(d.changed) && d.changed.length > 0) {
        const fields = d.changed.map((f) => coded(CHANGED_FIELD, f) ?? same(String(f)))
        add(LABEL.changed, { nl: fields.map((f) => f.nl).join(', '), en: fields.map((f) => f.en).join(', ') })
      }
      break
    case 'user.blocked':
      add(LABEL.reason, coded({}, d.reason))
      if (num(d.ideas)) add(LABEL.ideasHidden, count(d.ideas))
      if (num(d.comments)) add(LABEL.commentsHidden, count(d.comments))
      break
    case 'user.unblocked':
      add(LABEL.reason, coded({}, d.reason))
      if (num(d.ideas)) add(LABEL.ideasShown, count(d.ideas))
      if (num(d.comments)) add(LABEL.commentsShown, count(d.comments))
      break
    case 'settings.changed': {
      const before = (d.before ?? {}) as Record<string, unknown>
      const after = (d.after ?? {}) as Record<string, unknown>
      for (const key of Array.isArray(d.changed) ? d.changed.map(String) : Object.keys(after)) {
        add(SETTING[key] ?? same(key), change(count(before[key]), count(after[key])))
      }
      break
    }
    case 'department.renamed':
    case 'theme.renamed':
    case 'district.renamed':
      add(LABEL.name, change(coded({}, d.before), coded({}, d.after)))
      if (str(d.nameEnBefore) !== str(d.nameEnAfter)) {
        add(LABEL.nameEn, change(coded({}, d.nameEnBefore), coded({}, d.nameEnAfter)))
      }
      break
    default:
      add(LABEL.reason, coded({}, d.reason))
      add(LABEL.name, coded({}, d.name))
      add(LABEL.title, coded({}, d.title))
      add(LABEL.channel, coded(CHANNEL, d.channel))
      add(LABEL.idea, idea(d.ideaId))
      add(LABEL.into, idea(d.into))
      if (num(d.movedVotes) !== null) add(LABEL.movedVotes, count(d.movedVotes))
  }
  return lines
}
