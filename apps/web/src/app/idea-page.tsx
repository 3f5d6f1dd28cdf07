import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { meQuery } from '../features/accounts/api/account-queries'
import { districtsQuery, themesQuery } from '../features/catalog/api/catalog-queries'
import { CommentSection } from '../features/comments/components/comment-section'
import { ideaKeys, ideaQuery } from '../features/ideas/api/idea-queries'
import { FollowControl } from '../features/ideas/components/follow-control'
import { IdeaTimeline } from '../features/ideas/components/idea-timeline'
import { OfficialAnswer } from '../features/ideas/components/official-answer'
import { VoteControl } from '../features/ideas/components/vote-control'
import { ApiRequestError } from '../lib/api-client'
import { formatDate } from '../lib/format'
import { currentLocale } from '../lib/i18n'
import '../lib/i18n-participate'
import { ErrorMessage } from '../ui/error-message'
import { Loading } from '../ui/loading'
import { PageHeading } from '../ui/page-heading'
import { StatusBadge } from '../ui/status-badge'

export function IdeaPage() {
  const { t } = useTranslation(['ideas', 'participate', 'common'])
  const id = Number(useParams().id)
  const valid = Number.isSafeInteger(id) && id > 0
  const idea = useQuery({ ...ideaQuery(id), enabled: valid })
  const themes = useQuery(themesQuery)
  const districts = useQuery(districtsQuery)
  const me = useQuery(meQuery)
  const qc = useQueryClient()

  const notFound = !valid || (idea.error instanceof ApiRequestError && idea.error.status === 404)
  if (notFound) {
    return (
      <>
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
  const user = me.data
  const theme = themes.data?.items.find((th) => th.id === data.themeId)
  const district = districts.data?.items.find((d) => d.id === data.districtId)
  const authorName = data.author.id === null ? t('detail.deletedAuthor') : data.author.displayName
  const canEdit = !!user && data.author.id === user.id && data.status === 'new'

  return (
    <article className="idea-detail">
      <p className="back-link">
        <Link to="/">{t('detail.back')}</Link>
      </p>
      <div className="idea-card__meta">
        <StatusBadge status={data.status} />
        {theme && <span className="tag">{currentLocale() === 'en' ? theme.nameEn : theme.name}</span>}
        <span className="tag tag--place">{district?.name ?? t('card.everywhere')}</span>
      </div>
      <PageHeading title={data.title}>{data.title}</PageHeading>
      {data.mergedIntoId !== null && (
        <div className="alert alert--info">
          <p>{t('detail.mergedInto', { id: data.mergedIntoId })}</p>
          <p>
            <Link to={`/ideeen/${data.mergedIntoId}`}>{t('detail.mergedIntoLink', { id: data.mergedIntoId })}</Link>
          </p>
        </div>
      )}
      <p className="idea-detail__byline">
        {t('detail.by', { name: authorName })}
        {data.author.targetGroup && <> ({t(`targetGroup.${data.author.targetGroup}`).toLowerCase()})</>} ·{' '}
        {formatDate(data.createdAt)}
        {data.channel !== 'web' && <> · {t('detail.receivedVia', { channel: t(`channel.${data.channel}`) })}</>}
      </p>
      {canEdit && (
        <p className="idea-detail__edit">
          <Link to={`/ideeen/${data.id}/bewerken`}>{t('participate:edit.link')}</Link>{' '}
          <span className="idea-detail__edit-hint">{t('participate:edit.linkHint')}</span>
        </p>
      )}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: bodyHtml is rendered from markdown and sanitised (allow-list) by the API at write time */}
      <div className="prose" dangerouslySetInnerHTML={{ __html: data.bodyHtml }} />
      {data.targetGroups.length > 0 && (
        <p className="idea-detail__groups">
          <strong>{t('detail.concerns')}:</strong>{' '}
          {data.targetGroups.map((g) => t(`targetGroupPlural.${g}`)).join(', ')}
        </p>
      )}
      {data.officialAnswer && <OfficialAnswer answer={data.officialAnswer} />}
      <section className="support" aria-labelledby="support-title">
        <h2 id="support-title" className="visually-hidden">
          {t('participate:support.title')}
        </h2>
        <VoteControl idea={data} user={user} />
        <FollowControl idea={data} user={user} />
      </section>
      <section aria-labelledby="timeline-title" className="section">
        <h2 id="timeline-title">{t('detail.timeline')}</h2>
        {data.timeline.length === 0 && <p>{t('detail.timelineEmpty')}</p>}
        <IdeaTimeline createdAt={data.createdAt} entries={data.timeline} />
      </section>
      <CommentSection
        ideaId={data.id}
        commentCount={data.commentCount}
        user={user}
        open={data.status !== 'merged'}
        onChanged={() => void qc.invalidateQueries({ queryKey: ideaKeys.all })}
      />
    </article>
  )
}
