import type { EmailFrequency, Locale, ProfileUpdate, TargetGroup, User } from '@meedenken/shared'
import { EMAIL_FREQUENCIES, TARGET_GROUPS } from '@meedenken/shared/constants'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { accountKeys, useSetSignedIn } from '../features/accounts/api/account-queries'
import { RequireRole } from '../features/accounts/components/require-role'
import { districtsQuery } from '../features/catalog/api/catalog-queries'
import { offered } from '../features/catalog/local-name'
import { clearDraft } from '../features/ideas/idea-draft'
import { api, call } from '../lib/api-client'
import { errorText, fieldErrors } from '../lib/errors'
import { setLocale } from '../lib/i18n'
import '../lib/i18n-engage'
import { useNavigateAndWait } from '../lib/navigation'
import { AnchorButton, Button } from '../ui/button'
import { Checkbox, Choice, ErrorSummary, Field, formValues, Select, TextInput } from '../ui/form'
import { PageHeading } from '../ui/page-heading'
import '../lib/i18n-accounts'

export function ProfilePage() {
  const { t } = useTranslation('accounts')
  return (
    <div className="narrow">
      <PageHeading title={t('profile.title')}>{t('profile.title')}</PageHeading>
      <RequireRole minRole="member">
        {(user) => (
          <>
            <ProfileForm user={user} />
            <EmailPreference user={user} />
            <PasswordForm />
            <MyData />
            <DeleteAccount />
          </>
        )}
      </RequireRole>
    </div>
  )
}

function ProfileForm({ user }: { user: User }) {
  const { t } = useTranslation(['accounts', 'ideas', 'common'])
  const districts = useQuery(districtsQuery)
  const setSignedIn = useSetSignedIn()
  const save = useMutation({
    mutationFn: (body: ProfileUpdate) => call(api.api.me.$patch({ json: body })),
    onSuccess: ({ user: updated }) => {
      setSignedIn(updated)
      setLocale(updated.locale)
    },
  })
  const errors = fieldErrors(save.error)
  const labels = {
    displayName: t('fields.displayName'),
    targetGroup: t('fields.targetGroup'),
    districtId: t('fields.district'),
    locale: t('fields.locale'),
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const v = formValues(event.currentTarget)
    save.mutate({
      displayName: v.displayName ?? '',
      targetGroup: v.targetGroup as TargetGroup,
      districtId: v.districtId ? Number(v.districtId) : null,
      locale: (v.locale ?? 'nl') as Locale,
    })
  }

  return (
    <section className="section" aria-labelledby="profile-details">
      <h2 id="profile-details">{t('profile.details')}</h2>
      <p>{t('profile.emailIs', { email: user.email })}</p>
      {save.isError && (
        <ErrorSummary
          errors={errors}
          labels={labels}
          message={Object.keys(errors).length === 0 ? errorText(save.error) : undefined}
        />
      )}
      <form className="form" noValidate onSubmit={submit}>
        <Field
          name="displayName"
          label={labels.displayName}
          hint={t('signup.displayNameHint')}
          error={errors.displayName}
        >
          {(p) => <TextInput {...p} type="text" defaultValue={user.displayName} autoComplete="nickname" />}
        </Field>
        <Choice
          name="targetGroup"
          legend={labels.targetGroup}
          defaultValue={user.targetGroup ?? undefined}
          error={errors.targetGroup}
          options={TARGET_GROUPS.map((g) => ({ value: g, label: t(`ideas:targetGroup.${g}`) }))}
        />
        <Field name="districtId" label={labels.districtId} error={errors.districtId}>
          {(p) => (
            <Select {...p} defaultValue={user.districtId ?? ''} key={districts.data ? 'loaded' : 'loading'}>
              <option value="">{t('signup.noDistrict')}</option>
              {offered(districts.data?.items, user.districtId).map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field name="locale" label={labels.locale} hint={t('profile.localeHint')} error={errors.locale}>
          {(p) => (
            <Select {...p} defaultValue={user.locale}>
              <option value="nl" lang="nl">
                Nederlands
              </option>
              <option value="en" lang="en">
                English
              </option>
            </Select>
          )}
        </Field>
        <Button type="submit" disabled={save.isPending}>
          {t('profile.save')}
        </Button>
        <p role="status" className="status-line">
          {save.isSuccess ? t('profile.saved') : ''}
        </p>
      </form>
    </section>
  )
}

/** How often notifications also come by e-mail: at once, as a daily summary, or never. */
function EmailPreference({ user }: { user: User }) {
  const { t } = useTranslation('engage')
  const qc = useQueryClient()
  const save = useMutation({
    mutationFn: (emailFrequency: EmailFrequency) => call(api.api.me.$patch({ json: { emailFrequency } })),
    // Only the account changes: nothing else on the site needs fetching again.
    onSuccess: ({ user: updated }) => qc.setQueryData(accountKeys.me(), updated),
  })

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const value = formValues(event.currentTarget).emailFrequency
    if (value && (EMAIL_FREQUENCIES as readonly string[]).includes(value)) save.mutate(value as EmailFrequency)
  }

  return (
    <section className="section" aria-labelledby="profile-email">
      <h2 id="profile-email">{t('emailPreference.title')}</h2>
      <p>{t('emailPreference.intro')}</p>
      <form className="form" noValidate onSubmit={submit}>
        <Choice
          name="emailFrequency"
          legend={t('emailPreference.legend')}
          hint={t('emailPreference.hint')}
          defaultValue={user.emailFrequency}
          error={save.isError ? errorText(save.error) : undefined}
          options={EMAIL_FREQUENCIES.map((f) => ({ value: f, label: t(`emailPreference.${f}`) }))}
        />
        <Button type="submit" disabled={save.isPending}>
          {t('emailPreference.save')}
        </Button>
        <p role="status" className="status-line">
          {save.isSuccess ? t('emailPreference.saved') : ''}
        </p>
      </form>
    </section>
  )
}

function PasswordForm() {
  const { t } = useTranslation(['accounts', 'common'])
  const [formKey, setFormKey] = useState(0)
  const change = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      call(api.api.me.password.$post({ json: body })),
    onSuccess: () => setFormKey((k) => k + 1),
  })
  const errors = fieldErrors(change.error)
  const labels = { currentPassword: t('fields.currentPassword'), newPassword: t('fields.newPassword') }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const v = formValues(event.currentTarget)
    change.mutate({ currentPassword: v.currentPassword ?? '', newPassword: v.newPassword ?? '' })
  }

  return (
    <section className="section" aria-labelledby="profile-password">
      <h2 id="profile-password">{t('profile.passwordTitle')}</h2>
      {change.isError && (
        <ErrorSummary
          errors={errors}
          labels={labels}
          message={Object.keys(errors).length === 0 ? errorText(change.error) : undefined}
        />
      )}
      <form className="form" noValidate onSubmit={submit} key={formKey}>
        <Field name="currentPassword" label={labels.currentPassword} error={errors.currentPassword}>
          {(p) => <TextInput {...p} type="password" autoComplete="current-password" />}
        </Field>
        <Field name="newPassword" label={labels.newPassword} hint={t('signup.passwordHint')} error={errors.newPassword}>
          {(p) => <TextInput {...p} type="password" autoComplete="new-password" />}
        </Field>
        <Button type="submit" disabled={change.isPending}>
          {t('profile.passwordSubmit')}
        </Button>
      </form>
      <p role="status" className="status-line">
        {change.isSuccess ? t('profile.passwordChanged') : ''}
      </p>
    </section>
  )
}

function MyData() {
  const { t } = useTranslation('accounts')
  return (
    <section className="section" aria-labelledby="profile-data">
      <h2 id="profile-data">{t('profile.dataTitle')}</h2>
      <p>{t('profile.dataIntro')}</p>
      <p>
        <AnchorButton appearance="secondary" href="/api/me/export" download="meedenken-mijn-gegevens.json">
          {t('profile.download')}
        </AnchorButton>
      </p>
    </section>
  )
}

function DeleteAccount() {
  const { t } = useTranslation(['accounts', 'common'])
  const navigate = useNavigateAndWait()
  const [confirming, setConfirming] = useState(false)
  const password = useRef<HTMLInputElement>(null)
  const remove = useMutation({
    mutationFn: (current: string) => call(api.api.me.$delete({ json: { password: current } })),
    onSuccess: async () => {
      clearDraft()
      // That page forgets the signed-in person once it is on screen. Doing it here, the page
      // being left (still showing while the next one loads) would see a visitor and send them
      // to the login page: the "bare login page" after deleting an account.
      await navigate('/account-verwijderd', { replace: true, state: { accountDeleted: true } })
    },
    // The field's error is tied to it: focus there, so it is read out with the field.
    onError: () => password.current?.focus(),
  })
  const errors = fieldErrors(remove.error)

  // The button that opened the form is gone: the password field is where to go on.
  useEffect(() => {
    if (confirming) password.current?.focus()
  }, [confirming])

  return (
    <section className="section danger-zone" aria-labelledby="profile-delete">
      <h2 id="profile-delete">{t('profile.deleteTitle')}</h2>
      <p>{t('profile.deleteIntro')}</p>
      {!confirming ? (
        <Button tone="negative" onClick={() => setConfirming(true)}>
          {t('profile.deleteStart')}
        </Button>
      ) : (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault()
            remove.mutate(formValues(e.currentTarget).password ?? '')
          }}
        >
          <Field
            name="password"
            id="delete-password"
            label={t('profile.deletePassword')}
            hint={t('profile.deletePasswordHint')}
            error={errors.password}
          >
            {(p) => <TextInput {...p} ref={password} type="password" autoComplete="current-password" />}
          </Field>
          <div className="choice__option">
            <Checkbox id="confirm-delete" name="confirm" required />
            <label htmlFor="confirm-delete">{t('profile.deleteConfirm')}</label>
          </div>
          {remove.isError && !errors.password && (
            <p className="field__error" role="alert">
              {errorText(remove.error)}
            </p>
          )}
          <div className="form__actions">
            <Button type="submit" tone="negative" disabled={remove.isPending}>
              {t('profile.deleteFinal')}
            </Button>
            <Button appearance="subtle" onClick={() => setConfirming(false)}>
              {t('profile.deleteCancel')}
            </Button>
          </div>
        </form>
      )}
    </section>
  )
}
