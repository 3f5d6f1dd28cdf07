import type { Comment, Reply, User } from '@meedenken/shared'
import { useInfiniteQuery } from '@tanstack/react-query'
import { type ReactNode, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import '../../../lib/i18n-participate'
import { Button } from '../../../ui/button'
import { ErrorMessage } from '../../../ui/error-message'
import { Loading } from '../../../ui/loading'
import { commentsQuery, useCommentActions } from '../api/comment-queries'
import { CommentForm } from './comment-form'
import { CommentItem } from './comment-item'

type Props = {
  ideaId: number
  commentCount: number
  user: User | null | undefined
  /** False for merged ideas: the conversation continues on the idea they were merged into. */
  open: boolean
  /** After a change, so the page can refresh what depends on comments (counts, the official answer). */
  onChanged: () => void
  /** "Melden" on other people's comments, composed by the page. */
  renderReport?: (comment: Comment | Reply) => ReactNode
}

export function CommentSection({ ideaId, commentCount, user, open, onChanged, renderReport }: Props) {
  const { t } = useTranslation(['participate', 'ideas'])
  const list = useInfiniteQuery(commentsQuery(ideaId))
  const base = useCommentActions(ideaId)
  const [announcement, setAnnouncement] = useState('')
  const [focusId, setFocusId] = useState<number | null>(null)
  const comments = list.data?.pages.flatMap((page) => page.items) ?? []

  // Every change also refreshes the idea (its comment count, its official answer).
  const actions: typeof base = {
    add: (comment) => base.add(comment).finally(onChanged),
    edit: (id, body) => base.edit(id, body).finally(onChanged),
    remove: (id) => base.remove(id).finally(onChanged),
  }

  function announce(text: string) {
    // The same sentence twice in a row is still a change, so it is read again.
    setAnnouncement((previous) => (previous === text ? `${text}\u00a0` : text))
  }

  // After "load more", focus moves to the first newly loaded comment, so keyboard users read on.
  useEffect(() => {
    if (focusId === null) return
    document.getElementById(`reactie-${focusId}`)?.focus()
    setFocusId(null)
  }, [focusId])

  // A link to one comment (#reactie-12, from a notification or a mail) lands on it, once the
  // comments are there; the page's own focus on its heading comes first. Once: a ref, not
  // state, so following it does not draw every comment again (after hydration, that was
  // one long task).
  const linkFollowed = useRef(false)
  useEffect(() => {
    if (linkFollowed.current || !list.isSuccess) return
    linkFollowed.current = true
    const linked = /^#reactie-(\d+)$/.exec(window.location.hash)?.[1]
    const target = linked ? document.getElementById(`reactie-${linked}`) : null
    if (!target) return
    target.focus({ preventScroll: true })
    target.scrollIntoView({ block: 'start' })
  }, [list.isSuccess])

  async function loadMore() {
    if (list.isFetchingNextPage) return
    const before = comments.length
    const result = await list.fetchNextPage()
    const first = result.data?.pages.flatMap((page) => page.items)[before]
    if (first) setFocusId(first.id)
  }

  const back = encodeURIComponent(`/ideeen/${ideaId}`)
  return (
    <section className="section comments" aria-labelledby="comments-title">
      <h2 id="comments-title">
        {t('comments.title')} <span className="comments__count">({commentCount})</span>
      </h2>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {list.isPending && <Loading />}
      {list.isError && <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && comments.length === 0 && <p>{t('comments.empty')}</p>}
      {comments.length > 0 && (
        <ol className="comment-list">
          {comments.map((comment) => (
            <CommentItem
              key={comment.id}
              comment={comment}
              user={user}
              canReply={open && !!user && !comment.deleted && !comment.hidden}
              actions={actions}
              onAnnounce={announce}
              renderReport={renderReport}
            />
          ))}
        </ol>
      )}
      {list.hasNextPage && (
        <Button
          appearance="secondary"
          className="load-more"
          onClick={() => void loadMore()}
          aria-disabled={list.isFetchingNextPage || undefined}
        >
          {list.isFetchingNextPage ? t('comments.loadingMore') : t('comments.loadMore')}
        </Button>
      )}
      {!open ? (
        <p className="comments__closed">{t('comments.merged')}</p>
      ) : user === null ? (
        <p className="comments__login">
          <Link to={`/inloggen?terug=${back}`}>{t('comments.login')}</Link>
        </p>
      ) : user ? (
        <div className="comments__new">
          <h3>{t('comments.formTitle')}</h3>
          <CommentForm
            id="new-comment"
            label={t('comments.label')}
            hint={`${t('markdownHint')} ${t('comments.hint')}`}
            submitLabel={t('comments.submit')}
            onSubmit={async (body) => {
              await actions.add({ body })
              announce(t('comments.posted'))
            }}
          />
        </div>
      ) : null}
    </section>
  )
}
