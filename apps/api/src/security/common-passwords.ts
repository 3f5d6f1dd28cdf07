import { COMMON_PASSWORDS } from './common-password-list'

const COMMON = new Set(COMMON_PASSWORDS.map((p) => p.toLowerCase()))

/** True for a password on the list, or one that is just the person's own address or name. */
export function isCommonPassword(password: string, context: string[] = []): boolean {
  const lower = password.toLowerCase()
  if (COMMON.has(lower)) return true
  if (/^(.)\1+$/.test(password)) return true
  return context.some((c) => c.length > 0 && lower === c.toLowerCase())
}
