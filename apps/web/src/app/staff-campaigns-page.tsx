import '../lib/i18n-staff'
import '../styles/staff.css'
import type { Campaign, CampaignBody, TargetGroup } from '@meedenken/shared'
import { TARGET_GROUPS } from '@meedenken/shared/constants'
import { useQuery } from '@tanstack/react-query'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { themesQuery } from '../features/catalog/api/catalog-queries'
import { localName, offered } from '../features/catalog/local-name'
import { dayInAmsterdam, startOfDayInAmsterdam } from '../features/staff/amsterdam-dates'
import { useCampaignActions } from '../features/staff/api/staff-mutations'
import { campaignsQuery } from '../features/staff/api/staff-queries'
import { StaffPage } from '../features/staff/components/staff-page'
import { FormProblem, localProblem, type Problem, problemFrom } from '../features/staff/form-problem'
import { CAMPAIGN_DESCRIPTION, CAMPAIGN_TITLE, OUTCOME_MIN } from '../features/staff/rules'
import { formatDate } from '../lib/format'
import { ErrorMessage } from '../ui/error-message'
import { Checkboxes, Field, type FieldErrors, formValues } from '../ui/form'
import { Loading } from '../ui/loading'

export function StaffCampaignsPage() {
  const { t } = useTranslation('staff')
  return (
    <StaffPage title={t('campaigns.title')} intro={t('campaigns.intro')}>
      <Campaigns />
    </StaffPage>
  )
}

function Campaigns() {
  const { t } = useTranslation('staff')
  const campaigns = useQuery(campaignsQuery)
  const [editing, setEditing] = useState<Campaign | null>(null)
  const [announcement, setAnnouncement] = useState('')
  const editorHeading = useRef<HTMLHeadingElement>(null)
  const status = useRef<HTMLParagraphElement>(null)
  const [focusEditor, setFocusEditor] = useState(0)
  const [saved, setSaved] = useState(0)

  useEffect(() => {
    if (focusEditor === 0) return
    editorHeading.current?.focus()
    editorHeading.current?.scrollIntoView({ block: 'start' })
  }, [focusEditor])

  // After the render that shows what happened, not in a frame callback that a busy
  // page may run before or after other updates.
  useEffect(() => {
    if (saved > 0) status.current?.focus()
  }, [saved])

  return (
    <>
      <p>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setEditing(null)
            setFocusEditor((n) => n + 1)
          }}
        >
          {t('campaigns.new')}
        </button>
      </p>
      <section aria-labelledby="campaign-list-title">
        <h2 id="campaign-list-title">{t('campaigns.listTitle')}</h2>
        {campaigns.isPending && <Loading />}
        {campaigns.isError && <ErrorMessage error={campaigns.error} onRetry={() => void campaigns.refetch()} />}
        {campaigns.isSuccess && campaigns.data.items.length === 0 && <p>{t('campaigns.none')}</p>}
        {campaigns.isSuccess && campaigns.data.items.length > 0 && (
          <ul className="campaign-list">
            {campaigns.data.items.map((campaign) => (
              <li key={campaign.id}>
                <CampaignCard
                  campaign={campaign}
                  onEdit={() => {
                    setEditing(campaign)
                    setFocusEditor((n) => n + 1)
                  }}
                  onAnnounce={setAnnouncement}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
      <p role="status" className="alert alert--success status-alert" ref={status} tabIndex={-1}>
        {announcement}
      </p>
      <CampaignEditor
        key={editing?.id ?? 'new'}
        campaign={editing}
        headingRef={editorHeading}
        onSaved={(text) => {
          setAnnouncement(text)
          setEditing(null)
          // The form starts afresh (its button is gone): focus goes to what happened.
          setSaved((n) => n + 1)
        }}
        onCancel={() => {
          setEditing(null)
          setFocusEditor((n) => n + 1)
        }}
      />
    </>
  )
}

function CampaignCard({
  campaign,
  onEdit,
  onAnnounce,
}: {
  campaign: Campaign
  onEdit: () => void
  onAnnounce: (text: string) => void
}) {
  const { t } = useTranslation(['staff', 'ideas'])
  const themes = useQuery(themesQuery)
  const theme = themes.data?.items.find((th) => th.id === campaign.themeId)
  const [outcomeOpen, setOutcomeOpen] = useState(false)
  const outcomeButton = useRef<HTMLButtonElement>(null)
  return (
    <article className="campaign-card" aria-labelledby={`campaign-${campaign.id}-title`}>
      <div className="campaign-card__head">
        <h3 id={`campaign-${campaign.id}-title`}>{campaign.title}</h3>
        <span className={`phase phase--${campaign.phase}`}>{t(`campaigns.phase.${campaign.phase}`)}</span>
      </div>
      <dl className="facts facts--inline">
        <div>
          <dt>{t('campaigns.theme')}</dt>
          <dd>{theme ? localName(theme) : '…'}</dd>
        </div>
        <div>
          <dt>{t('campaigns.for')}</dt>
          <dd>{campaign.targetGroups.map((g) => t(`ideas:targetGroupPlural.${g}`)).join(', ')}</dd>
        </div>
        <div>
          <dt>{t('campaigns.ideasPhase')}</dt>
          <dd>
            {t('campaigns.range', { from: formatDate(campaign.ideasFrom), until: formatDate(campaign.ideasUntil) })}
          </dd>
        </div>
        {campaign.votingFrom && campaign.votingUntil && (
          <div>
            <dt>{t('campaigns.votingPhase')}</dt>
            <dd>
              {t('campaigns.range', { from: formatDate(campaign.votingFrom), until: formatDate(campaign.votingUntil) })}
            </dd>
          </div>
        )}
        <div>
          <dt>{t('campaigns.ideas')}</dt>
          <dd>{campaign.ideaCount}</dd>
        </div>
      </dl>
      {campaign.outcomeHtml && (
        <div className="campaign-card__outcome">
          <p className="campaign-card__outcome-title">
            {t('campaigns.outcomePublished', { date: formatDate(campaign.outcomePublishedAt ?? campaign.ideasUntil) })}
          </p>
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: outcomeHtml is rendered from markdown and sanitised (allow-list) by the API at write time */}
          <div className="prose prose--comment" dangerouslySetInnerHTML={{ __html: campaign.outcomeHtml }} />
        </div>
      )}
      <div className="form__actions">
        <button type="button" className="button button--secondary button--small" onClick={onEdit}>
          {t('campaigns.edit')}
          <span className="visually-hidden"> ({campaign.title})</span>
        </button>
        {/* The API refuses the outcome while voting is still ahead or open: say when it can be done instead. */}
        {!outcomeOpen && campaign.votingUntil !== null && campaign.phase !== 'outcome' && (
          <p className="field__hint">{t('campaigns.outcomeAfterVoting', { date: formatDate(campaign.votingUntil) })}</p>
        )}
        {!outcomeOpen && (campaign.votingUntil === null || campaign.phase === 'outcome') && (
          <button
            type="button"
            className="button button--secondary button--small"
            ref={outcomeButton}
            onClick={() => setOutcomeOpen(true)}
          >
            {campaign.outcome ? t('campaigns.changeOutcome') : t('campaigns.publishOutcome')}
            <span className="visually-hidden"> ({campaign.title})</span>
          </button>
        )}
        <Link to={`/meedenkvragen/${campaign.id}`}>{t('campaigns.publicPage')}</Link>
      </div>
      {outcomeOpen && (
        <OutcomeForm
          campaign={campaign}
          onClose={(text) => {
            setOutcomeOpen(false)
            if (text) onAnnounce(text)
            requestAnimationFrame(() => outcomeButton.current?.focus())
          }}
        />
      )}
    </article>
  )
}

function OutcomeForm({ campaign, onClose }: { campaign: Campaign; onClose: (announcement?: string) => void }) {
  const { t } = useTranslation('staff')
  const { publishOutcome } = useCampaignActions()
  const [problem, setProblem] = useState<Problem | null>(null)
  const scope = `outcome-${campaign.id}`
  const field = `${scope}.outcome`
  const labels = { [field]: t('campaigns.outcome') }
  const textarea = useRef<HTMLTextAreaElement>(null)

  useEffect(() => {
    textarea.current?.focus()
  }, [])

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (publishOutcome.isPending) return
    const outcome = (formValues(event.currentTarget)[field] ?? '').trim()
    const local = localProblem(
      outcome.length >= OUTCOME_MIN ? {} : { [field]: t('campaigns.errors.outcome', { min: OUTCOME_MIN }) },
    )
    if (local) {
      setProblem(local)
      return
    }
    publishOutcome.mutate(
      { id: campaign.id, outcome },
      {
        onSuccess: () => onClose(t('campaigns.outcomeSaved', { title: campaign.title })),
        onError: (error) => setProblem(problemFrom(scope, error)),
      },
    )
  }

  return (
    <div className="campaign-card__form">
      <FormProblem problem={problem} labels={labels} />
      <form className="form form--compact" noValidate onSubmit={submit}>
        <Field
          name={field}
          label={labels[field] ?? ''}
          hint={t('campaigns.outcomeHint', { min: OUTCOME_MIN })}
          error={problem?.errors[field]}
        >
          {(p) => <textarea {...p} ref={textarea} rows={5} maxLength={5000} defaultValue={campaign.outcome ?? ''} />}
        </Field>
        <div className="form__actions">
          <button type="submit" className="button" aria-disabled={publishOutcome.isPending || undefined}>
            {t('campaigns.publishOutcome')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => onClose()}>
            {t('campaigns.cancel')}
          </button>
        </div>
      </form>
    </div>
  )
}

function CampaignEditor({
  campaign,
  headingRef,
  onSaved,
  onCancel,
}: {
  campaign: Campaign | null
  headingRef: React.RefObject<HTMLHeadingElement | null>
  onSaved: (announcement: string) => void
  onCancel: () => void
}) {
  const { t } = useTranslation(['staff', 'ideas'])
  const themes = useQuery(themesQuery)
  const { create, update } = useCampaignActions()
  const form = useRef<HTMLFormElement>(null)
  const [problem, setProblem] = useState<Problem | null>(null)
  const errors = problem?.errors ?? {}
  const pending = create.isPending || update.isPending
  const labels: Record<string, string> = {
    'campaign.title': t('campaigns.fields.title'),
    'campaign.description': t('campaigns.fields.description'),
    'campaign.themeId': t('campaigns.fields.theme'),
    'campaign.targetGroups': t('campaigns.fields.targetGroups'),
    'campaign.ideasFrom': t('campaigns.fields.ideasFrom'),
    'campaign.ideasUntil': t('campaigns.fields.ideasUntil'),
    'campaign.votingFrom': t('campaigns.fields.votingFrom'),
    'campaign.votingUntil': t('campaigns.fields.votingUntil'),
  }
  const day = (iso: string | null | undefined) => (iso ? dayInAmsterdam(iso) : '')

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (pending) return
    const data = new FormData(event.currentTarget)
    const text = (name: string) => {
      const value = data.get(`campaign.${name}`)
      return typeof value === 'string' ? value.trim() : ''
    }
    const targetGroups = data.getAll('campaign.targetGroups').map(String) as TargetGroup[]
    const found: FieldErrors = {}
    if (text('title').length < CAMPAIGN_TITLE.min) {
      found['campaign.title'] = t('campaigns.errors.title', { min: CAMPAIGN_TITLE.min })
    }
    if (text('description').length < CAMPAIGN_DESCRIPTION.min) {
      found['campaign.description'] = t('campaigns.errors.description', { min: CAMPAIGN_DESCRIPTION.min })
    }
    if (!text('themeId')) found['campaign.themeId'] = t('campaigns.errors.theme')
    if (targetGroups.length === 0) found['campaign.targetGroups'] = t('campaigns.errors.targetGroups')
    if (!text('ideasFrom')) found['campaign.ideasFrom'] = t('campaigns.errors.date')
    if (!text('ideasUntil')) found['campaign.ideasUntil'] = t('campaigns.errors.date')
    if (!!text('votingFrom') !== !!text('votingUntil')) {
      found[text('votingFrom') ? 'campaign.votingUntil' : 'campaign.votingFrom'] = t('campaigns.errors.votingPair')
    }
    const local = localProblem(found)
    if (local) {
      setProblem(local)
      return
    }
    const body: CampaignBody = {
      title: text('title'),
      description: text('description'),
      themeId: Number(text('themeId')),
      targetGroups,
      ideasFrom: startOfDayInAmsterdam(text('ideasFrom')),
      ideasUntil: startOfDayInAmsterdam(text('ideasUntil')),
      votingFrom: text('votingFrom') ? startOfDayInAmsterdam(text('votingFrom')) : null,
      votingUntil: text('votingUntil') ? startOfDayInAmsterdam(text('votingUntil')) : null,
    }
    const handlers = {
      onSuccess: ({ campaign: saved }: { campaign: Campaign }) => {
        setProblem(null)
        const text = campaign
          ? t('campaigns.updated', { title: saved.title })
          : t('campaigns.created', { title: saved.title })
        form.current?.reset()
        onSaved(text)
      },
      onError: (error: unknown) => setProblem(problemFrom('campaign', error)),
    }
    if (campaign) update.mutate({ id: campaign.id, body }, handlers)
    else create.mutate(body, handlers)
  }

  return (
    <section className="work-section campaign-editor" id="campaign-editor" aria-labelledby="campaign-editor-title">
      <h2 id="campaign-editor-title" ref={headingRef} tabIndex={-1}>
        {campaign ? t('campaigns.editTitle', { title: campaign.title }) : t('campaigns.newTitle')}
      </h2>
      <FormProblem problem={problem} labels={labels} />
      <form className="form" noValidate onSubmit={submit} ref={form}>
        <Field
          name="campaign.title"
          label={labels['campaign.title'] ?? ''}
          hint={t('campaigns.fields.titleHint')}
          error={errors['campaign.title']}
        >
          {(p) => <input {...p} type="text" maxLength={CAMPAIGN_TITLE.max} defaultValue={campaign?.title ?? ''} />}
        </Field>
        <Field
          name="campaign.description"
          label={labels['campaign.description'] ?? ''}
          hint={t('campaigns.fields.descriptionHint', { min: CAMPAIGN_DESCRIPTION.min })}
          error={errors['campaign.description']}
        >
          {(p) => (
            <textarea {...p} rows={6} maxLength={CAMPAIGN_DESCRIPTION.max} defaultValue={campaign?.description ?? ''} />
          )}
        </Field>
        <Field name="campaign.themeId" label={labels['campaign.themeId'] ?? ''} error={errors['campaign.themeId']}>
          {(p) => (
            <select {...p} defaultValue={campaign?.themeId ?? ''} key={themes.data ? 'loaded' : 'loading'}>
              <option value="">{t('campaigns.fields.chooseTheme')}</option>
              {offered(themes.data?.items, campaign?.themeId).map((th) => (
                <option key={th.id} value={th.id}>
                  {localName(th)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Checkboxes
          name="campaign.targetGroups"
          legend={labels['campaign.targetGroups'] ?? ''}
          hint={t('campaigns.fields.targetGroupsHint')}
          defaultValues={campaign?.targetGroups ?? []}
          error={errors['campaign.targetGroups']}
          options={TARGET_GROUPS.map((g) => ({ value: g, label: t(`ideas:targetGroupPlural.${g}`) }))}
        />
        <fieldset className="form-group date-pair">
          <legend>{t('campaigns.ideasPhase')}</legend>
          <p className="field__hint">{t('campaigns.fields.datesHint')}</p>
          <Field
            name="campaign.ideasFrom"
            label={labels['campaign.ideasFrom'] ?? ''}
            error={errors['campaign.ideasFrom']}
          >
            {(p) => <input {...p} type="date" className="input--date" defaultValue={day(campaign?.ideasFrom)} />}
          </Field>
          <Field
            name="campaign.ideasUntil"
            label={labels['campaign.ideasUntil'] ?? ''}
            error={errors['campaign.ideasUntil']}
          >
            {(p) => <input {...p} type="date" className="input--date" defaultValue={day(campaign?.ideasUntil)} />}
          </Field>
        </fieldset>
        <fieldset className="form-group date-pair">
          <legend>{t('campaigns.votingPhaseOptional')}</legend>
          <p className="field__hint">{t('campaigns.fields.votingHint')}</p>
          <Field
            name="campaign.votingFrom"
            label={labels['campaign.votingFrom'] ?? ''}
            error={errors['campaign.votingFrom']}
          >
            {(p) => <input {...p} type="date" className="input--date" defaultValue={day(campaign?.votingFrom)} />}
          </Field>
          <Field
            name="campaign.votingUntil"
            label={labels['campaign.votingUntil'] ?? ''}
            error={errors['campaign.votingUntil']}
          >
            {(p) => <input {...p} type="date" className="input--date" defaultValue={day(campaign?.votingUntil)} />}
          </Field>
        </fieldset>
        <div className="form__actions">
          <button type="submit" className="button" aria-disabled={pending || undefined}>
            {campaign ? t('campaigns.save') : t('campaigns.create')}
          </button>
          {campaign && (
            <button type="button" className="button button--secondary" onClick={onCancel}>
              {t('campaigns.cancel')}
            </button>
          )}
        </div>
      </form>
    </section>
  )
}
