import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { followers, mailOutbox, notifications } from '../../db/schema'
import { mailNotifications } from '../../notify/mail-notifications'
import { makeIdea, makeTheme, makeUser } from '../../test/fixtures'
import {
  createTestApp,
  json,
  lastMailTo,
  loginAs,
  PASSWORD,
  request,
  sessionCookie,
  tokenFrom,
} from '../../test/test-app'

const ctx = createTestApp({ devMailbox: true })
const theme = await makeTheme(ctx.db)
ctx.clock.set('2026-11-10T09:00:00+01:00')

let n = 0
async function intake(email: string | undefined, channel: 'phone' | 'letter' = 'phone') {
  const staff = await loginAs(ctx, 'staff')
  n++
  const res = await request(ctx, '/api/staff/ideas', {
    cookie: staff.cookie,
    body: {
      title: `Een bankje bij de bushalte nummer ${n}`,
      body: 'Mevrouw De Vries belde: bij de bushalte kan zij nergens zitten als ze wacht.',
      themeId: theme.id,
      channel,
      submitter: { displayName: 'Mevrouw De Vries', ...(email ? { email } : {}), targetGroup: 'resident' },
    },
  })
  expect(res.status).toBe(201)
  return { id: (await json(res)).idea.id as number, staff }
}

const mailsTo = async (address: string) =>
  await ctx.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, address))
const link = (path: string) => `http://localhost:${ctx.settings.port}${path}`

async function changeStatus(cookie: string, id: number, status: string, explanation: string) {
  const res = await request(ctx, `/api/ideas/${id}/status`, { cookie, body: { status, explanation } })
  expect(res.status).toBe(201)
}

describe('a person who phones, writes or visits hears back', () => {
  it('gets a receipt at once: no name, the idea link, a link to choose a password, and how to stop', async () => {
    const { id } = await intake('devries@example.org')
    const mail = await lastMailTo(ctx, 'devries@example.org')
    expect(mail?.subject).toBe(`Wij hebben uw idee ontvangen: Een bankje bij de bushalte nummer ${n}`)
    // Staff typed the address: nobody confirmed it, so the name stays out.
    expect(mail?.text).not.toContain('De Vries')
    expect(mail?.text).toMatch(/^Beste lezer,/)
    expect(mail?.text).toContain('Wij hebben uw idee ontvangen via de telefoon.')
    expect(mail?.text).toContain(link(`/ideeen/${id}`))
    expect(mail?.text).toContain('U krijgt binnen 10 werkdagen een eerste antwoord.')
    expect(mail?.text).toContain('Wilt u zelf inloggen om te stemmen of te reageren? Kies dan een wachtwoord:')
    expect(mail?.text).toMatch(/\/nieuw-wachtwoord\?token=[A-Za-z0-9_-]+/)
    expect(mail?.text).toContain('De link werkt één keer en 24 uur lang.')
    expect(mail?.text).toContain(link('/wachtwoord-vergeten'))
    expect(mail?.text).toContain('U krijgt deze e-mail omdat u dit idee indiende via de telefoon')
    expect(mail?.text).toMatch(/\/afmelden\?u=\d+&t=/)
    const [stored] = await mailsTo('devries@example.org')
    expect(stored?.headers).toMatchObject({ 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' })
  })

  it('gets every update about the idea at that address, until they unsubscribe', async () => {
    const { id, staff } = await intake('jansen@example.org', 'letter')
    await changeStatus(staff.cookie, id, 'under_review', 'We bekijken met de vervoerder of er een bankje kan komen.')
    await mailNotifications(ctx.db, ctx.settings, ctx.clock.now())
    const mail = await lastMailTo(ctx, 'jansen@example.org')
    expect(mail?.subject).toBe(`Nieuwe status voor: Een bankje bij de bushalte nummer ${n}`)
    expect(mail?.text).toContain('We bekijken met de vervoerder of er een bankje kan komen.')
    expect(mail?.text).toContain('U krijgt dit bericht omdat u dit idee indiende per brief.')
    expect(mail?.text).not.toContain('De Vries')
    expect(mail?.text).toContain(link('/wachtwoord-vergeten'))
    expect(await mailsTo('jansen@example.org')).toHaveLength(2)

    const [, u, t] = /\/afmelden\?u=(\d+)&t=([A-Za-z0-9_-]+)/.exec(mail?.text ?? '') ?? []
    const stop = await request(ctx, `/api/unsubscribe?u=${u}&t=${t}`, { method: 'POST' })
    expect(stop.status).toBe(200)
    await changeStatus(staff.cookie, id, 'planned', 'Het bankje komt er in het voorjaar.')
    await mailNotifications(ctx.db, ctx.settings, ctx.clock.now())
    expect(await mailsTo('jansen@example.org')).toHaveLength(2)
  })

  it('lets them claim the account with the link: a password, signed in, the address confirmed', async () => {
    const { id } = await intake('bakker@example.org')
    const token = tokenFrom((await lastMailTo(ctx, 'bakker@example.org'))?.text ?? '')
    const claim = await request(ctx, '/api/auth/password-reset/confirm', { body: { token, password: PASSWORD } })
    expect(claim.status).toBe(200)
    const me = await json(await request(ctx, '/api/me', { cookie: sessionCookie(claim) }))
    expect(me.user).toMatchObject({ displayName: 'Mevrouw De Vries', emailVerified: true })
    const login = await request(ctx, '/api/auth/login', { body: { email: 'bakker@example.org', password: PASSWORD } })
    expect(login.status).toBe(200)
    // Now a normal account: their own idea is theirs, and mail greets them by name.
    const idea = (await json(await request(ctx, `/api/ideas/${id}`))).idea
    expect(idea.author.id).toBe(me.user.id)
    const again = await request(ctx, '/api/auth/password-reset/confirm', { body: { token, password: PASSWORD } })
    expect(again.status).not.toBe(200)
  })

  it('sends a confirmed account a receipt with their name and no password link', async () => {
    const known = await loginAs(ctx, 'member', 'bekend@example.org')
    await intake('bekend@example.org', 'letter')
    const mail = await lastMailTo(ctx, 'bekend@example.org')
    expect(mail?.text).toMatch(/^Beste member bekend,/)
    expect(mail?.text).not.toContain('nieuw-wachtwoord')
    expect(mail?.text).toContain(link('/inloggen'))
    expect(known.userId).toBeGreaterThan(0)
  })

  it('without an address: the idea is made, nobody is mailed, and updates break nothing', async () => {
    const { id, staff } = await intake(undefined)
    const authorId = (await json(await request(ctx, `/api/ideas/${id}`))).idea.author.id
    const toAuthor = async () => await ctx.db.select().from(mailOutbox).where(eq(mailOutbox.userId, authorId))
    expect(await toAuthor()).toEqual([])
    await changeStatus(staff.cookie, id, 'under_review', 'We bekijken of er een bankje kan komen.')
    await mailNotifications(ctx.db, ctx.settings, ctx.clock.now())
    expect(await toAuthor()).toEqual([])
    // The author still has the news in the notification centre, for when they have an account.
    const rows = await ctx.db
      .select({ kind: notifications.kind })
      .from(notifications)
      .where(eq(notifications.userId, authorId))
    expect(rows).toEqual([{ kind: 'status_changed' }])
  })

  it('mails an unconfirmed address only about the idea it was given for; a sign-up never confirmed gets nothing', async () => {
    const { id, staff } = await intake('alleen@example.org')
    const [account] = await ctx.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.toAddress, 'alleen@example.org'))
      .limit(1)
    const userId = account?.userId ?? 0
    // The same account follows another idea (say, through a merge): that news is not mailed.
    const other = await makeIdea(ctx.db, { authorId: (await makeUser(ctx.db)).id, themeId: theme.id })
    await ctx.db.insert(followers).values({ ideaId: other.id, userId, createdAt: ctx.clock.now() })
    await changeStatus(staff.cookie, other.id, 'under_review', 'We bekijken dit andere idee met het team.')
    await mailNotifications(ctx.db, ctx.settings, ctx.clock.now())
    expect(await mailsTo('alleen@example.org')).toHaveLength(1)
    await changeStatus(staff.cookie, id, 'under_review', 'We bekijken uw idee met de vervoerder.')
    await mailNotifications(ctx.db, ctx.settings, ctx.clock.now())
    expect(await mailsTo('alleen@example.org')).toHaveLength(2)

    // A sign-up whose owner never clicked the link: only the confirmation mail, ever.
    await request(ctx, '/api/auth/signup', {
      body: {
        email: 'nooitbevestigd@example.org',
        password: PASSWORD,
        displayName: 'Nooit Bevestigd',
        targetGroup: 'resident',
        fillTimeMs: 60_000,
      },
    })
    const unconfirmed = (await mailsTo('nooitbevestigd@example.org'))[0]?.userId ?? 0
    await ctx.db.insert(followers).values({ ideaId: other.id, userId: unconfirmed, createdAt: ctx.clock.now() })
    await changeStatus(staff.cookie, other.id, 'planned', 'Het andere idee voeren we volgend jaar uit.')
    await mailNotifications(ctx.db, ctx.settings, ctx.clock.now())
    expect((await mailsTo('nooitbevestigd@example.org')).map((m) => m.subject)).toEqual([
      'Bevestig uw e-mailadres voor Meedenken',
    ])
  })
})
