import type { Text } from './text'

/**
 * The audit log in words, Dutch and English: the API writes its lines and exports with
 * these, and the log page labels its actions and filter with them, so the screen and the
 * file say the same. An action without a label shows as its code (a test lists them).
 */
export const AUDIT_ACTION_LABELS: Record<string, Text> = {
  'idea.status_changed': { nl: 'Status veranderd', en: 'Status changed' },
  'idea.assigned': { nl: 'Toegewezen', en: 'Assigned' },
  'idea.note_added': { nl: 'Interne notitie geschreven', en: 'Internal note written' },
  'idea.merged': { nl: 'Samengevoegd', en: 'Merged' },
  'idea.intake': { nl: 'Idee ingevoerd', en: 'Idea entered' },
  'idea.progress_update': { nl: 'Update geplaatst', en: 'Update posted' },
  'idea.hidden': { nl: 'Idee verborgen', en: 'Idea hidden' },
  'idea.restored': { nl: 'Idee weer getoond', en: 'Idea shown again' },
  'idea.corrected': { nl: 'Idee aangepast', en: 'Idea corrected' },
  'comment.official_answer': { nl: 'Antwoord van de gemeente', en: 'Municipality’s answer' },
  'comment.official_removed': { nl: 'Niet meer als antwoord', en: 'No longer the answer' },
  'comment.hidden': { nl: 'Reactie verborgen', en: 'Comment hidden' },
  'comment.restored': { nl: 'Reactie weer getoond', en: 'Comment shown again' },
  'user.blocked': { nl: 'Deelnemer geblokkeerd', en: 'Participant blocked' },
  'user.unblocked': { nl: 'Blokkade opgeheven', en: 'Block lifted' },
  'user.role_changed': { nl: 'Rol veranderd', en: 'Role changed' },
  'user.department_changed': { nl: 'Afdeling van medewerker veranderd', en: 'Staff member’s department changed' },
  'department.created': { nl: 'Afdeling toegevoegd', en: 'Department added' },
  'department.renamed': { nl: 'Afdeling hernoemd', en: 'Department renamed' },
  'theme.department_changed': { nl: 'Thema naar andere afdeling', en: 'Theme moved to another department' },
  'theme.created': { nl: 'Thema toegevoegd', en: 'Theme added' },
  'theme.renamed': { nl: 'Thema hernoemd', en: 'Theme renamed' },
  'theme.archived': { nl: 'Thema gearchiveerd', en: 'Theme archived' },
  'theme.unarchived': { nl: 'Thema weer in gebruik', en: 'Theme in use again' },
  'district.created': { nl: 'Dorp of wijk toegevoegd', en: 'Village or district added' },
  'district.renamed': { nl: 'Dorp of wijk hernoemd', en: 'Village or district renamed' },
  'district.archived': { nl: 'Dorp of wijk gearchiveerd', en: 'Village or district archived' },
  'district.unarchived': { nl: 'Dorp of wijk weer in gebruik', en: 'Village or district in use again' },
  'district.boundary_changed': { nl: 'Grens van dorp of wijk veranderd', en: 'Outline of village or district changed' },
  'settings.changed': { nl: 'Instellingen veranderd', en: 'Settings changed' },
  'campaign.created': { nl: 'Meedenkvraag gemaakt', en: 'Question created' },
  'campaign.changed': { nl: 'Meedenkvraag aangepast', en: 'Question changed' },
  'campaign.outcome_published': { nl: 'Uitkomst gepubliceerd', en: 'Outcome published' },
  'answer_template.created': { nl: 'Antwoordtekst toegevoegd', en: 'Answer template added' },
  'answer_template.changed': { nl: 'Antwoordtekst aangepast', en: 'Answer template changed' },
  'answer_template.deleted': { nl: 'Antwoordtekst verwijderd', en: 'Answer template deleted' },
}

/** The action's label, or its code when it has none. */
export function auditActionLabel(action: string): Text {
  return AUDIT_ACTION_LABELS[action] ?? { nl: action, en: action }
}

/** What an entry is about: "Idee", "Deelnemer"… */
export const AUDIT_SUBJECT_LABELS: Record<string, Text> = {
  idea: { nl: 'Idee', en: 'Idea' },
  comment: { nl: 'Reactie', en: 'Comment' },
  user: { nl: 'Deelnemer', en: 'Participant' },
  department: { nl: 'Afdeling', en: 'Department' },
  theme: { nl: 'Thema', en: 'Theme' },
  district: { nl: 'Dorp of wijk', en: 'Village or district' },
  campaign: { nl: 'Meedenkvraag', en: 'Question' },
  settings: { nl: 'Instellingen', en: 'Settings' },
  answer_template: { nl: 'Antwoordtekst', en: 'Answer template' },
}

/** Who acted when no account did, and how an erased account is named. */
export const AUDIT_ACTOR_TEXT = {
  commandLine: { nl: 'Opdrachtregel (beheer op de server)', en: 'Command line (server administration)' },
  system: { nl: 'Het systeem', en: 'The system' },
  erased: { nl: 'verwijderd account', en: 'erased account' },
} satisfies Record<string, Text>
