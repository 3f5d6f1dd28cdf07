import type { SignupBody, TargetGroup } from '@meedenken/shared'
import { TARGET_GROUPS } from '@meedenken/shared/constants'
import { useMutation, useQuery } from '@tanstack/react-query'
import { type FormEvent, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { districtsQuery } from '../features/catalog/api/catalog-queries'
import { offered } from '../features/catalog/local-name'
import { api, call } from '../lib/api-client'
import { errorText, fieldErrors } from '../lib/errors'
import { currentLocale } from '../lib/i18n'
import { Alert } from '../ui/alert'
import { Button } from '../ui/button'
import { Choice, ErrorSummary, Field, formValues, Select, TextInput } from '../ui/form'
import { PageHeading } from '../ui/page-heading'
import { Paragraph } from '../ui/paragraph'
import '../lib/i18n-accounts'

export function SignupPage() {
  const { t } = useTranslation(['accounts', 'ideas', 'common'])
  const openedAt = useRef(Date.now())
  const districts = useQuery(districtsQuery)
  const signup = useMutation({
    mutationFn: (body: SignupBody) => call(api.api.auth.signup.$post({ json: body })),
  })

  if (signup.isSuccess) {
    return (
      <div className="narrow">
        <PageHeading title={t('signup.sentTitle')}>{t('signup.sentTitle')}</PageHeading>
        <Alert type="ok" role="status">
          <p>{signup.data.message}</p>
        </Alert>
        <p>{t('signup.sentHint')}</p>
      </div>
    )
  }

  const errors = fieldErrors(signup.error)
  const labels = {
    email: t('fields.email'),
    password: t('fields.password'),
    displayName: t('fields.displayName'),
    targetGroup: t('fields.targetGroup'),
    districtId: t('fields.district'),
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const v = formValues(event.currentTarget)
    signup.mutate({
      email: v.email ?? '',
      password: v.password ?? '',
      displayName: v.displayName ?? '',
      targetGroup: (v.targetGroup ?? '') as TargetGroup,
      districtId: v.districtId ? Number(v.districtId) : null,
      locale: currentLocale(),
      website: v.website ?? '',
      fillTimeMs: Date.now() - openedAt.current,
    })
  }

  return (
    <div className="narrow">
      <PageHeading title={t('signup.title')}>{t('signup.title')}</PageHeading>
      <Paragraph lead>{t('signup.intro')}</Paragraph>
      {signup.isError && (
        <ErrorSummary
          errors={errors}
          labels={labels}
          message={Object.keys(errors).length === 0 ? errorText(signup.error) : undefined}
        />
      )}
      <form className="form" noValidate onSubmit={submit}>
        <Field name="email" label={labels.email} error={errors.email}>
          {(p) => <TextInput {...p} type="email" autoComplete="email" required />}
        </Field>
        <Field name="password" label={labels.password} hint={t('signup.passwordHint')} error={errors.password}>
          {(p) => <TextInput {...p} type="password" autoComplete="new-password" required minLength={10} />}
        </Field>
        <Field
          name="displayName"
          label={labels.displayName}
          hint={t('signup.displayNameHint')}
          error={errors.displayName}
        >
          {(p) => <TextInput {...p} type="text" autoComplete="nickname" required />}
        </Field>
        <Choice
          name="targetGroup"
          legend={labels.targetGroup}
          hint={t('signup.targetGroupHint')}
          error={errors.targetGroup}
          options={TARGET_GROUPS.map((g) => ({ value: g, label: t(`ideas:targetGroup.${g}`) }))}
        />
        <Field name="districtId" label={labels.districtId} hint={t('signup.districtHint')} error={errors.districtId}>
          {(p) => (
            <Select {...p} defaultValue="">
              <option value="">{t('signup.noDistrict')}</option>
              {offered(districts.data?.items).map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
        {/* A trap for form robots: people never see or reach this field. */}
        <div className="honeypot" aria-hidden="true">
          <label htmlFor="website">Website</label>
          <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" />
        </div>
        <Button type="submit" disabled={signup.isPending}>
          {signup.isPending ? t('common:loading') : t('signup.submit')}
        </Button>
      </form>
      <p className="form-footer">
        {t('signup.haveAccount')} <Link to="/inloggen">{t('login.title')}</Link>
      </p>
    </div>
  )
}
