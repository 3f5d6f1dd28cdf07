import { z } from 'zod'
import { Cursor, PageLimit, Timestamp } from './common'
import { EmailFrequency, Locale, Role, TargetGroup } from './enums'

export const PASSWORD = { min: 10, max: 256 } as const
export const DISPLAY_NAME = { min: 2, max: 60 } as const

/** Addresses are compared and stored trimmed and lower-cased. */
export const Email = z.string().trim().toLowerCase().max(254).pipe(z.email())

// No composition rules (NIST 800-63B): length, and a check against common passwords in the API.
export const NewPassword = z.string().min(PASSWORD.min).max(PASSWORD.max)

export const DisplayName = z.string().trim().min(DISPLAY_NAME.min).max(DISPLAY_NAME.max)

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
