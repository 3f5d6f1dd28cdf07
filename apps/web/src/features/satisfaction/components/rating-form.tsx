import type { Satisfaction } from '@meedenken/shared'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-engage-idea'
import { errorText } from '../../../lib/errors'
import { formatDate } from '../../../lib/format'
import { Button } from '../../../ui/button'
import { Field, Fieldset, RadioButton, Textarea } from '../../../ui/form'
import { useRate } from '../api/satisfaction-queries'

type Occasion = Satisfaction['occasions'][number]
const SCORES = [1, 2, 3, 4, 5] as const

/**
 * "How satisfied are you?" for one answer of the municipality: five labelled choices in a
 * fieldset, an optional remark that only staff read, and a way to change it later.
 */
export function RatingForm({ ideaId, occasion, latest }: { ideaId: number; occasion: Occasion; latest: boolean }) {
  const { t } = useTranslation(['engage', 'ideas'])
  const rate = useRate(ideaId)
  const [score, setScore] = useState<number | null>(occasion.myScore)
  const [error, setError] = useState<string | null>(null)
  const [saved, setSaved] = useState('')
  const firstRadio = useRef<HTMLInputElement>(null)
  const id = `rating-${occasion.type}-${occasion.id}`
  const date = formatDate(occasion.createdAt)
  const status = occasion.status ? t(`ideas:status.${occasion.status}`) : ''
  const about =
    occasion.type === 'status_change'
      ? t(latest ? 'satisfaction.aboutStatus' : 'satisfaction.earlierAboutStatus', { status, date })
      : t(latest ? 'satisfaction.aboutAnswer' : 'satisfaction.earlierAboutAnswer', { date })
  const describedBy = [`${id}-about`, occasion.myScore ? `${id}-yours` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ')

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (rate.isPending) return
    setSaved('')
    if (score === null) {
      setError(t('satisfaction.chooseScore'))
      firstRadio.current?.focus()
      return
    }
    setError(null)
    const remark = String(new FormData(event.currentTarget).get('remark') ?? '').trim()
    rate.mutate(
      { occasionType: occasion.type, occasionId: occasion.id, score, ...(remark ? { remark } : {}) },
      {
        onSuccess: () => setSaved(t('satisfaction.saved')),
        onError: (failure) => setSaved(t('satisfaction.failed', { reason: errorText(failure) })),
      },
    )
  }

  return (
    <form className="rating" onSubmit={submit} noValidate>
      <Fieldset
        className="choice"
        invalid={Boolean(error)}
        aria-describedby={describedBy}
        legend={<span className="rating__question">{latest ? t('satisfaction.question') : about}</span>}
      >
        <p className="utrecht-form-field-description" id={`${id}-about`}>
          {latest ? about : t('satisfaction.question')}
        </p>
        {occasion.myScore !== null && (
          <p className="utrecht-form-field-description" id={`${id}-yours`}>
            {t('satisfaction.yours', { score: t(`satisfaction.score.${scoreKey(occasion.myScore)}`) })}
          </p>
        )}
        {error && (
          <p className="utrecht-form-field-error-message" id={`${id}-error`}>
            {error}
          </p>
        )}
        <div className="rating__scores">
          {SCORES.map((s) => (
            <div className="choice__option" key={s}>
              <RadioButton
                ref={s === 1 ? firstRadio : undefined}
                id={`${id}-${s}`}
                name={`${id}-score`}
                value={s}
                checked={score === s}
                onChange={() => setScore(s)}
                aria-invalid={error ? true : undefined}
              />
              <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={`${id}-${s}`}>
                {t(`satisfaction.score.${s}`)}
              </label>
            </div>
          ))}
        </div>
      </Fieldset>
      <Field name="remark" id={`${id}-remark`} label={t('satisfaction.remark')} hint={t('satisfaction.remarkHint')}>
        {(p) => <Textarea {...p} rows={3} maxLength={1000} defaultValue={occasion.myRemark ?? ''} />}
      </Field>
      <div className="form__actions">
        <Button type="submit" aria-disabled={rate.isPending || undefined}>
          {t('satisfaction.submit')}
        </Button>
      </div>
      <p className="status-line" role="status">
        {saved}
      </p>
    </form>
  )
}

function scoreKey(score: number): (typeof SCORES)[number] {
  return Math.min(5, Math.max(1, Math.round(score))) as (typeof SCORES)[number]
}
