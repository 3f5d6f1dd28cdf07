import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-engage-idea'
import { errorText } from '../../../lib/errors'
import { Button } from '../../../ui/button'
import { Field, Fieldset, RadioButton, Textarea } from '../../../ui/form'
import { type FollowupAnswer, useFollowup } from '../api/satisfaction-queries'

const ANSWERS: FollowupAnswer[] = ['yes', 'partly', 'no']

type Props = { ideaId: number; answer: FollowupAnswer | null; remark: string | null }

/** Some weeks after an idea was carried out: did the change help? */
export function FollowupForm({ ideaId, answer, remark }: Props) {
  const { t } = useTranslation('engage')
  const followup = useFollowup(ideaId)
  const [choice, setChoice] = useState<FollowupAnswer | null>(answer)
  const [error, setError] = useState<string | null>(null)
  const [saved, setSaved] = useState('')
  const firstRadio = useRef<HTMLInputElement>(null)

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (followup.isPending) return
    setSaved('')
    if (!choice) {
      setError(t('followup.choose'))
      firstRadio.current?.focus()
      return
    }
    setError(null)
    const text = String(new FormData(event.currentTarget).get('remark') ?? '').trim()
    followup.mutate(
      { answer: choice, ...(text ? { remark: text } : {}) },
      {
        onSuccess: () => setSaved(t('followup.saved')),
        onError: (failure) => setSaved(t('followup.failed', { reason: errorText(failure) })),
      },
    )
  }

  return (
    <form className="rating" onSubmit={submit} noValidate>
      <Fieldset
        className="choice"
        invalid={Boolean(error)}
        aria-describedby={error ? 'followup-error' : undefined}
        legend={<span className="rating__question">{t('followup.legend')}</span>}
      >
        {error && (
          <p className="utrecht-form-field-error-message" id="followup-error">
            {error}
          </p>
        )}
        {ANSWERS.map((a, i) => (
          <div className="choice__option" key={a}>
            <RadioButton
              ref={i === 0 ? firstRadio : undefined}
              id={`followup-${a}`}
              name="followup"
              value={a}
              checked={choice === a}
              onChange={() => setChoice(a)}
              aria-invalid={error ? true : undefined}
            />
            <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={`followup-${a}`}>
              {t(`followup.${a}`)}
            </label>
          </div>
        ))}
      </Fieldset>
      <Field name="remark" id="followup-remark" label={t('satisfaction.remark')} hint={t('satisfaction.remarkHint')}>
        {(p) => <Textarea {...p} rows={3} maxLength={1000} defaultValue={remark ?? ''} />}
      </Field>
      <div className="form__actions">
        <Button type="submit" aria-disabled={followup.isPending || undefined}>
          {t('followup.submit')}
        </Button>
      </div>
      <p className="status-line" role="status">
        {saved}
      </p>
    </form>
  )
}
