import { useMutation } from '@tanstack/react-query'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { useSetSignedIn } from '../features/accounts/api/account-queries'
import { api, call } from '../lib/api-client'
import { errorText, fieldErrors } from '../lib/errors'
import { Alert } from '../ui/alert'
import { Button } from '../ui/button'
import { ErrorSummary, Field, formValues, TextInput } from '../ui/form'
import { PageHeading } from '../ui/page-heading'
import '../lib/i18n-accounts'

export function ResetPasswordPage() {
  const { t } = useTranslation(['accounts', 'common'])
  const token = useSearchParams()[0].get('token') ?? ''
  const navigate = useNavigate()
  const setSignedIn = useSetSignedIn()
  const reset = useMutation({
    mutationFn: (password: string) => call(api.api.auth['password-reset'].confirm.$post({ json: { token, password } })),
    onSuccess: ({ user }) => {
      setSignedIn(user)
      navigate('/profiel', { state: { notice: t('reset.done') } })
    },
  })
  const errors = fieldErrors(reset.error)
  const invalidLink = 'token' in errors
  const visibleErrors = Object.fromEntries(Object.entries(errors).filter(([k]) => k !== 'token'))

  // A link without its token (cut off in the mail program): say so, as /bevestigen does,
  // instead of a form that can only fail.
  if (!token) {
    return (
      <div className="narrow">
        <PageHeading title={t('verify.failedTitle')}>{t('verify.failedTitle')}</PageHeading>
        <Alert type="error" role="alert">
          <p>{t('verify.noToken')}</p>
        </Alert>
        <p>
          <Link to="/wachtwoord-vergeten">{t('reset.askNew')}</Link>
        </p>
      </div>
    )
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    reset.mutate(formValues(event.currentTarget).password ?? '')
  }

  return (
    <div className="narrow">
      <PageHeading title={t('reset.title')}>{t('reset.title')}</PageHeading>
      {reset.isError && (
        <ErrorSummary
          errors={visibleErrors}
          labels={{ password: t('fields.newPassword') }}
          message={invalidLink || Object.keys(errors).length === 0 ? errorText(reset.error) : undefined}
        />
      )}
      {invalidLink && (
        <p>
          <Link to="/wachtwoord-vergeten">{t('reset.askNew')}</Link>
        </p>
      )}
      <form className="form" noValidate onSubmit={submit}>
        <Field
          name="password"
          label={t('fields.newPassword')}
          hint={t('signup.passwordHint')}
          error={visibleErrors.password}
        >
          {(p) => <TextInput {...p} type="password" autoComplete="new-password" required minLength={10} />}
        </Field>
        <Button type="submit" disabled={reset.isPending}>
          {t('reset.submit')}
        </Button>
      </form>
    </div>
  )
}
