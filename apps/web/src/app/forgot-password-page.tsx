import { useMutation } from '@tanstack/react-query'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { api, call } from '../lib/api-client'
import { errorText, fieldErrors } from '../lib/errors'
import { Alert } from '../ui/alert'
import { Button } from '../ui/button'
import { ErrorSummary, Field, formValues, TextInput } from '../ui/form'
import { PageHeading } from '../ui/page-heading'
import { Paragraph } from '../ui/paragraph'
import '../lib/i18n-accounts'

export function ForgotPasswordPage() {
  const { t } = useTranslation(['accounts', 'common'])
  const request = useMutation({
    mutationFn: (email: string) => call(api.api.auth['password-reset'].$post({ json: { email } })),
  })
  const errors = fieldErrors(request.error)

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    request.mutate(formValues(event.currentTarget).email ?? '')
  }

  return (
    <div className="narrow">
      <PageHeading title={t('forgot.title')}>{t('forgot.title')}</PageHeading>
      {request.isSuccess ? (
        <Alert type="ok" role="status">
          <p>{request.data.message}</p>
        </Alert>
      ) : (
        <>
          <Paragraph lead>{t('forgot.intro')}</Paragraph>
          {request.isError && (
            <ErrorSummary
              errors={errors}
              labels={{ email: t('fields.email') }}
              message={Object.keys(errors).length === 0 ? errorText(request.error) : undefined}
            />
          )}
          <form className="form" noValidate onSubmit={submit}>
            <Field name="email" label={t('fields.email')} error={errors.email}>
              {(p) => <TextInput {...p} type="email" autoComplete="email" required />}
            </Field>
            <Button type="submit" disabled={request.isPending}>
              {t('forgot.submit')}
            </Button>
          </form>
        </>
      )}
      <p className="form-footer">
        <Link to="/inloggen">{t('forgot.backToLogin')}</Link>
      </p>
    </div>
  )
}
