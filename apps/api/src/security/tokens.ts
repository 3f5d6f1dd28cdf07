import { createHash, randomBytes } from 'node:crypto'

/** 256 random bits, URL-safe: for session cookies and mailed links. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url')
}

/** Tokens are stored only as their SHA-256, so a copy of the database opens no account. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url')
}
