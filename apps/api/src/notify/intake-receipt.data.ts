import { eq } from 'drizzle-orm'
import { installationSettings } from '../config/installation.data'
import type { Db } from '../db/open'
import { ideas, users } from '../db/schema'
import { issueToken } from '../features/accounts/accounts.data'
import { appLink } from '../http/links'
import { channelPhrase } from '../mail/notification-templates'
import { queueMail } from '../mail/outbox.data'
import { mailTemplates } from '../mail/templates'
import { signFor } from '../security/signing'
import type { Settings } from '../settings'
import { UNSUBSCRIBE_PURPOSE } from './mail-notifications'

// As the "choose a password" link a sign-up sends for an unconfirmed account (auth.routes.ts).
const CLAIM_TTL = 24 * 3_600_000

/**
 * The receipt for an idea staff entered on someone's behalf, at the address the person gave
 * the civil servant: the idea's link, what happens next, and, when the address has no
 * confirmed account yet, a link to choose a password (which confirms the address and makes
 * it a normal account). Nothing without an address, for an account that asked for no mail,
 * or for one that is blocked or erased. Returns whether a mail was queued.
 */
export async function sendIntakeReceipt(db: Db, settings: Settings, ideaId: number, now: number): Promise<boolean> {
  const [row] = await db
    .select({
      title: ideas.title,
      channel: ideas.channel,
      userId: users.id,
      email: users.email,
      verifiedAt: users.emailVerifiedAt,
      displayName: users.displayName,
      locale: users.locale,
      frequency: users.emailFrequency,
      blockedAt: users.blockedAt,
      deletedAt: users.deletedAt,
    })
    .from(ideas)
    .innerJoin(users, eq(users.id, ideas.authorId))
    .where(eq(ideas.id, ideaId))
    .limit(1)
  if (!row?.email || row.frequency === 'never' || row.blockedAt !== null || row.deletedAt !== null) return false
  const email = row.email
  const unsubscribeToken = await signFor(db, UNSUBSCRIBE_PURPOSE, row.userId)
  await db.transaction(async (tx) => {
    const claimLink =
      row.verifiedAt === null
        ? appLink(settings, '/nieuw-wachtwoord', {
            token: await issueToken(tx, row.userId, 'reset_password', CLAIM_TTL, now),
          })
        : null
    const mail = mailTemplates.intakeReceipt(row.locale, {
      name: row.verifiedAt === null ? null : row.displayName,
      title: row.title,
      channel: channelPhrase(row.channel, row.locale),
      ideaLink: appLink(settings, `/ideeen/${ideaId}`),
      normDays: (await installationSettings(tx)).responseNormDays,
      claimLink,
      loginLink: appLink(settings, '/inloggen'),
      forgotLink: appLink(settings, '/wachtwoord-vergeten'),
      unsubscribeLink: appLink(settings, '/afmelden', { u: String(row.userId), t: unsubscribeToken }),
    })
    const oneClick = appLink(settings, '/api/unsubscribe', { u: String(row.userId), t: unsubscribeToken })
    await queueMail(
      tx,
      {
        to: email,
        userId: row.userId,
        ...mail,
        headers: { 'List-Unsubscribe': `<${oneClick}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      },
      now,
    )
  })
  return true
}
