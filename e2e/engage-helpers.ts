import { type APIRequestContext, expect, type Page, request } from '@playwright/test'
import { serverNow } from './clock'
import { DEMO_PASSWORD, PASSWORD, uniqueEmail } from './fixtures'

/**
 * Helpers for the accountability and co-creation journeys. Accounts and ideas are made
 * through the API (quicker than the forms, which other journeys already test), each test
 * its own: the journeys run in parallel against one server and database.
 */

export const STAFF_EMAIL = 'medewerker@midden-groningen.example'

export const tag = () => Math.random().toString(36).slice(2, 7)

type TargetGroup = 'resident' | 'entrepreneur' | 'organisation'

async function json<T>(response: { status(): number; text(): Promise<string> }, status: number): Promise<T> {
  const text = await response.text()
  expect(response.status(), text).toBe(status)
  return (text ? JSON.parse(text) : null) as T
}

type Mail = { to: string; subject: string; text: string; createdAt: string }

/** Waits for the newest mail to `to` whose subject matches, in the development mailbox. */
export async function waitForMail(
  api: APIRequestContext,
  to: string,
  subject: RegExp,
  timeoutMs = 10_000,
): Promise<Mail> {
  let found: Mail | undefined
  await expect
    .poll(
      async () => {
        const { items } = await json<{ items: Mail[] }>(await api.get('/api/dev/mail'), 200)
        found = items.find((m) => m.to === to && subject.test(m.subject))
        return found !== undefined
      },
      { timeout: timeoutMs, intervals: [250, 500, 1000, 2000] },
    )
    .toBe(true)
  return found as Mail
}

/**
 * Signs up and confirms a fresh member through the API, which signs `page` in (the
 * request context shares the browser's cookies). Returns the address.
 */
export async function memberViaApi(
  page: Page,
  baseURL: string,
  options: { prefix: string; name: string; targetGroup?: TargetGroup },
): Promise<string> {
  const email = uniqueEmail(options.prefix)
  const headers = { origin: baseURL }
  await json(
    await page.request.post('/api/auth/signup', {
      headers,
      data: {
        email,
        password: PASSWORD,
        displayName: options.name,
        targetGroup: options.targetGroup ?? 'resident',
      },
    }),
    202,
  )
  const mail = await waitForMail(page.request, email, /Bevestig uw e-mailadres/)
  const token = /token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1]
  expect(token, 'verification link in the mail').toBeTruthy()
  await json(await page.request.post('/api/auth/verify', { headers, data: { token } }), 200)
  return email
}

/** A signed-in request context for the demo civil servant, apart from any browser page. */
export async function staffSession(baseURL: string): Promise<APIRequestContext> {
  const staff = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } })
  await json(await staff.post('/api/auth/login', { data: { email: STAFF_EMAIL, password: DEMO_PASSWORD } }), 200)
  return staff
}

export async function themeId(api: APIRequestContext, slug: string): Promise<number> {
  const { items } = await json<{ items: { id: number; slug: string }[] }>(await api.get('/api/themes'), 200)
  const theme = items.find((t) => t.slug === slug)
  expect(theme, `theme ${slug}`).toBeDefined()
  return theme?.id ?? 0
}

/** Sends in an idea as whoever is signed in on `page`. Returns its id. */
export async function ideaViaApi(
  page: Page,
  baseURL: string,
  idea: { title: string; body: string; themeSlug?: string },
): Promise<number> {
  const theme = await themeId(page.request, idea.themeSlug ?? 'groen')
  const { idea: created } = await json<{ idea: { id: number } }>(
    await page.request.post('/api/ideas', {
      headers: { origin: baseURL },
      data: { title: idea.title, body: idea.body, themeId: theme },
    }),
    201,
  )
  return created.id
}

export async function changeStatus(
  staff: APIRequestContext,
  ideaId: number,
  status: string,
  explanation: string,
): Promise<void> {
  await json(await staff.post(`/api/ideas/${ideaId}/status`, { data: { status, explanation } }), 201)
}

export async function ideaByTitle(api: APIRequestContext, title: string): Promise<{ id: number; themeId: number }> {
  const { items } = await json<{ items: { id: number; title: string; themeId: number }[] }>(
    await api.get(`/api/ideas?q=${encodeURIComponent(title)}&limit=10`),
    200,
  )
  const idea = items.find((i) => i.title === title)
  expect(idea, title).toBeDefined()
  return idea as { id: number; themeId: number }
}

type Cell = { themeId: number | null; quarter: string; targetGroup: string; ratings: number | null }
type Scorecard = {
  quarters: string[]
  cells: Cell[]
  trend: { month: string; ratings: number | null }[]
}

export async function scorecard(api: APIRequestContext): Promise<Scorecard> {
  return json<Scorecard>(await api.get('/api/stats/scorecard'), 200)
}

/** "2026-Q4" and "2026-11" of the server's current moment, in the municipality's time zone. */
export function thisQuarterAndMonth(): { quarter: string; month: string; quarterLabel: string; monthLabel: string } {
  const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit' })
    .format(new Date(serverNow()))
    .slice(0, 7)
  const q = Math.ceil(Number(month.slice(5, 7)) / 3)
  const year = month.slice(0, 4)
  const monthLabel = new Intl.DateTimeFormat('nl-NL', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-15T12:00:00Z`),
  )
  return { quarter: `${year}-Q${q}`, month, quarterLabel: `${q}e kwartaal ${year}`, monthLabel }
}
