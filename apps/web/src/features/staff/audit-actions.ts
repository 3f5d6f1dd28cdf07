/** The actions the API writes to the audit log, for the filter and for readable labels. */
export const AUDIT_ACTIONS = [
  'idea.status_changed',
  'comment.official_answer',
  'comment.official_removed',
  'idea.assigned',
  'idea.note_added',
  'idea.merged',
  'idea.intake',
  'idea.progress_update',
  'idea.hidden',
  'idea.restored',
  'comment.hidden',
  'comment.restored',
  'user.blocked',
  'user.unblocked',
  'user.role_changed',
  'user.department_changed',
  'department.created',
  'department.renamed',
  'theme.department_changed',
  'settings.changed',
  'campaign.created',
  'campaign.changed',
  'campaign.outcome_published',
] as const

export type AuditAction = (typeof AUDIT_ACTIONS)[number]

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value)
}
