import type { IntakeBody, TargetGroup } from '@meedenken/shared'
import {
  DISPLAY_NAME,
  EMAIL_MAX,
  IDEA_BODY,
  IDEA_TITLE,
  INTAKE_CHANNELS,
  TARGET_GROUPS,
} from '@meedenken/shared/constants'
import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-staff'
import { useNavigateAndWait } from '../../../lib/navigation'
import { useForm } from '../../../lib/use-form'
import { Button } from '../../../ui/button'
import { Checkboxes, Choice, Field, Fieldset, Select, Textarea, TextInput } from '../../../ui/form'
import { districtsQuery, themesQuery } from '../../catalog/api/catalog-queries'
import { localName, offered } from '../../catalog/local-name'
import { useIntake } from '../api/staff-mutations'
import { FormSummary } from './form-summary'

/** The optional photos section (the page passes features/photos' picker, scoped 'intake'). */
type IntakePhotos = {
  field: ReactNode
  /** Errors by field name without the scope, checked with the form's own. */
  check: () => Record<string, string>
  labels: Record<string, string>
  /** Sends the chosen photos once the idea exists; resolves to what went wrong, or ''. */
  upload: (ideaId: number) => Promise<string>
}

/**
 * An idea received by phone, at the desk, by letter or by e-mail, entered on the sender's behalf.
 * `placeField`: the optional place section (the page passes features/map's picker, whose hidden
 * fields are `intake.placeLatitude`, `intake.placeLongitude` and `intake.placeLabel`).
 */
export function IntakeForm({ placeField, photos }: { placeField?: ReactNode; photos?: IntakePhotos } = {}) {
  const { t } = useTranslation(['staff', 'ideas'])
  const themes = useQuery(themesQuery)
  const districts = useQuery(districtsQuery)
  const intake = useIntake()
  const navigate = useNavigateAndWait()
  const form = useForm({
    scope: 'intake',
    labels: {
      channel: t('intake.channel'),
      'submitter.displayName': t('intake.name'),
      'submitter.email': t('intake.email'),
      'submitter.targetGroup': t('intake.targetGroup'),
      'submitter.districtId': t('intake.submitterDistrict'),
      title: t('intake.ideaTitle'),
      body: t('intake.body'),
      themeId: t('intake.theme'),
      districtId: t('intake.district'),
      targetGroups: t('intake.targetGroups'),
      ...photos?.labels,
    },
    read: (v) => ({
      channel: v.text('channel'),
      name: v.text('submitter.displayName'),
      email: v.text('submitter.email'),
      targetGroup: v.text('submitter.targetGroup'),
      submitterDistrictId: v.id('submitter.districtId'),
      title: v.text('title'),
      body: v.text('body'),
      themeId: v.id('themeId'),
      districtId: v.id('districtId'),
      targetGroups: v.all('targetGroups') as TargetGroup[],
      latitude: Number.parseFloat(v.text('placeLatitude')),
      longitude: Number.parseFloat(v.text('placeLongitude')),
      placeLabel: v.text('placeLabel'),
    }),
    check: (v) => ({
      channel: !v.channel && t('intake.errors.channel'),
      'submitter.displayName': v.name.length < DISPLAY_NAME.min && t('intake.errors.name'),
      'submitter.targetGroup': !v.targetGroup && t('intake.errors.targetGroup'),
      title: v.title.length < IDEA_TITLE.min && t('intake.errors.title', { min: IDEA_TITLE.min }),
      body: v.body.length < IDEA_BODY.min && t('intake.errors.body', { min: IDEA_BODY.min }),
      themeId: v.themeId === null && t('intake.errors.theme'),
      ...photos?.check(),
    }),
    send: async (v) => {
      const { idea } = await intake.mutateAsync({
        title: v.title,
        body: v.body,
        themeId: v.themeId ?? 0,
        districtId: v.districtId,
        targetGroups: v.targetGroups,
        channel: v.channel as IntakeBody['channel'],
        ...(Number.isFinite(v.latitude) && Number.isFinite(v.longitude)
          ? {
              place: { latitude: v.latitude, longitude: v.longitude, ...(v.placeLabel ? { label: v.placeLabel } : {}) },
            }
          : {}),
        submitter: {
          displayName: v.name,
          targetGroup: v.targetGroup as TargetGroup,
          districtId: v.submitterDistrictId,
          ...(v.email ? { email: v.email } : {}),
        },
      })
      // The idea exists now: a photo that fails does not lose it; the notice says which and why.
      const photoProblem = (await photos?.upload(idea.id)) ?? ''
      const notice = [t('intake.saved', { id: idea.id }), photoProblem].filter(Boolean).join(' ')
      await navigate(`/medewerkers/ideeen/${idea.id}`, { state: { notice } })
    },
  })

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
      <FormSummary form={form} />
      <form className="form" {...form.props}>
        <Choice
          name={form.name('channel')}
          legend={form.label('channel')}
          error={form.error('channel')}
          options={INTAKE_CHANNELS.map((c) => ({ value: c, label: t(`intake.channels.${c}`) }))}
        />
        <Fieldset legend={t('intake.submitterTitle')} className="form-group">
          <Field {...form.field('submitter.displayName')} hint={t('intake.nameHint')}>
            {(p) => <TextInput {...p} type="text" maxLength={DISPLAY_NAME.max} autoComplete="off" />}
          </Field>
          <Field {...form.field('submitter.email')} hint={t('intake.emailHint')}>
            {(p) => <TextInput {...p} type="email" maxLength={EMAIL_MAX} autoComplete="off" />}
          </Field>
          <Choice
            name={form.name('submitter.targetGroup')}
            legend={form.label('submitter.targetGroup')}
            error={form.error('submitter.targetGroup')}
            options={TARGET_GROUPS.map((g) => ({ value: g, label: t(`ideas:targetGroup.${g}`) }))}
          />
          <Field {...form.field('submitter.districtId')}>{(p) => <Select {...p}>{districtOptions}</Select>}</Field>
        </Fieldset>
        <Fieldset legend={t('intake.ideaGroup')} className="form-group">
          <Field {...form.field('title')} hint={t('intake.titleHint', { min: IDEA_TITLE.min, max: IDEA_TITLE.max })}>
            {(p) => <TextInput {...p} type="text" maxLength={IDEA_TITLE.max} autoComplete="off" />}
          </Field>
          <Field {...form.field('body')} hint={t('intake.bodyHint', { min: IDEA_BODY.min })}>
            {(p) => <Textarea {...p} rows={8} maxLength={IDEA_BODY.max} />}
          </Field>
          <Field {...form.field('themeId')}>
            {(p) => (
              <Select {...p}>
                <option value="">{t('intake.chooseTheme')}</option>
                {offered(themes.data?.items).map((theme) => (
                  <option key={theme.id} value={theme.id}>
                    {localName(theme)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field {...form.field('districtId')}>{(p) => <Select {...p}>{districtOptions}</Select>}</Field>
          {placeField}
          <Checkboxes
            name={form.name('targetGroups')}
            legend={form.label('targetGroups')}
            hint={t('intake.targetGroupsHint')}
            error={form.error('targetGroups')}
            options={TARGET_GROUPS.map((g) => ({ value: g, label: t(`ideas:targetGroupPlural.${g}`) }))}
          />
          {photos?.field}
        </Fieldset>
        <div className="form__actions">
          <Button type="submit" busy={form.pending}>
            {form.pending ? t('intake.sending') : t('intake.submit')}
          </Button>
        </div>
      </form>
    </>
  )
}
