import { readFileSync } from 'node:fs'

// From the zxcvbn-ts common password list (MIT), the entries of 10+ characters (shorter
// ones are refused for length anyway), plus common Dutch and local ones.
const COMMON = new Set(
  readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trim().toLowerCase())
    .filter(Boolean),
)

/** True for a password on the list, or one that is just the person's own address or name. */
export function isCommonPassword(password: string, context: string[] = []): boolean {
  const lower = password.toLowerCase()
  if (COMMON.has(lower)) return true
  if (/^(.)\1+$/.test(password)) return true
  return context.some((c) => c.length > 0 && lower === c.toLowerCase())
}
