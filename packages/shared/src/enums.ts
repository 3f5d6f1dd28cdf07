import { z } from 'zod'
import {
  CHANNELS,
  DECLINE_REASONS,
  EMAIL_FREQUENCIES,
  IDEA_SORTS,
  IDEA_STATUSES,
  INBOX_TABS,
  LOCALES,
  NOTIFICATION_KINDS,
  NOTIFICATION_REASONS,
  REPORT_REASONS,
  ROLES,
  TARGET_GROUPS,
} from './constants'

// Each schema and its type share a name: `Role.parse(x)` and `role: Role`.
export const Role = z.enum(ROLES)
export type Role = z.infer<typeof Role>
export const TargetGroup = z.enum(TARGET_GROUPS)
export type TargetGroup = z.infer<typeof TargetGroup>
export const IdeaStatus = z.enum(IDEA_STATUSES)
export type IdeaStatus = z.infer<typeof IdeaStatus>
export const DeclineReason = z.enum(DECLINE_REASONS)
export type DeclineReason = z.infer<typeof DeclineReason>
export const Channel = z.enum(CHANNELS)
export type Channel = z.infer<typeof Channel>
export const IdeaSort = z.enum(IDEA_SORTS)
export type IdeaSort = z.infer<typeof IdeaSort>
export const Locale = z.enum(LOCALES)
export type Locale = z.infer<typeof Locale>
export const ReportReason = z.enum(REPORT_REASONS)
export type ReportReason = z.infer<typeof ReportReason>
export const NotificationKind = z.enum(NOTIFICATION_KINDS)
export const InboxTab = z.enum(INBOX_TABS)
export type InboxTab = z.infer<typeof InboxTab>
export type NotificationKind = z.infer<typeof NotificationKind>
export const NotificationReason = z.enum(NOTIFICATION_REASONS)
export type NotificationReason = z.infer<typeof NotificationReason>
export const EmailFrequency = z.enum(EMAIL_FREQUENCIES)
export type EmailFrequency = z.infer<typeof EmailFrequency>
