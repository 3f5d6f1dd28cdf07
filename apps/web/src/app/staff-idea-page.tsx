import '../lib/i18n-staff'
import '../styles/staff.css'
import '../styles/werkbak.css'
import type { StaffIdeaDetail } from '@meedenken/shared'
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useParams } from 'react-router'
import { districtsQuery, themesQuery } from '../features/catalog/api/catalog-queries'
import { localName } from '../features/catalog/local-name'
import { commentKeys } from '../features/comments/api/comment-queries'
import { ideaKeys } from '../features/ideas/api/idea-queries'
import { CorrectionNote } from '../features/ideas/components/correction-note'
import { IdeaTimeline } from '../features/ideas/components/idea-timeline'
import { useIdeaWork } from '../features/staff/api/staff-mutations'
import {
  colleaguesQuery,
  departmentsQuery,
  staffCommentsQuery,
  staffIdeaQuery,
} from '../features/staff/api/staff-queries'
import { AnswerForm } from '../features/staff/components/answer-form'
import { AssignPanel } from '../features/staff/components/assign-panel'
import { CorrectionPanel } from '../features/staff/components/correction-panel'
import { DueBadge, DueDate } from '../features/staff/components/due-badge'
import { MergePanel } from '../features/staff/components/merge-panel'
import { NotesPanel } from '../features/staff/components/notes-panel'
import { HelpersPanel, RatingsPanel } from '../features/staff/components/people-panels'
import { ProgressPanel } from '../features/staff/components/progress-panel'
import { StaffComments } from '../features/staff/components/staff-comments'
import { StaffPage } from '../features/staff/components/staff-page'
import { StatusForm } from '../features/staff/components/status-form'
import { type InboxTrail, positionInTrail, readTrail, trailHref } from '../features/staff/inbox-trail'
import { ApiRequestError } from '../lib/api-client'
import { formatDate } from '../lib/format'
import { currentLocale } from '../lib/i18n'
import { ErrorMessage } from '../ui/error-message'
import { Loading } from '../ui/loading'
import { PageHeading } from '../ui/page-heading'
import { StatusBadge } from '../ui/status-badge'

export function StaffIdeaPage() {
  return (
    <StaffPage>
      <StaffIdea />
    </StaffPage>
  )
}

function StaffIdea() {
  const { t } = useTranslation(['staff', 'common'])
  const id = Number(useParams().id)
  const valid = Number.isSafeInteger(id) && id > 0
  const detail = useQuery({ ...staffIdeaQuery(id), enabled: valid })
  const trail = readTrail(useLocation().state)

  const notFound = !valid || (detail.error instanceof ApiRequestError && detail.error.status === 404)
  if (notFound) {
    return (
      <>
        <PageHeading title={t('idea.notFound')}>{t('idea.notFound')}</PageHeading>
        <p>
          <Link to="/medewerkers">{t('idea.backToInbox')}</Link>
        </p>
      </>
    )
  }
  if (!detail.data) {
    return (
      <>
        <PageHeading title={t('common:loading')}>{t('common:loading')}</PageHeading>
        {detail.isError ? <ErrorMessage error={detail.error} onRetry={() => void detail.refetch()} /> : <Loading />}
      </>
    )
  }
  // One workbench per idea: what was typed or announced for one idea never shows on the next.
  return <Workbench key={detail.data.idea.id} detail={detail.data} trail={trail} />
}

function TrailNav({ id, trail }: { id: number; trail: InboxTrail | null }) {
  const { t } = useTranslation('staff')
  const position = trail ? positionInTrail(trail, id) : null
  const back = trailHref(trail)
  return (
    <nav className="work-trail" aria-label={t('trail.label')}>
      <Link to={back}>{trail ? t('trail.back', { tab: t(`inbox.tabs.${trail.tab}`) }) : t('idea.backToInbox')}</Link>
      {trail && position && (
        <>
          <span className="work-trail__position">
            {t('trail.position', { index: position.index + 1, total: trail.ids.length })}
          </span>
          {position.next !== null ? (
            <Link
              className="button button--small work-trail__next"
              to={`/medewerkers/ideeen/${position.next}`}
              state={{ inbox: trail }}
            >
              {t('trail.next')}
            </Link>
          ) : (
            <span className="work-trail__position">{t('trail.last')}</span>
          )}
        </>
      )}
    </nav>
  )
}

/** Right after the status form: done with this idea, on to the next, without hunting for the link. */
function NextIdea({ id, trail }: { id: number; trail: InboxTrail | null }) {
  const { t } = useTranslation('staff')
  const next = trail ? positionInTrail(trail, id)?.next : null
  if (!trail || next === null || next === undefined) return null
  return (
    <p className="work-next">
      <span>{t('trail.done')}</span>
      <Link className="button button--secondary" to={`/medewerkers/ideeen/${next}`} state={{ inbox: trail }}>
        {t('trail.next')}
      </Link>
    </p>
  )
}

function Workbench({ detail, trail }: { detail: StaffIdeaDetail; trail: InboxTrail | null }) {
  const { t } = useTranslation(['staff', 'ideas'])
  const { idea, staff } = detail
  const qc = useQueryClient()
  const themes = useQuery(themesQuery)
  const districts = useQuery(districtsQuery)
  const departments = useQuery(departmentsQuery)
  const colleagues = useQuery(colleaguesQuery)
  // Staff read hidden comments too; the public list withholds their words.
  const comments = useInfiniteQuery(staffCommentsQuery(idea.id))
  // What residents see changes with every action: their cached idea and comments too.
  const work = useIdeaWork(idea.id, () => {
    void qc.invalidateQueries({ queryKey: ideaKeys.all })
    void qc.invalidateQueries({ queryKey: commentKeys.list(idea.id) })
  })
  const en = currentLocale() === 'en'
  const theme = themes.data?.items.find((th) => th.id === idea.themeId)
  const district = districts.data?.items.find((d) => d.id === idea.districtId)
  const department = departments.data?.items.find((d) => d.id === staff.departmentId)
  const assignee = colleagues.data?.items.find((c) => c.id === staff.assigneeId)

  return (
    <>
      <TrailNav id={idea.id} trail={trail} />
      <div className="idea-card__meta">
        <StatusBadge status={idea.status} />
        {theme && <span className="tag">{localName(theme)}</span>}
        <span className="tag tag--place">{district?.name ?? t('ideas:card.everywhere')}</span>
      </div>
      <PageHeading title={idea.title}>
        <span className="page-heading__number">#{idea.id}</span> {idea.title}
      </PageHeading>
      {staff.hidden && (
        <div className="alert alert--error">
          <p>
            {t('idea.hiddenAlert')} <Link to="/medewerkers/moderatie">{t('idea.toModeration')}</Link>
          </p>
        </div>
      )}
      <section className={`work-summary work-summary--${staff.badge}`} aria-labelledby="summary-title">
        <h2 id="summary-title" className="visually-hidden">
          {t('idea.summary')}
        </h2>
        <div className="work-summary__norm">
          <p className="work-summary__badge">
            <DueBadge badge={staff.badge} />
          </p>
          <p className="work-summary__due">
            <DueDate staff={staff} />
          </p>
          {idea.waitingWorkingDays !== null && (
            <p className="work-summary__waiting">
              {t('idea.waiting', { count: idea.waitingWorkingDays, norm: idea.responseNormDays })}
            </p>
          )}
          {staff.stale && (
            <p className="flag flag--stale">
              {t('idea.stale', { date: formatDate(staff.lastPublicUpdateAt ?? idea.createdAt) })}
            </p>
          )}
        </div>
        <dl className="facts">
          <div>
            <dt>{t('idea.department')}</dt>
            <dd>
              {staff.departmentId === null
                ? t('common.noDepartment')
                : department
                  ? en
                    ? department.nameEn
                    : department.name
                  : '…'}
            </dd>
          </div>
          <div>
            <dt>{t('idea.assignee')}</dt>
            <dd>{staff.assigneeId === null ? t('common.nobody') : (assignee?.displayName ?? '…')}</dd>
          </div>
          <div>
            <dt>{t('idea.submitter')}</dt>
            <dd>
              {idea.author.id === null ? t('idea.deletedAuthor') : idea.author.displayName}
              {idea.author.targetGroup && <> ({t(`ideas:targetGroup.${idea.author.targetGroup}`).toLowerCase()})</>}
            </dd>
          </div>
          <div>
            <dt>{t('idea.received')}</dt>
            <dd>
              {formatDate(idea.createdAt)} {t(`ideas:channel.${idea.channel}`)}
            </dd>
          </div>
          <div>
            <dt>{t('idea.support')}</dt>
            <dd>
              {t('idea.votes', { count: idea.voteCount })}, {t('idea.followers', { count: idea.followerCount })}
            </dd>
          </div>
          {staff.openReports > 0 && (
            <div>
              <dt>{t('idea.reportsLabel')}</dt>
              <dd>
                <Link to="/medewerkers/moderatie">{t('idea.reports', { count: staff.openReports })}</Link>
              </dd>
            </div>
          )}
        </dl>
        {!staff.hidden && (
          <p className="work-summary__public">
            <Link to={`/ideeen/${idea.id}`}>{t('idea.publicPage')}</Link>
          </p>
        )}
      </section>
      {idea.mergedIntoId !== null && (
        <div className="alert alert--info">
          <p>
            {t('idea.mergedInto', { id: idea.mergedIntoId })}{' '}
            <Link to={`/medewerkers/ideeen/${idea.mergedIntoId}`}>
              {t('merge.openTarget', { id: idea.mergedIntoId })}
            </Link>
          </p>
        </div>
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
          <CorrectionPanel idea={idea} work={work} />
          <AnswerForm idea={idea} work={work} />
          <StatusForm idea={idea} work={work} />
          <NextIdea id={idea.id} trail={trail} />
          <ProgressPanel idea={idea} work={work} />
          <section className="work-section" aria-labelledby="timeline-title">
            <h2 id="timeline-title">{t('ideas:detail.timeline')}</h2>
            <IdeaTimeline idea={idea} />
          </section>
          {comments.isError ? (
            <ErrorMessage error={comments.error} onRetry={() => void comments.refetch()} />
          ) : comments.isPending ? (
            <Loading />
          ) : (
            <StaffComments
              comments={comments.data.pages.flatMap((p) => p.items)}
              total={idea.commentCount}
              hasMore={comments.hasNextPage}
              onLoadMore={() => void comments.fetchNextPage()}
              work={work}
              canMark={idea.status !== 'merged'}
            />
          )}
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
