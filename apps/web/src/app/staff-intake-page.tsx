import '../lib/i18n-staff'
import '../styles/staff.css'
import type { IntakeBody, TargetGroup } from '@meedenken/shared'
import { TARGET_GROUPS } from '@meedenken/shared/constants'
import { useQuery } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { districtsQuery, themesQuery } from '../features/catalog/api/catalog-queries'
import { localName, offered } from '../features/catalog/local-name'
import { useIntake } from '../features/staff/api/staff-mutations'
import { StaffPage } from '../features/staff/components/staff-page'
import { FormProblem, localProblem, type Problem, problemFrom } from '../features/staff/form-problem'
import { DISPLAY_NAME, IDEA_BODY, IDEA_TITLE, INTAKE_CHANNELS } from '../features/staff/rules'
import { Checkboxes, Choice, Field, type FieldErrors } from '../ui/form'

export function StaffIntakePage() {
  const { t } = useTranslation('staff')
  return (
    <StaffPage title={t('intake.title')} intro={t('intake.intro')} form>
      <IntakeForm />
    </StaffPage>
  )
}

function IntakeForm() {
  const { t } = useTranslation(['staff', 'ideas'])
  const themes = useQuery(themesQuery)
  const districts = useQuery(districtsQuery)
  const intake = useIntake()
  const navigate = useNavigate()
  const [problem, setProblem] = useState<Problem | null>(null)
  const errors = problem?.errors ?? {}
  const labels: Record<string, string> = {
    'intake.channel': t('intake.channel'),
    'intake.submitter.displayName': t('intake.name'),
    'intake.submitter.email': t('intake.email'),
    'intake.submitter.targetGroup': t('intake.targetGroup'),
    'intake.submitter.districtId': t('intake.submitterDistrict'),
    'intake.title': t('intake.ideaTitle'),
    'intake.body': t('intake.body'),
    'intake.themeId': t('intake.theme'),
    'intake.districtId': t('intake.district'),
    'intake.targetGroups': t('intake.targetGroups'),
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (intake.isPending) return
    const data = new FormData(event.currentTarget)
    const text = (name: string) => {
      const value = data.get(`intake.${name}`)
      return typeof value === 'string' ? value.trim() : ''
    }
    const found: FieldErrors = {}
    const channel = text('channel')
    const title = text('title')
    const body = text('body')
    const name = text('submitter.displayName')
    const targetGroup = text('submitter.targetGroup')
    if (!channel) found['intake.channel'] = t('intake.errors.channel')
    if (name.length < DISPLAY_NAME.min) found['intake.submitter.displayName'] = t('intake.errors.name')
    if (!targetGroup) found['intake.submitter.targetGroup'] = t('intake.errors.targetGroup')
    if (title.length < IDEA_TITLE.min) found['intake.title'] = t('intake.errors.title', { min: IDEA_TITLE.min })
    if (body.length < IDEA_BODY.min) found['intake.body'] = t('intake.errors.body', { min: IDEA_BODY.min })
    if (!text('themeId')) found['intake.themeId'] = t('intake.errors.theme')
    const local = localProblem(found)
    if (local) {
      setProblem(local)
      return
    }
    const email = text('submitter.email')
    const submitterDistrict = text('submitter.districtId')
    const district = text('districtId')
    const request: IntakeBody = {
      title,
      body,
      themeId: Number(text('themeId')),
      districtId: district ? Number(district) : null,
      targetGroups: data.getAll('intake.targetGroups').map(String) as TargetGroup[],
      channel: channel as IntakeBody['channel'],
      submitter: {
        displayName: name,
        targetGroup: targetGroup as TargetGroup,
        districtId: submitterDistrict ? Number(submitterDistrict) : null,
        ...(email ? { email } : {}),
      },
    }
    intake.mutate(request, {
      onSuccess: ({ idea }) =>
        navigate(`/medewerkers/ideeen/${idea.id}`, { state: { notice: t('intake.saved', { id: idea.id }) } }),
      onError: (error) => setProblem(problemFrom('intake', error)),
    })
  }

  const districtOptions = (
    <>
      <option value="">{t('intake.noDistrict')}</option>
      {offered(districts.data?.items).map((d) => (
        <option key={d.id} value={d.id}>
          {d.name}
        </option>
      ))}
    </>
  )

  return (
    <>
      <FormProblem problem={problem} labels={labels} />
      <form className="form" noValidate onSubmit={submit}>
        <Choice
          name="intake.channel"
          legend={labels['intake.channel'] ?? ''}
          error={errors['intake.channel']}
          options={INTAKE_CHANNELS.map((c) => ({ value: c, label: t(`intake.channels.${c}`) }))}
        />
        <fieldset className="form-group">
          <legend>{t('intake.submitterTitle')}</legend>
          <Field
            name="intake.submitter.displayName"
            label={labels['intake.submitter.displayName'] ?? ''}
            hint={t('intake.nameHint')}
            error={errors['intake.submitter.displayName']}
          >
            {(p) => <input {...p} type="text" maxLength={DISPLAY_NAME.max} autoComplete="off" />}
          </Field>
          <Field
            name="intake.submitter.email"
            label={labels['intake.submitter.email'] ?? ''}
            hint={t('intake.emailHint')}
            error={errors['intake.submitter.email']}
          >
            {(p) => <input {...p} type="email" maxLength={254} autoComplete="off" />}
          </Field>
          <Choice
            name="intake.submitter.targetGroup"
            legend={labels['intake.submitter.targetGroup'] ?? ''}
            error={errors['intake.submitter.targetGroup']}
            options={TARGET_GROUPS.map((g) => ({ value: g, label: t(`ideas:targetGroup.${g}`) }))}
          />
          <Field
            name="intake.submitter.districtId"
            label={labels['intake.submitter.districtId'] ?? ''}
            error={errors['intake.submitter.districtId']}
          >
            {(p) => <select {...p}>{districtOptions}</select>}
          </Field>
        </fieldset>
        <fieldset className="form-group">
          <legend>{t('intake.ideaGroup')}</legend>
          <Field
            name="intake.title"
            label={labels['intake.title'] ?? ''}
            hint={t('intake.titleHint', { min: IDEA_TITLE.min, max: IDEA_TITLE.max })}
            error={errors['intake.title']}
          >
            {(p) => <input {...p} type="text" maxLength={IDEA_TITLE.max} autoComplete="off" />}
          </Field>
          <Field
            name="intake.body"
            label={labels['intake.body'] ?? ''}
            hint={t('intake.bodyHint', { min: IDEA_BODY.min })}
            error={errors['intake.body']}
          >
            {(p) => <textarea {...p} rows={8} maxLength={IDEA_BODY.max} />}
          </Field>
          <Field name="intake.themeId" label={labels['intake.themeId'] ?? ''} error={errors['intake.themeId']}>
            {(p) => (
              <select {...p}>
                <option value="">{t('intake.chooseTheme')}</option>
                {offered(themes.data?.items).map((theme) => (
                  <option key={theme.id} value={theme.id}>
                    {localName(theme)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="intake.districtId" label={labels['intake.districtId'] ?? ''} error={errors['intake.districtId']}>
            {(p) => <select {...p}>{districtOptions}</select>}
          </Field>
          <Checkboxes
            name="intake.targetGroups"
            legend={labels['intake.targetGroups'] ?? ''}
            hint={t('intake.targetGroupsHint')}
            error={errors['intake.targetGroups']}
            options={TARGET_GROUPS.map((g) => ({ value: g, label: t(`ideas:targetGroupPlural.${g}`) }))}
          />
        </fieldset>
        <div className="form__actions">
          <button type="submit" className="button" aria-disabled={intake.isPending || undefined}>
            {intake.isPending ? t('intake.sending') : t('intake.submit')}
          </button>
        </div>
      </form>
    </>
  )
}
