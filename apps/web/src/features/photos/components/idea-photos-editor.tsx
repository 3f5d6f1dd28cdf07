import { type IdeaPhoto, PHOTO_LIMITS } from '@meedenken/shared'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-photos'
import { errorText, fieldErrors } from '../../../lib/errors'
import { Alert } from '../../../ui/alert'
import { Button } from '../../../ui/button'
import { ErrorSummary, Field, Textarea } from '../../../ui/form'
import { type UploadFailure, uploadPhotos, useChangeAltText, useRemovePhoto } from '../api/photo-mutations'
import '../photos.css'
import { altTextProblem } from '../photo-rules'
import { PhotoPicker } from './photo-picker'
import { usePhotoChoice } from './use-photo-choice'

type Props = {
  ideaId: number
  photos: IdeaPhoto[]
  /** Said at the top: a photo that could not be added when the idea was sent. */
  problem?: string | undefined
  /** After every change: the page refreshes the idea. */
  onChanged: () => unknown
  /** On the staff idea page: said to staff, not to the idea's author. */
  forStaff?: boolean
}

/**
 * The photos of an idea on its edit page: each with its description (to change) and a button
 * to remove it, then the chooser for the places left. Every action takes effect at once,
 * apart from the idea's text (which has its own form and preview).
 */
export function IdeaPhotosEditor({ ideaId, photos, problem, onChanged, forStaff = false }: Props) {
  const { t } = useTranslation('photos')
  const [announcement, setAnnouncement] = useState('')
  const heading = useRef<HTMLHeadingElement>(null)
  return (
    <section className="photo-editor" aria-labelledby="photo-editor-heading">
      {/* On the staff page the gallery beside it is "Foto’s" already: two regions may not share a name. */}
      <h2 id="photo-editor-heading" ref={heading} tabIndex={-1}>
        {t(forStaff ? 'editor.headingStaff' : 'editor.heading')}
      </h2>
      {problem && (
        <Alert type="error">
          <p>{problem}</p>
        </Alert>
      )}
      <p>
        {photos.length === 0
          ? t(forStaff ? 'editor.noneStaff' : 'editor.none')
          : t(forStaff ? 'editor.introStaff' : 'editor.intro')}
      </p>
      {photos.length > 0 && (
        <ul className="photo-picker__list">
          {photos.map((photo, index) => (
            <CurrentPhoto
              key={photo.id}
              ideaId={ideaId}
              photo={photo}
              number={index + 1}
              onChanged={onChanged}
              announce={setAnnouncement}
              // The removed photo's buttons are gone: focus goes back to the section's heading.
              onRemoved={() => heading.current?.focus()}
            />
          ))}
        </ul>
      )}
      <AddPhotos
        ideaId={ideaId}
        slots={PHOTO_LIMITS.perIdea - photos.length}
        onChanged={onChanged}
        announce={setAnnouncement}
      />
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </section>
  )
}

function CurrentPhoto({
  ideaId,
  photo,
  number,
  onChanged,
  announce,
  onRemoved,
}: {
  ideaId: number
  photo: IdeaPhoto
  number: number
  onChanged: () => unknown
  announce: (text: string) => void
  onRemoved: () => void
}) {
  const { t } = useTranslation('photos')
  const change = useChangeAltText(ideaId, onChanged)
  const remove = useRemovePhoto(ideaId, onChanged)
  const [error, setError] = useState<string | undefined>()
  const smallest = photo.files.find((f) => f.format === 'webp') ?? photo.files[0]

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (change.isPending) return
    const altText = String(new FormData(event.currentTarget).get('altText') ?? '').trim()
    const problem = altTextProblem(altText)
    if (problem) {
      setError(
        problem === 'short'
          ? t('picker.errors.altShort', { number, min: PHOTO_LIMITS.altText.min })
          : t('picker.errors.altLong', { number, max: PHOTO_LIMITS.altText.max }),
      )
      event.currentTarget.querySelector('textarea')?.focus()
      return
    }
    setError(undefined)
    change.mutate(
      { photoId: photo.id, altText },
      {
        onSuccess: () => announce(t('editor.saved', { number })),
        onError: (failure) => setError(fieldErrors(failure).altText ?? errorText(failure)),
      },
    )
  }

  return (
    <li className="photo-picker__item">
      {smallest && <img className="photo-picker__preview" src={smallest.url} alt="" />}
      <form className="photo-picker__fields" noValidate onSubmit={save}>
        <p className="photo-picker__name">{t('editor.current', { number })}</p>
        <Field
          name="altText"
          id={`photo-${photo.id}-altText`}
          label={t('picker.altLabel', { number })}
          hint={t('picker.altHint', { min: PHOTO_LIMITS.altText.min, max: PHOTO_LIMITS.altText.max })}
          error={error}
        >
          {(p) => <Textarea {...p} rows={2} maxLength={PHOTO_LIMITS.altText.max} defaultValue={photo.altText} />}
        </Field>
        {remove.isError && (
          <Alert type="error">
            <p>{errorText(remove.error)}</p>
          </Alert>
        )}
        <div className="form__actions">
          <Button type="submit" appearance="secondary" size="small" busy={change.isPending}>
            {change.isPending ? t('editor.saving') : t('editor.save', { number })}
          </Button>
          <Button
            appearance="secondary"
            tone="negative"
            size="small"
            busy={remove.isPending}
            onClick={() => {
              if (remove.isPending) return
              remove.mutate(photo.id, {
                onSuccess: () => {
                  announce(t('editor.removed', { number }))
                  onRemoved()
                },
              })
            }}
          >
            {remove.isPending ? t('editor.removing') : t('editor.remove', { number })}
          </Button>
        </div>
      </form>
    </li>
  )
}

function AddPhotos({
  ideaId,
  slots,
  onChanged,
  announce,
}: {
  ideaId: number
  slots: number
  onChanged: () => unknown
  announce: (text: string) => void
}) {
  const { t } = useTranslation('photos')
  const choice = usePhotoChoice({ slots, before: PHOTO_LIMITS.perIdea - slots })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [attempt, setAttempt] = useState(0)
  const [progress, setProgress] = useState<number | null>(null)
  const [failures, setFailures] = useState<UploadFailure[]>([])

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (progress !== null || choice.items.length === 0) return
    const found = choice.check()
    setErrors(found)
    setAttempt((a) => a + 1)
    if (Object.keys(found).length > 0) return
    const chosen = choice.items
    const failed = await uploadPhotos(ideaId, chosen, setProgress)
    setProgress(null)
    setFailures(failed)
    const failedNumbers = new Set(failed.map((f) => f.number))
    chosen.forEach((item, i) => {
      if (!failedNumbers.has(i + 1)) choice.remove(item.key)
    })
    const added = chosen.length - failed.length
    if (added > 0) {
      announce(t('editor.added', { count: added }))
      await onChanged()
    }
  }

  if (slots <= 0 && choice.items.length === 0) return <p>{t('picker.full', { max: PHOTO_LIMITS.perIdea })}</p>
  return (
    <form className="form photo-editor__add" noValidate onSubmit={(e) => void submit(e)}>
      {Object.keys(errors).length > 0 && <ErrorSummary key={attempt} errors={errors} labels={choice.labels} />}
      {failures.length > 0 && (
        <Alert type="error">
          {failures.map((f) => (
            <p key={f.number}>{t('upload.failed', f)}</p>
          ))}
        </Alert>
      )}
      <PhotoPicker choice={choice} legend={t('editor.addLegend')} />
      {choice.items.length > 0 && (
        <div className="form__actions">
          <Button type="submit" busy={progress !== null}>
            {progress !== null ? t('editor.adding', { number: progress, count: choice.items.length }) : t('editor.add')}
          </Button>
        </div>
      )}
    </form>
  )
}
