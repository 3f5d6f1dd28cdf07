import { PHOTO_LIMITS } from '@meedenken/shared'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-photos'
import { altTextProblem, PHOTO_MB, refusalOf } from '../photo-rules'

/** A chosen photo, not sent yet: the file, its preview (an object URL) and its alt text. */
export type ChosenPhoto = { key: string; file: File; url: string; altText: string }

export type PhotoChoice = ReturnType<typeof usePhotoChoice>

/**
 * The photos chosen in a form, before the idea exists: they are sent after it is created.
 * `scope`: the form's scope ('intake' gives 'intake.photos.p1.altText'), so ids, labels,
 * errors and the form's error summary line up. `slots`: how many more the idea may have;
 * `before`: how many it has (the chosen ones are numbered after them, "foto 3").
 * Every preview URL is revoked when its photo is removed and when the form goes away.
 */
export function usePhotoChoice({
  scope = '',
  slots = PHOTO_LIMITS.perIdea,
  before = 0,
}: {
  scope?: string
  slots?: number
  before?: number
} = {}) {
  const { t } = useTranslation('photos')
  const [items, setItems] = useState<ChosenPhoto[]>([])
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [refused, setRefused] = useState<string[]>([])
  const nextKey = useRef(1)
  const current = useRef(items)
  current.current = items

  useEffect(
    () => () => {
      for (const item of current.current) URL.revokeObjectURL(item.url)
    },
    [],
  )

  const slotsLeft = Math.max(0, slots - items.length)
  /** A chosen photo's number as people read it, after the idea's own photos. */
  const number = (index: number) => before + index + 1
  /** The field's name within the form (without its scope: what the form's own checks use). */
  const field = (key: string) => `photos.${key}.altText`
  const fullName = (key: string) => (scope ? `${scope}.${field(key)}` : field(key))
  // In the error summary: "Foto 1: Beschrijf wat er op foto 1 staat…".
  const labels = Object.fromEntries(
    items.map((item, i) => [field(item.key), t('picker.summaryLabel', { number: number(i) })]),
  )

  /** Takes the files a person chose: those that fit are added, the others are said why not. */
  function add(files: Iterable<File>) {
    const added: ChosenPhoto[] = []
    const notes: string[] = []
    let room = slotsLeft
    for (const file of files) {
      const refusal = refusalOf(file)
      if (refusal === 'type') notes.push(t('picker.errors.type', { name: file.name }))
      else if (refusal === 'size')
        notes.push(
          t('picker.errors.size', { name: file.name, size: (file.size / 1024 / 1024).toFixed(1), mb: PHOTO_MB }),
        )
      else if (room === 0) notes.push(t('picker.errors.count', { name: file.name, max: before + slots }))
      else {
        room -= 1
        added.push({ key: `p${nextKey.current++}`, file, url: URL.createObjectURL(file), altText: '' })
      }
    }
    setRefused(notes)
    if (added.length > 0) setItems((list) => [...list, ...added])
    return { added: added.length, refused: notes, full: room === 0 }
  }

  function remove(key: string) {
    const item = items.find((i) => i.key === key)
    if (item) URL.revokeObjectURL(item.url)
    setItems((list) => list.filter((i) => i.key !== key))
    setErrors(({ [key]: _gone, ...rest }) => rest)
  }

  function setAltText(key: string, altText: string) {
    setItems((list) => list.map((i) => (i.key === key ? { ...i, altText } : i)))
  }

  /**
   * Checks every alt text before the form is sent: errors by field name without the scope
   * (for the form's own check and its error summary); the fields show them too.
   */
  function check(): Record<string, string> {
    const found: Record<string, string> = {}
    const byKey: Record<string, string> = {}
    items.forEach((item, i) => {
      const problem = altTextProblem(item.altText)
      if (!problem) return
      const message =
        problem === 'short'
          ? t('picker.errors.altShort', { number: number(i), min: PHOTO_LIMITS.altText.min })
          : t('picker.errors.altLong', { number: number(i), max: PHOTO_LIMITS.altText.max })
      found[field(item.key)] = message
      byKey[item.key] = message
    })
    setErrors(byKey)
    return found
  }

  /** After the photos were sent (or the form is emptied): nothing chosen any more. */
  function clear() {
    for (const item of items) URL.revokeObjectURL(item.url)
    setItems([])
    setErrors({})
    setRefused([])
  }

  /** The file chooser's name: it sends nothing itself (the files are kept here). */
  const chooserName = scope ? `${scope}.photos` : 'photos'
  return {
    items,
    slots,
    slotsLeft,
    /** Photos the idea may have in all. */
    limit: before + slots,
    number,
    errors,
    refused,
    labels,
    fullName,
    chooserName,
    add,
    remove,
    setAltText,
    check,
    clear,
  }
}
