import { PHOTO_LIMITS } from '@meedenken/shared'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-photos'
import { Button } from '../../../ui/button'
import { classNames } from '../../../ui/class-names'
import { Field, Fieldset, Textarea } from '../../../ui/form'
import '../photos.css'
import { PHOTO_ACCEPT, PHOTO_MB } from '../photo-rules'
import type { PhotoChoice } from './use-photo-choice'

type Props = {
  choice: PhotoChoice
  /** The group's question; by default "Foto’s (niet verplicht)". */
  legend?: string
}

/**
 * Choose photos for an idea: a file chooser for the slots left, each chosen photo shown with
 * a required description (what a screen reader says instead of the photo) and a button to
 * remove it. Files of the wrong type or too large are not added, and the chooser says why
 * (tied to it, and announced). Nothing is sent here: the page sends the photos once the idea exists.
 */
export function PhotoPicker({ choice, legend }: Props) {
  const { t } = useTranslation('photos')
  const chooser = useRef<HTMLInputElement>(null)
  const full = useRef<HTMLParagraphElement>(null)
  const [announcement, setAnnouncement] = useState('')
  const chooserId = `field-${choice.chooserName}`
  const refusal = choice.refused.join(' ')
  // Where focus goes once the next render is on screen: the chooser after a removal, the
  // "no more" sentence when the chooser goes away after the last free place was filled.
  const focusNext = useRef<'chooser' | 'full' | null>(null)
  useEffect(() => {
    const target = focusNext.current
    if (!target) return
    focusNext.current = null
    ;(target === 'full' ? full : chooser).current?.focus()
  })

  return (
    <Fieldset legend={legend ?? t('picker.legend')} className="photo-picker">
      <p className="utrecht-form-field-description">{t('picker.hint', { max: choice.slots, mb: PHOTO_MB })}</p>
      {choice.items.length > 0 && (
        <ul className="photo-picker__list">
          {choice.items.map((item, index) => (
            <li key={item.key} className="photo-picker__item">
              <ChosenPreview url={item.url} />
              <div className="photo-picker__fields">
                <p className="photo-picker__name">
                  {t('picker.photo', { number: choice.number(index), name: item.file.name })}
                </p>
                <Field
                  name={choice.fullName(item.key)}
                  label={t('picker.altLabel', { number: choice.number(index) })}
                  hint={t('picker.altHint', { min: PHOTO_LIMITS.altText.min, max: PHOTO_LIMITS.altText.max })}
                  error={choice.errors[item.key]}
                >
                  {(p) => (
                    <Textarea
                      {...p}
                      rows={2}
                      maxLength={PHOTO_LIMITS.altText.max}
                      value={item.altText}
                      onChange={(e) => choice.setAltText(item.key, e.target.value)}
                    />
                  )}
                </Field>
                <Button
                  appearance="secondary"
                  size="small"
                  onClick={() => {
                    choice.remove(item.key)
                    setAnnouncement(t('picker.removed', { number: choice.number(index) }))
                    focusNext.current = 'chooser'
                  }}
                >
                  {t('picker.remove', { number: choice.number(index) })}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {choice.slotsLeft > 0 ? (
        // The browser's own chooser, kept focusable but unseen: its label is the visible button
        // (the native one says "No file chosen" in the browser's language, also after a choice).
        <div
          className={classNames('utrecht-form-field photo-picker__choose', refusal && 'utrecht-form-field--invalid')}
        >
          {refusal && (
            <p className="utrecht-form-field-error-message" id={`${chooserId}-error`}>
              {refusal}
            </p>
          )}
          <input
            id={chooserId}
            name={choice.chooserName}
            ref={chooser}
            className="photo-picker__input"
            type="file"
            accept={PHOTO_ACCEPT}
            multiple
            aria-describedby={[`${chooserId}-hint`, refusal && `${chooserId}-error`].filter(Boolean).join(' ')}
            aria-invalid={refusal ? true : undefined}
            onChange={(e) => {
              const { added, refused, full: noRoom } = choice.add(Array.from(e.currentTarget.files ?? []))
              if (noRoom) focusNext.current = 'full'
              // Emptied, so the same file can be chosen again after it was removed.
              e.currentTarget.value = ''
              setAnnouncement(
                [added > 0 ? t('picker.added', { count: added }) : '', ...refused].filter(Boolean).join(' '),
              )
            }}
          />
          <label className="nl-button nl-button--secondary photo-picker__button" htmlFor={chooserId}>
            {choice.items.length === 0 ? t('picker.choose') : t('picker.chooseMore', { count: choice.slotsLeft })}
          </label>
        </div>
      ) : (
        <p className="photo-picker__full" ref={full} tabIndex={-1}>
          {t('picker.full', { max: choice.limit })}
        </p>
      )}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </Fieldset>
  )
}

/**
 * The chosen photo as this browser can show it; a HEIC photo most browsers cannot show
 * (the API converts it), so then a box says so instead of a broken image.
 */
function ChosenPreview({ url, alt = '' }: { url: string; alt?: string }) {
  const { t } = useTranslation('photos')
  const [failed, setFailed] = useState(false)
  if (failed)
    return (
      <div className="photo-picker__preview photo-picker__preview--none">
        <p>{t('picker.noPreview')}</p>
        {alt && <p className="visually-hidden">{alt}</p>}
      </div>
    )
  return <img className="photo-picker__preview" src={url} alt={alt} onError={() => setFailed(true)} />
}

/** The chosen photos with their descriptions, as the idea's preview shows them before it is sent. */
export function ChosenPhotos({ choice }: { choice: PhotoChoice }) {
  const { t } = useTranslation('photos')
  if (choice.items.length === 0) return null
  return (
    <section className="photo-gallery" aria-label={t('gallery.heading')}>
      <ul className="photo-gallery__list">
        {choice.items.map((item) => (
          <li key={item.key} className="photo-gallery__item">
            <ChosenPreview url={item.url} alt={item.altText.trim()} />
          </li>
        ))}
      </ul>
    </section>
  )
}
