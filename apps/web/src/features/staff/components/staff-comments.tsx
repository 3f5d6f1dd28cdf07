import type { StaffComment, StaffReply } from '@meedenken/shared'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import '../../../lib/i18n-staff'
import { errorText } from '../../../lib/errors'
import { formatDateTime } from '../../../lib/format'
import { Alert } from '../../../ui/alert'
import { Badge } from '../../../ui/badge'
import { Button } from '../../../ui/button'
import { LoadMore } from '../../../ui/load-more'
import type { IdeaWork } from '../api/staff-mutations'

type Props = {
  comments: StaffComment[]
  /** All comments on the idea; the list may show the first pages only. */
  total: number
  hasMore: boolean
  onLoadMore: () => void
  work: IdeaWork
  /** Merged ideas take no answers: marking is offered only where answering is. */
  canMark: boolean
}

/**
 * The conversation as staff see it, with a way to mark a colleague's comment as the
 * municipality's answer (or take that back). Hidden comments keep their words here,
 * marked so nobody mistakes them for what residents see; deleted ones have no words left.
 */
export function StaffComments({ comments, total, hasMore, onLoadMore, work, canMark }: Props) {
  const { t } = useTranslation('staff')
  const [message, setMessage] = useState('')
  const [failure, setFailure] = useState('')

  async function mark(comment: StaffReply, official: boolean) {
    if (work.markOfficial.isPending) return
    setFailure('')
    try {
      await work.markOfficial.mutateAsync({ commentId: comment.id, official })
      setMessage(official ? t('comments.marked') : t('comments.unmarked'))
    } catch (error) {
      setFailure(errorText(error))
    }
  }

  const item = (comment: StaffReply) => {
    const deleted = comment.deleted
    const hidden = comment.hidden && !deleted
    const official = comment.official && !deleted && !hidden
    const markable = canMark && !deleted && !hidden && comment.author?.isStaff === true
    return (
      <article
        className={`staff-comment${official ? ' staff-comment--official' : ''}${deleted ? ' staff-comment--withheld' : ''}${hidden ? ' staff-comment--hidden' : ''}`}
      >
        {!deleted && (
          <p className="staff-comment__meta">
            <strong>{comment.author?.displayName}</strong>
            {comment.author?.isStaff && <span className="tag tag--staff">{t('comments.staff')}</span>}
            {official && <Badge className="badge--official">{t('comments.official')}</Badge>}
            {hidden && <Badge tone="negative">{t('comments.hiddenBadge')}</Badge>}
            <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt)}</time>
          </p>
        )}
        {deleted ? (
          <p className="staff-comment__withheld">{t('comments.deleted')}</p>
        ) : (
          <>
            {hidden && (
              <p className="staff-comment__hidden-note">
                {t(`comments.hiddenReason.${comment.hiddenReason ?? 'unknown'}`)}{' '}
                {comment.hiddenReason === 'reports' && (
                  <Link to="/medewerkers/moderatie">{t('idea.toModeration')}</Link>
                )}
              </p>
            )}
            {/* biome-ignore lint/security/noDangerouslySetInnerHtml: bodyHtml is rendered from markdown and sanitised (allow-list) by the API at write time */}
            <div className="prose prose--comment" dangerouslySetInnerHTML={{ __html: comment.bodyHtml }} />
          </>
        )}
        {markable && (
          <Button
            busy={work.markOfficial.isPending}
            onClick={() => void mark(comment, !comment.official)}
            appearance="secondary"
            size="small"
          >
            {comment.official ? t('comments.unmark') : t('comments.mark')}
            <span className="visually-hidden">
              {' '}
              {t('comments.markContext', { name: comment.author?.displayName ?? '' })}
            </span>
          </Button>
        )}
      </article>
    )
  }

  return (
    <section className="work-section" aria-labelledby="staff-comments-title">
      <h2 id="staff-comments-title">{t('comments.title', { count: total })}</h2>
      <p className="visually-hidden" role="status">
        {message}
      </p>
      {failure && (
        <Alert type="error" role="alert">
          {failure}
        </Alert>
      )}
      {comments.length === 0 ? (
        <p>{t('comments.empty')}</p>
      ) : (
        <ol className="staff-comments">
          {comments.map((comment) => (
            <li key={comment.id}>
              {item(comment)}
              {comment.replies.length > 0 && (
                <ol className="staff-comments staff-comments--replies">
                  {comment.replies.map((reply) => (
                    <li key={reply.id}>{item(reply)}</li>
                  ))}
                </ol>
              )}
            </li>
          ))}
        </ol>
      )}
      {hasMore && (
        <LoadMore loading={false} onLoad={onLoadMore}>
          {t('comments.more')}
        </LoadMore>
      )}
    </section>
  )
}
