import { z } from 'zod'
import { Cursor, PageLimit, QueryId, Timestamp } from './common'
import { IdeaStatus, InboxTab } from './enums'
import { ExportFormat } from './exports'
import {
  ANSWER_TEMPLATE_BODY,
  ANSWER_TEMPLATE_TITLE,
  ASSIGN_NOTE_MAX,
  CORRECTION_REASON,
  EXPLANATION,
  IDEA_BODY,
  IDEA_TITLE,
  SEARCH_MAX,
  WERKBAK_COUNT_CAP,
} from './limits'
import { StaffIdea, StatusChangeBody } from './staff'

const Id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

/** `?department=none`: ideas no department (or no colleague) has yet. */
const IdOrNone = z.union([z.literal('none'), QueryId]).meta({
  description: 'An id, or "none" for ideas without one',
})

/** The Werkbak's filters: they combine with each other and with the tab, and live in the page's URL. */
export const WerkbakFilters = z.object({
  q: z
    .string()
    .trim()
    .max(SEARCH_MAX)
    .optional()
    .meta({ description: 'Words from the title or text (the ideas search)' }),
  theme: QueryId.optional(),
  district: QueryId.optional(),
  status: IdeaStatus.optional().meta({ description: 'Merged ideas only show when asked for by status' }),
  department: IdOrNone.optional(),
  assignee: IdOrNone.optional(),
})
export type WerkbakFilters = z.output<typeof WerkbakFilters>

export const WerkbakQuery = WerkbakFilters.extend({
  tab: InboxTab.default('needs_answer'),
  cursor: Cursor.optional(),
  limit: PageLimit,
})

export const WerkbakPage = z
  .object({
    items: z.array(StaffIdea),
    nextCursor: z.string().nullable(),
    counts: z.record(InboxTab, z.number().int()).meta({
      description: `Ideas per tab with the same filters; at most ${WERKBAK_COUNT_CAP} (then: ${WERKBAK_COUNT_CAP} or more)`,
    }),
  })
  .meta({ id: 'WerkbakPage' })
export type WerkbakPage = z.infer<typeof WerkbakPage>

/** A bulk action takes at most this many ideas: two pages of the Werkbak. */
export const BULK_MAX = 100

const IdeaIds = z
  .array(Id)
  .min(1)
  .max(BULK_MAX)
  .refine((ids) => new Set(ids).size === ids.length, { message: 'Each idea only once.' })

export const BulkAssignBody = z
  .object({
    ideaIds: IdeaIds,
    departmentId: Id.nullable().optional(),
    assigneeId: Id.nullable().optional(),
    note: z.string().trim().max(ASSIGN_NOTE_MAX).optional(),
  })
  .meta({ id: 'BulkAssignBody', description: 'Hand every idea to a department and/or a colleague' })
export type BulkAssignBody = z.input<typeof BulkAssignBody>

export const BulkStatusBody = StatusChangeBody.extend({ ideaIds: IdeaIds }).meta({
  id: 'BulkStatusBody',
  description: 'One status change with one public explanation for every idea; all or nothing',
})
export type BulkStatusBody = z.input<typeof BulkStatusBody>

export const BulkMergeBody = z
  .object({
    sourceIds: IdeaIds,
    targetId: Id,
    explanation: z.string().trim().min(EXPLANATION.min).max(EXPLANATION.max),
  })
  .meta({ id: 'BulkMergeBody', description: 'Merge several duplicates into one idea; all or nothing' })
export type BulkMergeBody = z.input<typeof BulkMergeBody>

export const BulkResult = z
  .object({ ideaIds: z.array(z.number().int()).meta({ description: 'The ideas that changed' }) })
  .meta({ id: 'BulkResult' })

export const AnswerTemplate = z
  .object({
    id: z.number().int(),
    departmentId: z.number().int(),
    title: z.string(),
    body: z.string().meta({ description: 'With {naam} and {titel} where the name and the title go' }),
    updatedAt: Timestamp,
  })
  .meta({ id: 'AnswerTemplate' })
export type AnswerTemplate = z.infer<typeof AnswerTemplate>

export const AnswerTemplateBody = z
  .object({
    departmentId: Id,
    title: z.string().trim().min(ANSWER_TEMPLATE_TITLE.min).max(ANSWER_TEMPLATE_TITLE.max),
    body: z.string().trim().min(ANSWER_TEMPLATE_BODY.min).max(ANSWER_TEMPLATE_BODY.max),
  })
  .meta({ id: 'AnswerTemplateBody' })
export type AnswerTemplateBody = z.input<typeof AnswerTemplateBody>

export const AnswerTemplateQuery = z.object({ department: QueryId.optional() })

export const AnswerTemplateList = z.object({ items: z.array(AnswerTemplate) }).meta({ id: 'AnswerTemplateList' })

export const FilledAnswerTemplate = AnswerTemplate.extend({
  text: z.string().meta({ description: "The body with {naam} (the resident's name) and {titel} filled in" }),
}).meta({ id: 'FilledAnswerTemplate' })
export type FilledAnswerTemplate = z.infer<typeof FilledAnswerTemplate>

export const FilledAnswerTemplateList = z
  .object({ items: z.array(FilledAnswerTemplate).meta({ description: "The idea's department first" }) })
  .meta({ id: 'FilledAnswerTemplateList' })

export const IdeaCorrectionBody = z
  .object({
    title: z.string().trim().min(IDEA_TITLE.min).max(IDEA_TITLE.max).optional(),
    body: z.string().trim().min(IDEA_BODY.min).max(IDEA_BODY.max).optional(),
    themeId: Id.optional(),
    districtId: Id.nullable().optional(),
    reason: z
      .string()
      .trim()
      .min(CORRECTION_REASON.min)
      .max(CORRECTION_REASON.max)
      .meta({ description: 'Public: shown on the idea as "Aangepast door de gemeente op …: <reason>"' }),
  })
  .meta({ id: 'IdeaCorrectionBody', description: 'Only the fields that change; at least one must' })
export type IdeaCorrectionBody = z.input<typeof IdeaCorrectionBody>

/** The Werkbak's list as a file: the same tab, search and filters, every page. */
export const WerkbakExportQuery = WerkbakFilters.extend({
  tab: InboxTab.default('needs_answer'),
  format: ExportFormat.default('xlsx'),
})
