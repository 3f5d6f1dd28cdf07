import type { IdeaDetail, IdeaStatus } from '@meedenken/shared'
import { EXPLANATION, SEARCH_MAX } from '@meedenken/shared/constants'
import { useQuery } from '@tanstack/react-query'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import '../../../lib/i18n-staff'
import { useForm } from '../../../lib/use-form'
import { Alert } from '../../../ui/alert'
import { Button } from '../../../ui/button'
import { Choice, Field, formValues, Textarea, TextInput } from '../../../ui/form'
import type { IdeaWork } from '../api/staff-mutations'
import { ideaByNumberQuery, ideaSearchQuery } from '../api/staff-queries'
import { FormSummary } from './form-summary'

type Candidate = { id: number; title: string; status: IdeaStatus; voteCount: number }
type Pending = { target: Candidate; explanation: string }

/**
 * Merging a duplicate moves its votes and followers to the other idea and cannot be undone,
 * so it takes three steps: find the other idea, explain, confirm.
 */
export function MergePanel({ idea, work }: { idea: IdeaDetail; work: IdeaWork }) {
  const { t } = useTranslation(['staff', 'ideas'])
  const [q, setQ] = useState('')
  const [pending, setPending] = useState<Pending | null>(null)
  const [merged, setMerged] = useState<Candidate | null>(null)
  const confirmText = useRef<HTMLParagraphElement>(null)
  const mergedText = useRef<HTMLParagraphElement>(null)
  const prepareButton = useRef<HTMLButtonElement>(null)
  const number = /^#?(\d{1,15})$/.exec(q)
  const byNumber = useQuery(ideaByNumberQuery(number ? Number(number[1]) : null))
  const search = useQuery({ ...ideaSearchQuery(q), enabled: q.length > 0 && !number })

  const found: Candidate[] = number ? (byNumber.data ? [byNumber.data.idea] : []) : (search.data?.items ?? [])
  const candidates = found.filter((c) => c.id !== idea.id && c.status !== 'merged')
  const searching = number ? byNumber.isFetching : search.isFetching
  const form = useForm({
    scope: 'merge',
    labels: { targetId: t('merge.target'), explanation: t('merge.explanation') },
    read: (v) => ({
      target: candidates.find((c) => String(c.id) === v.text('targetId')),
      explanation: v.text('explanation'),
    }),
    check: ({ target, explanation }) => ({
      targetId: !target && t('merge.errors.target'),
      explanation: explanation.length < EXPLANATION.min && t('merge.errors.explanation', { min: EXPLANATION.min }),
    }),
    // Nothing is sent yet: first the confirmation.
    send: async ({ target, explanation }) => {
      if (target) setPending({ target, explanation })
    },
  })

  useEffect(() => {
    if (pending) confirmText.current?.focus()
  }, [pending])
  useEffect(() => {
    if (merged) mergedText.current?.focus()
  }, [merged])

  // A merged idea says so at the top of the page; this section only confirms a merge just made.
  if (merged) {
    const target = merged.id
    return (
      <section className="work-section" aria-labelledby="merge-title">
        <h2 id="merge-title">{t('merge.title')}</h2>
        <Alert type="ok">
          <p ref={mergedText} tabIndex={-1}>
            {t('merge.done', { id: target })}{' '}
            <Link to={`/medewerkers/ideeen/${target}`}>{t('merge.openTarget', { id: target })}</Link>
          </p>
        </Alert>
      </section>
    )
  }

  if (idea.status === 'merged') return null

  function find(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setQ((formValues(event.currentTarget)['merge.q'] ?? '').trim())
  }

  function cancel() {
    setPending(null)
    // The form was only hidden: everything typed is still there.
    requestAnimationFrame(() => prepareButton.current?.focus())
  }

  function confirm() {
    if (!pending || work.merge.isPending) return
    work.merge.mutate(
      { targetId: pending.target.id, explanation: pending.explanation },
      {
        onSuccess: () => {
          setMerged(pending.target)
          setPending(null)
        },
        onError: (error) => {
          setPending(null)
          form.fail(error)
        },
      },
    )
  }

  return (
    <section className="work-section" aria-labelledby="merge-title">
      <h2 id="merge-title">{t('merge.title')}</h2>
      <p>{t('merge.intro')}</p>
      {pending && (
        <div className="confirm-box">
          <p ref={confirmText} tabIndex={-1}>
            {t('merge.confirm', { from: idea.id, to: pending.target.id, title: pending.target.title })}
          </p>
          <div className="form__actions">
            <Button busy={work.merge.isPending} onClick={confirm} tone="negative">
              {t('merge.confirmYes')}
            </Button>
            <Button appearance="secondary" onClick={cancel}>
              {t('merge.confirmNo')}
            </Button>
          </div>
        </div>
      )}
      <div hidden={pending !== null}>
        <form className="merge-search" onSubmit={find}>
          <Field name="merge.q" label={t('merge.search')} hint={t('merge.searchHint')}>
            {(p) => <TextInput {...p} type="search" defaultValue={q} maxLength={SEARCH_MAX} />}
          </Field>
          <Button appearance="secondary" type="submit">
            {t('merge.searchButton')}
          </Button>
        </form>
        <p role="status" className="status-line">
          {q && !searching
            ? candidates.length === 0
              ? t('merge.noResults', { q })
              : t('merge.results', { count: candidates.length })
            : ''}
        </p>
        <FormSummary form={form} />
        {candidates.length > 0 && (
          <form className="form" {...form.props} key={q}>
            <Choice
              name={form.name('targetId')}
              legend={form.label('targetId')}
              error={form.error('targetId')}
              options={candidates.map((c) => ({
                value: String(c.id),
                label: t('merge.candidate', {
                  id: c.id,
                  title: c.title,
                  status: t(`ideas:status.${c.status}`),
                  count: c.voteCount,
                }),
              }))}
            />
            <Field {...form.field('explanation')} hint={t('merge.explanationHint', { min: EXPLANATION.min })}>
              {(p) => <Textarea {...p} rows={3} maxLength={EXPLANATION.max} />}
            </Field>
            <div className="form__actions">
              <Button appearance="secondary" type="submit" ref={prepareButton}>
                {t('merge.submit')}
              </Button>
            </div>
          </form>
        )}
      </div>
    </section>
  )
}
