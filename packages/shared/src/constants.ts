/**
 * Plain values shared by API and web app. No zod here: the web app imports this module
 * at run time and must not pull the schema library into the idea-list bundle.
 */

export * from './limits'

export const ROLES = ['member', 'staff', 'admin'] as const
type Role = (typeof ROLES)[number]

/** Who may call a route. Every route declares one; a test fails on any route without. */
export const POLICIES = ['public', 'member', 'staff', 'admin'] as const
export type Policy = (typeof POLICIES)[number]

/** Higher rank includes the lower ones: staff may do all a member may. */
export const ROLE_RANK: Record<Role, number> = { member: 1, staff: 2, admin: 3 }

export const TARGET_GROUPS = ['resident', 'entrepreneur', 'organisation'] as const

export const IDEA_STATUSES = ['new', 'under_review', 'planned', 'in_progress', 'done', 'declined', 'merged'] as const
type IdeaStatus = (typeof IDEA_STATUSES)[number]

export const STATUS_LABELS_NL: Record<IdeaStatus, string> = {
  new: 'Nieuw',
  under_review: 'In behandeling',
  planned: 'Gepland',
  in_progress: 'In uitvoering',
  done: 'Gerealiseerd',
  declined: 'Niet uitgevoerd',
  merged: 'Samengevoegd',
}

/**
 * The only status changes staff may make. `merged` is reached through the merge action,
 * which also moves votes and followers, never through a plain status change. A small
 * fix may go straight to done; a declined idea may be reopened when new facts appear.
 */
export const STATUS_TRANSITIONS: Record<IdeaStatus, readonly IdeaStatus[]> = {
  new: ['under_review', 'planned', 'in_progress', 'declined'],
  under_review: ['planned', 'in_progress', 'done', 'declined'],
  planned: ['in_progress', 'done', 'declined'],
  in_progress: ['done', 'planned', 'declined'],
  done: [],
  declined: ['under_review'],
  merged: [],
}

export function canTransition(from: IdeaStatus, to: IdeaStatus): boolean {
  return STATUS_TRANSITIONS[from].includes(to)
}

/**
 * Work the municipality has taken on: members may offer help ("ik denk mee") and staff post
 * progress updates only while an idea is in one of these.
 */
export const WORK_STATUSES = ['planned', 'in_progress'] as const satisfies readonly IdeaStatus[]

/** Ideas in these statuses take no votes: the decision has been made. */
export const CLOSED_STATUSES: readonly IdeaStatus[] = ['done', 'declined', 'merged']

export const DECLINE_REASONS = ['not_municipal_task', 'legal', 'budget', 'policy', 'other'] as const

export const CHANNELS = ['web', 'phone', 'desk', 'letter', 'email'] as const
/** The channels staff enter ideas for; "web" is the residents' own. */
export const INTAKE_CHANNELS = ['phone', 'desk', 'letter', 'email'] as const

/** `relevance` only means something with a search term; without one it reads as trending. */
export const IDEA_SORTS = ['trending', 'top', 'new', 'discussed', 'updated', 'relevance'] as const

export const LOCALES = ['nl', 'en'] as const

export const HIDDEN_REASONS = ['reports', 'moderator', 'blocked'] as const
export type HiddenReason = (typeof HIDDEN_REASONS)[number]

export const REPORT_REASONS = ['spam', 'offensive', 'personal_data', 'off_topic', 'other'] as const
/**
 * Reports by established members that hide an idea or comment pending review. Anyone can
 * make accounts, so a report from an account that is new or has done nothing else counts
 * for a third (REPORT_WEIGHT): three fresh accounts hide nothing.
 */
export const REPORTS_TO_HIDE = 3
/** What a report adds towards hiding, in thirds of an established member's report. */
export const REPORT_WEIGHT = { full: 3, light: 1 } as const
/** Hidden pending review once the open reports weigh this much. */
export const REPORT_WEIGHT_TO_HIDE = REPORTS_TO_HIDE * REPORT_WEIGHT.full
/** An account younger than this when it reports (by the app's clock) is new. */
export const NEW_ACCOUNT_MS = 24 * 3_600_000
/**
 * Why a report counts for a third: the account was under a day old; it had no idea, comment
 * or vote of its own before the report; or a moderator overruled an earlier report of it.
 */
export const LIGHT_REPORT_REASONS = ['new_account', 'no_activity', 'overruled'] as const
export type LightReportReason = (typeof LIGHT_REPORT_REASONS)[number]
/**
 * Why reports do not hide something (they still reach the moderation queue): staff wrote it
 * (the municipality's answer must not be silenced by a few accounts), or a moderator looked
 * at earlier reports and kept it visible.
 */
export const REPORTS_CANNOT_HIDE = ['staff', 'restored'] as const
export type ReportsCannotHide = (typeof REPORTS_CANNOT_HIDE)[number]

export const NOTIFICATION_KINDS = [
  'status_changed',
  'followup_question',
  'official_answer',
  'merged',
  'reply',
  'satisfaction_question',
  'campaign_opened',
  'progress_update',
  // Someone else commented on the person's own idea.
  'new_comment',
  // For staff: a new idea for their department, an idea handed to them, one overdue or stale, a report.
  'new_idea',
  'idea_assigned',
  'idea_overdue',
  'idea_stale',
  'report_new',
] as const

/**
 * Why a person was told, kept on the notification and said in the mail: it is their idea
 * (sent in on the web or through a civil servant), they voted for it, follow it, wrote the
 * comment that was answered, work in its department, have it assigned to them, are staff
 * and no department has it, or belong to the target group of a campaign.
 */
export const NOTIFICATION_REASONS = [
  'author',
  'voter',
  'follower',
  'comment_author',
  'department',
  'assignee',
  'staff',
  'target_group',
] as const

/**
 * Every action the audit log records: the API writes only these (the compiler checks it),
 * the web app offers them as a filter and gives each a label.
 */
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
  'photo.hidden',
  'photo.restored',
  'user.blocked',
  'user.unblocked',
  'user.role_changed',
  'user.department_changed',
  'department.created',
  'department.renamed',
  'theme.department_changed',
  'theme.created',
  'theme.renamed',
  'theme.archived',
  'theme.unarchived',
  'district.created',
  'district.renamed',
  'district.archived',
  'district.unarchived',
  'district.boundary_changed',
  'settings.changed',
  'campaign.created',
  'campaign.changed',
  'campaign.outcome_published',
  'idea.corrected',
  'answer_template.created',
  'answer_template.changed',
  'answer_template.deleted',
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value)
}

/** The Werkbak's tabs; `all` is every visible idea, newest first, for search and filters. */
export const INBOX_TABS = ['needs_answer', 'mine', 'department', 'overdue', 'stale', 'reported', 'all'] as const

/** Defaults for the settings an admin can change. */
export const DEFAULT_RESPONSE_NORM_DAYS = 10
export const STALE_AFTER_DAYS = 30
export const DEFAULT_FOLLOWUP_WEEKS = 6
/** "Due soon" in the staff inbox: this many working days or fewer left. */
export const DUE_SOON_WORKING_DAYS = 2

export const EMAIL_FREQUENCIES = ['immediately', 'daily', 'never'] as const

/**
 * The columns of the open-data downloads, in order: the API writes them, the open-data
 * page documents each (its translation keys follow these names). One naming style
 * (camelCase, as in the JSON) and the same theme identifiers (themeId, themeSlug) in
 * every file.
 */
export const OPEN_DATA_IDEA_COLUMNS = [
  'id',
  'title',
  'body',
  'status',
  'themeId',
  'themeSlug',
  'themeName',
  'districtId',
  'districtName',
  'targetGroups',
  'channel',
  'votes',
  'comments',
  'followers',
  'createdAt',
  'firstAnswerAt',
  'firstAnswerWorkingDays',
  'answeredWithinNorm',
  'doneAt',
  // At the end, so a reader that counts columns finds the older ones where they were.
  'latitude',
  'longitude',
] as const

export const OPEN_DATA_SCORECARD_COLUMNS = [
  'themeId',
  'themeSlug',
  'themeName',
  'quarter',
  'targetGroup',
  'received',
  'withinNormPct',
  'medianAnswerDays',
  'implementedPct',
  'declinedPct',
  'suppressed',
  'satisfactionPct',
  'ratings',
  'satisfactionSuppressed',
  'followupYes',
  'followupPartly',
  'followupNo',
  'followupSuppressed',
] as const
