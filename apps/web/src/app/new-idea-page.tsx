import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { RequireRole } from '../features/accounts/components/require-role'
import { districtsQuery, themesQuery } from '../features/catalog/api/catalog-queries'
import { useCreateIdea } from '../features/ideas/api/propose-queries'
import { IdeaForm } from '../features/ideas/components/idea-form'
import { clearDraft, ideaFromDraft, loadDraft, saveDraft } from '../features/ideas/idea-draft'
import '../lib/i18n-participate'
import { PageHeading } from '../ui/page-heading'

export function NewIdeaPage() {
  const { t } = useTranslation('participate')
  return (
    <div className="form-page">
      <p className="back-link">
        <Link to="/">{t('propose.back')}</Link>
      </p>
      <PageHeading title={t('propose.title')}>{t('propose.title')}</PageHeading>
      <RequireRole minRole="member">{() => <ProposeIdea />}</RequireRole>
    </div>
  )
}

function ProposeIdea() {
  const { t } = useTranslation('participate')
  const themes = useQuery(themesQuery)
  const districts = useQuery(districtsQuery)
  const create = useCreateIdea()
  const navigate = useNavigate()
  const [initial] = useState(loadDraft)

  return (
    <>
      <p className="lead">{t('propose.intro')}</p>
      <IdeaForm
        initial={initial}
        themes={themes.data?.items ?? []}
        districts={districts.data?.items ?? []}
        suggestSimilar
        submitLabel={t('propose.submit')}
        onDraftChange={saveDraft}
        onSubmit={async (draft) => {
          const { idea } = await create.mutateAsync(ideaFromDraft(draft))
          clearDraft()
          navigate(`/ideeen/${idea.id}`, { state: { notice: t('propose.sent', { days: idea.responseNormDays }) } })
        }}
      />
    </>
  )
}
