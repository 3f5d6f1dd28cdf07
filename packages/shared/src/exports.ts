import { z } from 'zod'
import { Quarter } from './accountability'
import { Cursor, PageLimit, Timestamp } from './common'
import { TargetGroup } from './enums'
import { CATALOG_NAME, MEMBER_SEARCH, THEME_DESCRIPTION_MAX } from './limits'

/**
 * Downloads as files: the open data, the staff dashboard, the audit log. Also the schemas of
 * the member search and of managing themes and districts (issue 18).
 */

/** The two CSV forms: `standard` (RFC 4180: ",", decimal point) and `excel-nl` (";", decimal comma, BOM). */
export const CsvFormat = z
  .enum(['standard', 'excel-nl'])
  .meta({ description: 'standard: RFC 4180 with "," and a decimal point; excel-nl: ";", a decimal comma and a BOM' })
export type CsvFormat = z.infer<typeof CsvFormat>

/** A file for a council report: an Excel workbook, a CSV for Dutch Excel, or a standard CSV. */
export const ExportFormat = z
  .enum(['xlsx', 'excel-nl', 'standard'])
  .meta({ description: 'xlsx: an Excel workbook; excel-nl: CSV for Dutch Excel; standard: RFC 4180 CSV' })
export type ExportFormat = z.infer<typeof ExportFormat>

/** The query of a CSV download: `?format=excel-nl` for Dutch Excel. */
export const CsvFormatQuery = z.object({ format: CsvFormat.default('standard') })

/** The staff dashboard as a file: the quarter shown on screen. */
export const DashboardExportQuery = z.object({ quarter: Quarter.optional(), format: ExportFormat.default('xlsx') })

/** A calendar day in the municipality ("2026-03-01"), as a date field sends it. */
export const Day = z
  .string()
  .regex(/^(?:19[7-9]\d|20\d\d|2100)-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/)
  .refine((day) => new Date(`${day}T00:00:00Z`).toISOString().startsWith(day), { message: 'Not a real date' })
  .meta({ description: 'A calendar day in Amsterdam, YYYY-MM-DD', example: '2026-03-01' })

export const AUDIT_EXPORT_LIMIT = 5000

/** A line of an audit entry in words: "Status: In behandeling → Gepland". */
export const AuditLine = z
  .object({
    label: z.object({ nl: z.string(), en: z.string() }),
    value: z.object({ nl: z.string(), en: z.string() }),
  })
  .meta({ id: 'AuditLine' })
export type AuditLine = z.infer<typeof AuditLine>

export const Member = z
  .object({
    id: z.number().int(),
    displayName: z.string(),
    email: z.string().nullable().meta({ description: 'Only for administrators; null for staff' }),
    targetGroup: TargetGroup.nullable(),
    ideas: z.number().int(),
    comments: z.number().int(),
    blocked: z.boolean(),
    createdAt: Timestamp,
  })
  .meta({ id: 'Member' })
export type Member = z.infer<typeof Member>

export const MemberQuery = z.object({
  q: z
    .string()
    .trim()
    .min(MEMBER_SEARCH.min)
    .max(MEMBER_SEARCH.max)
    .meta({ description: 'Part of the name (administrators: or of the e-mail address)' }),
  cursor: Cursor.optional(),
  limit: PageLimit,
})

export const MemberPage = z
  .object({ items: z.array(Member), nextCursor: z.string().nullable() })
  .meta({ id: 'MemberPage' })
export type MemberPage = z.infer<typeof MemberPage>

const CatalogName = z.string().trim().min(CATALOG_NAME.min).max(CATALOG_NAME.max)

export const ThemeBody = z
  .object({
    name: CatalogName,
    nameEn: CatalogName,
    description: z.string().trim().max(THEME_DESCRIPTION_MAX).default(''),
  })
  .meta({ id: 'ThemeBody' })

export const DistrictBody = z.object({ name: CatalogName }).meta({ id: 'DistrictBody' })

export const ArchiveBody = z
  .object({ archived: z.boolean() })
  .meta({ id: 'ArchiveBody', description: 'true: no longer offered for new ideas; false: offered again' })
