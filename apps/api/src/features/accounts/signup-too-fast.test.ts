import { count } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { mailOutbox } from '../../db/schema'
import { createTestApp, databaseDigest, json, lastMailTo, request } from '../../test/test-app'

const valid = {
  email: 'snel@example.org',
  password: 'zonnebloem-aan-het-meer',
  displayName: 'Snelle Sanne',
  targetGroup: 'resident',
}

// A person who fills in the form quickly (a password manager) is told so and tries again;
// only the hidden field, which people never see, is still a silent trap for bots.
describe('a sign-up sent within three seconds', () => {
  const ctx = createTestApp({ devMailbox: true })

  it('is refused with 422 and a message asking to check and click again, changing nothing', async () => {
    const before = await databaseDigest(ctx)
    const res = await request(ctx, '/api/auth/signup', { body: { ...valid, fillTimeMs: 1_200 } })
    expect(res.status).toBe(422)
    const body = await json(res)
    expect(body.error).toEqual({
      code: 'validation_failed',
      message: 'Dat ging heel snel. Controleer uw gegevens en klik nog een keer op Account maken.',
    })
    expect(await databaseDigest(ctx)).toBe(before)
  })

  it('answers in English when asked', async () => {
    const res = await request(ctx, '/api/auth/signup', {
      body: { ...valid, fillTimeMs: 0 },
      headers: { 'accept-language': 'en' },
    })
    expect(res.status).toBe(422)
    expect((await json(res)).error.message).toBe(
      'That was very quick. Check your details and click Create account once more.',
    )
  })

  it('goes through when sent again after three seconds', async () => {
    expect((await request(ctx, '/api/auth/signup', { body: { ...valid, fillTimeMs: 2_999 } })).status).toBe(422)
    const res = await request(ctx, '/api/auth/signup', { body: { ...valid, fillTimeMs: 3_000 } })
    expect(res.status).toBe(202)
    expect(await lastMailTo(ctx, valid.email)).toBeDefined()
  })

  it('still drops a filled-in hidden field silently: the normal answer, no mail', async () => {
    const outbox = (await ctx.db.select({ n: count() }).from(mailOutbox))[0]?.n
    const res = await request(ctx, '/api/auth/signup', {
      body: { ...valid, email: 'robot@example.org', website: 'http://spam.example', fillTimeMs: 45_000 },
    })
    expect(res.status).toBe(202)
    expect((await ctx.db.select({ n: count() }).from(mailOutbox))[0]?.n).toBe(outbox)
  })
})
