import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-participate'
import { errorText, fieldErrors } from '../../../lib/errors'
import { Button } from '../../../ui/button'
import { Field, Textarea } from '../../../ui/form'
import { COMMENT_LENGTH } from '../comment-rules'

type Props = {
  /** Unique on the page: a comment form, several reply forms and edit forms can be open at once. */
  id: string
  label: string
  hint?: string
  submitLabel: string
  defaultValue?: string
  /** Put the cursor in the text box at once (reply and edit forms the person just opened). */
  autoFocus?: boolean
  onSubmit: (body: string) => Promise<unknown>
  onCancel?: () => void
}

/** One text box and a button, for a new comment, a reply or a correction. */
export function CommentForm({ id, label, hint, submitLabel, defaultValue = '', autoFocus, onSubmit, onCancel }: Props) {
  const { t } = useTranslation('participate')
  const [error, setError] = useState<unknown>(null)
  const [pending, setPending] = useState(false)
  const form = useRef<HTMLFormElement>(null)
  const textarea = useRef<HTMLTextAreaElement>(null)

  useEffect(() => {
    if (autoFocus) textarea.current?.focus()
  }, [autoFocus])

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (pending) return
    const value = new FormData(event.currentTarget).get('body')
    setPending(true)
    setError(null)
    try {
      await onSubmit(typeof value === 'string' ? value : '')
      form.current?.reset()
    } catch (failure) {
      setError(failure)
      // Back in the text box, a screen reader reads the error with it (aria-describedby).
      textarea.current?.focus()
    } finally {
      setPending(false)
    }
  }

  const message = error ? (fieldErrors(error).body ?? errorText(error)) : undefined
  return (
    <form className="comment-form" noValidate onSubmit={submit} ref={form}>
      <Field name="body" id={id} label={label} hint={hint} error={message}>
        {(p) => <Textarea {...p} ref={textarea} rows={4} defaultValue={defaultValue} maxLength={COMMENT_LENGTH.max} />}
      </Field>
      <div className="form__actions">
        <Button type="submit" aria-disabled={pending || undefined}>
          {pending ? t('comments.sending') : submitLabel}
        </Button>
        {onCancel && (
          <Button appearance="subtle" onClick={onCancel}>
            {t('comments.cancel')}
          </Button>
        )}
      </div>
    </form>
  )
}
