import type { ModerationItem } from '@meedenken/shared'
import { MODERATION_REASON } from '@meedenken/shared/constants'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import '../../../lib/i18n-staff'
import { formatDateTime } from '../../../lib/format'
import { useForm } from '../../../lib/use-form'
import { Button } from '../../../ui/button'
import { Field, TextInput } from '../../../ui/form'
import { useModeration } from '../api/staff-mutations'
import { BlockAuthor } from './block-author'
import { FormSummary } from './form-summary'
import { ModerationSubjectState } from './moderation-subject-state'

/** A reported idea or comment with its reports: keep or restore it, or hide it, with a reason. */
export function ModerationCard({
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
  const scope = `mod-${item.subjectType}-${item.subjectId}`
  const kind = t(`moderation.kind.${item.subjectType}`)
  const titleId = `${scope}-title`
  const form = useForm({
    scope,
    labels: { reason: t('moderation.reason') },
    // The button pressed says what to do.
    read: (v) => ({
      action: v.submitter === 'hide' ? ('hide' as const) : ('restore' as const),
      reason: v.text('reason'),
    }),
    check: ({ reason }) => ({
      reason: reason.length < MODERATION_REASON.min && t('moderation.errors.reason', { min: MODERATION_REASON.min }),
    }),
    send: async ({ action, reason }) => {
      await moderate.mutateAsync({ subject: { type: item.subjectType, id: item.subjectId }, action, reason })
      // The card leaves the queue.
      onHandled(t(action === 'hide' ? 'moderation.hidden' : 'moderation.restored', { kind }))
    },
  })

  return (
    <article className={`moderation-card${item.hidden ? ' moderation-card--hidden' : ''}`} aria-labelledby={titleId}>
      <div className="moderation-card__head">
        <h3 id={titleId}>
          {item.subjectType === 'comment'
            ? t('moderation.commentOn', { title: item.title })
            : item.subjectType === 'photo'
              ? t('moderation.photoOn', { title: item.title })
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
      <ModerationSubjectState item={item} />
      {item.photoUrl && <img className="moderation-card__photo" src={item.photoUrl} alt={item.text} width={320} />}
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
      <FormSummary form={form} />
      <form className="form form--compact" {...form.props}>
        <Field {...form.field('reason')} hint={t('moderation.reasonHint')}>
          {(p) => <TextInput {...p} type="text" maxLength={MODERATION_REASON.max} />}
        </Field>
        <div className="form__actions">
          <Button type="submit" name="action" value="restore" busy={form.pending}>
            {item.hidden ? t('moderation.restoreHidden') : t('moderation.keep')}
            <span className="visually-hidden"> ({kind})</span>
          </Button>
          <Button type="submit" name="action" value="hide" busy={form.pending} tone="negative">
            {item.hidden ? t('moderation.keepHidden') : t('moderation.hide')}
            <span className="visually-hidden"> ({kind})</span>
          </Button>
        </div>
      </form>
      {item.authorId !== null && (
        <BlockAuthor
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
