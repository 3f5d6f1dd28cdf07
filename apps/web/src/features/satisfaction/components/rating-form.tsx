import type { Satisfaction } from '@meedenken/shared'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-engage'
import { errorText } from '../../../lib/errors'
import { formatDate } from '../../../lib/format'
import { Button } from '../../../ui/button'
import { RadioButton, Textarea } from '../../../ui/form'
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
      <fieldset className={`field choice${error ? ' field--error' : ''}`} aria-describedby={describedBy}>
        <legend className="rating__question">{latest ? t('satisfaction.question') : about}</legend>
        <p className="field__hint" id={`${id}-about`}>
          {latest ? about : t('satisfaction.question')}
        </p>
        {occasion.myScore !== null && (
          <p className="field__hint" id={`${id}-yours`}>
            {t('satisfaction.yours', { score: t(`satisfaction.score.${scoreKey(occasion.myScore)}`) })}
          </p>
        )}
        {error && (
          <p className="field__error" id={`${id}-error`}>
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
              <label htmlFor={`${id}-${s}`}>{t(`satisfaction.score.${s}`)}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-remark`}>{t('satisfaction.remark')}</label>
        <p className="field__hint" id={`${id}-remark-hint`}>
          {t('satisfaction.remarkHint')}
        </p>
        <Textarea
          id={`${id}-remark`}
          name="remark"
          rows={3}
          maxLength={1000}
          defaultValue={occasion.myRemark ?? ''}
          aria-describedby={`${id}-remark-hint`}
        />
      </div>
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
