import { type ReactNode, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'

export type FieldErrors = Record<string, string>

type FieldProps = {
  name: string
  /** Only needed when a page shows several forms with the same field name. */
  id?: string
  label: string
  error?: string | undefined
  hint?: string
  children: (props: {
    id: string
    name: string
    'aria-invalid': boolean | undefined
    'aria-describedby': string | undefined
  }) => ReactNode
}

/**
 * Label, hint, error and control wired together: the error is tied to the control with
 * aria-describedby and aria-invalid, so a screen reader reads it with the field.
 */
export function Field({ name, id: givenId, label, error, hint, children }: FieldProps) {
  const id = givenId ?? `field-${name}`
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = error ? `${id}-error` : undefined
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
      {children({ id, name, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
    </div>
  )
}

type ChoiceProps = {
  name: string
  legend: string
  options: { value: string; label: string }[]
  defaultValue?: string | undefined
  error?: string | undefined
  hint?: string
}

/** A group of radio buttons in a fieldset, its error tied to the group. */
export function Choice({ name, legend, options, defaultValue, error, hint }: ChoiceProps) {
  const id = `field-${name}`
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = error ? `${id}-error` : undefined
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined
  return (
    <fieldset className={`field choice${error ? ' field--error' : ''}`} aria-describedby={describedBy} id={id}>
      <legend>{legend}</legend>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
      {options.map((option, index) => (
        <div className="choice__option" key={option.value}>
          <input
            type="radio"
            id={index === 0 ? `${id}-input` : `${id}-${option.value}`}
            name={name}
            value={option.value}
            defaultChecked={defaultValue === option.value}
            aria-invalid={error ? true : undefined}
          />
          <label htmlFor={index === 0 ? `${id}-input` : `${id}-${option.value}`}>{option.label}</label>
        </div>
      ))}
    </fieldset>
  )
}

type CheckboxesProps = {
  name: string
  legend: string
  options: { value: string; label: string }[]
  defaultValues?: readonly string[]
  error?: string | undefined
  hint?: string
}

/** A group of checkboxes in a fieldset, for "choose any of these"; its error tied to the group. */
export function Checkboxes({ name, legend, options, defaultValues = [], error, hint }: CheckboxesProps) {
  const id = `field-${name}`
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = error ? `${id}-error` : undefined
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined
  return (
    <fieldset className={`field choice${error ? ' field--error' : ''}`} aria-describedby={describedBy} id={id}>
      <legend>{legend}</legend>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
      {options.map((option) => (
        <div className="choice__option" key={option.value}>
          <input
            type="checkbox"
            id={`${id}-${option.value}`}
            name={name}
            value={option.value}
            defaultChecked={defaultValues.includes(option.value)}
            aria-invalid={error ? true : undefined}
          />
          <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
        </div>
      ))}
    </fieldset>
  )
}

/**
 * The list of problems above a form. It takes focus when it appears, so keyboard and
 * screen-reader users hear what is wrong and can jump to each field.
 */
export function ErrorSummary({
  errors,
  labels,
  message,
}: {
  errors: FieldErrors
  labels: Record<string, string>
  message?: string
}) {
  const { t } = useTranslation()
  const ref = useRef<HTMLDivElement>(null)
  const entries = Object.entries(errors)
  const key = JSON.stringify(errors) + (message ?? '')

  // biome-ignore lint/correctness/useExhaustiveDependencies: focus again whenever the set of problems changes
  useEffect(() => {
    ref.current?.focus()
  }, [key])

  if (entries.length === 0 && !message) return null
  return (
    <div className="error-summary" ref={ref} tabIndex={-1}>
      <h2 className="error-summary__title">{t('form.problem')}</h2>
      {message && <p>{message}</p>}
      {entries.length > 0 && (
        <ul>
          {entries.map(([field, error]) => (
            <li key={field}>
              <a href={`#field-${field}`} onClick={(e) => focusField(e, field)}>
                {labels[field] ? `${labels[field]}: ${error}` : error}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

function focusField(event: React.MouseEvent, field: string): void {
  const target = document.getElementById(`field-${field}`) ?? document.getElementById(`field-${field}-input`)
  if (!target) return
  event.preventDefault()
  const focusable = target instanceof HTMLFieldSetElement ? target.querySelector('input') : target
  focusable?.focus()
  target.scrollIntoView({ block: 'center' })
}

/** Reads a form's values as strings; empty fields are left out. */
export function formValues(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {}
  for (const [key, value] of new FormData(form).entries()) {
    if (typeof value === 'string' && value !== '') values[key] = value
  }
  return values
}
