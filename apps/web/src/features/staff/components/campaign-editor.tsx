import type { Campaign, CampaignBody, TargetGroup } from '@meedenken/shared'
import { CAMPAIGN_DESCRIPTION, CAMPAIGN_TITLE, TARGET_GROUPS } from '@meedenken/shared/constants'
import { useQuery } from '@tanstack/react-query'
import type { RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-staff'
import { useForm } from '../../../lib/use-form'
import { Button } from '../../../ui/button'
import { Checkboxes, Field, Fieldset, Select, Textarea, TextInput } from '../../../ui/form'
import { themesQuery } from '../../catalog/api/catalog-queries'
import { localName, offered } from '../../catalog/local-name'
import { dayInAmsterdam, startOfDayInAmsterdam } from '../amsterdam-dates'
import { useCampaignActions } from '../api/staff-mutations'
import { FormSummary } from './form-summary'

const DATES = ['ideasFrom', 'ideasUntil', 'votingFrom', 'votingUntil'] as const

/** A new question to the public, or one being changed: its text, theme, groups and phases. */
export function CampaignEditor({
  campaign,
  headingRef,
  onSaved,
  onCancel,
}: {
  campaign: Campaign | null
  headingRef: RefObject<HTMLHeadingElement | null>
  onSaved: (announcement: string) => void
  onCancel: () => void
}) {
  const { t } = useTranslation(['staff', 'ideas'])
  const themes = useQuery(themesQuery)
  const { create, update } = useCampaignActions()
  const day = (iso: string | null | undefined) => (iso ? dayInAmsterdam(iso) : '')
  const form = useForm({
    scope: 'campaign',
    labels: {
      title: t('campaigns.fields.title'),
      description: t('campaigns.fields.description'),
      themeId: t('campaigns.fields.theme'),
      targetGroups: t('campaigns.fields.targetGroups'),
      ideasFrom: t('campaigns.fields.ideasFrom'),
      ideasUntil: t('campaigns.fields.ideasUntil'),
      votingFrom: t('campaigns.fields.votingFrom'),
      votingUntil: t('campaigns.fields.votingUntil'),
    },
    read: (v) => ({
      title: v.text('title'),
      description: v.text('description'),
      themeId: v.id('themeId'),
      targetGroups: v.all('targetGroups') as TargetGroup[],
      ideasFrom: v.text('ideasFrom'),
      ideasUntil: v.text('ideasUntil'),
      votingFrom: v.text('votingFrom'),
      votingUntil: v.text('votingUntil'),
    }),
    check: (v) => ({
      title: v.title.length < CAMPAIGN_TITLE.min && t('campaigns.errors.title', { min: CAMPAIGN_TITLE.min }),
      description:
        v.description.length < CAMPAIGN_DESCRIPTION.min &&
        t('campaigns.errors.description', { min: CAMPAIGN_DESCRIPTION.min }),
      themeId: v.themeId === null && t('campaigns.errors.theme'),
      targetGroups: v.targetGroups.length === 0 && t('campaigns.errors.targetGroups'),
      ideasFrom: !v.ideasFrom && t('campaigns.errors.date'),
      ideasUntil: !v.ideasUntil && t('campaigns.errors.date'),
      // Voting is optional, but needs both ends.
      votingFrom: !v.votingFrom && v.votingUntil !== '' && t('campaigns.errors.votingPair'),
      votingUntil: v.votingFrom !== '' && !v.votingUntil && t('campaigns.errors.votingPair'),
    }),
    send: async (v) => {
      const body: CampaignBody = {
        title: v.title,
        description: v.description,
        themeId: v.themeId ?? 0,
        targetGroups: v.targetGroups,
        ideasFrom: startOfDayInAmsterdam(v.ideasFrom),
        ideasUntil: startOfDayInAmsterdam(v.ideasUntil),
        votingFrom: v.votingFrom ? startOfDayInAmsterdam(v.votingFrom) : null,
        votingUntil: v.votingUntil ? startOfDayInAmsterdam(v.votingUntil) : null,
      }
      const { campaign: saved } = campaign
        ? await update.mutateAsync({ id: campaign.id, body })
        : await create.mutateAsync(body)
      onSaved(
        campaign ? t('campaigns.updated', { title: saved.title }) : t('campaigns.created', { title: saved.title }),
      )
    },
    resetOnSuccess: true,
  })
  const dateField = (name: (typeof DATES)[number]) => (
    <Field {...form.field(name)}>
      {(p) => <TextInput {...p} type="date" className="input--date" defaultValue={day(campaign?.[name])} />}
    </Field>
  )

  return (
    <section className="work-section campaign-editor" id="campaign-editor" aria-labelledby="campaign-editor-title">
      <h2 id="campaign-editor-title" ref={headingRef} tabIndex={-1}>
        {campaign ? t('campaigns.editTitle', { title: campaign.title }) : t('campaigns.newTitle')}
      </h2>
      <FormSummary form={form} />
      <form className="form" {...form.props}>
        <Field {...form.field('title')} hint={t('campaigns.fields.titleHint')}>
          {(p) => <TextInput {...p} type="text" maxLength={CAMPAIGN_TITLE.max} defaultValue={campaign?.title ?? ''} />}
        </Field>
        <Field
          {...form.field('description')}
          hint={t('campaigns.fields.descriptionHint', { min: CAMPAIGN_DESCRIPTION.min })}
        >
          {(p) => (
            <Textarea {...p} rows={6} maxLength={CAMPAIGN_DESCRIPTION.max} defaultValue={campaign?.description ?? ''} />
          )}
        </Field>
        <Field {...form.field('themeId')}>
          {(p) => (
            <Select {...p} defaultValue={campaign?.themeId ?? ''} key={themes.data ? 'loaded' : 'loading'}>
              <option value="">{t('campaigns.fields.chooseTheme')}</option>
              {offered(themes.data?.items, campaign?.themeId).map((th) => (
                <option key={th.id} value={th.id}>
                  {localName(th)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Checkboxes
          name={form.name('targetGroups')}
          legend={form.label('targetGroups')}
          hint={t('campaigns.fields.targetGroupsHint')}
          defaultValues={campaign?.targetGroups ?? []}
          error={form.error('targetGroups')}
          options={TARGET_GROUPS.map((g) => ({ value: g, label: t(`ideas:targetGroupPlural.${g}`) }))}
        />
        <Fieldset legend={t('campaigns.ideasPhase')} className="form-group date-pair">
          <p className="utrecht-form-field-description">{t('campaigns.fields.datesHint')}</p>
          {dateField('ideasFrom')}
          {dateField('ideasUntil')}
        </Fieldset>
        <Fieldset legend={t('campaigns.votingPhaseOptional')} className="form-group date-pair">
          <p className="utrecht-form-field-description">{t('campaigns.fields.votingHint')}</p>
          {dateField('votingFrom')}
          {dateField('votingUntil')}
        </Fieldset>
        <div className="form__actions">
          <Button type="submit" busy={form.pending}>
            {campaign ? t('campaigns.save') : t('campaigns.create')}
          </Button>
          {campaign && (
            <Button appearance="secondary" onClick={onCancel}>
              {t('campaigns.cancel')}
            </Button>
          )}
        </div>
      </form>
    </section>
  )
}
