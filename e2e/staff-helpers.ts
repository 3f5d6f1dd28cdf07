import { randomInt } from 'node:crypto'
import { type APIRequestContext, expect, request } from '@playwright/test'
import { DEMO_PASSWORD, PASSWORD, uniqueEmail } from './fixtures'
import { baseURL } from './playwright.config'

/**
 * Helpers for the staff journeys. Members are made through the API (sign-up, then the
 * link from the development mailbox), which takes milliseconds instead of the sign-up
 * form's deliberate three seconds. Write requests carry an Origin header, as a browser's do.
 */

export const STAFF = { email: 'medewerker@midden-groningen.example', password: DEMO_PASSWORD }
export const ADMIN = { email: 'beheerder@midden-groningen.example', password: DEMO_PASSWORD }

export const tag = () => Math.random().toString(36).slice(2, 7)

type Method = 'post' | 'put'

/** A write through the API as whoever `api` is logged in as; fails the test on another status. */
export async function write<T = unknown>(
  api: APIRequestContext,
  url: string,
  data: unknown,
  { method = 'post', status = [200, 201, 204] }: { method?: Method; status?: number[] } = {},
): Promise<T> {
  const response = await api[method](url, { data, headers: { origin: baseURL } })
  expect(status, `${method.toUpperCase()} ${url}: ${await response.text()}`).toContain(response.status())
  return (response.status() === 204 ? undefined : await response.json()) as T
}

export async function read<T>(api: APIRequestContext, url: string): Promise<T> {
  const response = await api.get(url)
  expect(response.status(), `GET ${url}: ${await response.text()}`).toBe(200)
  return (await response.json()) as T
}

/**
 * Logs in through the API; the cookie lands in `api`'s jar (for `page.request`, in the
 * browser's). Only failed logins count towards a limit, so journeys in parallel can all
 * use the shared demo accounts.
 */
export async function logInByApi(api: APIRequestContext, account: { email: string; password: string }) {
  const response = await api.post('/api/auth/login', { data: account, headers: { origin: baseURL } })
  expect(response.status(), await response.text()).toBe(200)
  return ((await response.json()) as { user: { id: number; displayName: string } }).user
}

export type ApiMember = { api: APIRequestContext; email: string; id: number; name: string }

/**
 * Each API member signs up from an address of their own, as people do: the server trusts the
 * proxy header in e2e (serve.mjs), so the per-address sign-up limit (60 an hour) counts each
 * person apart instead of the whole suite as one visitor at 127.0.0.1.
 */
function ownAddress(): string {
  return `10.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`
}

/** A fresh, verified and logged-in member with their own request context (and cookie jar). */
export async function newApiMember(prefix: string, name: string): Promise<ApiMember> {
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { 'x-forwarded-for': ownAddress() } })
  const email = uniqueEmail(prefix)
  await write(
    api,
    '/api/auth/signup',
    { email, password: PASSWORD, displayName: name, targetGroup: 'resident' },
    { status: [202] },
  )
  let token = ''
  await expect
    .poll(async () => {
      const mail = await read<{ items: { to: string; subject: string; text: string }[] }>(api, '/api/dev/mail')
      const verify = mail.items.find((m) => m.to === email && /Bevestig/.test(m.subject))
      token = /token=([A-Za-z0-9_-]+)/.exec(verify?.text ?? '')?.[1] ?? ''
      return token
    })
    .not.toBe('')
  const { user } = await write<{ user: { id: number } }>(api, '/api/auth/verify', { token })
  return { api, email, id: user.id, name }
}

const themeIds = new Map<string, number>()

export async function themeId(api: APIRequestContext, slug: string): Promise<number> {
  if (!themeIds.has(slug)) {
    const themes = await read<{ items: { id: number; slug: string }[] }>(api, '/api/themes')
    for (const theme of themes.items) themeIds.set(theme.slug, theme.id)
  }
  const id = themeIds.get(slug)
  expect(id, `theme ${slug}`).toBeDefined()
  return id ?? 0
}

/** Sends in an idea as `member`; returns its id. */
export async function proposeByApi(
  member: ApiMember,
  idea: { title: string; body: string; themeSlug?: string },
): Promise<number> {
  const body = { title: idea.title, body: idea.body, themeId: await themeId(member.api, idea.themeSlug ?? 'groen') }
  const { idea: created } = await write<{ idea: { id: number } }>(member.api, '/api/ideas', body, { status: [201] })
  return created.id
}

/** Posts a comment as `member`; returns its id. */
export async function commentByApi(member: ApiMember, ideaId: number, body: string): Promise<number> {
  const { comment } = await write<{ comment: { id: number } }>(
    member.api,
    `/api/ideas/${ideaId}/comments`,
    { body },
    { status: [201] },
  )
  return comment.id
}

export async function reportByApi(
  member: ApiMember,
  subject: { type: 'idea' | 'comment'; id: number },
  reason: 'spam' | 'offensive' | 'personal_data' | 'off_topic' | 'other',
): Promise<void> {
  await write(
    member.api,
    '/api/reports',
    { subjectType: subject.type, subjectId: subject.id, reason, note: 'Gemeld in de e2e-test' },
    { status: [201] },
  )
}

export { amsterdamDay } from './clock'
