import { useMutation, useQuery } from '@tanstack/react-query'
import { type ReactNode, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { meQuery, useSetSignedIn, verifyLinkQuery } from '../features/accounts/api/account-queries'
import { api, call } from '../lib/api-client'
import { errorText } from '../lib/errors'
import { Alert } from '../ui/alert'
import { Button } from '../ui/button'
import { Loading } from '../ui/loading'
import { PageHeading } from '../ui/page-heading'
import '../lib/i18n-accounts'

/**
 * The page a confirmation mail links to. Opening it changes nothing: it names the address
 * and waits for a click, so a link someone else sends cannot confirm or sign in anything
 * behind the reader's back. A reader signed in as another account stays signed in as that
 * account (the API keeps the session); the page says so before and after.
 */
export function VerifyPage() {
  const { t } = useTranslation(['accounts', 'common'])
  const token = useSearchParams()[0].get('token') ?? ''
  const lookup = useQuery(verifyLinkQuery(token))
  const me = useQuery(meQuery)
  const setSignedIn = useSetSignedIn()
  const verify = useMutation({
    mutationFn: () => call(api.api.auth.verify.$post({ json: { token } })),
    onSuccess: ({ user, signedIn }) => {
      if (signedIn) setSignedIn(user)
    },
  })

  if (verify.isSuccess) {
    const { user, signedIn } = verify.data
    return (
      <div className="narrow">
        <PageHeading title={t('verify.doneTitle')}>{t('verify.doneTitle')}</PageHeading>
        <Announced>
          {signedIn ? (
            <p>{t('verify.done', { name: user.displayName })}</p>
          ) : (
            <p>{t('verify.doneOtherSession', { email: user.email, current: me.data?.email ?? '' })}</p>
          )}
        </Announced>
        <p>
          <Link to="/">{t('verify.toIdeas')}</Link> · <Link to="/profiel">{t('profile.title')}</Link>
        </p>
      </div>
    )
  }
  const failure = !token ? t('verify.noToken') : lookup.isError ? errorText(lookup.error) : null
  if (failure) {
    return (
      <div className="narrow">
        <PageHeading title={t('verify.failedTitle')}>{t('verify.failedTitle')}</PageHeading>
        <Alert type="error" role="alert">
          <p>{failure}</p>
        </Alert>
        <p>
          <Link to="/inloggen">{t('verify.loginToResend')}</Link>
        </p>
      </div>
    )
  }
  if (!lookup.isSuccess) {
    return (
      <div className="narrow">
        <PageHeading title={t('verify.title')}>{t('verify.title')}</PageHeading>
        <Loading />
      </div>
    )
  }
  const { email } = lookup.data
  const other = me.data && me.data.email !== email ? me.data : null
  return (
    <div className="narrow">
      <PageHeading title={t('verify.title')}>{t('verify.title')}</PageHeading>
      <p>{t('verify.confirmAddress', { email })}</p>
      {other && (
        <Alert type="info">
          <p>{t('verify.otherSession', { current: other.email, email })}</p>
        </Alert>
      )}
      {verify.isError && (
        <Alert type="error" role="alert">
          <p>{errorText(verify.error)}</p>
          <p>
            <Link to="/inloggen">{t('verify.loginToResend')}</Link>
          </p>
        </Alert>
      )}
      <Button onClick={() => verify.mutate()} disabled={verify.isPending}>
        {t('verify.submit')}
      </Button>
    </div>
  )
}

/** The outcome after the click: the button is gone, so focus goes to the message that replaced it. */
function Announced({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => ref.current?.focus(), [])
  return (
    <Alert type="ok" role="status" tabIndex={-1} ref={ref}>
      {children}
    </Alert>
  )
}
