import type { LoginBody } from '@meedenken/shared'
import { ROLE_RANK } from '@meedenken/shared/constants'
import { useMutation } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { useSetSignedIn } from '../features/accounts/api/account-queries'
import { ApiRequestError, api, call } from '../lib/api-client'
import { errorText, fieldErrors, safeReturnPath } from '../lib/errors'
import { Alert } from '../ui/alert'
import { Button } from '../ui/button'
import { ErrorSummary, Field, formValues, TextInput } from '../ui/form'
import { PageHeading } from '../ui/page-heading'
import '../lib/i18n-accounts'

export function LoginPage() {
  const { t } = useTranslation(['accounts', 'common'])
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const setSignedIn = useSetSignedIn()
  const [email, setEmail] = useState('')
  const login = useMutation({
    mutationFn: (body: LoginBody) => call(api.api.auth.login.$post({ json: body })),
    onSuccess: ({ user }) => {
      setSignedIn(user)
      // Sent here from a page: back there. Otherwise staff start at their inbox (the Werkbak).
      const back = params.get('terug')
      const staff = ROLE_RANK[user.role] >= ROLE_RANK.staff
      navigate(back ? safeReturnPath(back) : staff ? '/medewerkers' : '/', {
        state: { notice: t('login.welcome', { name: user.displayName }) },
      })
    },
  })
  const resend = useMutation({
    mutationFn: () => call(api.api.auth.verify.resend.$post({ json: { email } })),
  })
  const notVerified = login.error instanceof ApiRequestError && login.error.code === 'email_not_verified'
  const errors = fieldErrors(login.error)
  const labels = { email: t('fields.email'), password: t('fields.password') }
  // Why someone was sent here, read from where they want to go: "Idee insturen" sends a visitor
  // here with ?terug=/ideeen/nieuw (the form for a campaign adds ?meedenkvraag=).
  const reason = /^\/ideeen\/nieuw(?:\?|$)/.test(params.get('terug') ?? '') ? t('login.reason.idee') : null

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const v = formValues(event.currentTarget)
    setEmail(v.email ?? '')
    resend.reset()
    login.mutate({ email: v.email ?? '', password: v.password ?? '' })
  }

  return (
    <div className="narrow">
      <PageHeading title={t('login.title')}>{t('login.title')}</PageHeading>
      {reason && (
        <Alert type="info">
          <p>{reason}</p>
        </Alert>
      )}
      {login.isError && (
        <ErrorSummary
          errors={errors}
          labels={labels}
          message={Object.keys(errors).length === 0 ? errorText(login.error) : undefined}
        />
      )}
      {notVerified && (
        <Alert type="info">
          <p>{t('login.resendIntro')}</p>
          <Button appearance="secondary" onClick={() => resend.mutate()} disabled={resend.isPending}>
            {t('login.resend')}
          </Button>
          <p role="status" className="status-line">
            {resend.isSuccess ? resend.data.message : resend.isError ? errorText(resend.error) : ''}
          </p>
        </Alert>
      )}
      <form className="form" noValidate onSubmit={submit}>
        <Field name="email" label={labels.email} error={errors.email}>
          {(p) => <TextInput {...p} type="email" autoComplete="username" required />}
        </Field>
        <Field name="password" label={labels.password} error={errors.password}>
          {(p) => <TextInput {...p} type="password" autoComplete="current-password" required />}
        </Field>
        <Button type="submit" disabled={login.isPending}>
          {login.isPending ? t('common:loading') : t('login.submit')}
        </Button>
      </form>
      <p className="form-footer">
        <Link to="/wachtwoord-vergeten">{t('login.forgot')}</Link>
      </p>
      <p className="form-footer">
        {t('login.noAccount')} <Link to="/aanmelden">{t('signup.title')}</Link>
      </p>
    </div>
  )
}
