import { count } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { mailOutbox, users } from '../../db/schema'
import {
  createTestApp,
  databaseDigest,
  json,
  lastMailTo,
  PASSWORD,
  request,
  sessionCookie,
  signUpMember,
  tokenFrom,
} from '../../test/test-app'

const HOUR = 3_600_000

const valid = {
  email: 'Anouk@Example.org',
  password: 'zonnebloem-aan-het-meer',
  displayName: 'Anouk',
  targetGroup: 'resident',
}

describe('sign-up validation', () => {
  const ctx = createTestApp({ devMailbox: true })

  it.each([
    ['email', { email: 'geen-adres' }, 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.'],
    ['email', { email: `${'a'.repeat(250)}@example.org` }, 'Gebruik hoogstens 254 tekens.'],
    ['password', { password: 'kort-9chr' }, 'Gebruik minstens 10 tekens.'],
    ['password', { password: 'x'.repeat(257) }, 'Gebruik hoogstens 256 tekens.'],
    [
      'password',
      { password: 'wachtwoord123' },
      'Dit wachtwoord komt te vaak voor en is makkelijk te raden. Kies een ander wachtwoord.',
    ],
    ['displayName', { displayName: 'A' }, 'Gebruik minstens 2 tekens.'],
    ['displayName', { displayName: 'x'.repeat(61) }, 'Gebruik hoogstens 60 tekens.'],
    ['targetGroup', { targetGroup: 'alien' }, 'Kies een van de mogelijkheden.'],
    ['districtId', { districtId: 999_999 }, 'Kies een dorp of wijk uit de lijst.'],
    ['districtId', { districtId: 'Hoogezand' }, 'Vul een getal in.'],
  ])('refuses a bad %s with 422 and changes nothing', async (field, change, message) => {
    const before = await databaseDigest(ctx)
    const res = await request(ctx, '/api/auth/signup', { body: { ...valid, ...change } })
    expect(res.status).toBe(422)
    const body = await json(res)
    expect(body.error.code).toBe('validation_failed')
    expect(body.error.fields[field]).toBe(message)
    expect(await databaseDigest(ctx)).toBe(before)
  })

  it('names every missing field at once', async () => {
    const res = await request(ctx, '/api/auth/signup', { body: {} })
    expect(res.status).toBe(422)
    expect(Object.keys((await json(res)).error.fields).sort()).toEqual([
      'displayName',
      'email',
      'password',
      'targetGroup',
    ])
  })
})

describe('sign-up and verification', () => {
  const ctx = createTestApp({ devMailbox: true })

  it('answers 202, mails a single-use link, and verifying signs the member in', async () => {
    const res = await request(ctx, '/api/auth/signup', { body: valid })
    expect(res.status).toBe(202)
    expect(res.headers.get('set-cookie')).toBeNull()
    const mail = await lastMailTo(ctx, 'anouk@example.org')
    expect(mail?.subject).toBe('Bevestig uw e-mailadres voor Meedenken')
    expect(mail?.text).toMatch(/http:\/\/localhost:3000\/bevestigen\?token=/)
    const token = tokenFrom(mail?.text ?? '')

    const login = await request(ctx, '/api/auth/login', { body: { email: valid.email, password: valid.password } })
    expect(login.status).toBe(403)
    expect((await json(login)).error.code).toBe('email_not_verified')

    const verify = await request(ctx, '/api/auth/verify', { body: { token } })
    expect(verify.status).toBe(200)
    const { user } = await json(verify)
    expect(user).toMatchObject({ displayName: 'Anouk', role: 'member', targetGroup: 'resident', emailVerified: true })
    const me = await request(ctx, '/api/me', { cookie: sessionCookie(verify) })
    expect(me.status).toBe(200)
    expect((await json(me)).user.email).toBe('anouk@example.org')

    const again = await request(ctx, '/api/auth/verify', { body: { token } })
    expect(again.status).toBe(422)
    expect((await json(again)).error.code).toBe('invalid_link')
  })

  it('answers a sign-up for a known address exactly like a new one, and tells the owner', async () => {
    const fresh = await request(ctx, '/api/auth/signup', { body: { ...valid, email: 'nieuw@example.org' } })
    const usersBefore = (await ctx.db.select({ n: count() }).from(users))[0]?.n
    const known = await request(ctx, '/api/auth/signup', { body: { ...valid, password: 'een-ander-lang-wachtwoord' } })
    expect(known.status).toBe(fresh.status)
    expect(await known.text()).toBe(await fresh.text())
    expect(known.headers.get('set-cookie')).toBe(fresh.headers.get('set-cookie'))
    expect((await ctx.db.select({ n: count() }).from(users))[0]?.n).toBe(usersBefore)
    const mail = await lastMailTo(ctx, 'anouk@example.org')
    expect(mail?.subject).toBe('U hebt al een account bij Meedenken')
    expect(mail?.text).toMatch(/\/wachtwoord-vergeten/)
  })

  it('lets a link expire after 24 hours', async () => {
    await request(ctx, '/api/auth/signup', { body: { ...valid, email: 'laat@example.org' } })
    const token = tokenFrom((await lastMailTo(ctx, 'laat@example.org'))?.text ?? '')
    ctx.clock.advance(24 * HOUR + 1000)
    const res = await request(ctx, '/api/auth/verify', { body: { token } })
    expect(res.status).toBe(422)
    const resend = await request(ctx, '/api/auth/verify/resend', { body: { email: 'laat@example.org' } })
    expect(resend.status).toBe(202)
    const fresh = tokenFrom((await lastMailTo(ctx, 'laat@example.org'))?.text ?? '')
    expect(fresh).not.toBe(token)
    expect((await request(ctx, '/api/auth/verify', { body: { token: fresh } })).status).toBe(200)
  })

  it('quietly ignores a bot that fills the hidden field (a too-fast person is told: signup-too-fast.test.ts)', async () => {
    const outboxBefore = (await ctx.db.select({ n: count() }).from(mailOutbox))[0]?.n
    const res = await request(ctx, '/api/auth/signup', {
      body: { ...valid, email: 'bot@example.org', website: 'http://spam.example' },
    })
    expect(res.status).toBe(202)
    expect((await ctx.db.select({ n: count() }).from(mailOutbox))[0]?.n).toBe(outboxBefore)
    const human = await request(ctx, '/api/auth/signup', {
      body: { ...valid, email: 'mens@example.org', fillTimeMs: 45_000, website: '' },
    })
    expect(human.status).toBe(202)
    expect(await lastMailTo(ctx, 'mens@example.org')).toBeDefined()
  })
})

describe('logging in and out', () => {
  const ctx = createTestApp({ devMailbox: true })

  it('refuses a wrong password and an unknown address with the same answer', async () => {
    await signUpMember(ctx, 'jan@example.org')
    const wrong = await request(ctx, '/api/auth/login', {
      body: { email: 'jan@example.org', password: 'niet-het-goede' },
    })
    const unknown = await request(ctx, '/api/auth/login', {
      body: { email: 'niemand@example.org', password: 'niet-het-goede' },
    })
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    expect(await wrong.text()).toBe(await unknown.text())
  })

  it('signs in with a fresh session and ends the one the browser brought', async () => {
    const { cookie: old } = await signUpMember(ctx, 'piet@example.org')
    const res = await request(ctx, '/api/auth/login', {
      body: { email: 'PIET@example.org', password: PASSWORD },
      cookie: old,
    })
    expect(res.status).toBe(200)
    const fresh = sessionCookie(res)
    expect(fresh).not.toBe(old)
    expect(res.headers.get('set-cookie')).toMatch(/HttpOnly/i)
    expect(res.headers.get('set-cookie')).toMatch(/SameSite=Lax/i)
    expect((await request(ctx, '/api/me', { cookie: old })).status).toBe(401)
    expect((await request(ctx, '/api/me', { cookie: fresh })).status).toBe(200)
  })

  it('logging out ends the session on the server, so the old cookie no longer works', async () => {
    const { cookie } = await signUpMember(ctx, 'kees@example.org')
    const res = await request(ctx, '/api/auth/logout', { method: 'POST', cookie })
    expect(res.status).toBe(204)
    expect(res.headers.get('set-cookie')).toMatch(/Max-Age=0/)
    const me = await request(ctx, '/api/me', { cookie })
    expect(me.status).toBe(401)
    expect((await json(me)).error.code).toBe('not_signed_in')
  })

  it('refuses a write from another website (Origin check)', async () => {
    await signUpMember(ctx, 'marie@example.org')
    const res = await request(ctx, '/api/auth/login', {
      body: { email: 'marie@example.org', password: PASSWORD },
      headers: { origin: 'https://evil.example', host: 'localhost:3000' },
    })
    expect(res.status).toBe(403)
    expect((await json(res)).error.code).toBe('origin_mismatch')
    expect(res.headers.get('set-cookie')).toBeNull()
    const same = await request(ctx, '/api/auth/login', {
      body: { email: 'marie@example.org', password: PASSWORD },
      headers: { origin: 'http://localhost:3000', host: 'localhost:3000' },
    })
    expect(same.status).toBe(200)
  })

  it('keeps a member signed in through 30 days of activity, not 30 days idle', async () => {
    const { cookie } = await signUpMember(ctx, 'actief@example.org')
    for (let day = 0; day < 40; day += 10) {
      ctx.clock.advance(10 * 24 * HOUR)
      expect((await request(ctx, '/api/me', { cookie })).status).toBe(200)
    }
    ctx.clock.advance(31 * 24 * HOUR)
    expect((await request(ctx, '/api/me', { cookie })).status).toBe(401)
  })
})

describe('forgotten password', () => {
  const ctx = createTestApp({ devMailbox: true })

  it('answers the same for known and unknown addresses, and only mails the known one', async () => {
    await signUpMember(ctx, 'sanne@example.org')
    const known = await request(ctx, '/api/auth/password-reset', { body: { email: 'sanne@example.org' } })
    const unknown = await request(ctx, '/api/auth/password-reset', { body: { email: 'onbekend@example.org' } })
    expect(known.status).toBe(202)
    expect(await known.text()).toBe(await unknown.text())
    expect((await lastMailTo(ctx, 'sanne@example.org'))?.subject).toBe('Kies een nieuw wachtwoord voor Meedenken')
    expect(await lastMailTo(ctx, 'onbekend@example.org')).toBeUndefined()
  })

  it('sets the new password once, ends old sessions, and the link expires after an hour', async () => {
    const { cookie: oldSession } = await signUpMember(ctx, 'henk@example.org')
    await request(ctx, '/api/auth/password-reset', { body: { email: 'henk@example.org' } })
    const token = tokenFrom((await lastMailTo(ctx, 'henk@example.org'))?.text ?? '')
    const res = await request(ctx, '/api/auth/password-reset/confirm', {
      body: { token, password: 'nieuw-en-lang-genoeg' },
    })
    expect(res.status).toBe(200)
    expect((await request(ctx, '/api/me', { cookie: oldSession })).status).toBe(401)
    expect((await request(ctx, '/api/me', { cookie: sessionCookie(res) })).status).toBe(200)
    const reuse = await request(ctx, '/api/auth/password-reset/confirm', {
      body: { token, password: 'nog-een-wachtwoord' },
    })
    expect(reuse.status).toBe(422)
    const oldLogin = await request(ctx, '/api/auth/login', { body: { email: 'henk@example.org', password: PASSWORD } })
    expect(oldLogin.status).toBe(401)

    await request(ctx, '/api/auth/password-reset', { body: { email: 'henk@example.org' } })
    const late = tokenFrom((await lastMailTo(ctx, 'henk@example.org'))?.text ?? '')
    ctx.clock.advance(HOUR + 1000)
    expect(
      (
        await request(ctx, '/api/auth/password-reset/confirm', {
          body: { token: late, password: 'te-laat-wachtwoord' },
        })
      ).status,
    ).toBe(422)
  })
})
