import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { followers, ideas, votes } from '../../db/schema'
import { makeDistrict, makeIdea, makeTheme } from '../../test/fixtures'
import {
  createTestApp,
  databaseText,
  json,
  lastMailTo,
  PASSWORD,
  request,
  sessionCookie,
  signUpMember,
} from '../../test/test-app'

describe('profile', async () => {
  const ctx = createTestApp({ devMailbox: true })
  const district = await makeDistrict(ctx.db, 'Meeden')

  it('changes display name, target group, district and language', async () => {
    const { cookie } = await signUpMember(ctx, 'profiel@example.org')
    const res = await request(ctx, '/api/me', {
      method: 'PATCH',
      cookie,
      body: { displayName: 'Bakkerij Jansen', targetGroup: 'entrepreneur', districtId: district.id, locale: 'en' },
    })
    expect(res.status).toBe(200)
    expect((await json(res)).user).toMatchObject({
      displayName: 'Bakkerij Jansen',
      targetGroup: 'entrepreneur',
      districtId: district.id,
      locale: 'en',
    })
  })

  it('refuses an unknown district and a visitor', async () => {
    const { cookie } = await signUpMember(ctx, 'profiel2@example.org')
    const bad = await request(ctx, '/api/me', { method: 'PATCH', cookie, body: { districtId: 424242 } })
    expect(bad.status).toBe(422)
    expect((await json(bad)).error.fields.districtId).toBeDefined()
    const visitor = await request(ctx, '/api/me', { method: 'PATCH', body: { displayName: 'Niemand hier' } })
    expect(visitor.status).toBe(401)
  })

  it('changes the password only with the current one, ending other sessions and telling the owner', async () => {
    const { cookie } = await signUpMember(ctx, 'wissel@example.org')
    const other = sessionCookie(
      await request(ctx, '/api/auth/login', { body: { email: 'wissel@example.org', password: PASSWORD } }),
    )
    const wrong = await request(ctx, '/api/me/password', {
      cookie,
      body: { currentPassword: 'niet-goed-wachtwoord', newPassword: 'een-heel-nieuw-wachtwoord' },
    })
    expect(wrong.status).toBe(422)
    expect(Object.keys((await json(wrong)).error.fields)).toEqual(['currentPassword'])
    const ok = await request(ctx, '/api/me/password', {
      cookie,
      body: { currentPassword: PASSWORD, newPassword: 'een-heel-nieuw-wachtwoord' },
    })
    expect(ok.status).toBe(204)
    expect((await request(ctx, '/api/me', { cookie: other })).status).toBe(401)
    expect((await request(ctx, '/api/me', { cookie: sessionCookie(ok) })).status).toBe(200)
    expect((await lastMailTo(ctx, 'wissel@example.org'))?.subject).toBe('Uw wachtwoord voor Meedenken is gewijzigd')
  })
})

describe('privacy: export and deletion', async () => {
  const ctx = createTestApp({ devMailbox: true })
  const theme = await makeTheme(ctx.db)

  async function withActivity(email: string) {
    const member = await signUpMember(ctx, email)
    const idea = await makeIdea(ctx.db, {
      authorId: member.userId,
      themeId: theme.id,
      title: `Idee van ${email.split('@')[0]}`,
    })
    await ctx.db.insert(votes).values({ ideaId: idea.id, userId: member.userId, createdAt: 1 })
    await ctx.db.insert(followers).values({ ideaId: idea.id, userId: member.userId, createdAt: 1 })
    await ctx.db.update(ideas).set({ voteCount: 1, followerCount: 1 }).where(eq(ideas.id, idea.id))
    return { ...member, ideaId: idea.id }
  }

  it('exports my rows and no one else’s', async () => {
    const me = await withActivity('ik@example.org')
    const other = await withActivity('ander@example.org')
    const res = await request(ctx, '/api/me/export', { cookie: me.cookie })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toMatch(/attachment/)
    const data = await json(res)
    expect(data.account.email).toBe('ik@example.org')
    expect(data.ideas.map((i: { id: number }) => i.id)).toEqual([me.ideaId])
    expect(data.votes.map((v: { ideaId: number }) => v.ideaId)).toEqual([me.ideaId])
    expect(data.following.map((f: { ideaId: number }) => f.ideaId)).toEqual([me.ideaId])
    const text = JSON.stringify(data)
    expect(text).not.toContain('ander@example.org')
    expect(text).not.toContain('Idee van ander')
    expect(text).not.toContain(`"ideaId":${other.ideaId}`)
  })

  it('erases me: no e-mail address left anywhere, votes and counts undone, contributions kept anonymously', async () => {
    const me = await withActivity('weg@example.org')
    const res = await request(ctx, '/api/me', { method: 'DELETE', cookie: me.cookie, body: { password: PASSWORD } })
    expect(res.status).toBe(204)
    expect(res.headers.get('set-cookie')).toMatch(/Max-Age=0/)
    expect((await request(ctx, '/api/me', { cookie: me.cookie })).status).toBe(401)
    expect(await databaseText(ctx)).not.toContain('weg@example.org')
    const [idea] = await ctx.db.select().from(ideas).where(eq(ideas.id, me.ideaId)).limit(1)
    expect(idea).toMatchObject({ voteCount: 0, followerCount: 0 })
    const shown = await json(await request(ctx, `/api/ideas/${me.ideaId}`))
    expect(shown.idea.author).toEqual({ id: null, displayName: 'Verwijderde deelnemer', targetGroup: null })
    const login = await request(ctx, '/api/auth/login', { body: { email: 'weg@example.org', password: PASSWORD } })
    expect(login.status).toBe(401)
  })
})
