import type { ReportReason, User } from '@meedenken/shared'
import { REPORT_REASONS } from '@meedenken/shared/constants'
import { useQuery } from '@tanstack/react-query'
import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import '../../../lib/i18n-participate'
import { errorText, fieldErrors } from '../../../lib/errors'
import { Alert } from '../../../ui/alert'
import { Button } from '../../../ui/button'
import { Field, Fieldset, RadioButton, Textarea } from '../../../ui/form'
import { myReportsQuery, useReport } from '../api/report-queries'
import { NOTE_MAX } from '../report-rules'

type Props = {
  /** The idea the subject is on (for the idea itself: its own id). */
  ideaId: number
  subject: { type: 'idea' | 'comment' | 'photo'; id: number }
  /** Who wrote it (for a photo: the idea's author): nobody reports their own words. */
  authorId: number | null
  /** For a comment, whose it is: names the button and the question for screen readers. */
  authorName?: string | undefined
  /** For a photo, its number on the page (1, 2, …): names the button and the question. */
  photoNumber?: number
  user: User | null | undefined
}

type Focus = 'button' | 'first' | 'note' | 'done' | null

/**
 * "Melden": a small button that opens a form in place — why (a required choice) and an
 * optional explanation for the moderators. Keyboard first: focus moves into the form,
 * Escape or "Annuleren" returns it to the button, errors are tied to their fields, and the
 * result is announced. Once reported, it says so and offers nothing more (one report per
 * person, kept by the API). Visitors are asked to log in.
 */
export function ReportControl({ ideaId, subject, authorId, authorName, photoNumber, user }: Props) {
  const { t } = useTranslation('participate')
  const signedIn = !!user
  const mine = useQuery({ ...myReportsQuery(ideaId), enabled: signedIn })
  const report = useReport(ideaId)
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState<ReportReason | null>(null)
  const [missingReason, setMissingReason] = useState(false)
  const [announcement, setAnnouncement] = useState('')
  const id = `melden-${subject.type}-${subject.id}-${useId().replace(/:/g, '')}`
  const refs = {
    button: useRef<HTMLButtonElement>(null),
    first: useRef<HTMLInputElement>(null),
    note: useRef<HTMLTextAreaElement>(null),
    done: useRef<HTMLParagraphElement>(null),
  }
  // Where focus goes once the next render is on screen (the element may not exist yet).
  const focusNext = useRef<Focus>(null)
  useEffect(() => {
    const target = focusNext.current
    if (!target) return
    focusNext.current = null
    refs[target].current?.focus()
  })

  if (user === undefined) return null
  if (user === null) {
    // The idea's own control speaks for the page; one login link per comment would be noise.
    if (subject.type !== 'idea') return null
    return (
      <p className="report">
        <Link to={`/inloggen?terug=${encodeURIComponent(`/ideeen/${ideaId}`)}`}>{t('report.login')}</Link>
      </p>
    )
  }
  if (authorId !== null && authorId === user.id) return null
  // Not a "Melden" button that turns into "U hebt dit gemeld" a moment later.
  if (mine.isPending) return null

  const reported =
    subject.type === 'idea'
      ? mine.data?.idea === true
      : ((subject.type === 'photo' ? mine.data?.photos : mine.data?.comments)?.includes(subject.id) ?? false)
  const context =
    subject.type === 'idea'
      ? t('report.contextIdea')
      : subject.type === 'photo'
        ? t('report.contextPhoto', { number: photoNumber ?? 1 })
        : t('report.contextComment', { name: authorName ?? '' })
  const question =
    subject.type === 'idea'
      ? t('report.questionIdea')
      : subject.type === 'photo'
        ? t('report.questionPhoto', { number: photoNumber ?? 1 })
        : t('report.questionComment', { name: authorName ?? '' })
  const errors = fieldErrors(report.error)
  const noteError = errors.note
  const reasonError = missingReason ? t('report.chooseReason') : errors.reason
  const otherError = report.isError && !noteError && !errors.reason ? errorText(report.error) : ''

  function close() {
    setOpen(false)
    setMissingReason(false)
    report.reset()
    focusNext.current = 'button'
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (report.isPending) return
    if (reason === null) {
      setMissingReason(true)
      refs.first.current?.focus()
      return
    }
    setMissingReason(false)
    const note = String(new FormData(event.currentTarget).get('note') ?? '').trim()
    report.mutate(
      { subjectType: subject.type, subjectId: subject.id, reason, ...(note ? { note } : {}) },
      {
        onSuccess: (answer) => {
          setAnnouncement(answer.message)
          setOpen(false)
          focusNext.current = 'done'
        },
        // The error is tied to its field: focus there, so it is read out with the field.
        onError: (failure) => {
          const fields = fieldErrors(failure)
          refs[fields.note ? 'note' : 'first'].current?.focus()
        },
      },
    )
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key !== 'Escape') return
    event.preventDefault()
    close()
  }

  return (
    <div className={`report report--${subject.type}`}>
      {reported ? (
        <p className="report__done" ref={refs.done} tabIndex={-1}>
          {t('report.done')}
        </p>
      ) : (
        <Button
          appearance="subtle"
          size="small"
          className="report__button"
          ref={refs.button}
          // The visible word first, so speech input ("klik Melden") finds it; then what it is about.
          aria-label={`${t('report.button')}: ${context}`}
          aria-expanded={open}
          aria-controls={open ? id : undefined}
          onClick={() => {
            if (open) return close()
            setOpen(true)
            focusNext.current = 'first'
          }}
        >
          {t('report.button')}
        </Button>
      )}
      {open && !reported && (
        <form id={id} className="report__form" noValidate onSubmit={submit} onKeyDown={onKeyDown}>
          <Fieldset
            className="choice"
            invalid={Boolean(reasonError)}
            aria-describedby={[`${id}-intro`, reasonError ? `${id}-reason-error` : null].filter(Boolean).join(' ')}
            legend={question}
          >
            <p className="utrecht-form-field-description" id={`${id}-intro`}>
              {t('report.intro')}
            </p>
            {reasonError && (
              <p className="utrecht-form-field-error-message" id={`${id}-reason-error`}>
                {reasonError}
              </p>
            )}
            {REPORT_REASONS.map((r, i) => (
              <div className="choice__option" key={r}>
                <RadioButton
                  ref={i === 0 ? refs.first : undefined}
                  id={`${id}-${r}`}
                  name={`${id}-reason`}
                  value={r}
                  checked={reason === r}
                  onChange={() => {
                    setReason(r)
                    setMissingReason(false)
                  }}
                  aria-invalid={reasonError ? true : undefined}
                />
                <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={`${id}-${r}`}>
                  {t(`report.reason.${r}`)}
                </label>
              </div>
            ))}
          </Fieldset>
          <Field
            name="note"
            id={`${id}-note`}
            label={t('report.note')}
            hint={t('report.noteHint', { max: NOTE_MAX })}
            error={noteError || undefined}
          >
            {(p) => <Textarea {...p} ref={refs.note} rows={3} maxLength={NOTE_MAX} />}
          </Field>
          {otherError && (
            <Alert type="error" role="alert">
              {t('report.failed', { reason: otherError })}
            </Alert>
          )}
          <div className="form__actions">
            <Button type="submit" size="small" aria-disabled={report.isPending || undefined}>
              {report.isPending ? t('report.sending') : t('report.submit')}
            </Button>
            <Button appearance="secondary" size="small" onClick={close}>
              {t('report.cancel')}
            </Button>
          </div>
        </form>
      )}
      <p className="report__status" role="status">
        {announcement}
      </p>
    </div>
  )
}
