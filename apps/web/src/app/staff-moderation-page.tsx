import '../lib/i18n-staff'
import '../styles/staff.css'
import type { ModerationItem } from '@meedenken/shared'
import { useQuery } from '@tanstack/react-query'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { RequireRole } from '../features/accounts/components/require-role'
import { useModeration } from '../features/staff/api/staff-mutations'
import { moderationQuery } from '../features/staff/api/staff-queries'
import { StaffNav } from '../features/staff/components/staff-nav'
import { FormProblem, localProblem, type Problem, problemFrom } from '../features/staff/form-problem'
import { MODERATION_REASON_MIN } from '../features/staff/rules'
import { formatDateTime } from '../lib/format'
import { ErrorMessage } from '../ui/error-message'
import { Field, formValues } from '../ui/form'
import { Loading } from '../ui/loading'
import { PageHeading } from '../ui/page-heading'

export function StaffModerationPage() {
  const { t } = useTranslation('staff')
  return (
    <RequireRole minRole="staff">
      {() => (
        <div className="staff-page">
          <StaffNav />
          <PageHeading title={t('moderation.title')}>{t('moderation.title')}</PageHeading>
          <p className="lead">{t('moderation.intro')}</p>
          <ModerationQueue />
        </div>
      )}
    </RequireRole>
  )
}

type Blocked = { userId: number; name: string }

function ModerationQueue() {
  const { t } = useTranslation('staff')
  const queue = useQuery(moderationQuery)
  const [announcement, setAnnouncement] = useState('')
  // Members blocked during this visit: the queue does not say who is blocked, so the way back is kept here.
  const [blocked, setBlocked] = useState<Blocked[]>([])
  const heading = useRef<HTMLHeadingElement>(null)

  function handled(text: string) {
    setAnnouncement(text)
    // The item leaves the list: continue at the top of what is left.
    heading.current?.focus()
  }

  return (
    <>
      <p role="status" className="alert alert--success status-alert">
        {announcement}
      </p>
      {blocked.length > 0 && (
        <BlockedList
          blocked={blocked}
          onUnblocked={(user) => {
            setBlocked((list) => list.filter((b) => b.userId !== user.userId))
            setAnnouncement(t('moderation.unblocked', { name: user.name }))
          }}
        />
      )}
      <section aria-labelledby="queue-title">
        <h2 id="queue-title" ref={heading} tabIndex={-1}>
          {t('moderation.queueTitle')}
          {queue.data && <span className="heading-count"> ({queue.data.items.length})</span>}
        </h2>
        {queue.isPending && <Loading />}
        {queue.isError && <ErrorMessage error={queue.error} onRetry={() => void queue.refetch()} />}
        {queue.isSuccess && queue.data.items.length === 0 && (
          <div className="empty-state">
            <p className="empty-state__title">{t('moderation.empty')}</p>
          </div>
        )}
        {queue.isSuccess && queue.data.items.length > 0 && (
          <ol className="moderation-list">
            {queue.data.items.map((item) => (
              <li key={`${item.subjectType}-${item.subjectId}`}>
                <ModerationCard
                  item={item}
                  onHandled={handled}
                  isBlocked={blocked.some((b) => b.userId === item.authorId)}
                  onBlocked={(user) => {
                    setBlocked((list) => [...list.filter((b) => b.userId !== user.userId), user])
                    setAnnouncement(t('moderation.blocked', { name: user.name }))
                  }}
                />
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  )
}

function ModerationCard({
  item,
  onHandled,
  isBlocked,
  onBlocked,
}: {
  item: ModerationItem
  onHandled: (text: string) => void
  isBlocked: boolean
  onBlocked: (user: Blocked) => void
}) {
  const { t } = useTranslation('staff')
  const { moderate } = useModeration()
  const [problem, setProblem] = useState<Problem | null>(null)
  const scope = `mod-${item.subjectType}-${item.subjectId}`
  const reasonField = `${scope}.reason`
  const labels = { [reasonField]: t('moderation.reason') }
  const kind = t(`moderation.kind.${item.subjectType}`)
  const titleId = `${scope}-title`

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (moderate.isPending) return
    const submitter = (event.nativeEvent as SubmitEvent).submitter
    const action = submitter instanceof HTMLButtonElement && submitter.value === 'hide' ? 'hide' : 'restore'
    const reason = (formValues(event.currentTarget)[reasonField] ?? '').trim()
    const local = localProblem(
      reason.length >= MODERATION_REASON_MIN
        ? {}
        : { [reasonField]: t('moderation.errors.reason', { min: MODERATION_REASON_MIN }) },
    )
    if (local) {
      setProblem(local)
      return
    }
    moderate.mutate(
      { subject: { type: item.subjectType, id: item.subjectId }, action, reason },
      {
        onSuccess: () => onHandled(t(action === 'hide' ? 'moderation.hidden' : 'moderation.restored', { kind })),
        onError: (error) => setProblem(problemFrom(scope, error)),
      },
    )
  }

  return (
    <article className={`moderation-card${item.hidden ? ' moderation-card--hidden' : ''}`} aria-labelledby={titleId}>
      <div className="moderation-card__head">
        <h3 id={titleId}>
          {item.subjectType === 'comment'
            ? t('moderation.commentOn', { title: item.title })
            : t('moderation.ideaTitle', { title: item.title })}
        </h3>
        <p className={`visibility visibility--${item.hidden ? 'hidden' : 'visible'}`}>
          {item.hidden ? t('moderation.isHidden') : t('moderation.isVisible')}
        </p>
      </div>
      <p className="moderation-card__meta">
        {t('moderation.by', { name: item.authorName })} ·{' '}
        <Link to={`/medewerkers/ideeen/${item.ideaId}`}>{t('moderation.openIdea', { id: item.ideaId })}</Link>
      </p>
      <blockquote className="moderation-card__text">{item.text}</blockquote>
      <h4>{t('moderation.reports', { count: item.reports.length })}</h4>
      <ul className="report-list">
        {item.reports.map((r, index) => (
          // Reports carry no id of their own; their order is stable.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <li key={index}>
            <strong>{t(`moderation.reportReason.${r.reason}`)}</strong> · {formatDateTime(r.createdAt)}
            {r.note && <span className="report-list__note"> — “{r.note}”</span>}
          </li>
        ))}
      </ul>
      <FormProblem problem={problem} labels={labels} />
      <form className="form form--compact" noValidate onSubmit={submit}>
        <Field
          name={reasonField}
          label={labels[reasonField] ?? ''}
          hint={t('moderation.reasonHint')}
          error={problem?.errors[reasonField]}
        >
          {(p) => <input {...p} type="text" maxLength={500} />}
        </Field>
        <div className="form__actions">
          <button
            type="submit"
            name="action"
            value="restore"
            className="button"
            aria-disabled={moderate.isPending || undefined}
          >
            {item.hidden ? t('moderation.restoreHidden') : t('moderation.keep')}
            <span className="visually-hidden"> ({kind})</span>
          </button>
          <button
            type="submit"
            name="action"
            value="hide"
            className="button button--danger"
            aria-disabled={moderate.isPending || undefined}
          >
            {item.hidden ? t('moderation.keepHidden') : t('moderation.hide')}
            <span className="visually-hidden"> ({kind})</span>
          </button>
        </div>
      </form>
      {item.authorId !== null && !isBlocked && (
        <BlockMember userId={item.authorId} name={item.authorName} scope={scope} onBlocked={onBlocked} />
      )}
    </article>
  )
}

function BlockMember({
  userId,
  name,
  scope,
  onBlocked,
}: {
  userId: number
  name: string
  scope: string
  onBlocked: (user: Blocked) => void
}) {
  const { t } = useTranslation('staff')
  const { block } = useModeration()
  const [confirming, setConfirming] = useState(false)
  const [problem, setProblem] = useState<Problem | null>(null)
  const warning = useRef<HTMLParagraphElement>(null)
  const opener = useRef<HTMLButtonElement>(null)
  const reasonField = `${scope}-block.reason`
  const labels = { [reasonField]: t('moderation.blockReason') }

  useEffect(() => {
    if (confirming) warning.current?.focus()
  }, [confirming])

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (block.isPending) return
    const reason = (formValues(event.currentTarget)[reasonField] ?? '').trim()
    const local = localProblem(
      reason.length >= MODERATION_REASON_MIN
        ? {}
        : { [reasonField]: t('moderation.errors.reason', { min: MODERATION_REASON_MIN }) },
    )
    if (local) {
      setProblem(local)
      return
    }
    block.mutate(
      { userId, reason },
      {
        onSuccess: () => onBlocked({ userId, name }),
        onError: (error) => setProblem(problemFrom(`${scope}-block`, error)),
      },
    )
  }

  if (!confirming) {
    return (
      <p className="moderation-card__block">
        <button
          type="button"
          className="button button--link button--small"
          ref={opener}
          onClick={() => setConfirming(true)}
        >
          {t('moderation.blockStart', { name })}
        </button>
      </p>
    )
  }
  return (
    <div className="confirm-box">
      <p ref={warning} tabIndex={-1}>
        {t('moderation.blockWarning', { name })}
      </p>
      <FormProblem problem={problem} labels={labels} />
      <form className="form form--compact" noValidate onSubmit={submit}>
        <Field
          name={reasonField}
          label={labels[reasonField] ?? ''}
          hint={t('moderation.blockReasonHint')}
          error={problem?.errors[reasonField]}
        >
          {(p) => <input {...p} type="text" maxLength={500} />}
        </Field>
        <div className="form__actions">
          <button type="submit" className="button button--danger" aria-disabled={block.isPending || undefined}>
            {t('moderation.blockConfirm', { name })}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setConfirming(false)
              setProblem(null)
              requestAnimationFrame(() => opener.current?.focus())
            }}
          >
            {t('moderation.blockCancel')}
          </button>
        </div>
      </form>
    </div>
  )
}

function BlockedList({ blocked, onUnblocked }: { blocked: Blocked[]; onUnblocked: (user: Blocked) => void }) {
  const { t } = useTranslation('staff')
  return (
    <section className="work-section blocked-list" aria-labelledby="blocked-title">
      <h2 id="blocked-title">{t('moderation.blockedTitle')}</h2>
      <p>{t('moderation.blockedIntro')}</p>
      <ul>
        {blocked.map((user) => (
          <li key={user.userId}>
            <UnblockForm user={user} onUnblocked={onUnblocked} />
          </li>
        ))}
      </ul>
    </section>
  )
}

function UnblockForm({ user, onUnblocked }: { user: Blocked; onUnblocked: (user: Blocked) => void }) {
  const { t } = useTranslation('staff')
  const { unblock } = useModeration()
  const [problem, setProblem] = useState<Problem | null>(null)
  const scope = `unblock-${user.userId}`
  const reasonField = `${scope}.reason`
  const labels = { [reasonField]: t('moderation.unblockReason', { name: user.name }) }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (unblock.isPending) return
    const reason = (formValues(event.currentTarget)[reasonField] ?? '').trim()
    const local = localProblem(
      reason.length >= MODERATION_REASON_MIN
        ? {}
        : { [reasonField]: t('moderation.errors.reason', { min: MODERATION_REASON_MIN }) },
    )
    if (local) {
      setProblem(local)
      return
    }
    unblock.mutate(
      { userId: user.userId, reason },
      { onSuccess: () => onUnblocked(user), onError: (error) => setProblem(problemFrom(scope, error)) },
    )
  }

  return (
    <>
      <FormProblem problem={problem} labels={labels} />
      <form className="form form--compact" noValidate onSubmit={submit}>
        <Field name={reasonField} label={labels[reasonField] ?? ''} error={problem?.errors[reasonField]}>
          {(p) => <input {...p} type="text" maxLength={500} />}
        </Field>
        <div className="form__actions">
          <button type="submit" className="button button--secondary" aria-disabled={unblock.isPending || undefined}>
            {t('moderation.unblock', { name: user.name })}
          </button>
        </div>
      </form>
    </>
  )
}
