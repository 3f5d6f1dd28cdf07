import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { mailOutbox } from '../../db/schema'
import { mailNotifications } from '../../notify/mail-notifications'
import { makeTheme } from '../../test/fixtures'
import { createTestApp, json, lastMailTo, loginAs, request } from '../../test/test-app'

const ctx = createTestApp({ devMailbox: true })
const theme = await makeTheme(ctx.db)
ctx.clock.set('2026-11-10T09:00:00+01:00')

type Person = { cookie: string; userId: number; email: string }

async function member(frequency: 'immediately' | 'daily' = 'immediately', locale: 'nl' | 'en' = 'nl'): Promise<Person> {
  const m = await loginAs(ctx, 'member')
  await request(ctx, '/api/me', { method: 'PATCH', cookie: m.cookie, body: { emailFrequency: frequency, locale } })
  return m
}

async function ideaBy(author: Person, title: string): Promise<number> {
  const res = await request(ctx, '/api/ideas', {
    cookie: author.cookie,
    body: { title, body: 'Een uitleg van het idee die lang genoeg is voor de regels.', themeId: theme.id },
  })
  expect(res.status).toBe(201)
  return (await json(res)).idea.id
}

/** An idea with its author, a follower and a voter, each mailed at once. */
async function ideaWithPeople(title: string) {
  const [author, follower, voter] = [await member(), await member(), await member()]
  const id = await ideaBy(author, title)
  await request(ctx, `/api/ideas/${id}/follow`, { method: 'PUT', cookie: follower.cookie })
  await request(ctx, `/api/ideas/${id}/vote`, { method: 'PUT', cookie: voter.cookie })
  return { id, author, follower, voter }
}

async function runMailJob(): Promise<number> {
  return await mailNotifications(ctx.db, ctx.settings, ctx.clock.now())
}

const link = (path: string) => `http://localhost:${ctx.settings.port}${path}`

describe('a notification mail says what happened, links to it and why the person gets it', () => {
  it('carries the text of an official answer, a link to the answer and a reason per person', async () => {
    const { id, author, follower, voter } = await ideaWithPeople('Een zebrapad bij de basisschool')
    const staff = await loginAs(ctx, 'staff')
    const answer = 'We leggen het zebrapad in het voorjaar aan, samen met de nieuwe stoep.'
    const res = await request(ctx, `/api/ideas/${id}/comments`, {
      cookie: staff.cookie,
      body: { body: answer, official: true },
    })
    const { comment } = await json(res)
    await runMailJob()
    for (const [who, reason] of [
      [follower, 'U krijgt dit bericht omdat u dit idee volgt.'],
      [voter, 'U krijgt dit bericht omdat u op dit idee hebt gestemd.'],
      [author, 'U krijgt dit bericht omdat dit uw idee is.'],
    ] as const) {
      const mail = await lastMailTo(ctx, who.email)
      expect(mail?.subject).toBe('De gemeente heeft gereageerd op: Een zebrapad bij de basisschool')
      expect(mail?.text).toContain(`De gemeente heeft gereageerd:\n\n${answer}`)
      expect(mail?.text).toContain(link(`/ideeen/${id}#reactie-${comment.id}`))
      expect(mail?.text).toContain(reason)
      expect(mail?.text).not.toContain('deze ideeën volgt')
    }
    // The same news in the notification centre, with the answer and why.
    const page = await json(await request(ctx, '/api/me/notifications', { cookie: follower.cookie }))
    expect(page.items[0]).toMatchObject({
      kind: 'official_answer',
      ideaId: id,
      commentId: comment.id,
      excerpt: answer,
      reason: 'follower',
    })
  })

  it('carries the explanation of a status change, with the decline reason and referral', async () => {
    const { id, follower } = await ideaWithPeople('Een bushalte bij het nieuwe dorpshuis')
    const staff = await loginAs(ctx, 'staff')
    const explanation = 'De buslijnen regelt de provincie. Wij hebben uw idee daar neergelegd.'
    const res = await request(ctx, `/api/ideas/${id}/status`, {
      cookie: staff.cookie,
      body: {
        status: 'declined',
        explanation,
        declineReason: 'not_municipal_task',
        referredTo: 'Provincie Groningen',
      },
    })
    expect(res.status).toBe(201)
    await runMailJob()
    const mail = await lastMailTo(ctx, follower.email)
    expect(mail?.subject).toBe('Nieuwe status voor: Een bushalte bij het nieuwe dorpshuis')
    expect(mail?.text).toContain('De status is nu: Niet uitgevoerd.')
    expect(mail?.text).toContain(`Uitleg van de gemeente:\n\n${explanation}`)
    expect(mail?.text).toContain('Reden: Geen taak van de gemeente')
    expect(mail?.text).toContain('Doorgestuurd naar: Provincie Groningen')
    expect(mail?.text).toContain(link(`/ideeen/${id}`))
  })

  it('carries "you said, we did" when an idea is done: what changed, since when, which team', async () => {
    const { id, follower } = await ideaWithPeople('Meer afvalbakken langs het wandelpad')
    const staff = await loginAs(ctx, 'staff')
    await request(ctx, `/api/ideas/${id}/status`, {
      cookie: staff.cookie,
      body: { status: 'under_review', explanation: 'We kijken waar de afvalbakken kunnen staan.' },
    })
    await runMailJob()
    const res = await request(ctx, `/api/ideas/${id}/status`, {
      cookie: staff.cookie,
      body: {
        status: 'done',
        explanation: 'De afvalbakken staan er. Dank voor het idee!',
        closure: {
          whatChanged: 'Er staan nu zes nieuwe afvalbakken langs het pad.',
          since: '2026-11-02',
          team: 'Afval en Reiniging',
        },
      },
    })
    expect(res.status).toBe(201)
    await runMailJob()
    const mail = await lastMailTo(ctx, follower.email)
    expect(mail?.text).toContain('De status is nu: Gerealiseerd.')
    expect(mail?.text).toContain('Wat is er veranderd: Er staan nu zes nieuwe afvalbakken langs het pad.')
    expect(mail?.text).toContain('Sinds: 2 november 2026')
    expect(mail?.text).toContain('Gedaan door: Afval en Reiniging')
  })

  it('carries the text of a progress update', async () => {
    const { id, follower } = await ideaWithPeople('Een speeltuin op het grasveld')
    const staff = await loginAs(ctx, 'staff')
    await request(ctx, `/api/ideas/${id}/status`, {
      cookie: staff.cookie,
      body: { status: 'planned', explanation: 'We gaan de speeltuin volgend jaar bouwen.' },
    })
    await runMailJob()
    const update = 'De aannemer begint op 1 maart. Het grasveld is dan een maand dicht.'
    const res = await request(ctx, `/api/staff/ideas/${id}/updates`, { cookie: staff.cookie, body: { body: update } })
    expect(res.status).toBe(201)
    await runMailJob()
    const mail = await lastMailTo(ctx, follower.email)
    expect(mail?.subject).toBe('Nieuws over de uitvoering van: Een speeltuin op het grasveld')
    expect(mail?.text).toContain(`Er is nieuws over de uitvoering:\n\n${update}`)
    expect(mail?.text).toContain('U krijgt dit bericht omdat u dit idee volgt.')
  })

  it('tells the author when someone else comments on their idea, with the start of it and a link', async () => {
    const author = await member()
    const id = await ideaBy(author, 'Een moestuin voor de buurt')
    const other = await member()
    const text = 'Goed plan! Ik help graag mee met het onderhoud. Zie ook https://voorbeeld.example/moestuin'
    const { comment } = await json(
      await request(ctx, `/api/ideas/${id}/comments`, { cookie: other.cookie, body: { body: text } }),
    )
    // Their own comment is no news to them.
    await request(ctx, `/api/ideas/${id}/comments`, { cookie: author.cookie, body: { body: 'Dank u wel!' } })
    await runMailJob()
    const mail = await lastMailTo(ctx, author.email)
    expect(mail?.subject).toBe('Nieuwe reactie op: Een moestuin voor de buurt')
    expect(mail?.text).toContain('Iemand heeft gereageerd op uw idee:')
    expect(mail?.text).toContain('Goed plan! Ik help graag mee met het onderhoud.')
    // A link a member wrote is not sent from the municipality's address.
    expect(mail?.text).not.toContain('voorbeeld.example')
    expect(mail?.text).toContain(link(`/ideeen/${id}#reactie-${comment.id}`))
    expect(mail?.text).toContain('U krijgt dit bericht omdat dit uw idee is.')
    const page = await json(await request(ctx, '/api/me/notifications', { cookie: author.cookie }))
    expect(page.items.map((n: { kind: string }) => n.kind)).toEqual(['new_comment'])
    expect(page.items[0]).toMatchObject({ commentId: comment.id, reason: 'author' })
  })

  it('does not send on the words of a comment a moderator hid before the mail went out', async () => {
    const author = await member()
    const id = await ideaBy(author, 'Een hek om het speelveld')
    const other = await member()
    const { comment } = await json(
      await request(ctx, `/api/ideas/${id}/comments`, { cookie: other.cookie, body: { body: 'Scheldwoorden hier.' } }),
    )
    const staff = await loginAs(ctx, 'staff')
    const hide = await request(ctx, `/api/staff/moderation/comment/${comment.id}`, {
      cookie: staff.cookie,
      body: { action: 'hide', reason: 'Scheldt andere deelnemers uit' },
    })
    expect(hide.status).toBe(204)
    await runMailJob()
    const mail = await lastMailTo(ctx, author.email)
    expect(mail?.text).toContain('Iemand heeft gereageerd op uw idee.')
    expect(mail?.text).not.toContain('Scheldwoorden')
    const page = await json(await request(ctx, '/api/me/notifications', { cookie: author.cookie }))
    expect(page.items[0]).toMatchObject({ kind: 'new_comment', excerpt: null })
  })

  it('does not tell the author twice when a comment is a reply to their own comment', async () => {
    const author = await member()
    const id = await ideaBy(author, 'Een ommetje door het park')
    const { comment } = await json(
      await request(ctx, `/api/ideas/${id}/comments`, { cookie: author.cookie, body: { body: 'Wie loopt mee?' } }),
    )
    const other = await member()
    await request(ctx, `/api/ideas/${id}/comments`, {
      cookie: other.cookie,
      body: { body: 'Ik loop graag mee op zaterdag.', parentId: comment.id },
    })
    const page = await json(await request(ctx, '/api/me/notifications', { cookie: author.cookie }))
    expect(page.items.map((n: { kind: string; reason: string }) => [n.kind, n.reason])).toEqual([
      ['reply', 'comment_author'],
    ])
    await runMailJob()
    const mail = await lastMailTo(ctx, author.email)
    expect(mail?.text).toContain('Iemand heeft gereageerd op uw reactie:')
    expect(mail?.text).toContain('Ik loop graag mee op zaterdag.')
    expect(mail?.text).toContain('U krijgt dit bericht omdat u de reactie schreef waarop iemand antwoordde.')
  })

  it('writes in English to a person who chose English', async () => {
    const author = await member('immediately', 'en')
    const id = await ideaBy(author, 'Een hondenlosloopgebied in het bos')
    const staff = await loginAs(ctx, 'staff')
    await request(ctx, `/api/ideas/${id}/status`, {
      cookie: staff.cookie,
      body: { status: 'under_review', explanation: 'We bekijken dit met de boswachter.' },
    })
    await runMailJob()
    const mail = await lastMailTo(ctx, author.email)
    expect(mail?.subject).toBe('New status for: Een hondenlosloopgebied in het bos')
    expect(mail?.text).toContain('The status is now: Under review.')
    expect(mail?.text).toContain("The municipality's explanation:\n\nWe bekijken dit met de boswachter.")
    expect(mail?.text).toContain('You get this message because this is your idea.')
  })

  it('gives each idea in a daily digest its own reason, and keeps the one-click unsubscribe', async () => {
    const reader = await member('daily')
    const author = await member()
    const followed = await ideaBy(author, 'Betere verlichting bij het station')
    const voted = await ideaBy(author, 'Een overdekte fietsenstalling bij het station')
    await request(ctx, `/api/ideas/${followed}/follow`, { method: 'PUT', cookie: reader.cookie })
    await request(ctx, `/api/ideas/${voted}/vote`, { method: 'PUT', cookie: reader.cookie })
    const staff = await loginAs(ctx, 'staff')
    for (const id of [followed, voted]) {
      await request(ctx, `/api/ideas/${id}/status`, {
        cookie: staff.cookie,
        body: { status: 'under_review', explanation: 'We kijken hiernaar met de NS en ProRail.' },
      })
    }
    await runMailJob()
    const [mail] = await ctx.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, reader.email))
    expect(mail?.subject).toBe('Uw dagelijkse overzicht van Meedenken')
    const blocks =
      mail?.text.split('Betere verlichting bij het station')[1]?.split('Een overdekte fietsenstalling') ?? []
    expect(blocks[0]).toContain('U krijgt dit bericht omdat u dit idee volgt.')
    expect(blocks[1]).toContain('U krijgt dit bericht omdat u op dit idee hebt gestemd.')
    expect(mail?.text).not.toContain('deze ideeën volgt')
    expect(mail?.headers).toMatchObject({ 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' })
    expect(mail?.headers?.['List-Unsubscribe']).toMatch(/\/api\/unsubscribe\?u=\d+&t=/)
    expect(mail?.text).toMatch(/\/afmelden\?u=\d+&t=/)
  })
})

describe('a merge notification', () => {
  it('links to the idea it was merged into and names it', async () => {
    const { id: source, follower } = await ideaWithPeople('Een bankje bij de vijver in het park')
    const author = await member()
    const target = await ideaBy(author, 'Meer bankjes in het park')
    const staff = await loginAs(ctx, 'staff')
    const res = await request(ctx, `/api/staff/ideas/${source}/merge`, {
      cookie: staff.cookie,
      body: { targetId: target, explanation: 'Dit idee gaat over hetzelfde als het idee over bankjes.' },
    })
    expect(res.status).toBe(200)
    await runMailJob()
    const mail = await lastMailTo(ctx, follower.email)
    expect(mail?.text).toContain('Dit idee is samengevoegd met “Meer bankjes in het park”. U volgt nu dat idee.')
    expect(mail?.text).toContain(link(`/ideeen/${target}`))
    expect(mail?.text).not.toContain(link(`/ideeen/${source}`))
    const page = await json(await request(ctx, '/api/me/notifications', { cookie: follower.cookie }))
    expect(page.items[0]).toMatchObject({
      kind: 'merged',
      mergedInto: { id: target, title: 'Meer bankjes in het park' },
    })
  })
})
