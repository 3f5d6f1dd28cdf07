import type { StaffIdeaDetail } from '@meedenken/shared'
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import '../../../lib/i18n-staff'
import { Alert } from '../../../ui/alert'
import { PageHeading } from '../../../ui/page-heading'
import { QueryState } from '../../../ui/query-state'
import { StatusBadge } from '../../../ui/status-badge'
import { districtsQuery, themesQuery } from '../../catalog/api/catalog-queries'
import { localName } from '../../catalog/local-name'
import { commentKeys } from '../../comments/api/comment-queries'
import { ideaKeys } from '../../ideas/api/idea-queries'
import { CorrectionNote } from '../../ideas/components/correction-note'
import { IdeaTimeline } from '../../ideas/components/idea-timeline'
import { IdeaPlaceSection } from '../../map/components/idea-place'
import { IdeaPhotosEditor } from '../../photos/components/idea-photos-editor'
import { PhotoGallery } from '../../photos/components/photo-gallery'
import { useIdeaWork } from '../api/staff-mutations'
import { staffCommentsQuery, staffKeys } from '../api/staff-queries'
import type { InboxTrail } from '../inbox-trail'
import { AnswerForm } from './answer-form'
import { AssignPanel } from './assign-panel'
import { CorrectionPanel } from './correction-panel'
import { HelpersPanel } from './helpers-panel'
import { IdeaWorkSummary } from './idea-work-summary'
import { MergePanel } from './merge-panel'
import { NextIdeaLink } from './next-idea-link'
import { NotesPanel } from './notes-panel'
import { ProgressPanel } from './progress-panel'
import { RatingsPanel } from './ratings-panel'
import { StaffComments } from './staff-comments'
import { StatusForm } from './status-form'
import { WorkTrailNav } from './work-trail-nav'

/** Everything staff do with one idea: answer, change its status, correct, hand over, merge, note. */
export function IdeaWorkbench({ detail, trail }: { detail: StaffIdeaDetail; trail: InboxTrail | null }) {
  const { t } = useTranslation(['staff', 'ideas', 'photos'])
  const { idea, staff } = detail
  const qc = useQueryClient()
  const themes = useQuery(themesQuery)
  const districts = useQuery(districtsQuery)
  // Staff read hidden comments too; the public list withholds their words.
  const comments = useInfiniteQuery(staffCommentsQuery(idea.id))
  // What residents see changes with every action: their cached idea and comments too.
  const work = useIdeaWork(idea.id, () => {
    void qc.invalidateQueries({ queryKey: ideaKeys.all })
    void qc.invalidateQueries({ queryKey: commentKeys.list(idea.id) })
  })
  const theme = themes.data?.items.find((th) => th.id === idea.themeId)
  const district = districts.data?.items.find((d) => d.id === idea.districtId)

  return (
    <>
      <WorkTrailNav id={idea.id} trail={trail} />
      <div className="idea-card__meta">
        <StatusBadge status={idea.status} />
        {theme && <span className="tag">{localName(theme)}</span>}
        <span className="tag tag--place">{district?.name ?? t('ideas:card.everywhere')}</span>
      </div>
      <PageHeading title={idea.title}>
        <span className="page-heading__number">#{idea.id}</span> {idea.title}
      </PageHeading>
      {staff.hidden && (
        <Alert type="error">
          <p>
            {t('idea.hiddenAlert')} <Link to="/medewerkers/moderatie">{t('idea.toModeration')}</Link>
          </p>
        </Alert>
      )}
      <IdeaWorkSummary detail={detail} />
      {idea.mergedIntoId !== null && (
        <Alert type="info">
          <p>
            {t('idea.mergedInto', { id: idea.mergedIntoId })}{' '}
            <Link to={`/medewerkers/ideeen/${idea.mergedIntoId}`}>
              {t('merge.openTarget', { id: idea.mergedIntoId })}
            </Link>
          </p>
        </Alert>
      )}
      <div className="work-layout">
        <div className="work-main">
          <section className="work-section" aria-labelledby="idea-text-title">
            <h2 id="idea-text-title">{t('idea.text')}</h2>
            {/* biome-ignore lint/security/noDangerouslySetInnerHtml: bodyHtml is rendered from markdown and sanitised (allow-list) by the API at write time */}
            <div className="prose" dangerouslySetInnerHTML={{ __html: idea.bodyHtml }} />
            {idea.targetGroups.length > 0 && (
              <p>
                <strong>{t('ideas:detail.concerns')}:</strong>{' '}
                {idea.targetGroups.map((g) => t(`ideas:targetGroupPlural.${g}`)).join(', ')}
              </p>
            )}
            <CorrectionNote idea={idea} />
          </section>
          {/* As residents see them: the photos (hidden ones are in the moderation queue) and the place. */}
          <div className="work-section">
            {idea.photos.length > 0 && <PhotoGallery photos={idea.photos} />}
            {/* Staff may add, describe and remove photos at any time: a photo that failed at intake, a better description. */}
            <details className="correct-details">
              <summary>{t('photos:editor.manage')}</summary>
              <IdeaPhotosEditor
                forStaff
                ideaId={idea.id}
                photos={idea.photos}
                onChanged={() =>
                  Promise.all([
                    qc.invalidateQueries({ queryKey: staffKeys.idea(idea.id) }),
                    qc.invalidateQueries({ queryKey: ideaKeys.all }),
                  ])
                }
              />
            </details>
          </div>
          {idea.place && (
            <div className="work-section">
              <IdeaPlaceSection place={idea.place} district={district?.name} withCoordinates />
            </div>
          )}
          <CorrectionPanel idea={idea} work={work} />
          <AnswerForm idea={idea} work={work} />
          <StatusForm idea={idea} work={work} />
          <NextIdeaLink id={idea.id} trail={trail} />
          <ProgressPanel idea={idea} work={work} />
          <section className="work-section" aria-labelledby="timeline-title">
            <h2 id="timeline-title">{t('ideas:detail.timeline')}</h2>
            <IdeaTimeline idea={idea} />
          </section>
          <QueryState query={comments}>
            {(data) => (
              <StaffComments
                comments={data.pages.flatMap((p) => p.items)}
                total={idea.commentCount}
                hasMore={comments.hasNextPage}
                onLoadMore={() => void comments.fetchNextPage()}
                work={work}
                canMark={idea.status !== 'merged'}
              />
            )}
          </QueryState>
          <MergePanel idea={idea} work={work} />
        </div>
        <aside className="work-side" aria-label={t('idea.sideLabel')}>
          <AssignPanel detail={detail} work={work} />
          <NotesPanel detail={detail} work={work} />
          <HelpersPanel ideaId={idea.id} />
          <RatingsPanel ideaId={idea.id} />
        </aside>
      </div>
    </>
  )
}
