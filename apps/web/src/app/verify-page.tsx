import { useMutation } from '@tanstack/react-query'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { useSetSignedIn } from '../features/accounts/api/account-queries'
import { api, call } from '../lib/api-client'
import { errorText } from '../lib/errors'
import { Loading } from '../ui/loading'
import { PageHeading } from '../ui/page-heading'

// A link works once: remember which tokens this page already sent (React may mount twice).
const sent = new Set<string>()

export function VerifyPage() {
  const { t } = useTranslation(['accounts', 'common'])
  const token = useSearchParams()[0].get('token') ?? ''
  const setSignedIn = useSetSignedIn()
  const verify = useMutation({
    mutationFn: () => call(api.api.auth.verify.$post({ json: { token } })),
    onSuccess: ({ user }) => setSignedIn(user),
  })

  useEffect(() => {
    if (token && !sent.has(token)) {
      sent.add(token)
      verify.mutate()
    }
  }, [token, verify])

  if (verify.isSuccess) {
    return (
      <div className="narrow">
        <PageHeading title={t('verify.doneTitle')}>{t('verify.doneTitle')}</PageHeading>
        <div className="alert alert--success" role="status">
          <p>{t('verify.done', { name: verify.data.user.displayName })}</p>
        </div>
        <p>
          <Link to="/">{t('verify.toIdeas')}</Link> · <Link to="/profiel">{t('profile.title')}</Link>
        </p>
      </div>
    )
  }
  if (verify.isError || !token) {
    return (
      <div className="narrow">
        <PageHeading title={t('verify.failedTitle')}>{t('verify.failedTitle')}</PageHeading>
        <div className="alert alert--error" role="alert">
          <p>{token ? errorText(verify.error) : t('verify.noToken')}</p>
        </div>
        <p>
          <Link to="/inloggen">{t('verify.loginToResend')}</Link>
        </p>
      </div>
    )
  }
  return (
    <div className="narrow">
      <PageHeading title={t('verify.title')}>{t('verify.title')}</PageHeading>
      <Loading />
    </div>
  )
}
