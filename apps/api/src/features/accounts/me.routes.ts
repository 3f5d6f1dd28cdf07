import {
  CUSTOM_MESSAGES,
  DataExport,
  DeleteAccountBody,
  MeResponse,
  PasswordChange,
  ProfileUpdate,
  UserResponse,
} from '@meedenken/shared'
import { ApiError, fieldError } from '../../http/errors'
import { appLink } from '../../http/links'
import { signedIn } from '../../http/policy'
import { enforceRateLimits, MINUTE } from '../../http/rate-limit'
import { createRouter, jsonBody, jsonResponse, route } from '../../http/route'
import { clearSessionCookie, sessionToken, setSessionCookie } from '../../http/session'
import { createSession, endAllSessions } from '../../http/session.data'
import { queueMail } from '../../mail/outbox.data'
import { mailTemplates } from '../../mail/templates'
import { isCommonPassword } from '../../security/common-passwords'
import { hashPassword, verifyPassword } from '../../security/passwords'
import { districtOffered } from '../catalog/catalog.data'
import { photoStoreFor } from '../photos/photo-store'
import { sweepPhotoFiles } from '../photos/photos.data'
import { deleteAccount, exportUserData, findUserById, setPasswordHash, toUser, updateProfile } from './accounts.data'

const TEXT = {
  wrongPassword: { nl: 'Uw huidige wachtwoord klopt niet.', en: 'Your current password is not correct.' },
  unknownDistrict: { nl: 'Kies een dorp of wijk uit de lijst.', en: 'Choose a village or district from the list.' },
  gone: { nl: 'Dit account bestaat niet meer.', en: 'This account no longer exists.' },
  wrongPasswordToDelete: {
    nl: 'Het wachtwoord klopt niet. Probeer het opnieuw.',
    en: 'The password is not correct. Please try again.',
  },
  sessionEnded: {
    nl: 'U bent niet meer ingelogd. Log opnieuw in.',
    en: 'You are no longer logged in. Please log in again.',
  },
}

const meRoute = route(
  'public',
  {
    method: 'get',
    path: '/',
    tags: ['Me'],
    summary: 'The signed-in person, or `user: null` for a visitor',
    description:
      'A visitor gets 200 with `user: null`, so pages can ask on every load without an error. A browser whose session ended gets 401 once (its cookie is cleared in the same answer), so it can say so.',
    responses: { 200: jsonResponse(MeResponse, 'The signed-in person, or null') },
  },
  { errors: [401] },
)

const updateRoute = route('member', {
  method: 'patch',
  path: '/',
  tags: ['Me'],
  summary: 'Change display name, target group, district or language',
  request: { body: jsonBody(ProfileUpdate) },
  responses: { 200: jsonResponse(UserResponse, 'The updated profile') },
})

const passwordRoute = route(
  'member',
  {
    method: 'post',
    path: '/password',
    tags: ['Me'],
    summary: 'Change the password; every other session ends',
    request: { body: jsonBody(PasswordChange) },
    responses: { 204: { description: 'Changed' } },
  },
  { errors: [429] },
)

const exportRoute = route('member', {
  method: 'get',
  path: '/export',
  tags: ['Me'],
  summary: 'Download all my data as JSON (AVG/GDPR right of access)',
  responses: { 200: jsonResponse(DataExport, 'Everything we hold about me') },
})

const deleteRoute = route(
  'member',
  {
    method: 'delete',
    path: '/',
    tags: ['Me'],
    summary: 'Erase my account: personal data gone, contributions kept anonymously, votes removed',
    description: 'Asks for the current password again, so a session left open on a shared computer cannot erase it.',
    request: { body: jsonBody(DeleteAccountBody) },
    responses: { 204: { description: 'Erased and signed out' } },
  },
  { errors: [429] },
)

export const meRoutes = createRouter()
  .openapi(meRoute, async (c) => {
    const user = c.get('user')
    if (!user) {
      // A cookie that names no live session: the session middleware has cleared it already.
      if (sessionToken(c)) throw new ApiError('not_signed_in', TEXT.sessionEnded)
      return c.json({ user: null }, 200)
    }
    const row = await findUserById(c.var.db, user.id)
    if (!row) throw new ApiError('not_signed_in', TEXT.gone)
    return c.json({ user: toUser(row) }, 200)
  })
  .openapi(updateRoute, async (c) => {
    const changes = c.req.valid('json')
    // An archived village or district is not offered any more, unless it is already theirs.
    const current = changes.districtId ? (await findUserById(c.var.db, signedIn(c).id))?.districtId : null
    if (changes.districtId && !(await districtOffered(c.var.db, changes.districtId, current))) {
      throw fieldError('districtId', TEXT.unknownDistrict)
    }
    const row = await updateProfile(c.var.db, signedIn(c).id, changes, c.var.clock.now())
    if (!row) throw new ApiError('not_signed_in', TEXT.gone)
    return c.json({ user: toUser(row) }, 200)
  })
  .openapi(passwordRoute, async (c) => {
    const me = signedIn(c)
    const { currentPassword, newPassword } = c.req.valid('json')
    await enforceRateLimits(c, [{ key: `password-change:${me.id}`, limit: 5, windowMs: MINUTE }])
    const row = await findUserById(c.var.db, me.id)
    if (!row?.passwordHash || !(await verifyPassword(row.passwordHash, currentPassword))) {
      throw fieldError('currentPassword', TEXT.wrongPassword)
    }
    if (isCommonPassword(newPassword, [row.email ?? '', row.displayName])) {
      throw fieldError('newPassword', CUSTOM_MESSAGES.passwordCommon)
    }
    const passwordHash = await hashPassword(newPassword)
    const now = c.var.clock.now()
    const session = await c.var.db.transaction(async (tx) => {
      await setPasswordHash(tx, me.id, passwordHash, now)
      await endAllSessions(tx, me.id)
      if (row.email) {
        const mail = mailTemplates.passwordChanged(
          row.locale,
          row.emailVerifiedAt === null ? null : row.displayName,
          appLink(c.var.settings, '/wachtwoord-vergeten'),
        )
        await queueMail(tx, { to: row.email, userId: me.id, ...mail }, now)
      }
      return await createSession(tx, me.id, row.role, now)
    })
    setSessionCookie(c, session.token, session.maxAgeMs)
    return c.body(null, 204)
  })
  .openapi(exportRoute, async (c) => {
    const data = await exportUserData(c.var.db, signedIn(c).id, c.var.clock.now())
    if (!data) throw new ApiError('not_signed_in', TEXT.gone)
    c.header('Content-Disposition', 'attachment; filename="meedenken-mijn-gegevens.json"')
    return c.json(data, 200)
  })
  .openapi(deleteRoute, async (c) => {
    const me = signedIn(c)
    const { password } = c.req.valid('json')
    await enforceRateLimits(c, [{ key: `delete-account:${me.id}`, limit: 5, windowMs: 15 * MINUTE }])
    const row = await findUserById(c.var.db, me.id)
    if (!row?.passwordHash || !(await verifyPassword(row.passwordHash, password))) {
      throw fieldError('password', TEXT.wrongPasswordToDelete)
    }
    await deleteAccount(c.var.db, me.id, c.var.clock.now())
    // With the files-on-disk store, the erased photos' files go too (their rows went above).
    await sweepPhotoFiles(c.var.db, photoStoreFor(c.var.settings))
    clearSessionCookie(c)
    return c.body(null, 204)
  })
