import { describe, expect, it } from 'vitest'
import { createTestApp, json, request } from '../../test/test-app'

describe('development mailbox', () => {
  it('does not exist unless switched on', async () => {
    const ctx = createTestApp({ devMailbox: false })
    await request(ctx, '/api/auth/password-reset', { body: { email: 'iemand@example.org' } })
    const res = await request(ctx, '/api/dev/mail')
    expect(res.status).toBe(404)
    expect((await json(res)).error.code).toBe('not_found')
  })

  it('shows the latest mail, newest first, when switched on', async () => {
    const ctx = createTestApp({ devMailbox: true })
    await request(ctx, '/api/auth/signup', {
      body: {
        email: 'een@example.org',
        password: 'lang-genoeg-wachtwoord',
        displayName: 'Een',
        targetGroup: 'resident',
      },
    })
    await request(ctx, '/api/auth/signup', {
      body: {
        email: 'twee@example.org',
        password: 'lang-genoeg-wachtwoord',
        displayName: 'Twee',
        targetGroup: 'resident',
      },
    })
    const { items } = await json(await request(ctx, '/api/dev/mail'))
    expect(items.map((m: { to: string }) => m.to)).toEqual(['twee@example.org', 'een@example.org'])
    expect(Object.keys(items[0]).sort()).toEqual(['createdAt', 'subject', 'text', 'to'])
  })
})
