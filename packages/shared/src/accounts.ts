import { z } from 'zod'
import { Cursor, PageLimit, Timestamp } from './common'
import { EmailFrequency, Locale, Role, TargetGroup } from './enums'
import { DISPLAY_NAME, EMAIL_MAX } from './limits'

export const PASSWORD = { min: 10, max: 256 } as const

/** Addresses are compared and stored trimmed and lower-cased. */
export const Email = z.string().trim().toLowerCase().max(EMAIL_MAX).pipe(z.email())

// No composition rules (NIST 800-63B): length, and a check against common passwords in the API.
export const NewPassword = z.string().min(PASSWORD.min).max(PASSWORD.max)

// Line breaks, tabs, bidi overrides, zero-width and other invisible characters (\p{C}), and
// the line and paragraph separators: in a mail or a list they rearrange what people read.
const HIDDEN_CHARACTER = /[\p{C}\p{Zl}\p{Zp}]/u
// A scheme, "www.", an address with "@", or a word, a dot and letters (naam.nl, evil.example):
// what a mail program turns into a link. Checked on the NFKC form with the dots that domain
// names also accept (。．｡) made plain, so "gemeente．nl" counts too.
const LINK_LIKE =
  /[a-z][a-z0-9+.-]*:\/\/|\b(?:https?|mailto|tel|sms|javascript|data):(?!\s)|\bwww\.|@|[\p{L}\p{N}]\.\p{L}{2,}/iu
const OTHER_DOTS = /[\u3002\uFF0E\uFF61]/gu

/**
 * Why a display name may not be shown to others, or null when it may. Names are shown on
 * the site and in mail sent from the municipality's address, so they carry neither hidden
 * characters nor links. Names stored before this rule are not refused on read: mail leaves
 * such a name out (see the API's mail templates).
 */
export function displayNameProblem(name: string): 'displayNameHidden' | 'displayNameLink' | null {
  if (HIDDEN_CHARACTER.test(name)) return 'displayNameHidden'
  if (LINK_LIKE.test(name.normalize('NFKC').replace(OTHER_DOTS, '.'))) return 'displayNameLink'
  return null
}

export const DisplayName = z
  .string()
  .trim()
  .min(DISPLAY_NAME.min)
  .max(DISPLAY_NAME.max)
  .superRefine((name, ctx) => {
    const problem = displayNameProblem(name)
    if (problem) ctx.addIssue({ code: 'custom', message: problem, params: { messageKey: problem } })
  })

const Id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

export const SignupBody = z
  .object({
    email: Email,
    password: NewPassword,
    displayName: DisplayName,
    targetGroup: TargetGroup,
    districtId: Id.nullable().optional(),
    locale: Locale.optional(),
    website: z.string().max(500).optional().meta({ description: 'Honeypot: left empty by people, filled by bots.' }),
    fillTimeMs: z
      .number()
      .int()
      .min(0)
      .max(Number.MAX_SAFE_INTEGER)
      .optional()
      .meta({ description: 'How long the form was open before it was sent, measured by the web form.' }),
  })
  .meta({ id: 'SignupBody' })
export type SignupBody = z.input<typeof SignupBody>

export const TokenBody = z.object({ token: z.string().min(20).max(200) }).meta({ id: 'TokenBody' })

export const LoginBody = z
  .object({
    email: z.string().trim().toLowerCase().min(1).max(254),
    password: z.string().min(1).max(PASSWORD.max),
  })
  .meta({ id: 'LoginBody' })
export type LoginBody = z.input<typeof LoginBody>

export const EmailBody = z.object({ email: Email }).meta({ id: 'EmailBody' })

export const ResetPasswordBody = z
  .object({ token: z.string().min(20).max(200), password: NewPassword })
  .meta({ id: 'ResetPasswordBody' })

export const User = z
  .object({
    id: z.number().int(),
    displayName: z.string(),
    email: z.string(),
    role: Role,
    targetGroup: TargetGroup.nullable(),
    districtId: z.number().int().nullable(),
    locale: Locale,
    emailVerified: z.boolean(),
    emailFrequency: EmailFrequency,
  })
  .meta({ id: 'User', description: 'The signed-in person.' })
export type User = z.infer<typeof User>

export const UserResponse = z.object({ user: User })

/** `GET /api/me`: a visitor is an answer, not an error. */
export const MeResponse = z.object({ user: User.nullable() }).meta({ id: 'MeResponse' })

/** After confirming an address: signed in, unless this browser was signed in as someone else. */
export const VerifyResponse = z
  .object({
    user: User,
    signedIn: z.boolean().meta({
      description: 'False when the browser was signed in as another account: that session is kept.',
    }),
  })
  .meta({ id: 'VerifyResponse' })

export const TokenQuery = z.object({ token: z.string().min(20).max(200) })

export const VerifyLookup = z
  .object({ email: z.string().meta({ description: 'The address this link confirms' }) })
  .meta({ id: 'VerifyLookup' })

export const DeleteAccountBody = z
  .object({ password: z.string().min(1).max(PASSWORD.max) })
  .meta({ id: 'DeleteAccountBody', description: 'The current password, asked again before erasing' })

export const Accepted = z.object({ message: z.string() }).meta({ id: 'Accepted' })

export const ProfileUpdate = z
  .object({
    displayName: DisplayName.optional(),
    targetGroup: TargetGroup.optional(),
    districtId: Id.nullable().optional(),
    locale: Locale.optional(),
    emailFrequency: EmailFrequency.optional(),
  })
  .meta({ id: 'ProfileUpdate' })
export type ProfileUpdate = z.input<typeof ProfileUpdate>

export const PasswordChange = z
  .object({ currentPassword: z.string().min(1).max(PASSWORD.max), newPassword: NewPassword })
  .meta({ id: 'PasswordChange' })

export const DataExport = z
  .record(z.string(), z.unknown())
  .meta({ id: 'DataExport', description: 'Everything Meedenken holds about the signed-in person.' })

export const AdminUser = z
  .object({
    id: z.number().int(),
    displayName: z.string(),
    email: z.string().nullable(),
    role: Role,
    targetGroup: TargetGroup.nullable(),
    emailVerified: z.boolean(),
    blocked: z.boolean(),
    deleted: z.boolean(),
    createdAt: Timestamp,
  })
  .meta({ id: 'AdminUser' })
export type AdminUser = z.infer<typeof AdminUser>

export const AdminUserQuery = z.object({
  q: z.string().trim().max(100).optional(),
  role: Role.optional(),
  cursor: Cursor.optional(),
  limit: PageLimit,
})

export const AdminUserPage = z
  .object({ items: z.array(AdminUser), nextCursor: z.string().nullable() })
  .meta({ id: 'AdminUserPage' })

export const RoleChange = z.object({ role: Role }).meta({ id: 'RoleChange' })

export const DevMail = z.object({
  items: z.array(z.object({ to: z.string(), subject: z.string(), text: z.string(), createdAt: Timestamp })),
})
