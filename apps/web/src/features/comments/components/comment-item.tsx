import type { Comment, Reply, User } from '@meedenken/shared'
import { type ReactNode, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useServerClockOffset } from '../../../lib/use-server-now'
import '../../../lib/i18n-participate'
import { errorText } from '../../../lib/errors'
import { formatDateTime } from '../../../lib/format'
import { Alert } from '../../../ui/alert'
import { Badge } from '../../../ui/badge'
import { Button } from '../../../ui/button'
import type { CommentActions } from '../api/comment-queries'
import { EDIT_WINDOW_MS } from '../comment-rules'
import { CommentForm } from './comment-form'

type Props = {
  comment: Comment | Reply
  user: User | null | undefined
  /** Top-level comments on an idea that still takes comments, for signed-in people. */
  canReply: boolean
  actions: CommentActions
  onAnnounce: (text: string) => void
  /** A "Melden" control for someone else's comment, from the page (features do not import each other). */
  renderReport?: (comment: Comment | Reply) => ReactNode
}

type Focusable = 'article' | 'edit' | 'reply' | 'confirm'

export function CommentItem({ comment, user, canReply, actions, onAnnounce, renderReport }: Props) {
  const { t } = useTranslation(['participate', 'ideas'])
  const [mode, setMode] = useState<'view' | 'editing' | 'confirming'>('view')
  const [replying, setReplying] = useState(false)
  const [removeError, setRemoveError] = useState('')
  const refs = {
    article: useRef<HTMLElement>(null),
    edit: useRef<HTMLButtonElement>(null),
    reply: useRef<HTMLButtonElement>(null),
    confirm: useRef<HTMLParagraphElement>(null),
  }
  // Where focus goes once the next render is on screen (the element may not exist yet).
  const focusNext = useRef<Focusable | null>(null)
  useEffect(() => {
    const target = focusNext.current
    if (!target) return
    focusNext.current = null
    refs[target].current?.focus()
  })

  const withheld = comment.deleted || comment.hidden
  const own = !withheld && user != null && comment.author?.id === user.id
  const editable = useStillEditable(comment.createdAt, own)
  const name = comment.author?.displayName ?? ''
  const replies = 'replies' in comment ? comment.replies : []
  const report = !withheld && !own && user ? renderReport?.(comment) : null

  function after(next: typeof mode, focus: Focusable) {
    focusNext.current = focus
    setMode(next)
  }

  async function remove() {
    try {
      await actions.remove(comment.id)
      onAnnounce(t('comments.removed'))
      after('view', 'article')
    } catch (error) {
      setRemoveError(errorText(error))
    }
  }

  const classes = ['comment']
  if (comment.official && !withheld) classes.push('comment--official')
  else if (comment.author?.isStaff && !withheld) classes.push('comment--staff')
  if (withheld) classes.push('comment--withheld')

  return (
    <li>
      <article className={classes.join(' ')} id={`reactie-${comment.id}`} ref={refs.article} tabIndex={-1}>
        {withheld ? (
          <p className="comment__withheld">{comment.deleted ? t('comments.deleted') : t('comments.hidden')}</p>
        ) : (
          <>
            <div className="comment__header">
              <p className="comment__author">
                <strong>{name}</strong>
                {comment.author?.isStaff && <span className="tag tag--staff">{t('comments.staff')}</span>}
                {comment.author?.targetGroup && (
                  <span className="comment__group">{t(`ideas:targetGroup.${comment.author.targetGroup}`)}</span>
                )}
              </p>
              <p className="comment__date">
                <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt)}</time>
                {comment.edited && <> · {t('comments.edited')}</>}
              </p>
            </div>
            {comment.official && (
              <p>
                <Badge tone="strong-positive">{t('comments.official')}</Badge>
              </p>
            )}
            {mode === 'editing' ? (
              <CommentForm
                id={`edit-${comment.id}`}
                label={t('comments.editLabel')}
                hint={t('markdownHint')}
                submitLabel={t('comments.save')}
                defaultValue={comment.body}
                autoFocus
                onSubmit={async (body) => {
                  await actions.edit(comment.id, body)
                  onAnnounce(t('comments.saved'))
                  after('view', 'article')
                }}
                onCancel={() => after('view', editable ? 'edit' : 'article')}
              />
            ) : (
              // biome-ignore lint/security/noDangerouslySetInnerHtml: bodyHtml is rendered from markdown and sanitised (allow-list) by the API at write time
              <div className="prose prose--comment" dangerouslySetInnerHTML={{ __html: comment.bodyHtml }} />
            )}
            {mode === 'view' && (canReply || own || report) && (
              <div className="comment__actions">
                {canReply && (
                  <Button
                    appearance="subtle"
                    size="small"
                    ref={refs.reply}
                    aria-expanded={replying}
                    aria-controls={replying ? `reply-form-${comment.id}` : undefined}
                    onClick={() => setReplying((open) => !open)}
                  >
                    {t('comments.reply')}
                    <span className="visually-hidden"> {t('comments.replyContext', { name })}</span>
                  </Button>
                )}
                {own && editable && (
                  <Button appearance="subtle" size="small" ref={refs.edit} onClick={() => setMode('editing')}>
                    {t('comments.edit')}
                  </Button>
                )}
                {own && (
                  <Button appearance="subtle" size="small" onClick={() => after('confirming', 'confirm')}>
                    {t('comments.delete')}
                  </Button>
                )}
                {report}
              </div>
            )}
            {mode === 'confirming' && (
              <div className="comment__confirm">
                <p ref={refs.confirm} tabIndex={-1}>
                  {t('comments.confirmDelete')}
                </p>
                {removeError && (
                  <Alert type="error" role="alert">
                    {removeError}
                  </Alert>
                )}
                <div className="form__actions">
                  <Button size="small" tone="negative" onClick={() => void remove()}>
                    {t('comments.confirmYes')}
                  </Button>
                  <Button
                    appearance="secondary"
                    size="small"
                    onClick={() => {
                      setRemoveError('')
                      after('view', 'article')
                    }}
                  >
                    {t('comments.confirmNo')}
                  </Button>
                </div>
              </div>
            )}
          </>
        )}
      </article>
      {replies.length > 0 && (
        <ol className="comment-list comment-list--replies" aria-label={t('comments.repliesLabel', { name })}>
          {replies.map((reply) => (
            <CommentItem
              key={reply.id}
              comment={reply}
              user={user}
              canReply={false}
              actions={actions}
              onAnnounce={onAnnounce}
              renderReport={renderReport}
            />
          ))}
        </ol>
      )}
      {replying && canReply && (
        <div className="comment-reply" id={`reply-form-${comment.id}`}>
          <CommentForm
            id={`reply-${comment.id}`}
            label={t('comments.replyLabel', { name })}
            hint={t('markdownHint')}
            submitLabel={t('comments.replySubmit')}
            autoFocus
            onSubmit={async (body) => {
              await actions.add({ body, parentId: comment.id })
              onAnnounce(t('comments.replyPosted'))
              focusNext.current = 'reply'
              setReplying(false)
            }}
            onCancel={() => {
              focusNext.current = 'reply'
              setReplying(false)
            }}
          />
        </div>
      )}
    </li>
  )
}

/** True while the author may still correct the comment; turns false by itself when the time is up. */
function useStillEditable(createdAt: string, own: boolean): boolean {
  // The deadline is on the server's clock; this machine's clock may differ.
  const deadline = Date.parse(createdAt) + EDIT_WINDOW_MS - useServerClockOffset()
  const [open, setOpen] = useState(() => Date.now() < deadline)
  useEffect(() => {
    if (!own) return
    const left = deadline - Date.now()
    setOpen(left > 0)
    if (left <= 0) return
    const timer = setTimeout(() => setOpen(false), left)
    return () => clearTimeout(timer)
  }, [deadline, own])
  return own && open
}
