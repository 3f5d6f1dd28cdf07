import { z } from 'zod'
import { DisplayName } from './accounts'
import { Cursor, PageLimit, pageOf, QueryId, Timestamp } from './common'
import { AUDIT_ACTIONS, HIDDEN_REASONS, LIGHT_REPORT_REASONS, REPORTS_CANNOT_HIDE } from './constants'
import { Channel, DeclineReason, IdeaStatus, NotificationReason, ReportReason, Role, TargetGroup } from './enums'
import { AuditLine, Day, ExportFormat } from './exports'
import { Comment, Idea, IdeaDetail } from './ideas'
import {
  ASSIGN_NOTE_MAX,
  CLOSURE,
  DEPARTMENT_NAME,
  EMAIL_MAX,
  EXPLANATION,
  IDEA_BODY,
  IDEA_TITLE,
  MODERATION_REASON,
  NOTE_BODY,
  REFERRED_TO,
  SETTING_RANGES,
} from './limits'
import { placeSchema } from './places'
import { REPORT_NOTE_MAX } from './reports'

const Id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

export const ClosureInput = z
  .object({
    whatChanged: z.string().trim().min(CLOSURE.whatChanged.min).max(CLOSURE.whatChanged.max),
    since: z.iso.date(),
    team: z.string().trim().min(CLOSURE.team.min).max(CLOSURE.team.max),
    link: z
      .url({ protocol: /^https?$/ })
      .max(CLOSURE.linkMax)
      .nullable()
      .optional(),
  })
  .meta({ id: 'ClosureInput', description: '"Jij zei, wij deden": required when an idea is done' })

export const StatusChangeBody = z
  .object({
    status: IdeaStatus,
    explanation: z.string().trim().min(EXPLANATION.min).max(EXPLANATION.max),
    declineReason: DeclineReason.optional(),
    referredTo: z.string().trim().min(REFERRED_TO.min).max(REFERRED_TO.max).optional(),
    closure: ClosureInput.optional(),
  })
  .meta({ id: 'StatusChangeBody' })
export type StatusChangeBody = z.input<typeof StatusChangeBody>

export const OfficialMark = z.object({ official: z.boolean() }).meta({ id: 'OfficialMark' })

export const DueBadge = z.enum(['on_time', 'due_soon', 'overdue', 'answered'])
export type DueBadge = z.infer<typeof DueBadge>

export const StaffIdea = Idea.extend({
  departmentId: z.number().int().nullable(),
  assigneeId: z.number().int().nullable(),
  hidden: z.boolean(),
  firstResponseAt: Timestamp.nullable(),
  lastPublicUpdateAt: Timestamp.nullable(),
  dueAt: Timestamp.meta({ description: 'End of the last working day of the response norm' }),
  badge: DueBadge,
  stale: z.boolean(),
  openReports: z.number().int(),
}).meta({ id: 'StaffIdea' })
export type StaffIdea = z.infer<typeof StaffIdea>

export const Note = z
  .object({ id: z.number().int(), body: z.string(), authorName: z.string(), createdAt: Timestamp })
  .meta({ id: 'Note' })
export const NewNote = z
  .object({ body: z.string().trim().min(NOTE_BODY.min).max(NOTE_BODY.max) })
  .meta({ id: 'NewNote' })

export const Assignment = z
  .object({
    id: z.number().int(),
    fromDepartmentId: z.number().int().nullable(),
    toDepartmentId: z.number().int().nullable(),
    fromAssigneeId: z.number().int().nullable(),
    toAssigneeId: z.number().int().nullable(),
    actorName: z.string(),
    note: z.string().nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: 'Assignment' })

export const AssignBody = z
  .object({
    departmentId: Id.nullable().optional(),
    assigneeId: Id.nullable().optional(),
    note: z.string().trim().max(ASSIGN_NOTE_MAX).optional(),
  })
  .meta({ id: 'AssignBody' })

export const StaffIdeaDetail = z
  .object({
    idea: IdeaDetail,
    staff: StaffIdea.pick({
      departmentId: true,
      assigneeId: true,
      hidden: true,
      firstResponseAt: true,
      lastPublicUpdateAt: true,
      dueAt: true,
      badge: true,
      stale: true,
      openReports: true,
    }),
    notes: z.array(Note),
    assignments: z.array(Assignment),
  })
  .meta({ id: 'StaffIdeaDetail' })
export type StaffIdeaDetail = z.infer<typeof StaffIdeaDetail>

export const MergeBody = z
  .object({ targetId: Id, explanation: z.string().trim().min(EXPLANATION.min).max(EXPLANATION.max) })
  .meta({ id: 'MergeBody' })

export const IntakeBody = z
  .object({
    title: z.string().trim().min(IDEA_TITLE.min).max(IDEA_TITLE.max),
    body: z.string().trim().min(IDEA_BODY.min).max(IDEA_BODY.max),
    themeId: Id,
    districtId: Id.nullable().optional(),
    targetGroups: z.array(TargetGroup).max(3).optional(),
    channel: Channel.exclude(['web']),
    place: placeSchema.nullable().optional(),
    submitter: z.object({
      // The same rule as a sign-up: the name goes into mail to the address staff entered.
      displayName: DisplayName,
      email: z.string().trim().toLowerCase().max(EMAIL_MAX).pipe(z.email()).optional(),
      targetGroup: TargetGroup,
      districtId: Id.nullable().optional(),
    }),
  })
  .meta({ id: 'IntakeBody', description: 'An idea received by phone, at the desk, by letter or e-mail' })
export type IntakeBody = z.input<typeof IntakeBody>

export const Colleague = z
  .object({ id: z.number().int(), displayName: z.string(), role: Role, departmentId: z.number().int().nullable() })
  .meta({ id: 'Colleague' })

export const Department = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    name: z.string(),
    nameEn: z.string(),
    themeIds: z.array(z.number().int()),
  })
  .meta({ id: 'Department' })
export type Department = z.infer<typeof Department>

export const DepartmentBody = z
  .object({
    name: z.string().trim().min(DEPARTMENT_NAME.min).max(DEPARTMENT_NAME.max),
    nameEn: z.string().trim().min(DEPARTMENT_NAME.min).max(DEPARTMENT_NAME.max),
  })
  .meta({ id: 'DepartmentBody' })
export const ThemeDepartmentBody = z.object({ departmentId: Id.nullable() }).meta({ id: 'ThemeDepartmentBody' })
export const StaffDepartmentBody = z.object({ departmentId: Id.nullable() }).meta({ id: 'StaffDepartmentBody' })

export const InstallationSettings = z
  .object({
    responseNormDays: z
      .number()
      .int()
      .min(SETTING_RANGES.responseNormDays.min)
      .max(SETTING_RANGES.responseNormDays.max),
    staleAfterDays: z.number().int().min(SETTING_RANGES.staleAfterDays.min).max(SETTING_RANGES.staleAfterDays.max),
    followupWeeks: z.number().int().min(SETTING_RANGES.followupWeeks.min).max(SETTING_RANGES.followupWeeks.max),
  })
  .meta({ id: 'InstallationSettings' })
export type InstallationSettings = z.infer<typeof InstallationSettings>

export const ReportBody = z
  .object({
    subjectType: z.enum(['idea', 'comment', 'photo']),
    subjectId: Id,
    reason: ReportReason,
    note: z.string().trim().max(REPORT_NOTE_MAX).optional(),
  })
  .meta({ id: 'ReportBody' })
export type ReportBody = z.input<typeof ReportBody>

export const ModerationItem = z
  .object({
    subjectType: z.enum(['idea', 'comment', 'photo']),
    subjectId: z.number().int(),
    ideaId: z.number().int(),
    title: z.string().meta({ description: 'The idea title (for a comment: of its idea)' }),
    text: z
      .string()
      .meta({ description: 'The reported text (for a photo: its alt text), shown to staff even when hidden' }),
    photoUrl: z
      .string()
      .nullable()
      .optional()
      .meta({ description: 'For a photo: its smallest file, which staff may see when hidden' }),
    authorId: z.number().int().nullable(),
    authorName: z.string(),
    authorBlocked: z.boolean().meta({ description: 'The author is blocked now (staff can lift it)' }),
    hidden: z.boolean(),
    hiddenReason: z
      .enum(HIDDEN_REASONS)
      .nullable()
      .meta({ description: 'Why it is hidden: its reports, a moderator, or its author is blocked' }),
    deleted: z.boolean().meta({
      description:
        'The author deleted it after it was reported: the public sees it removed, the text stays here until decided',
    }),
    reportsCannotHide: z.enum(REPORTS_CANNOT_HIDE).nullable().meta({
      description: 'Why reports do not hide it: staff wrote it, or a moderator kept it visible before',
    }),
    reports: z.array(
      z.object({
        reason: ReportReason,
        note: z.string().nullable(),
        createdAt: Timestamp,
        weight: z.enum(['full', 'light']).meta({ description: 'A light report counts for a third towards hiding' }),
        countsLessBecause: z.array(z.enum(LIGHT_REPORT_REASONS)),
      }),
    ),
    firstReportedAt: Timestamp,
  })
  .meta({ id: 'ModerationItem', description: 'Hidden items come first, then the oldest report first' })
export type ModerationItem = z.infer<typeof ModerationItem>

export const ModerationQueue = z.object({ items: z.array(ModerationItem) }).meta({ id: 'ModerationQueue' })

export const ModerationAction = z
  .object({
    action: z.enum(['hide', 'restore']),
    reason: z.string().trim().min(MODERATION_REASON.min).max(MODERATION_REASON.max),
  })
  .meta({ id: 'ModerationAction' })

export const BlockBody = z
  .object({ reason: z.string().trim().min(MODERATION_REASON.min).max(MODERATION_REASON.max) })
  .meta({ id: 'BlockBody' })

export const BlockedMember = z
  .object({
    id: z.number().int(),
    displayName: z.string(),
    blockedAt: Timestamp,
    blockedById: z.number().int().nullable().meta({ description: 'null when not known (or no longer an account)' }),
    blockedByName: z.string().nullable(),
    reason: z.string().nullable().meta({ description: 'The reason given when blocking, when it was recorded' }),
  })
  .meta({ id: 'BlockedMember' })
export type BlockedMember = z.infer<typeof BlockedMember>

export const BlockedMembersQuery = z.object({ cursor: Cursor.optional(), limit: PageLimit })
export const BlockedMemberPage = pageOf(BlockedMember).meta({ id: 'BlockedMemberPage' })
export type BlockedMemberPage = z.infer<typeof BlockedMemberPage>

const HiddenReason = z.enum(HIDDEN_REASONS)

/** A comment as staff read it: a hidden comment keeps its words and author, flagged as hidden. */
export const StaffReply = Comment.omit({ replies: true })
  .extend({
    hidden: z.boolean().meta({ description: 'Hidden from residents; staff still get the text and the author' }),
    hiddenReason: HiddenReason.nullable().meta({
      description: 'Why it is hidden: its reports, a moderator, or its author is blocked',
    }),
  })
  .meta({ id: 'StaffReply' })
export type StaffReply = z.infer<typeof StaffReply>
export const StaffComment = StaffReply.extend({ replies: z.array(StaffReply) }).meta({ id: 'StaffComment' })
export type StaffComment = z.infer<typeof StaffComment>
export const StaffCommentPage = pageOf(StaffComment).meta({ id: 'StaffCommentPage' })
export type StaffCommentPage = z.infer<typeof StaffCommentPage>

export const AuditEntry = z
  .object({
    id: z.number().int(),
    actorId: z.number().int().nullable(),
    actorName: z.string(),
    actorErased: z.boolean().meta({ description: 'The account was erased: show it as an erased account' }),
    action: z.string(),
    subjectType: z.string(),
    subjectId: z.number().int().nullable(),
    subjectName: z.string().nullable().meta({ description: "The idea's title, the person's or department's name…" }),
    subjectErased: z.boolean().meta({ description: 'The subject is an erased account (its name is gone)' }),
    details: z.record(z.string(), z.unknown()).nullable(),
    lines: z.array(AuditLine).meta({ description: 'The details in words, in Dutch and English; empty ones left out' }),
    createdAt: Timestamp,
  })
  .meta({ id: 'AuditEntry' })
export type AuditEntry = z.infer<typeof AuditEntry>

export const AuditFilter = z.object({
  action: z.enum(AUDIT_ACTIONS).optional(),
  actor: QueryId.optional(),
  from: Day.optional().meta({ description: 'From this day (Amsterdam), inclusive' }),
  to: Day.optional().meta({ description: 'Up to and including this day (Amsterdam)' }),
})
export const AuditQuery = AuditFilter.extend({ cursor: Cursor.optional(), limit: PageLimit })
export const AuditExportQuery = AuditFilter.extend({ format: ExportFormat.default('xlsx') })
export const AuditPage = z
  .object({ items: z.array(AuditEntry), nextCursor: z.string().nullable() })
  .meta({ id: 'AuditPage' })

export const Notification = z
  .object({
    id: z.number().int(),
    kind: z.string(),
    ideaId: z.number().int().nullable(),
    ideaTitle: z.string().nullable(),
    campaignId: z.number().int().nullable().meta({ description: 'The question that opened, for campaign_opened' }),
    campaignTitle: z.string().nullable(),
    status: IdeaStatus.nullable(),
    excerpt: z.string().nullable().meta({
      description:
        'What happened, in the words of whoever wrote it: the answer, the explanation of a status change, the update, the start of a comment',
    }),
    commentId: z.number().int().nullable().meta({ description: 'The answer or comment it is about, for a link to it' }),
    mergedInto: z
      .object({ id: z.number().int(), title: z.string() })
      .nullable()
      .meta({ description: 'For merged: the idea it was merged into, where the conversation goes on' }),
    reason: NotificationReason.nullable().meta({ description: 'Why I was told' }),
    channel: Channel.nullable().meta({ description: "How the idea came in (for 'you sent this in by phone')" }),
    department: z
      .object({ name: z.string(), nameEn: z.string() })
      .nullable()
      .meta({ description: "The idea's department, for staff told as its members" }),
    read: z.boolean(),
    createdAt: Timestamp,
  })
  .meta({ id: 'Notification' })
export type Notification = z.infer<typeof Notification>
export const NotificationPage = z
  .object({ items: z.array(Notification), unread: z.number().int(), nextCursor: z.string().nullable() })
  .meta({ id: 'NotificationPage' })
