import { type IdeaStatus, type Locale, STATUS_LABELS_NL } from '@meedenken/shared'
import { and, asc, eq, inArray, isNull } from 'drizzle-orm'
import type { Db } from '../db/open'
import { campaigns, ideas, notifications, statusChanges, users } from '../db/schema'
import { appLink } from '../http/links'
import { queueMail } from '../mail/outbox.data'
import { greeting } from '../mail/templates'
import { signFor } from '../security/signing'
import type { Settings } from '../settings'

const DAY = 86_400_000
export const UNSUBSCRIBE_PURPOSE = 'unsubscribe'

const STATUS_EN: Record<IdeaStatus, string> = {
  new: 'New',
  under_review: 'Under review',
  planned: 'Planned',
  in_progress: 'In progress',
  done: 'Done',
  declined: 'Not carried out',
  merged: 'Merged',
}

type Pending = {
  id: number
  kind: string
  ideaId: number | null
  ideaTitle: string | null
  status: IdeaStatus | null
  campaignId: number | null
  campaignTitle: string | null
}

function line(n: Pending, locale: Locale): string {
  const nl = locale === 'nl'
  const status = n.status ? (nl ? STATUS_LABELS_NL[n.status] : STATUS_EN[n.status]) : ''
  switch (n.kind) {
    case 'status_changed':
      return nl
        ? `De status is nu: ${status}. Hoe tevreden bent u hierover? Laat het ons weten.`
        : `The status is now: ${status}. How satisfied are you? Let us know.`
    case 'official_answer':
      return nl
        ? 'De gemeente heeft gereageerd. Hoe tevreden bent u over het antwoord?'
        : 'The municipality has answered. How satisfied are you with the answer?'
    case 'progress_update':
      return nl ? 'Er is nieuws over de uitvoering.' : 'There is news about the work.'
    case 'reply':
      return nl ? 'Iemand heeft op uw reactie gereageerd.' : 'Someone replied to your comment.'
    case 'merged':
      return nl
        ? 'Dit idee is samengevoegd met een ander idee. U volgt nu dat idee.'
        : 'This idea was merged with another one. You now follow that idea.'
    case 'followup_question':
      return nl
        ? 'Dit idee is een tijd geleden uitgevoerd. Heeft het geholpen?'
        : 'This idea was carried out a while ago. Did it help?'
    default:
      return nl ? 'Er is nieuws.' : 'There is news.'
  }
}

/** The mail for one person: their news grouped per idea, a link for each, and how to stop. */
export function composeNotificationMail(
  settings: Settings,
  db: Db,
  user: { id: number; displayName: string; locale: Locale },
  items: Pending[],
  digest: boolean,
): { subject: string; text: string; headers: Record<string, string> } {
  const nl = user.locale === 'nl'
  const byIdea = new Map<string, Pending[]>()
  for (const n of items) {
    const key = n.ideaId !== null ? `idea:${n.ideaId}` : `campaign:${n.campaignId}`
    byIdea.set(key, [...(byIdea.get(key) ?? []), n])
  }
  const blocks = [...byIdea.values()].map((group) => {
    const first = group[0] as Pending
    if (first.ideaId === null) {
      const link = appLink(settings, `/meedenkvragen/${first.campaignId}`)
      return nl
        ? `Nieuwe meedenkvraag: ${first.campaignTitle}\nDe gemeente wil graag uw mening horen.\n${link}`
        : `New question from the municipality: ${first.campaignTitle}\nThe municipality would like to hear from you.\n${link}`
    }
    const lines = [...new Set(group.map((n) => `- ${line(n, user.locale)}`))]
    return `${first.ideaTitle}\n${lines.join('\n')}\n${appLink(settings, `/ideeen/${first.ideaId}`)}`
  })
  const token = signFor(db, UNSUBSCRIBE_PURPOSE, user.id)
  const unsubscribePage = appLink(settings, '/afmelden', { u: String(user.id), t: token })
  const oneClick = appLink(settings, '/api/unsubscribe', { u: String(user.id), t: token })
  const subject = nl
    ? digest
      ? 'Uw dagelijkse overzicht van Meedenken'
      : items.length === 1 && items[0]?.ideaTitle
        ? `Nieuws over: ${items[0].ideaTitle}`
        : 'Nieuws van Meedenken'
    : digest
      ? 'Your daily Meedenken summary'
      : items.length === 1 && items[0]?.ideaTitle
        ? `News about: ${items[0].ideaTitle}`
        : 'News from Meedenken'
  // A name stored before the display-name rule may hold a line break or a link: greeting() leaves it out.
  const intro = nl
    ? `${greeting('nl', user.displayName)}\n\nEr is nieuws over ideeën die u volgt.`
    : `${greeting('en', user.displayName)}\n\nThere is news about ideas you follow.`
  const footer = nl
    ? `U krijgt deze e-mail omdat u deze ideeën volgt. Hoe vaak u e-mail krijgt, kiest u in uw profiel:\n${appLink(settings, '/profiel')}\n\nGeen e-mail meer ontvangen? Meld u af met één klik:\n${unsubscribePage}`
    : `You get this e-mail because you follow these ideas. Choose how often you get e-mail in your profile:\n${appLink(settings, '/profiel')}\n\nNo more e-mail? Unsubscribe with one click:\n${unsubscribePage}`
  return {
    subject,
    text: `${intro}\n\n${blocks.join('\n\n')}\n\n--\n${footer}\n`,
    // RFC 8058: mail programs can unsubscribe in one click without opening the page.
    headers: { 'List-Unsubscribe': `<${oneClick}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  }
}

/**
 * Turns notifications into mail per person's preference: at once, as one daily digest, or
 * never. Runs from the background job; each person's mail and markers go in one
 * transaction, so a crash never sends the same news twice or loses it.
 */
export function mailNotifications(db: Db, settings: Settings, now: number, limit = 500): number {
  const waiting = db
    .selectDistinct({ userId: notifications.userId })
    .from(notifications)
    .where(isNull(notifications.mailedAt))
    .limit(limit)
    .all()
  let mails = 0
  for (const { userId } of waiting) {
    const user = db
      .select({
        id: users.id,
        email: users.email,
        verified: users.emailVerifiedAt,
        deletedAt: users.deletedAt,
        blockedAt: users.blockedAt,
        displayName: users.displayName,
        locale: users.locale,
        frequency: users.emailFrequency,
        lastDigestAt: users.lastDigestAt,
      })
      .from(users)
      .where(eq(users.id, userId))
      .get()
    if (!user) continue
    const silent =
      !user.email || !user.verified || user.deletedAt !== null || user.blockedAt !== null || user.frequency === 'never'
    const digestNotDue = user.frequency === 'daily' && user.lastDigestAt !== null && now - user.lastDigestAt < DAY
    if (!silent && digestNotDue) continue
    db.transaction(
      (tx) => {
        const items = tx
          .select({
            id: notifications.id,
            kind: notifications.kind,
            ideaId: notifications.ideaId,
            ideaTitle: ideas.title,
            status: statusChanges.toStatus,
            campaignId: notifications.campaignId,
            campaignTitle: campaigns.title,
          })
          .from(notifications)
          .leftJoin(ideas, eq(ideas.id, notifications.ideaId))
          .leftJoin(statusChanges, eq(statusChanges.id, notifications.statusChangeId))
          .leftJoin(campaigns, eq(campaigns.id, notifications.campaignId))
          .where(and(eq(notifications.userId, userId), isNull(notifications.mailedAt)))
          .orderBy(asc(notifications.id))
          .all()
        if (items.length === 0) return
        tx.update(notifications)
          .set({ mailedAt: now })
          .where(
            inArray(
              notifications.id,
              items.map((i) => i.id),
            ),
          )
          .run()
        if (silent || !user.email) return
        const mail = composeNotificationMail(settings, db, user, items, user.frequency === 'daily')
        queueMail(tx, { to: user.email, userId, subject: mail.subject, text: mail.text, headers: mail.headers }, now)
        if (user.frequency === 'daily') tx.update(users).set({ lastDigestAt: now }).where(eq(users.id, userId)).run()
        mails++
      },
      { behavior: 'immediate' },
    )
  }
  return mails
}
