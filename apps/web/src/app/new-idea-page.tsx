import type { Campaign } from '@meedenken/shared'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { RequireRole } from '../features/accounts/components/require-role'
import { campaignQuery } from '../features/campaigns/api/campaign-queries'
import { districtsQuery, themesQuery } from '../features/catalog/api/catalog-queries'
import { offered } from '../features/catalog/local-name'
import { ideaKeys } from '../features/ideas/api/idea-queries'
import { useCreateIdea } from '../features/ideas/api/propose-queries'
import { IdeaForm } from '../features/ideas/components/idea-form'
import { clearDraft, ideaFromDraft, loadDraft, saveDraft } from '../features/ideas/idea-draft'
import { PlacePicker } from '../features/map/components/place-picker'
import { uploadPhotos } from '../features/photos/api/photo-mutations'
import { ChosenPhotos, PhotoPicker } from '../features/photos/components/photo-picker'
import { usePhotoChoice } from '../features/photos/components/use-photo-choice'
import '../lib/i18n-engage'
import '../lib/i18n-participate'
import '../lib/i18n-participate-form'
import { Alert } from '../ui/alert'
import { ErrorMessage } from '../ui/error-message'
import { TextLink } from '../ui/link'
import { Loading } from '../ui/loading'
import { PageHeading } from '../ui/page-heading'
import { Paragraph } from '../ui/paragraph'

export function NewIdeaPage() {
  const { t } = useTranslation('participate')
  return (
    <div className="form-page">
      <p className="back-link">
        <TextLink to="/">{t('propose.back')}</TextLink>
      </p>
      <PageHeading title={t('propose.title')}>{t('propose.title')}</PageHeading>
      <RequireRole minRole="member">{() => <ProposeIdea />}</RequireRole>
    </div>
  )
}

/** `?meedenkvraag=ID`: the idea is sent in for that campaign, with its theme chosen already. */
function ProposeIdea() {
  const [searchParams] = useSearchParams()
  const raw = searchParams.get('meedenkvraag')
  const campaignId = raw && /^\d{1,9}$/.test(raw) ? Number(raw) : null
  const campaign = useQuery({ ...campaignQuery(campaignId ?? 0), enabled: campaignId !== null })
  if (campaignId === null) return <ProposeForm campaign={null} />
  if (campaign.isPending) return <Loading />
  // An unknown or failed campaign must not keep anyone from sending in their idea.
  return (
    <>
      {campaign.isError && <ErrorMessage error={campaign.error} onRetry={() => void campaign.refetch()} />}
      <ProposeForm campaign={campaign.data ?? null} />
    </>
  )
}

function ProposeForm({ campaign }: { campaign: Campaign | null }) {
  const { t } = useTranslation(['participate', 'engage', 'photos'])
  const photos = usePhotoChoice()
  const qc = useQueryClient()
  const themes = useQuery(themesQuery)
  const districts = useQuery(districtsQuery)
  const create = useCreateIdea()
  const navigate = useNavigate()
  const open = campaign?.phase === 'ideas'
  const [initial] = useState(() => {
    const draft = loadDraft()
    return open && campaign ? { ...draft, themeId: String(campaign.themeId) } : draft
  })

  return (
    <>
      <Paragraph lead>{t('propose.intro')}</Paragraph>
      {campaign &&
        (open ? (
          <Alert type="info">
            <p>
              {t('engage:campaign.forCampaign')} <Link to={`/meedenkvragen/${campaign.id}`}>{campaign.title}</Link>
            </p>
          </Alert>
        ) : (
          <Alert type="info">
            <p>
              <Link to={`/meedenkvragen/${campaign.id}`}>{campaign.title}</Link>
            </p>
            <p>{t('engage:campaign.closedForIdeas')}</p>
          </Alert>
        ))}
      <IdeaForm
        initial={initial}
        themes={offered(themes.data?.items)}
        districts={offered(districts.data?.items)}
        suggestSimilar
        submitLabel={t('propose.submit')}
        onDraftChange={saveDraft}
        placeField={<PlacePicker initial={initial.place} />}
        photos={{
          field: <PhotoPicker choice={photos} />,
          check: photos.check,
          labels: photos.labels,
          preview: <ChosenPhotos choice={photos} />,
        }}
        onSubmit={async (draft) => {
          const { idea } = await create.mutateAsync({
            ...ideaFromDraft(draft),
            ...(open && campaign ? { campaignId: campaign.id } : {}),
          })
          clearDraft()
          const notice = t('propose.sent', { days: idea.responseNormDays })
          // The idea exists now: a photo that fails does not lose it; the edit page says which and why.
          const failures = await uploadPhotos(idea.id, photos.items)
          // The idea as created has no photos yet: fetched again, so its page shows them at once.
          if (photos.items.length > 0)
            await qc.invalidateQueries({ queryKey: ideaKeys.detail(idea.id), refetchType: 'all' })
          if (failures.length > 0) {
            const photoProblem = [...failures.map((f) => t('photos:upload.failed', f)), t('photos:upload.retry')].join(
              ' ',
            )
            navigate(`/ideeen/${idea.id}/bewerken`, { state: { notice, photoProblem } })
            return
          }
          navigate(`/ideeen/${idea.id}`, { state: { notice } })
        }}
      />
    </>
  )
}
