import type { Locale } from '@meedenken/shared'
import { and, asc, eq, inArray, isNull } from 'drizzle-orm'
import { installationSettings } from '../config/installation.data'
import type { Db, DbOrTx } from '../db/open'
import { notifications, users } from '../db/schema'
import { calendarDaysBetween } from '../domain/working-days'
import { appLink } from '../http/links'
import { isStaffReason, type MailItem, reasonLine, subjectFor, whatHappened } from '../mail/notification-templates'
import { queueMail } from '../mail/outbox.data'
import { greeting } from '../mail/templates'
import { signFor } from '../security/signing'
import type { Settings } from '../settings'
import { effectiveReason, type NotificationRow, selectNotificationRows, visibleComment } from './notification-rows.data'

const DAY = 86_400_000
export const UNSUBSCRIBE_PURPOSE = 'unsubscribe'

type Recipient = { id: number; displayName: string; locale: Locale; verified: boolean }

/** The notification as the mail needs it, with the figures staff reminders quote. */
export function mailItemOf(row: NotificationRow, context: { normDays: number; now: number }): MailItem {
  const comment = visibleComment(row)
  const memberWrote = row.kind === 'reply' || row.kind === 'new_comment'
  return {
    kind: row.kind,
    reason: effectiveReason(row.kind, row.reason),
    ideaId: row.ideaId,
    ideaTitle: row.ideaTitle,
    ideaChannel: row.ideaChannel,
    ideaStatus: row.ideaStatus,
    departmentName: row.departmentName,
    departmentNameEn: row.departmentNameEn,
    mergedIntoTitle: row.kind === 'merged' ? row.mergedIntoTitle : null,
    status: row.status,
    explanation: row.explanation,
    declineReason: row.kind === 'status_changed' ? row.declineReason : null,
    referredTo: row.kind === 'status_changed' ? row.referredTo : null,
    closure:
      row.kind === 'status_changed' && row.closureWhatChanged && row.closureSince && row.closureTeam
        ? { whatChanged: row.closureWhatChanged, since: row.closureSince, team: row.closureTeam, link: row.closureLink }
        : null,
    commentId: row.commentId,
    staffText: row.kind === 'official_answer' ? comment : row.kind === 'progress_update' ? row.progressBody : null,
    memberText: memberWrote ? comment : row.kind === 'new_idea' ? row.ideaBody : null,
    campaignTitle: row.campaignTitle,
    normDays: context.normDays,
    daysWithoutNews: row.ideaLastUpdateAt === null ? null : calendarDaysBetween(row.ideaLastUpdateAt, context.now),
  }
}

/** Where a notification leads: the thing itself (the answer, the comment, the merged-into idea, the staff page). */
export function notificationPath(
  row: Pick<NotificationRow, 'kind' | 'ideaId' | 'commentId' | 'mergedIntoId' | 'campaignId'>,
): string {
  switch (row.kind) {
    case 'campaign_opened':
      return row.campaignId === null ? '/meedenkvragen' : `/meedenkvragen/${row.campaignId}`
    case 'merged':
      return `/ideeen/${row.mergedIntoId ?? row.ideaId}`
    case 'report_new':
      return '/medewerkers/moderatie'
    case 'new_idea':
    case 'idea_assigned':
    case 'idea_overdue':
    case 'idea_stale':
      return `/medewerkers/ideeen/${row.ideaId}`
    case 'official_answer':
    case 'reply':
    case 'new_comment':
      return row.commentId === null ? `/ideeen/${row.ideaId}` : `/ideeen/${row.ideaId}#reactie-${row.commentId}`
    default:
      return `/ideeen/${row.ideaId}`
  }
}

/**
 * The mail for one person: per idea, what happened (in the words of whoever wrote it), a
 * link to it and why they get it; then how to get less mail or none.
 */
export async function composeNotificationMail(
  settings: Settings,
  db: DbOrTx,
  user: Recipient,
  rows: NotificationRow[],
  digest: boolean,
  now: number,
): Promise<{ subject: string; text: string; headers: Record<string, string> }> {
  const locale = user.locale
  const en = locale === 'en'
  const context = { normDays: (await installationSettings(db)).responseNormDays, now }
  const groups = new Map<string, NotificationRow[]>()
  for (const row of rows) {
    const key = row.ideaId !== null ? `idea:${row.ideaId}` : `campaign:${row.campaignId}`
    groups.set(key, [...(groups.get(key) ?? []), row])
  }
  const blocks = [...groups.values()].map((group) => {
    const first = group[0] as NotificationRow
    const title = first.ideaId === null ? first.campaignTitle : first.ideaTitle
    const items = group.map((row) => {
      const item = mailItemOf(row, context)
      return { item, text: `${whatHappened(item, locale)}\n${appLink(settings, notificationPath(row))}` }
    })
    const reasons = [...new Set(items.map(({ item }) => reasonLine(item, locale)))]
    return `${title ?? ''}\n\n${items.map((i) => i.text).join('\n\n')}\n\n${reasons.join('\n')}`
  })
  const token = await signFor(db, UNSUBSCRIBE_PURPOSE, user.id)
  const unsubscribePage = appLink(settings, '/afmelden', { u: String(user.id), t: token })
  const oneClick = appLink(settings, '/api/unsubscribe', { u: String(user.id), t: token })
  const only = rows.length === 1 ? mailItemOf(rows[0] as NotificationRow, context) : null
  const subject = digest
    ? en
      ? 'Your daily Meedenken summary'
      : 'Uw dagelijkse overzicht van Meedenken'
    : only
      ? subjectFor(only, locale)
      : en
        ? 'News from Meedenken'
        : 'Nieuws van Meedenken'
  // No name for an address nobody confirmed (staff typed it in at intake); greeting() also
  // leaves out a name stored before the display-name rule.
  const intro = `${greeting(locale, user.verified ? user.displayName : null)}\n\n${en ? 'There is news for you on Meedenken.' : 'Er is nieuws voor u op Meedenken.'}`
  const settingsLine = user.verified
    ? en
      ? `Choose how often you get e-mail in your profile:\n${appLink(settings, '/profiel')}\n\n`
      : `Hoe vaak u e-mail krijgt, kiest u in uw profiel:\n${appLink(settings, '/profiel')}\n\n`
    : en
      ? `Do you want to log in yourself, to vote or comment? Ask for a link to choose a password:\n${appLink(settings, '/wachtwoord-vergeten')}\n\n`
      : `Wilt u zelf inloggen om te stemmen of te reageren? Vraag dan een link aan om een wachtwoord te kiezen:\n${appLink(settings, '/wachtwoord-vergeten')}\n\n`
  const footer = en
    ? `${settingsLine}No more e-mail? Unsubscribe with one click:\n${unsubscribePage}`
    : `${settingsLine}Geen e-mail meer ontvangen? Meld u af met één klik:\n${unsubscribePage}`
  return {
    subject,
    text: `${intro}\n\n${blocks.join('\n\n* * *\n\n')}\n\n--\n${footer}\n`,
    // RFC 8058: mail programs can unsubscribe in one click without opening the page.
    headers: { 'List-Unsubscribe': `<${oneClick}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  }
}

/**
 * What may be mailed. A confirmed address gets all its news. An address nobody confirmed
 * gets only news about ideas its owner sent in through a civil servant (phone, desk, letter,
 * e-mail): they gave the address for that; a sign-up that was never confirmed gets nothing.
 * News about an idea a moderator hid goes to staff only.
 */
function mailable(row: NotificationRow, user: { id: number; verified: boolean }): boolean {
  const reason = effectiveReason(row.kind, row.reason)
  if (row.ideaHidden === 1 && !isStaffReason(reason)) return false
  if (user.verified) return true
  return row.ideaAuthorId === user.id && row.ideaChannel !== null && row.ideaChannel !== 'web'
}

/**
 * Turns notifications into mail per person's preference: at once, as one daily digest, or
 * never. Runs from the background job; each person's mail and markers go in one
 * transaction, so a crash never sends the same news twice or loses it.
 */
export async function mailNotifications(db: Db, settings: Settings, now: number, limit = 500): Promise<number> {
  const waiting = await db
    .selectDistinct({ userId: notifications.userId })
    .from(notifications)
    .where(isNull(notifications.mailedAt))
    .limit(limit)

  let mails = 0
  for (const { userId } of waiting) {
    const [user] = await db
      .select({
        id: users.id,
        email: users.email,
        verifiedAt: users.emailVerifiedAt,
        deletedAt: users.deletedAt,
        blockedAt: users.blockedAt,
        displayName: users.displayName,
        locale: users.locale,
        frequency: users.emailFrequency,
        lastDigestAt: users.lastDigestAt,
      })
      .from(users)
      .where(eq(users.id, userId))
      .limit(1)
    if (!user) continue
    const silent = !user.email || user.deletedAt !== null || user.blockedAt !== null || user.frequency === 'never'
    const digestNotDue = user.frequency === 'daily' && user.lastDigestAt !== null && now - user.lastDigestAt < DAY
    if (!silent && digestNotDue) continue
    const recipient = { ...user, verified: user.verifiedAt !== null }
    await db.transaction(
      async (tx) => {
        const rows = await selectNotificationRows(
          tx,
          and(eq(notifications.userId, userId), isNull(notifications.mailedAt)),
        ).orderBy(asc(notifications.id))
        if (rows.length === 0) return
        // Claimed: only the rows this update marks are this run's. Another process that read
        // the same rows at the same moment waits for this transaction, then marks none of them
        // (PostgreSQL checks the condition again on the row as committed), so no news goes out twice.
        const claimed = new Set(
          (
            await tx
              .update(notifications)
              .set({ mailedAt: now })
              .where(
                and(
                  inArray(
                    notifications.id,
                    rows.map((r) => r.id),
                  ),
                  isNull(notifications.mailedAt),
                ),
              )
              .returning({ id: notifications.id })
          ).map((r) => r.id),
        )

        const news = rows.filter((row) => claimed.has(row.id) && mailable(row, recipient))
        if (silent || !user.email || news.length === 0) return
        const mail = await composeNotificationMail(settings, tx, recipient, news, user.frequency === 'daily', now)
        await queueMail(
          tx,
          { to: user.email, userId, subject: mail.subject, text: mail.text, headers: mail.headers },
          now,
        )
        if (user.frequency === 'daily') await tx.update(users).set({ lastDigestAt: now }).where(eq(users.id, userId))
        mails++
      },
      { behavior: 'immediate' },
    )
  }
  return mails
}
