import {
  Accepted,
  CUSTOM_MESSAGES,
  EmailBody,
  LoginBody,
  ResetPasswordBody,
  SignupBody,
  TokenBody,
  TokenQuery,
  UserResponse,
  VerifyLookup,
  VerifyResponse,
} from '@meedenken/shared'
import type { Context } from 'hono'
import type { AppEnv } from '../../http/env'
import { ApiError, fieldError, localeOf } from '../../http/errors'
import { appLink } from '../../http/links'
import {
  enforceRateLimits,
  forgetRateLimits,
  HOUR,
  MINUTE,
  refundRateLimits,
  withinBudget,
} from '../../http/rate-limit'
import { createRouter, jsonBody, jsonResponse, route } from '../../http/route'
import { clearSessionCookie, sessionToken, setSessionCookie } from '../../http/session'
import { createSession, endAllSessions, endSession } from '../../http/session.data'
import { queueMail } from '../../mail/outbox.data'
import { mailTemplates } from '../../mail/templates'
import { clientNetwork } from '../../security/client-ip'
import { isCommonPassword } from '../../security/common-passwords'
import { hashPassword, verifyPassword } from '../../security/passwords'
import { sha256 } from '../../security/tokens'
import { districtOffered } from '../catalog/catalog.data'
import {
  consumeToken,
  createMember,
  findUserByEmail,
  findUserById,
  issueToken,
  markVerified,
  peekToken,
  revokeTokens,
  setPasswordHash,
  toUser,
} from './accounts.data'

const DAY = 86_400_000
const VERIFY_TTL = DAY
const RESET_TTL = HOUR
/** A person needs more than three seconds to fill in the sign-up form; faster is asked to try again. */
export const MIN_FILL_TIME_MS = 3_000
export const SIGNUPS_PER_IP_PER_HOUR = 60
/** Reset links mailed to one address in an hour; more requests get the same answer and no mail. */
export const RESET_MAILS_PER_HOUR = 3

/*
 * Failed logins slow down the client that fails, never the account. An account-wide limit
 * would be a switch anyone could use to lock a known person out, from as many addresses as
 * they like; so the right password from another client always works. A client is an IP
 * address (an IPv6 /64): it gets 5 failures per address it tries and 30 in all per 15 minutes.
 * Guessing from many addresses is slowed by those limits times the attacker's addresses, and
 * made hopeless by the password rules (10+ characters, common ones refused). Attempts are
 * counted before the password is checked, so parallel tries cannot slip past the count, and a
 * right password takes its count back: success never counts, so people who log in often (and
 * the end-to-end tests, all from 127.0.0.1) never meet the limit. See decision 006.
 */
export const LOGIN_FAILURES_PER_CLIENT = 5
export const LOGIN_FAILURES_PER_IP = 30
export const LOGIN_WINDOW_MS = 15 * MINUTE

// Verifying against this when the address is unknown keeps both answers equally slow.
const dummyHash = hashPassword('meedenken-timing-equaliser')

const TEXT = {
  tooFast: {
    nl: 'Dat ging heel snel. Controleer uw gegevens en klik nog een keer op Account maken.',
    en: 'That was very quick. Check your details and click Create account once more.',
  },
  signupAccepted: {
    nl: 'Bijna klaar. We hebben u een e-mail gestuurd. Klik op de link in die e-mail om uw account te bevestigen.',
    en: 'Almost done. We have sent you an e-mail. Click the link in that e-mail to confirm your account.',
  },
  resendAccepted: {
    nl: 'Als er een account wacht op bevestiging, hebben we een nieuwe link gestuurd. Kijk ook in uw spam.',
    en: 'If an account is waiting for confirmation, we have sent a new link. Please check your spam folder too.',
  },
  resetAccepted: {
    nl: 'Als er een account bij dit e-mailadres hoort, hebben we een link gestuurd om een nieuw wachtwoord te kiezen.',
    en: 'If an account belongs to this e-mail address, we have sent a link to choose a new password.',
  },
  invalidLink: {
    nl: 'Deze link werkt niet meer. Hij is al gebruikt of te oud. Vraag een nieuwe link aan.',
    en: 'This link no longer works. It was already used or is too old. Please ask for a new link.',
  },
  badCredentials: {
    nl: 'Het e-mailadres of het wachtwoord klopt niet.',
    en: 'The e-mail address or the password is not correct.',
  },
  notVerified: {
    nl: 'U hebt uw e-mailadres nog niet bevestigd. Klik op de link in de e-mail die we u stuurden, of vraag een nieuwe link aan.',
    en: 'You have not confirmed your e-mail address yet. Click the link in the e-mail we sent you, or ask for a new link.',
  },
  blocked: {
    nl: 'Uw account is geblokkeerd. Neem contact op met de gemeente via 14 0598 als u denkt dat dit niet klopt.',
    en: 'Your account has been blocked. Please contact the municipality on 14 0598 if you think this is wrong.',
  },
  unknownDistrict: { nl: 'Kies een dorp of wijk uit de lijst.', en: 'Choose a village or district from the list.' },
}

const ipKey = (c: Context<AppEnv>, scope: string) => `${scope}-ip:${sha256(clientNetwork(c))}`
const invalidLink = () => new ApiError('invalid_link', TEXT.invalidLink, { fields: { token: TEXT.invalidLink } })

/** Ends the session the browser brought (if any) and starts a fresh one: no session fixation. */
async function startFreshSession(
  c: Context<AppEnv>,
  userId: number,
  role: Parameters<typeof createSession>[2],
): Promise<void> {
  const previous = sessionToken(c)
  if (previous) await endSession(c.var.db, previous)
  const { token, maxAgeMs } = await createSession(c.var.db, userId, role, c.var.clock.now())
  setSessionCookie(c, token, maxAgeMs)
}

const signupRoute = route(
  'public',
  {
    method: 'post',
    path: '/signup',
    tags: ['Accounts'],
    summary: 'Sign up; answers the same whether or not the address already has an account',
    request: { body: jsonBody(SignupBody) },
    responses: { 202: jsonResponse(Accepted, 'A verification mail is on its way') },
  },
  { errors: [429] },
)

const verifyLookupRoute = route(
  'public',
  {
    method: 'get',
    path: '/verify',
    tags: ['Accounts'],
    summary: 'Which address a mailed confirmation link confirms, without using the link',
    description:
      'The confirmation page shows the address and asks for a click before it confirms: opening a link must not change anything.',
    request: { query: TokenQuery },
    responses: { 200: jsonResponse(VerifyLookup, 'The address the link confirms') },
  },
  { errors: [429] },
)

const verifyRoute = route('public', {
  method: 'post',
  path: '/verify',
  tags: ['Accounts'],
  summary: 'Confirm the e-mail address with the mailed token; signs the member in',
  description:
    'Signs the confirmed account in, unless this browser is signed in as another account: that session is kept (`signedIn: false`), because anyone can send a link and following one must not change who you are.',
  request: { body: jsonBody(TokenBody) },
  responses: { 200: jsonResponse(VerifyResponse, 'Verified; signed in unless another account was') },
})

const resendRoute = route(
  'public',
  {
    method: 'post',
    path: '/verify/resend',
    tags: ['Accounts'],
    summary: 'Send the verification link again',
    request: { body: jsonBody(EmailBody) },
    responses: { 202: jsonResponse(Accepted, 'Sent if an account waits for confirmation') },
  },
  { errors: [429] },
)

const loginRoute = route(
  'public',
  {
    method: 'post',
    path: '/login',
    tags: ['Accounts'],
    summary: 'Log in with e-mail address and password',
    request: { body: jsonBody(LoginBody) },
    responses: { 200: jsonResponse(UserResponse, 'Signed in; the session cookie is set') },
  },
  { errors: [401, 403, 429] },
)

const logoutRoute = route('public', {
  method: 'post',
  path: '/logout',
  tags: ['Accounts'],
  summary: 'Log out: the session ends on the server and the cookie is cleared',
  responses: { 204: { description: 'Signed out' } },
})

const resetRequestRoute = route(
  'public',
  {
    method: 'post',
    path: '/password-reset',
    tags: ['Accounts'],
    summary: 'Mail a link to choose a new password; the same answer for any address',
    request: { body: jsonBody(EmailBody) },
    responses: { 202: jsonResponse(Accepted, 'Sent if the address has an account') },
  },
  { errors: [429] },
)

const resetConfirmRoute = route('public', {
  method: 'post',
  path: '/password-reset/confirm',
  tags: ['Accounts'],
  summary: 'Choose a new password with the mailed token; ends every other session',
  request: { body: jsonBody(ResetPasswordBody) },
  responses: { 200: jsonResponse(UserResponse, 'Password changed and signed in') },
})

export const authRoutes = createRouter()
  .openapi(signupRoute, async (c) => {
    const body = c.req.valid('json')
    const accepted = { message: TEXT.signupAccepted[localeOf(c)] }
    // Input checks first: a refused request must leave no trace, not even a rate-limit count.
    if (isCommonPassword(body.password, [body.email, body.displayName])) {
      throw fieldError('password', CUSTOM_MESSAGES.passwordCommon)
    }
    if (body.districtId && !(await districtOffered(c.var.db, body.districtId))) {
      throw fieldError('districtId', TEXT.unknownDistrict)
    }
    // Too quick for a person typing, but a password manager is that quick too: say so, never
    // drop it silently while the page says "look in your e-mail". Before the rate limits, so
    // trying again costs nothing.
    if (body.fillTimeMs !== undefined && body.fillTimeMs < MIN_FILL_TIME_MS) {
      throw new ApiError('validation_failed', TEXT.tooFast)
    }
    await enforceRateLimits(c, [
      { key: ipKey(c, 'signup'), limit: SIGNUPS_PER_IP_PER_HOUR, windowMs: HOUR },
      { key: `signup-email:${sha256(body.email)}`, limit: 3, windowMs: HOUR },
    ])
    // Bots fill the hidden field people never see; they get the normal answer and nothing happens.
    if (body.website) return c.json(accepted, 202)
    const passwordHash = await hashPassword(body.password)
    const locale = body.locale ?? localeOf(c)
    const now = c.var.clock.now()
    const { settings } = c.var
    await c.var.db.transaction(async (tx) => {
      const existing = await findUserByEmail(tx, body.email)
      if (existing?.emailVerifiedAt) {
        const mail = mailTemplates.alreadyRegistered(
          existing.locale,
          appLink(settings, '/inloggen'),
          appLink(settings, '/wachtwoord-vergeten'),
        )
        await queueMail(tx, { to: body.email, userId: existing.id, ...mail }, now)
        return
      }
      if (existing) {
        // Waiting for confirmation (an earlier sign-up, or an account staff made at intake):
        // nothing of it changes. Whoever reads the mailbox chooses its password through a link;
        // the earlier confirmation link stops working, so a password someone else chose for
        // this address can never be the one that gets confirmed.
        await revokeTokens(tx, existing.id, 'verify_email')
        const token = await issueToken(tx, existing.id, 'reset_password', VERIFY_TTL, now)
        const mail = mailTemplates.claimAccount(existing.locale, appLink(settings, '/nieuw-wachtwoord', { token }))
        await queueMail(tx, { to: body.email, userId: existing.id, ...mail }, now)
        return
      }
      const userId = await createMember(
        tx,
        {
          email: body.email,
          passwordHash,
          displayName: body.displayName,
          targetGroup: body.targetGroup,
          districtId: body.districtId ?? null,
          locale,
        },
        now,
      )
      const token = await issueToken(tx, userId, 'verify_email', VERIFY_TTL, now)
      const mail = mailTemplates.verifyEmail(locale, appLink(settings, '/bevestigen', { token }))
      await queueMail(tx, { to: body.email, userId, ...mail }, now)
    })
    return c.json(accepted, 202)
  })
  .openapi(verifyLookupRoute, async (c) => {
    const { token } = c.req.valid('query')
    await enforceRateLimits(c, [{ key: ipKey(c, 'verify-lookup'), limit: 30, windowMs: MINUTE }])
    const userId = await peekToken(c.var.db, token, 'verify_email', c.var.clock.now())
    const row = userId === null ? undefined : await findUserById(c.var.db, userId)
    if (!row?.email || row.deletedAt !== null || row.blockedAt !== null) throw invalidLink()
    c.header('Cache-Control', 'private, no-store')
    return c.json({ email: row.email }, 200)
  })
  .openapi(verifyRoute, async (c) => {
    const { token } = c.req.valid('json')
    const now = c.var.clock.now()
    const user = await c.var.db.transaction(async (tx) => {
      const userId = await consumeToken(tx, token, 'verify_email', now)
      const row = userId === null ? undefined : await findUserById(tx, userId)
      if (!row || row.deletedAt !== null || row.blockedAt !== null) throw invalidLink()
      await markVerified(tx, row.id, now)
      return { ...row, emailVerifiedAt: row.emailVerifiedAt ?? now }
    })
    const current = c.get('user')
    if (current && current.id !== user.id) return c.json({ user: toUser(user), signedIn: false }, 200)
    await startFreshSession(c, user.id, user.role)
    return c.json({ user: toUser(user), signedIn: true }, 200)
  })
  .openapi(resendRoute, async (c) => {
    const { email } = c.req.valid('json')
    await enforceRateLimits(c, [
      { key: `resend:${sha256(email)}`, limit: 3, windowMs: 15 * MINUTE },
      { key: ipKey(c, 'resend'), limit: 30, windowMs: HOUR },
    ])
    const now = c.var.clock.now()
    await c.var.db.transaction(async (tx) => {
      const user = await findUserByEmail(tx, email)
      if (!user || user.emailVerifiedAt !== null || user.deletedAt !== null) return
      const token = await issueToken(tx, user.id, 'verify_email', VERIFY_TTL, now)
      const mail = mailTemplates.verifyEmail(user.locale, appLink(c.var.settings, '/bevestigen', { token }))
      await queueMail(tx, { to: email, userId: user.id, ...mail }, now)
    })
    return c.json({ message: TEXT.resendAccepted[localeOf(c)] }, 202)
  })
  .openapi(loginRoute, async (c) => {
    const { email, password } = c.req.valid('json')
    const clientKey = `login-client:${sha256(`${clientNetwork(c)} ${email}`)}`
    const networkKey = ipKey(c, 'login')
    await enforceRateLimits(c, [
      { key: clientKey, limit: LOGIN_FAILURES_PER_CLIENT, windowMs: LOGIN_WINDOW_MS },
      { key: networkKey, limit: LOGIN_FAILURES_PER_IP, windowMs: LOGIN_WINDOW_MS },
    ])
    const user = await findUserByEmail(c.var.db, email)
    const valid =
      user?.passwordHash && user.deletedAt === null
        ? await verifyPassword(user.passwordHash, password)
        : await verifyPassword(await dummyHash, password).then(() => false)
    if (!user || !valid) throw new ApiError('invalid_credentials', TEXT.badCredentials)
    // The right password: this client is not guessing. Only its own count for the IP is taken
    // back, so logging in to one's own account cannot wipe out failures on others.
    await forgetRateLimits(c, [clientKey])
    await refundRateLimits(c, [networkKey])
    if (user.emailVerifiedAt === null) throw new ApiError('email_not_verified', TEXT.notVerified)
    if (user.blockedAt !== null) throw new ApiError('forbidden', TEXT.blocked)
    await startFreshSession(c, user.id, user.role)
    return c.json({ user: toUser(user) }, 200)
  })
  .openapi(logoutRoute, async (c) => {
    const token = sessionToken(c)
    if (token) await endSession(c.var.db, token)
    clearSessionCookie(c)
    return c.body(null, 204)
  })
  .openapi(resetRequestRoute, async (c) => {
    const { email } = c.req.valid('json')
    await enforceRateLimits(c, [{ key: ipKey(c, 'reset'), limit: 30, windowMs: MINUTE }])
    const answer = c.json({ message: TEXT.resetAccepted[localeOf(c)] }, 202)
    // Counted for every address, known or not, and never answered with 429: beyond the
    // budget the mail is simply not sent, so nobody learns anything about the address.
    if (!(await withinBudget(c, { key: `reset:${sha256(email)}`, limit: RESET_MAILS_PER_HOUR, windowMs: HOUR })))
      return answer
    const now = c.var.clock.now()
    await c.var.db.transaction(async (tx) => {
      const user = await findUserByEmail(tx, email)
      if (!user || user.deletedAt !== null) return
      const token = await issueToken(tx, user.id, 'reset_password', RESET_TTL, now)
      const mail = mailTemplates.resetPassword(
        user.locale,
        user.emailVerifiedAt === null ? null : user.displayName,
        appLink(c.var.settings, '/nieuw-wachtwoord', { token }),
      )
      await queueMail(tx, { to: email, userId: user.id, ...mail }, now)
    })
    return answer
  })
  .openapi(resetConfirmRoute, async (c) => {
    const { token, password } = c.req.valid('json')
    if (isCommonPassword(password)) throw fieldError('password', CUSTOM_MESSAGES.passwordCommon)
    const passwordHash = await hashPassword(password)
    const now = c.var.clock.now()
    const user = await c.var.db.transaction(async (tx) => {
      const userId = await consumeToken(tx, token, 'reset_password', now)
      const row = userId === null ? undefined : await findUserById(tx, userId)
      if (!row || row.deletedAt !== null) throw invalidLink()
      if (row.blockedAt !== null) throw new ApiError('forbidden', TEXT.blocked)
      // Also ends every other link still out for this account (see setPasswordHash).
      await setPasswordHash(tx, row.id, passwordHash, now)
      // The mailbox owner proved themselves: the address counts as verified.
      await markVerified(tx, row.id, now)
      await endAllSessions(tx, row.id)
      return { ...row, emailVerifiedAt: row.emailVerifiedAt ?? now }
    })
    await startFreshSession(c, user.id, user.role)
    return c.json({ user: toUser(user) }, 200)
  })
