import type { IdeaCorrectionBody, IdeaDetail } from '@meedenken/shared'
import { useQuery } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-werkbak'
import { Field, type FieldErrors, formValues } from '../../../ui/form'
import { districtsQuery, themesQuery } from '../../catalog/api/catalog-queries'
import { localName } from '../../catalog/local-name'
import type { IdeaWork } from '../api/staff-mutations'
import { FormProblem, localProblem, type Problem, problemFrom } from '../form-problem'
import { CORRECTION_REASON, IDEA_BODY, IDEA_TITLE } from '../rules'

/**
 * Staff correct an idea: a typo from the intake, the wrong theme or village. Residents see
 * on the idea that the municipality changed it, when, and why (the reason is public).
 */
export function CorrectionPanel({ idea, work }: { idea: IdeaDetail; work: IdeaWork }) {
  const { t } = useTranslation('werkbak')
  const themes = useQuery(themesQuery)
  const districts = useQuery(districtsQuery)
  const [problem, setProblem] = useState<Problem | null>(null)
  const [done, setDone] = useState('')
  const labels = {
    'correct.title': t('correct.titleField'),
    'correct.body': t('correct.body'),
    'correct.themeId': t('correct.theme'),
    'correct.districtId': t('correct.district'),
    'correct.reason': t('correct.reason'),
  }
  const loaded = themes.isSuccess && districts.isSuccess

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (work.correct.isPending) return
    setDone('')
    const v = formValues(event.currentTarget)
    const title = (v['correct.title'] ?? '').trim()
    const body = (v['correct.body'] ?? '').trim()
    const themeId = Number(v['correct.themeId'])
    const districtId = v['correct.districtId'] ? Number(v['correct.districtId']) : null
    const reason = (v['correct.reason'] ?? '').trim()
    const found: FieldErrors = {}
    if (title.length < IDEA_TITLE.min) found['correct.title'] = t('correct.errors.title', { min: IDEA_TITLE.min })
    if (body.length < IDEA_BODY.min) found['correct.body'] = t('correct.errors.body', { min: IDEA_BODY.min })
    if (reason.length < CORRECTION_REASON.min)
      found['correct.reason'] = t('correct.errors.reason', { min: CORRECTION_REASON.min })
    const changes: IdeaCorrectionBody = { reason }
    if (title !== idea.title) changes.title = title
    if (body !== idea.body) changes.body = body
    if (themeId !== idea.themeId) changes.themeId = themeId
    if (districtId !== idea.districtId) changes.districtId = districtId
    if (Object.keys(changes).length === 1 && Object.keys(found).length === 0) {
      found['correct.title'] = t('correct.errors.nothing')
    }
    const local = localProblem(found)
    if (local) {
      setProblem(local)
      return
    }
    work.correct.mutate(changes, {
      onSuccess: () => {
        setProblem(null)
        setDone(t('correct.done'))
      },
      onError: (error) => setProblem(problemFrom('correct', error)),
    })
  }

  return (
    <section className="work-section" aria-labelledby="correct-title">
      <h2 id="correct-title">{t('correct.title')}</h2>
      <details className="correct-details">
        <summary>{t('correct.open')}</summary>
        <p className="public-note">{t('correct.intro')}</p>
        <FormProblem problem={problem} labels={labels} />
        {/* Made again after each change, so the fields show the idea as it is now. */}
        <form className="form" noValidate onSubmit={submit} key={idea.updatedAt}>
          <Field name="correct.title" label={labels['correct.title']} error={problem?.errors['correct.title']}>
            {(p) => <input {...p} type="text" defaultValue={idea.title} maxLength={IDEA_TITLE.max} />}
          </Field>
          <Field name="correct.body" label={labels['correct.body']} error={problem?.errors['correct.body']}>
            {(p) => <textarea {...p} rows={6} defaultValue={idea.body} maxLength={IDEA_BODY.max} />}
          </Field>
          <Field name="correct.themeId" label={labels['correct.themeId']} error={problem?.errors['correct.themeId']}>
            {(p) => (
              <select {...p} defaultValue={idea.themeId} key={`t-${loaded}-${idea.themeId}`}>
                {themes.data?.items.map((th) => (
                  <option key={th.id} value={th.id}>
                    {localName(th)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            name="correct.districtId"
            label={labels['correct.districtId']}
            error={problem?.errors['correct.districtId']}
          >
            {(p) => (
              <select {...p} defaultValue={idea.districtId ?? ''} key={`d-${loaded}-${idea.districtId}`}>
                <option value="">{t('correct.everywhere')}</option>
                {districts.data?.items.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            name="correct.reason"
            label={labels['correct.reason']}
            hint={t('correct.reasonHint', { min: CORRECTION_REASON.min })}
            error={problem?.errors['correct.reason']}
          >
            {(p) => <textarea {...p} rows={2} maxLength={CORRECTION_REASON.max} />}
          </Field>
          <div className="form__actions">
            <button type="submit" className="button" aria-disabled={work.correct.isPending || undefined}>
              {t('correct.submit')}
            </button>
          </div>
        </form>
      </details>
      <p role="status" className="status-line status-line--success">
        {done}
      </p>
    </section>
  )
}
