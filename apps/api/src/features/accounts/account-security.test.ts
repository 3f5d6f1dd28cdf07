import { count, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { accountTokens, mailOutbox, users } from '../../db/schema'
import { makeTheme } from '../../test/fixtures'
import {
  createTestApp,
  json,
  lastMailTo,
  loginAs,
  PASSWORD,
  request,
  sessionCookie,
  signUpMember,
  type TestContext,
  tokenFrom,
} from '../../test/test-app'
import { LOGIN_FAILURES_PER_CLIENT, LOGIN_FAILURES_PER_IP, LOGIN_WINDOW_MS } from './auth.routes'

const MINUTE = 60_000
const HOUR = 60 * MINUTE

const signup = (email: string, extra: Record<string, unknown> = {}) => ({
  email,
  password: 'het-wachtwoord-van-de-eigenaar',
  displayName: 'De eigenaar',
  targetGroup: 'resident',
  ...extra,
})

async function accountRow(ctx: TestContext, email: string) {
  return (await ctx.db.select().from(users).where(eq(users.email, email)).limit(1))[0]
}

async function mailsTo(ctx: TestContext, email: string): Promise<number> {
  return (await ctx.db.select({ n: count() }).from(mailOutbox).where(eq(mailOutbox.toAddress, email)))[0]?.n ?? 0
}

const login = (ctx: TestContext, email: string, password: string, ip = '192.0.2.1') =>
  request(ctx, '/api/auth/login', { body: { email, password }, headers: { 'x-forwarded-for': ip } })

describe('a pending sign-up is never overwritten by another (finding 3)', () => {
  const ctx = createTestApp({ devMailbox: true })

  it('answers a second sign-up for a pending address exactly like a first one', async () => {
    const first = await request(ctx, '/api/auth/signup', { body: signup('wacht@example.org') })
    const second = await request(ctx, '/api/auth/signup', {
      body: signup('wacht@example.org', { password: 'het-wachtwoord-van-de-aanvaller' }),
    })
    expect(second.status).toBe(202)
    expect(await second.text()).toBe(await first.text())
    expect(second.headers.get('set-cookie')).toBeNull()
  })

  it('keeps the pending account’s password, name, group, district and language', async () => {
    await request(ctx, '/api/auth/signup', { body: signup('eigenaar@example.org') })
    const before = await accountRow(ctx, 'eigenaar@example.org')
    ctx.clock.advance(MINUTE)
    await request(ctx, '/api/auth/signup', {
      body: signup('eigenaar@example.org', {
        password: 'het-wachtwoord-van-de-aanvaller',
        displayName: 'Aanvaller',
        targetGroup: 'entrepreneur',
        locale: 'en',
      }),
    })
    expect(await accountRow(ctx, 'eigenaar@example.org')).toEqual(before)
  })

  it('mails the address a link to choose a password; the earlier sign-up’s link and password stop working', async () => {
    const email = 'overname@example.org'
    await request(ctx, '/api/auth/signup', {
      body: signup(email, { password: 'het-wachtwoord-van-de-aanvaller', displayName: 'Aanvaller' }),
    })
    const attackerLink = tokenFrom((await lastMailTo(ctx, email))?.text ?? '')
    await request(ctx, '/api/auth/signup', { body: signup(email) })
    const mail = await lastMailTo(ctx, email)
    expect(mail?.subject).toBe('Kies een wachtwoord voor uw account bij Meedenken')
    expect(mail?.text).toMatch(/\/nieuw-wachtwoord\?token=/)
    expect(mail?.text).not.toContain('Aanvaller')
    expect(mail?.text).not.toContain('De eigenaar')

    expect((await request(ctx, '/api/auth/verify', { body: { token: attackerLink } })).status).toBe(422)
    const claimed = await request(ctx, '/api/auth/password-reset/confirm', {
      body: { token: tokenFrom(mail?.text ?? ''), password: 'het-wachtwoord-van-de-eigenaar' },
    })
    expect(claimed.status).toBe(200)
    expect((await json(claimed)).user).toMatchObject({ emailVerified: true })
    expect((await login(ctx, email, 'het-wachtwoord-van-de-aanvaller')).status).toBe(401)
    expect((await login(ctx, email, 'het-wachtwoord-van-de-eigenaar')).status).toBe(200)
  })

  it('lets the resident claim an intake account only through the mailed link, never by a sign-up', async () => {
    const theme = await makeTheme(ctx.db)
    const staff = await loginAs(ctx, 'staff')
    const email = 'debakker@example.org'
    const intake = await request(ctx, '/api/staff/ideas', {
      cookie: staff.cookie,
      body: {
        title: 'Een bankje bij de bakker',
        body: 'Mevrouw De Bakker belde: bij de bakker kun je nergens even zitten.',
        themeId: theme.id,
        channel: 'phone',
        submitter: { displayName: 'Mevrouw De Bakker', email, targetGroup: 'resident' },
      },
    })
    expect(intake.status).toBe(201)
    const before = await accountRow(ctx, email)

    const attempt = await request(ctx, '/api/auth/signup', {
      body: signup(email, { password: 'het-wachtwoord-van-de-aanvaller', displayName: 'Aanvaller' }),
    })
    expect(attempt.status).toBe(202)
    expect(await accountRow(ctx, email)).toEqual(before)
    expect((await login(ctx, email, 'het-wachtwoord-van-de-aanvaller')).status).toBe(401)

    const mail = await lastMailTo(ctx, email)
    expect(mail?.subject).toBe('Kies een wachtwoord voor uw account bij Meedenken')
    expect(mail?.text).not.toContain('Mevrouw De Bakker')
    const claimed = await request(ctx, '/api/auth/password-reset/confirm', {
      body: { token: tokenFrom(mail?.text ?? ''), password: 'mijn-eigen-goede-wachtwoord' },
    })
    expect(claimed.status).toBe(200)
    expect((await json(claimed)).user).toMatchObject({ displayName: 'Mevrouw De Bakker', emailVerified: true })
    expect((await login(ctx, email, 'mijn-eigen-goede-wachtwoord')).status).toBe(200)
  })

  it('sends no more than three such links an hour to one address', async () => {
    const email = 'veelpost@example.org'
    for (let i = 0; i < 6; i++) {
      const res = await request(ctx, '/api/auth/signup', { body: signup(email) })
      expect([202, 429]).toContain(res.status)
    }
    expect(await mailsTo(ctx, email)).toBeLessThanOrEqual(3)
  })
})

describe('display names carry no hidden characters or links (finding 4)', () => {
  const ctx = createTestApp({ devMailbox: true })

  const HIDDEN = 'Gebruik een naam zonder regeleinde, tab of onzichtbare tekens.'
  const LINK = 'Gebruik een naam zonder link of webadres. Zet na een punt een spatie, zoals in J. de Vries.'

  it.each([
    ['a line break', 'Jan\nKlik hier', HIDDEN],
    ['a carriage return', 'Jan\r\nBeste klant', HIDDEN],
    ['a tab', 'Jan\tJansen', HIDDEN],
    ['a right-to-left override', 'Jan \u202Egpj.exe', HIDDEN],
    ['a zero-width space', 'Jan\u200BJansen', HIDDEN],
    ['a link with a scheme', 'Kijk op https://evil.example', LINK],
    ['a link starting with www', 'Ga naar www.gemeente-betalen', LINK],
    ['a bare domain', 'Betaal via gemeente-betalen.nl', LINK],
    ['a domain in full-width dots', 'Betaal via gemeente\uFF0Enl nu', LINK],
    ['an e-mail address', 'mail naar helpdesk@evil.example', LINK],
  ])('refuses a name with %s at sign-up and in the profile, with a clear message', async (_, displayName, message) => {
    const res = await request(ctx, '/api/auth/signup', { body: signup('naam@example.org', { displayName }) })
    expect(res.status).toBe(422)
    expect((await json(res)).error.fields.displayName).toBe(message)
    const { cookie } = await signUpMember(ctx, `profiel-${Math.random().toString(36).slice(2)}@example.org`)
    const patch = await request(ctx, '/api/me', { method: 'PATCH', cookie, body: { displayName } })
    expect(patch.status).toBe(422)
    expect((await json(patch)).error.fields.displayName).toBe(message)
  })

  it('says it in English too', async () => {
    const res = await request(ctx, '/api/auth/signup', {
      body: signup('naam@example.org', { displayName: 'Zie evil.example' }),
      headers: { 'accept-language': 'en' },
    })
    expect((await json(res)).error.fields.displayName).toBe(
      'Use a name without a link or web address. Put a space after a full stop, as in J. de Vries.',
    )
  })

  it.each([
    'J. de Vries',
    "Zoë d'Ancona-Sánchez",
    "Bakkerij 't Hoekje",
    'Stichting Dorpsbelang Meeden e.o.',
    'Jansen & Zn. B.V.',
    'Anouk (Sappemeer)',
  ])('accepts an ordinary name: %s', async (displayName) => {
    const res = await request(ctx, '/api/auth/signup', {
      body: signup(`gewoon-${Math.random().toString(36).slice(2)}@example.org`, { displayName }),
    })
    expect(res.status).toBe(202)
  })

  it('mails an unverified address without any display name', async () => {
    await request(ctx, '/api/auth/signup', {
      body: signup('onbevestigd@example.org', { displayName: 'Zichtbare Naam' }),
    })
    const verify = await lastMailTo(ctx, 'onbevestigd@example.org')
    expect(verify?.text).toMatch(/^Beste lezer,/)
    expect(verify?.text).not.toContain('Zichtbare Naam')
    await request(ctx, '/api/auth/verify/resend', { body: { email: 'onbevestigd@example.org' } })
    expect((await lastMailTo(ctx, 'onbevestigd@example.org'))?.text).not.toContain('Zichtbare Naam')
    await request(ctx, '/api/auth/password-reset', { body: { email: 'onbevestigd@example.org' } })
    const reset = await lastMailTo(ctx, 'onbevestigd@example.org')
    expect(reset?.subject).toBe('Kies een nieuw wachtwoord voor Meedenken')
    expect(reset?.text).not.toContain('Zichtbare Naam')

    await request(ctx, '/api/auth/signup', {
      body: signup('unverified-en@example.org', { displayName: 'Visible Name', locale: 'en' }),
    })
    expect((await lastMailTo(ctx, 'unverified-en@example.org'))?.text).toMatch(/^Hello,/)
  })

  it('keeps working for a name stored before the rule, and leaves it out of mail', async () => {
    const bad = 'Jan\nBetaal via https://evil.example'
    const { cookie } = await signUpMember(ctx, 'oudenaam@example.org')
    await ctx.db.update(users).set({ displayName: bad }).where(eq(users.email, 'oudenaam@example.org'))
    const me = await request(ctx, '/api/me', { cookie })
    expect(me.status).toBe(200)
    expect((await json(me)).user.displayName).toBe(bad)
    expect((await request(ctx, '/api/me', { method: 'PATCH', cookie, body: { locale: 'en' } })).status).toBe(200)
    expect((await login(ctx, 'oudenaam@example.org', PASSWORD)).status).toBe(200)
    await request(ctx, '/api/auth/password-reset', { body: { email: 'oudenaam@example.org' } })
    const mail = await lastMailTo(ctx, 'oudenaam@example.org')
    expect(mail?.subject).toBe('Choose a new password for Meedenken')
    expect(mail?.text).not.toContain('evil.example')
    expect(mail?.text).toMatch(/^Hello,/)
  })
})

describe('confirming an address takes a click that names it (finding 11)', () => {
  const ctx = createTestApp({ devMailbox: true })

  it('looks a link up without using it: the address, and nothing changes', async () => {
    await request(ctx, '/api/auth/signup', { body: signup('Kijk@Example.org') })
    const token = tokenFrom((await lastMailTo(ctx, 'kijk@example.org'))?.text ?? '')
    const before = await ctx.db.select().from(accountTokens)
    const res = await request(ctx, `/api/auth/verify?token=${token}`)
    expect(res.status).toBe(200)
    expect(await json(res)).toEqual({ email: 'kijk@example.org' })
    expect(res.headers.get('cache-control')).toMatch(/no-store/)
    expect(res.headers.get('set-cookie')).toBeNull()
    expect(await ctx.db.select().from(accountTokens)).toEqual(before)
    expect((await accountRow(ctx, 'kijk@example.org'))?.emailVerifiedAt).toBeNull()
    expect((await request(ctx, '/api/auth/verify', { body: { token } })).status).toBe(200)
  })

  it('answers invalid_link for an unknown, used or expired link', async () => {
    const unknown = await request(ctx, `/api/auth/verify?token=${'x'.repeat(43)}`)
    expect(unknown.status).toBe(422)
    expect((await json(unknown)).error.code).toBe('invalid_link')

    await request(ctx, '/api/auth/signup', { body: signup('gebruikt@example.org') })
    const token = tokenFrom((await lastMailTo(ctx, 'gebruikt@example.org'))?.text ?? '')
    await request(ctx, '/api/auth/verify', { body: { token } })
    expect((await json(await request(ctx, `/api/auth/verify?token=${token}`))).error.code).toBe('invalid_link')

    await request(ctx, '/api/auth/signup', { body: signup('verlopen@example.org') })
    const late = tokenFrom((await lastMailTo(ctx, 'verlopen@example.org'))?.text ?? '')
    ctx.clock.advance(25 * HOUR)
    expect((await request(ctx, `/api/auth/verify?token=${late}`)).status).toBe(422)
  })

  it('confirms without taking over the session of someone signed in as another account', async () => {
    const other = await signUpMember(ctx, 'al-ingelogd@example.org')
    await request(ctx, '/api/auth/signup', { body: signup('nieuw-adres@example.org') })
    const token = tokenFrom((await lastMailTo(ctx, 'nieuw-adres@example.org'))?.text ?? '')
    const res = await request(ctx, '/api/auth/verify', { body: { token }, cookie: other.cookie })
    expect(res.status).toBe(200)
    const body = await json(res)
    expect(body).toMatchObject({ signedIn: false, user: { email: 'nieuw-adres@example.org', emailVerified: true } })
    expect(res.headers.get('set-cookie')).toBeNull()
    expect((await json(await request(ctx, '/api/me', { cookie: other.cookie }))).user.email).toBe(
      'al-ingelogd@example.org',
    )
    expect((await login(ctx, 'nieuw-adres@example.org', 'het-wachtwoord-van-de-eigenaar')).status).toBe(200)
  })

  it('signs in a browser that is not signed in', async () => {
    await request(ctx, '/api/auth/signup', { body: signup('vers@example.org') })
    const token = tokenFrom((await lastMailTo(ctx, 'vers@example.org'))?.text ?? '')
    const res = await request(ctx, '/api/auth/verify', { body: { token } })
    expect(await json(res)).toMatchObject({ signedIn: true, user: { email: 'vers@example.org' } })
    expect((await json(await request(ctx, '/api/me', { cookie: sessionCookie(res) }))).user.email).toBe(
      'vers@example.org',
    )
  })
})

describe('a password change ends every outstanding link (finding 12)', () => {
  const ctx = createTestApp({ devMailbox: true })

  it('a reset link asked for before a password change no longer works after it', async () => {
    const { cookie } = await signUpMember(ctx, 'wissel@example.org')
    await request(ctx, '/api/auth/password-reset', { body: { email: 'wissel@example.org' } })
    const token = tokenFrom((await lastMailTo(ctx, 'wissel@example.org'))?.text ?? '')
    const change = await request(ctx, '/api/me/password', {
      cookie,
      body: { currentPassword: PASSWORD, newPassword: 'een-heel-nieuw-wachtwoord' },
    })
    expect(change.status).toBe(204)
    const reset = await request(ctx, '/api/auth/password-reset/confirm', {
      body: { token, password: 'het-wachtwoord-van-de-dief' },
    })
    expect(reset.status).toBe(422)
    expect((await json(reset)).error.code).toBe('invalid_link')
    expect((await login(ctx, 'wissel@example.org', 'een-heel-nieuw-wachtwoord')).status).toBe(200)
  })

  it('a reset ends the pending confirmation link too', async () => {
    await request(ctx, '/api/auth/signup', { body: signup('tweelinks@example.org') })
    const verify = tokenFrom((await lastMailTo(ctx, 'tweelinks@example.org'))?.text ?? '')
    await request(ctx, '/api/auth/password-reset', { body: { email: 'tweelinks@example.org' } })
    const reset = tokenFrom((await lastMailTo(ctx, 'tweelinks@example.org'))?.text ?? '')
    const res = await request(ctx, '/api/auth/password-reset/confirm', {
      body: { token: reset, password: 'een-gloednieuw-wachtwoord' },
    })
    expect(res.status).toBe(200)
    expect((await request(ctx, `/api/auth/verify?token=${verify}`)).status).toBe(422)
  })
})

describe('failed logins slow a client down without locking the owner out (finding 15)', () => {
  const ctx = createTestApp({ devMailbox: true, trustProxy: true })

  it('never limits successful logins, however many from one address', async () => {
    await signUpMember(ctx, 'vaak@example.org')
    for (let i = 0; i < 40; i++)
      expect((await login(ctx, 'vaak@example.org', PASSWORD, '198.51.100.7')).status).toBe(200)
  })

  it('after five failures refuses that client with 429, while the right password from elsewhere works', async () => {
    await signUpMember(ctx, 'doelwit@example.org')
    for (let i = 0; i < LOGIN_FAILURES_PER_CLIENT; i++)
      expect((await login(ctx, 'doelwit@example.org', 'fout-wachtwoord', '203.0.113.9')).status).toBe(401)
    const slowed = await login(ctx, 'doelwit@example.org', PASSWORD, '203.0.113.9')
    expect(slowed.status).toBe(429)
    expect(Number(slowed.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await login(ctx, 'doelwit@example.org', PASSWORD, '192.0.2.55')).status).toBe(200)
    ctx.clock.advance(LOGIN_WINDOW_MS)
    expect((await login(ctx, 'doelwit@example.org', PASSWORD, '203.0.113.9')).status).toBe(200)
  })

  it('cannot be turned into a lock-out by failing from many addresses', async () => {
    await signUpMember(ctx, 'belaagd@example.org')
    for (let ip = 1; ip <= 6; ip++) {
      for (let i = 0; i < LOGIN_FAILURES_PER_CLIENT; i++)
        await login(ctx, 'belaagd@example.org', 'geraden-wachtwoord', `10.0.0.${ip}`)
    }
    expect((await login(ctx, 'belaagd@example.org', PASSWORD, '192.0.2.200')).status).toBe(200)
  })

  it('treats a whole IPv6 /64 as one client', async () => {
    await signUpMember(ctx, 'zes@example.org')
    for (let i = 0; i < LOGIN_FAILURES_PER_CLIENT; i++)
      await login(ctx, 'zes@example.org', 'fout-wachtwoord', `2001:db8:1:2::${i + 1}`)
    expect((await login(ctx, 'zes@example.org', PASSWORD, '2001:db8:1:2:ffff::9')).status).toBe(429)
    expect((await login(ctx, 'zes@example.org', PASSWORD, '2001:db8:1:3::1')).status).toBe(200)
  })

  it('slows down one IP that fails across many addresses, and a success on its own account does not reset that', async () => {
    const own = await loginAs(ctx, 'member', 'eigen-account@example.org')
    expect(own.cookie).toBeTruthy()
    for (let i = 0; i < LOGIN_FAILURES_PER_IP; i++) {
      expect((await login(ctx, `geraden${i}@example.org`, 'welkom-welkom', '198.51.100.66')).status).toBe(401)
      if (i % 5 === 0)
        expect((await login(ctx, 'eigen-account@example.org', PASSWORD, '198.51.100.66')).status).toBe(200)
    }
    expect((await login(ctx, 'nog-een@example.org', 'welkom-welkom', '198.51.100.66')).status).toBe(429)
  })

  it('says “1 minuut” and “1 seconde” in the singular, in both languages', async () => {
    await signUpMember(ctx, 'enkelvoud@example.org')
    for (let i = 0; i < LOGIN_FAILURES_PER_CLIENT; i++) {
      await login(ctx, 'enkelvoud@example.org', 'fout-wachtwoord', '192.0.2.77')
    }
    ctx.clock.advance(LOGIN_WINDOW_MS - MINUTE)
    const minute = await login(ctx, 'enkelvoud@example.org', PASSWORD, '192.0.2.77')
    expect(minute.headers.get('retry-after')).toBe('60')
    expect((await json(minute)).error.message).toBe(
      'U hebt het te vaak geprobeerd. Wacht 1 minuut en probeer het dan opnieuw.',
    )
    ctx.clock.advance(59_000)
    const second = await request(ctx, '/api/auth/login', {
      body: { email: 'enkelvoud@example.org', password: PASSWORD },
      headers: { 'x-forwarded-for': '192.0.2.77', 'accept-language': 'en' },
    })
    expect((await json(second)).error.message).toBe('You have tried too often. Please wait 1 second and try again.')
  })
})

describe('reset mails to one address are limited per hour (finding 15)', () => {
  const ctx = createTestApp({ devMailbox: true })

  it('sends at most three reset links an hour to one address, with the same 202 answer throughout', async () => {
    await signUpMember(ctx, 'reset-veel@example.org')
    const mailsBefore = await mailsTo(ctx, 'reset-veel@example.org')
    const answers = new Set<string>()
    for (let i = 0; i < 6; i++) {
      const known = await request(ctx, '/api/auth/password-reset', { body: { email: 'reset-veel@example.org' } })
      const unknown = await request(ctx, '/api/auth/password-reset', { body: { email: 'niemand-hier@example.org' } })
      expect([known.status, unknown.status]).toEqual([202, 202])
      answers.add(await known.text())
      answers.add(await unknown.text())
    }
    expect(answers.size).toBe(1)
    expect((await mailsTo(ctx, 'reset-veel@example.org')) - mailsBefore).toBe(3)
    ctx.clock.advance(HOUR)
    await request(ctx, '/api/auth/password-reset', { body: { email: 'reset-veel@example.org' } })
    expect((await mailsTo(ctx, 'reset-veel@example.org')) - mailsBefore).toBe(4)
  })
})

describe('who am I, and erasing an account (finding 16)', () => {
  const ctx = createTestApp({ devMailbox: true })

  it('answers a visitor 200 with user null', async () => {
    const res = await request(ctx, '/api/me')
    expect(res.status).toBe(200)
    expect(await json(res)).toEqual({ user: null })
  })

  it('still answers 401 to a browser whose session ended, once, and clears its cookie', async () => {
    const { cookie } = await signUpMember(ctx, 'afgelopen@example.org')
    await request(ctx, '/api/auth/logout', { method: 'POST', cookie })
    const res = await request(ctx, '/api/me', { cookie })
    expect(res.status).toBe(401)
    expect(res.headers.get('set-cookie')).toMatch(/Max-Age=0/)
  })

  it('erases an account only with its current password', async () => {
    const { cookie, userId } = await signUpMember(ctx, 'wis-mij@example.org')
    const missing = await request(ctx, '/api/me', { method: 'DELETE', cookie })
    expect(missing.status).toBe(422)
    const wrong = await request(ctx, '/api/me', {
      method: 'DELETE',
      cookie,
      body: { password: 'niet-mijn-wachtwoord' },
    })
    expect(wrong.status).toBe(422)
    expect((await json(wrong)).error.fields).toEqual({ password: 'Het wachtwoord klopt niet. Probeer het opnieuw.' })
    expect((await ctx.db.select().from(users).where(eq(users.id, userId)).limit(1))[0]?.deletedAt).toBeNull()
    expect((await request(ctx, '/api/me', { cookie })).status).toBe(200)
    const right = await request(ctx, '/api/me', { method: 'DELETE', cookie, body: { password: PASSWORD } })
    expect(right.status).toBe(204)
    expect((await ctx.db.select().from(users).where(eq(users.id, userId)).limit(1))[0]?.deletedAt).not.toBeNull()
  })

  it('limits wrong passwords when erasing', async () => {
    const { cookie } = await signUpMember(ctx, 'raden@example.org')
    for (let i = 0; i < 5; i++) {
      await request(ctx, '/api/me', { method: 'DELETE', cookie, body: { password: `fout-${i}-wachtwoord` } })
    }
    expect((await request(ctx, '/api/me', { method: 'DELETE', cookie, body: { password: PASSWORD } })).status).toBe(429)
  })
})
