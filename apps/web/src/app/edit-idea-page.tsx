import type { User } from '@meedenken/shared'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useLocation, useNavigate, useParams } from 'react-router'
import { RequireRole } from '../features/accounts/components/require-role'
import { districtsQuery, themesQuery } from '../features/catalog/api/catalog-queries'
import { offered } from '../features/catalog/local-name'
import { ideaKeys, ideaQuery } from '../features/ideas/api/idea-queries'
import { useUpdateIdea } from '../features/ideas/api/propose-queries'
import { IdeaForm } from '../features/ideas/components/idea-form'
import { draftFromIdea, ideaFromDraft } from '../features/ideas/idea-draft'
import { PlacePicker } from '../features/map/components/place-picker'
import { IdeaPhotosEditor } from '../features/photos/components/idea-photos-editor'
import { ApiRequestError } from '../lib/api-client'
import '../lib/i18n-participate'
import '../lib/i18n-participate-form'
import { Alert } from '../ui/alert'
import { ErrorMessage } from '../ui/error-message'
import { TextLink } from '../ui/link'
import { Loading } from '../ui/loading'
import { PageHeading } from '../ui/page-heading'

export function EditIdeaPage() {
  const { t } = useTranslation('participate')
  const id = Number(useParams().id)
  return (
    <div className="form-page">
      <p className="back-link">
        <TextLink to={`/ideeen/${id}`}>{t('edit.back')}</TextLink>
      </p>
      <PageHeading title={t('edit.title')}>{t('edit.title')}</PageHeading>
      <RequireRole minRole="member">{(user) => <EditIdea id={id} user={user} />}</RequireRole>
    </div>
  )
}

/** Only the author, and only while the idea is new: after that the municipality is working on it. */
function EditIdea({ id, user }: { id: number; user: User }) {
  const { t } = useTranslation(['participate', 'ideas'])
  const valid = Number.isSafeInteger(id) && id > 0
  const idea = useQuery({ ...ideaQuery(id), enabled: valid })
  const themes = useQuery(themesQuery)
  const districts = useQuery(districtsQuery)
  const update = useUpdateIdea(id)
  const navigate = useNavigate()
  const qc = useQueryClient()
  // A photo that could not be added when the idea was sent (new-idea-page): said with the photos.
  const photoProblem = (useLocation().state as { photoProblem?: string } | null)?.photoProblem

  if (!valid || (idea.error instanceof ApiRequestError && idea.error.status === 404)) {
    return <p>{t('ideas:detail.notFoundBody')}</p>
  }
  if (!idea.data) {
    return idea.isError ? <ErrorMessage error={idea.error} onRetry={() => void idea.refetch()} /> : <Loading />
  }
  const refusal =
    idea.data.author.id !== user.id ? t('edit.notAuthor') : idea.data.status !== 'new' ? t('edit.notNew') : null
  if (refusal) {
    return (
      <Alert type="info">
        <p>{refusal}</p>
      </Alert>
    )
  }

  const initial = draftFromIdea(idea.data)
  const photos = (
    <IdeaPhotosEditor
      ideaId={id}
      photos={idea.data.photos}
      problem={photoProblem}
      onChanged={() => qc.invalidateQueries({ queryKey: ideaKeys.detail(id) })}
    />
  )
  return (
    <>
      {photoProblem && photos}
      <IdeaForm
        initial={initial}
        placeField={<PlacePicker initial={initial.place} />}
        themes={offered(themes.data?.items, idea.data.themeId)}
        districts={offered(districts.data?.items, idea.data.districtId)}
        submitLabel={t('edit.submit')}
        onSubmit={async (draft) => {
          await update.mutateAsync(ideaFromDraft(draft))
          navigate(`/ideeen/${id}`, { state: { notice: t('edit.saved') } })
        }}
      />
      {!photoProblem && photos}
    </>
  )
}
