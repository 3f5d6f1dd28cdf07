import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { meQuery } from '../features/accounts/api/account-queries'
import { campaignQuery } from '../features/campaigns/api/campaign-queries'
import { districtsQuery, themesQuery } from '../features/catalog/api/catalog-queries'
import { commentKeys } from '../features/comments/api/comment-queries'
import { CommentSection } from '../features/comments/components/comment-section'
import { useIdeaLive } from '../features/ideas/api/idea-live'
import { ideaKeys, ideaQuery } from '../features/ideas/api/idea-queries'
import { CorrectionNote } from '../features/ideas/components/correction-note'
import { FollowControl } from '../features/ideas/components/follow-control'
import { HelpControl } from '../features/ideas/components/help-control'
import { IdeaTimeline } from '../features/ideas/components/idea-timeline'
import { IdeaWaiting } from '../features/ideas/components/idea-waiting'
import { OfficialAnswer } from '../features/ideas/components/official-answer'
import { ProgressUpdates } from '../features/ideas/components/progress-updates'
import { VoteControl } from '../features/ideas/components/vote-control'
import { IdeaPlaceSection } from '../features/map/components/idea-place'
import { PhotoGallery } from '../features/photos/components/photo-gallery'
import { ReportControl } from '../features/reports/components/report-control'
import { satisfactionKeys } from '../features/satisfaction/api/satisfaction-queries'
import { SatisfactionPanel } from '../features/satisfaction/components/satisfaction-panel'
import { SupportersTable } from '../features/satisfaction/components/supporters-table'
import { ApiRequestError } from '../lib/api-client'
import { formatDate } from '../lib/format'
import '../lib/i18n-engage-idea'
import '../lib/i18n-participate'
import { NotFoundStatus } from '../ssr/status'
import { Alert } from '../ui/alert'
import { ErrorMessage } from '../ui/error-message'
import { Loading } from '../ui/loading'
import { PageHeading } from '../ui/page-heading'
import { StatusBadge } from '../ui/status-badge'
import '../styles/engage.css'
import '../styles/report.css'
import { localName } from '../features/catalog/local-name'

export function IdeaPage() {
  const { t } = useTranslation(['ideas', 'participate', 'engage', 'common'])
  const id = Number(useParams().id)
  const valid = Number.isSafeInteger(id) && id > 0
  const idea = useQuery({ ...ideaQuery(id), enabled: valid })
  const themes = useQuery(themesQuery)
  const districts = useQuery(districtsQuery)
  const me = useQuery(meQuery)
  const qc = useQueryClient()
  const user = me.data
  const campaignId = idea.data?.campaignId ?? null
  const campaign = useQuery({ ...campaignQuery(campaignId ?? 0), enabled: campaignId !== null })
  const [liveVotes, setLiveVotes] = useState('')

  // Counts stay current while the page is open; remote votes are announced politely, once.
  useIdeaLive(id, valid && idea.isSuccess, {
    // Never at the cost of a page being loaded: "Meer reacties laden" must not be undone by an event.
    onComments: () => void qc.invalidateQueries({ queryKey: commentKeys.list(id) }, { cancelRefetch: false }),
    onRemoteVotes: (count) => setLiveVotes(t('engage:idea.liveVotes', { count })),
  })

  // Voting or following makes a member "involved", which lets them rate, and a vote changes
  // who supports the idea: ask the API again once it has answered. (On the button's own,
  // optimistic change the server does not know of the vote yet.)
  const refreshInvolvement = () => {
    void qc.invalidateQueries({ queryKey: satisfactionKeys.mine(id) })
    void qc.invalidateQueries({ queryKey: satisfactionKeys.supporters(id) })
  }
  // Other people's votes arrive on the live line.
  useOnChange(idea.data?.voteCount, () => void qc.invalidateQueries({ queryKey: satisfactionKeys.supporters(id) }))

  const notFound = !valid || (idea.error instanceof ApiRequestError && idea.error.status === 404)
  if (notFound) {
    return (
      <>
        <NotFoundStatus />
        <PageHeading title={t('detail.notFoundTitle')}>{t('detail.notFoundTitle')}</PageHeading>
        <p>{t('detail.notFoundBody')}</p>
        <p>
          <Link to="/">{t('detail.back')}</Link>
        </p>
      </>
    )
  }
  if (!idea.data) {
    return (
      <>
        <PageHeading title={t('common:loading')}>{t('common:loading')}</PageHeading>
        {idea.isError ? <ErrorMessage error={idea.error} onRetry={() => void idea.refetch()} /> : <Loading />}
      </>
    )
  }

  const data = idea.data
  const theme = themes.data?.items.find((th) => th.id === data.themeId)
  const district = districts.data?.items.find((d) => d.id === data.districtId)
  const authorName = data.author.id === null ? t('detail.deletedAuthor') : data.author.displayName
  const canEdit = !!user && data.author.id === user.id && data.status === 'new'
  const helpable = data.status === 'planned' || data.status === 'in_progress'

  return (
    <article className="idea-detail">
      <p className="back-link">
        <Link to="/">{t('detail.back')}</Link>
      </p>
      <div className="idea-card__meta">
        <StatusBadge status={data.status} />
        {theme && <span className="tag">{localName(theme)}</span>}
        <span className="tag tag--place">{district?.name ?? t('card.everywhere')}</span>
      </div>
      <PageHeading title={data.title}>{data.title}</PageHeading>
      {data.mergedIntoId !== null && (
        <Alert>
          <p>{t('detail.mergedInto', { id: data.mergedIntoId })}</p>
          <p>
            <Link to={`/ideeen/${data.mergedIntoId}`}>{t('detail.mergedIntoLink', { id: data.mergedIntoId })}</Link>
          </p>
        </Alert>
      )}
      <p className="idea-detail__byline">
        {t('detail.by', { name: authorName })}
        {data.author.targetGroup && <> ({t(`targetGroup.${data.author.targetGroup}`).toLowerCase()})</>} ·{' '}
        {formatDate(data.createdAt)}
        {data.channel !== 'web' && <> · {t('detail.receivedVia', { channel: t(`channel.${data.channel}`) })}</>}
      </p>
      {campaign.data && (
        <p className="idea-detail__campaign">
          {t('engage:idea.campaignOf')} <Link to={`/meedenkvragen/${campaign.data.id}`}>{campaign.data.title}</Link>
        </p>
      )}
      <IdeaWaiting idea={data} />
      {canEdit && (
        <p className="idea-detail__edit">
          <Link to={`/ideeen/${data.id}/bewerken`}>{t('participate:edit.link')}</Link>{' '}
          <span className="idea-detail__edit-hint">{t('participate:edit.linkHint')}</span>
        </p>
      )}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: bodyHtml is rendered from markdown and sanitised (allow-list) by the API at write time */}
      <div className="prose" dangerouslySetInnerHTML={{ __html: data.bodyHtml }} />
      <PhotoGallery
        photos={data.photos}
        renderReport={(photo, number) => (
          // Photos are added by the idea's author (or staff at intake): the author does not report their own.
          <ReportControl
            ideaId={data.id}
            subject={{ type: 'photo', id: photo.id }}
            photoNumber={number}
            authorId={data.author.id}
            user={user}
          />
        )}
      />
      <CorrectionNote idea={data} />
      {data.targetGroups.length > 0 && (
        <p className="idea-detail__groups">
          <strong>{t('detail.concerns')}:</strong>{' '}
          {data.targetGroups.map((g) => t(`targetGroupPlural.${g}`)).join(', ')}
        </p>
      )}
      {data.place && <IdeaPlaceSection place={data.place} district={district?.name} />}
      <ReportControl ideaId={data.id} subject={{ type: 'idea', id: data.id }} authorId={data.author.id} user={user} />
      {data.officialAnswer && <OfficialAnswer answer={data.officialAnswer} />}
      <section className="support" aria-labelledby="support-title">
        <h2 id="support-title" className="visually-hidden">
          {t('participate:support.title')}
        </h2>
        <VoteControl
          idea={data}
          user={user}
          campaign={campaignId === null || campaign.isError ? null : (campaign.data ?? 'pending')}
          onSettled={refreshInvolvement}
        />
        <FollowControl idea={data} user={user} onSettled={refreshInvolvement} />
        {helpable && <HelpControl idea={data} user={user} />}
        <p className="visually-hidden" aria-live="polite">
          {liveVotes}
        </p>
      </section>
      {user && <SatisfactionPanel ideaId={data.id} />}
      <ProgressUpdates updates={data.progressUpdates} />
      <section aria-labelledby="timeline-title" className="section">
        <h2 id="timeline-title">{t('detail.timeline')}</h2>
        <IdeaTimeline idea={data} />
      </section>
      <SupportersTable ideaId={data.id} districts={districts.data?.items ?? []} />
      <CommentSection
        ideaId={data.id}
        commentCount={data.commentCount}
        user={user}
        open={data.status !== 'merged'}
        onChanged={() => void qc.invalidateQueries({ queryKey: ideaKeys.all })}
        renderReport={(comment) => (
          <ReportControl
            ideaId={data.id}
            subject={{ type: 'comment', id: comment.id }}
            authorId={comment.author?.id ?? null}
            authorName={comment.author?.displayName}
            user={user}
          />
        )}
      />
    </article>
  )
}

/** Runs `effect` when `value` changes after the first time it was known (not on the first load). */
function useOnChange(value: unknown, effect: () => void): void {
  const previous = useRef<unknown>(undefined)
  const latest = useRef(effect)
  latest.current = effect
  useEffect(() => {
    const before = previous.current
    previous.current = value
    if (before !== undefined && before !== value) latest.current()
  }, [value])
}
