import '../lib/i18n-staff'
import '../styles/staff.css'
import type { BlockedMember, ModerationItem } from '@meedenken/shared'
import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useModeration } from '../features/staff/api/staff-mutations'
import { blockedMembersQuery, moderationQuery } from '../features/staff/api/staff-queries'
import { ConfirmWithReason } from '../features/staff/components/confirm-with-reason'
import { StaffPage } from '../features/staff/components/staff-page'
import { FormProblem, localProblem, type Problem, problemFrom } from '../features/staff/form-problem'
import { MODERATION_REASON_MIN } from '../features/staff/rules'
import { formatDateTime } from '../lib/format'
import { ErrorMessage } from '../ui/error-message'
import { Field, formValues } from '../ui/form'
import { Loading } from '../ui/loading'

export function StaffModerationPage() {
  const { t } = useTranslation('staff')
  return (
    <StaffPage title={t('moderation.title')} intro={t('moderation.intro')}>
      <ModerationWork />
    </StaffPage>
  )
}

function ModerationWork() {
  const { t } = useTranslation('staff')
  const queue = useQuery(moderationQuery)
  const [announcement, setAnnouncement] = useState('')
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
                  onBlocked={(name) => setAnnouncement(t('moderation.blocked', { name }))}
                />
              </li>
            ))}
          </ol>
        )}
      </section>
      <BlockedMembers onUnblocked={(name) => setAnnouncement(t('moderation.unblocked', { name }))} />
    </>
  )
}

function ModerationCard({
  item,
  onHandled,
  onBlocked,
}: {
  item: ModerationItem
  onHandled: (text: string) => void
  onBlocked: (name: string) => void
}) {
  const { t } = useTranslation('staff')
  const { moderate } = useModeration()
  const [problem, setProblem] = useState<Problem | null>(null)
  const scope = `mod-${item.subjectType}-${item.subjectId}`
  const reasonField = `${scope}.reason`
  const labels = { [reasonField]: t('moderation.reason') }
  const kind = t(`moderation.kind.${item.subjectType}`)
  const titleId = `${scope}-title`

  async function submit(event: FormEvent<HTMLFormElement>) {
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
    try {
      // Awaited here rather than in mutate's callbacks: the card leaves the queue when it succeeds.
      await moderate.mutateAsync({ subject: { type: item.subjectType, id: item.subjectId }, action, reason })
    } catch (error) {
      setProblem(problemFrom(scope, error))
      return
    }
    onHandled(t(action === 'hide' ? 'moderation.hidden' : 'moderation.restored', { kind }))
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
      <SubjectState item={item} />
      <blockquote className="moderation-card__text">{item.text}</blockquote>
      <h4>{t('moderation.reports', { count: item.reports.length })}</h4>
      <ul className="report-list">
        {item.reports.map((r, index) => (
          // Reports carry no id of their own; their order is stable.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <li key={index}>
            <strong>{t(`moderation.reportReason.${r.reason}`)}</strong> · {formatDateTime(r.createdAt)}
            {r.note && <span className="report-list__note"> — “{r.note}”</span>}
            {r.weight === 'light' && (
              <span className="report-list__note">
                {' '}
                ·{' '}
                {t('moderation.countsLess', {
                  because: r.countsLessBecause.map((b) => t(`moderation.countsLessBecause.${b}`)).join(', '),
                })}
              </span>
            )}
          </li>
        ))}
      </ul>
      <FormProblem problem={problem} labels={labels} />
      <form className="form form--compact" noValidate onSubmit={(event) => void submit(event)}>
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
      {item.authorId !== null && (
        <BlockMember
          userId={item.authorId}
          name={item.authorName}
          blocked={item.authorBlocked}
          scope={scope}
          onBlocked={onBlocked}
        />
      )}
    </article>
  )
}

/** Why it is hidden or not, and whether its author deleted it: what staff weigh before deciding. */
function SubjectState({ item }: { item: ModerationItem }) {
  const { t } = useTranslation('staff')
  const lines = [
    item.hidden && item.hiddenReason ? t(`moderation.hiddenBecause.${item.hiddenReason}`) : null,
    item.reportsCannotHide ? t(`moderation.reportsCannotHide.${item.reportsCannotHide}`) : null,
    item.deleted ? t('moderation.deletedByAuthor') : null,
  ].filter((line): line is string => line !== null)
  if (lines.length === 0) return null
  return (
    <ul className="report-list moderation-card__meta">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  )
}

function BlockMember({
  userId,
  name,
  blocked,
  scope,
  onBlocked,
}: {
  userId: number
  name: string
  blocked: boolean
  scope: string
  onBlocked: (name: string) => void
}) {
  const { t } = useTranslation('staff')
  const { block } = useModeration()
  const [confirming, setConfirming] = useState(false)
  const [done, setDone] = useState(false)
  const opener = useRef<HTMLButtonElement>(null)

  // Blocked here just now: the note takes the focus the confirmation had.
  if (blocked || done) return <AuthorBlocked name={name} focus={done} />

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
    <ConfirmWithReason
      scope={`${scope}-block`}
      danger
      warning={t('moderation.blockWarning', { name })}
      reasonLabel={t('moderation.blockReason')}
      reasonHint={t('moderation.blockReasonHint')}
      confirmLabel={t('moderation.blockConfirm', { name })}
      cancelLabel={t('moderation.blockCancel')}
      pending={block.isPending}
      onConfirm={async (reason) => {
        await block.mutateAsync({ userId, reason })
        setDone(true)
        onBlocked(name)
      }}
      onCancel={() => {
        setConfirming(false)
        requestAnimationFrame(() => opener.current?.focus())
      }}
    />
  )
}

/** On a card whose author is blocked: the way back is the list of blocked members below. */
function AuthorBlocked({ name, focus = false }: { name: string; focus?: boolean }) {
  const { t } = useTranslation('staff')
  const note = useRef<HTMLParagraphElement>(null)
  useEffect(() => {
    if (focus) note.current?.focus()
  }, [focus])
  return (
    <p className="moderation-card__block moderation-card__blocked" ref={note} tabIndex={-1}>
      {t('moderation.authorBlocked', { name })}
    </p>
  )
}

/** Everyone blocked now, newest first, with who blocked them and why; each can be unblocked. */
function BlockedMembers({ onUnblocked }: { onUnblocked: (name: string) => void }) {
  const { t } = useTranslation('staff')
  const blocked = useInfiniteQuery(blockedMembersQuery)
  const heading = useRef<HTMLHeadingElement>(null)
  const items = blocked.data?.pages.flatMap((p) => p.items) ?? []

  async function loadMore() {
    if (blocked.isFetchingNextPage) return
    const before = items.length
    const result = await blocked.fetchNextPage()
    const first = result.data?.pages.flatMap((p) => p.items)[before]
    if (first) document.getElementById(`blocked-${first.id}-name`)?.focus()
  }

  return (
    <section className="work-section blocked-list" aria-labelledby="blocked-title">
      <h2 id="blocked-title" ref={heading} tabIndex={-1}>
        {t('moderation.blockedTitle')}
      </h2>
      <p>{t('moderation.blockedIntro')}</p>
      {blocked.isPending && <Loading />}
      {blocked.isError && <ErrorMessage error={blocked.error} onRetry={() => void blocked.refetch()} />}
      {blocked.isSuccess && items.length === 0 && <p className="muted">{t('moderation.blockedNone')}</p>}
      {items.length > 0 && (
        <ul className="blocked-members">
          {items.map((member) => (
            <li key={member.id}>
              <BlockedMemberCard
                member={member}
                onUnblocked={(name) => {
                  onUnblocked(name)
                  // The person leaves the list: continue at its heading.
                  heading.current?.focus()
                }}
              />
            </li>
          ))}
        </ul>
      )}
      {blocked.hasNextPage && (
        <button type="button" className="button button--secondary load-more" onClick={() => void loadMore()}>
          {blocked.isFetchingNextPage ? t('moderation.blockedLoadingMore') : t('moderation.blockedMore')}
        </button>
      )}
    </section>
  )
}

function BlockedMemberCard({ member, onUnblocked }: { member: BlockedMember; onUnblocked: (name: string) => void }) {
  const { t } = useTranslation('staff')
  const nameId = `blocked-${member.id}-name`
  return (
    <article className="blocked-member" aria-labelledby={nameId}>
      <h3 id={nameId} tabIndex={-1}>
        {member.displayName}
      </h3>
      <dl className="facts facts--inline">
        <div>
          <dt>{t('moderation.blockedOn')}</dt>
          <dd>
            <time dateTime={member.blockedAt}>{formatDateTime(member.blockedAt)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('moderation.blockedBy')}</dt>
          <dd>{member.blockedByName ?? t('moderation.notKnown')}</dd>
        </div>
        <div>
          <dt>{t('moderation.blockedReason')}</dt>
          <dd>{member.reason ?? t('moderation.notKnown')}</dd>
        </div>
      </dl>
      <UnblockMember member={member} onUnblocked={onUnblocked} />
    </article>
  )
}

function UnblockMember({ member, onUnblocked }: { member: BlockedMember; onUnblocked: (name: string) => void }) {
  const { t } = useTranslation('staff')
  const { unblock } = useModeration()
  const [confirming, setConfirming] = useState(false)
  const opener = useRef<HTMLButtonElement>(null)
  const name = member.displayName

  if (!confirming) {
    return (
      <p className="blocked-member__action">
        <button
          type="button"
          className="button button--secondary button--small"
          ref={opener}
          onClick={() => setConfirming(true)}
        >
          {t('moderation.unblockStart')}
          <span className="visually-hidden"> ({name})</span>
        </button>
      </p>
    )
  }
  return (
    <ConfirmWithReason
      scope={`unblock-${member.id}`}
      warning={t('moderation.unblockWarning', { name })}
      reasonLabel={t('moderation.unblockReason', { name })}
      reasonHint={t('moderation.unblockReasonHint')}
      confirmLabel={t('moderation.unblockConfirm', { name })}
      cancelLabel={t('moderation.unblockCancel')}
      pending={unblock.isPending}
      onConfirm={async (reason) => {
        // Awaited rather than in mutate's callbacks: the card leaves the list when it succeeds.
        await unblock.mutateAsync({ userId: member.id, reason })
        onUnblocked(name)
      }}
      onCancel={() => {
        setConfirming(false)
        requestAnimationFrame(() => opener.current?.focus())
      }}
    />
  )
}
