import { PHOTO_LIMITS } from '@meedenken/shared'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-photos'
import { Button } from '../../../ui/button'
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
              <img className="photo-picker__preview" src={item.url} alt="" />
              <div className="photo-picker__fields">
                <p className="photo-picker__name">{t('picker.photo', { number: index + 1, name: item.file.name })}</p>
                <Field
                  name={choice.fullName(item.key)}
                  label={t('picker.altLabel', { number: index + 1 })}
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
                    setAnnouncement(t('picker.removed', { number: index + 1 }))
                    focusNext.current = 'chooser'
                  }}
                >
                  {t('picker.remove', { number: index + 1 })}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {choice.slotsLeft > 0 ? (
        <Field
          name={choice.chooserName}
          label={choice.items.length === 0 ? t('picker.choose') : t('picker.chooseMore', { count: choice.slotsLeft })}
          error={choice.refused.length > 0 ? choice.refused.join(' ') : undefined}
        >
          {(p) => (
            <input
              {...p}
              ref={chooser}
              className="photo-picker__chooser"
              type="file"
              accept={PHOTO_ACCEPT}
              multiple
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
          )}
        </Field>
      ) : (
        <p className="photo-picker__full" ref={full} tabIndex={-1}>
          {t('picker.full', { max: choice.slots })}
        </p>
      )}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </Fieldset>
  )
}
