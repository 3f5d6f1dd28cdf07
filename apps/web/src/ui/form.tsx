import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Checkbox, Fieldset, RadioButton } from './field'

// The field and its controls live in field.tsx; imported from here too, as before.
export { Checkbox, Field, Fieldset, RadioButton, Select, Textarea, TextInput } from './field'

export type FieldErrors = Record<string, string>

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
    <Fieldset legend={legend} className="choice" invalid={Boolean(error)} aria-describedby={describedBy} id={id}>
      <GroupHelp hint={hint} hintId={hintId} error={error} errorId={errorId} />
      {options.map((option, index) => {
        const optionId = index === 0 ? `${id}-input` : `${id}-${option.value}`
        return (
          <div className="choice__option" key={option.value}>
            <RadioButton
              id={optionId}
              name={name}
              value={option.value}
              defaultChecked={defaultValue === option.value}
              aria-invalid={error ? true : undefined}
            />
            <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={optionId}>
              {option.label}
            </label>
          </div>
        )
      })}
    </Fieldset>
  )
}

/** A group's hint and error, under its legend. */
function GroupHelp({
  hint,
  hintId,
  error,
  errorId,
}: {
  hint: string | undefined
  hintId: string | undefined
  error: string | undefined
  errorId: string | undefined
}) {
  return (
    <>
      {hint && (
        <p className="utrecht-form-field-description" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="utrecht-form-field-error-message" id={errorId}>
          {error}
        </p>
      )}
    </>
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
    <Fieldset legend={legend} className="choice" invalid={Boolean(error)} aria-describedby={describedBy} id={id}>
      <GroupHelp hint={hint} hintId={hintId} error={error} errorId={errorId} />
      {options.map((option) => (
        <div className="choice__option" key={option.value}>
          <Checkbox
            id={`${id}-${option.value}`}
            name={name}
            value={option.value}
            defaultChecked={defaultValues.includes(option.value)}
            aria-invalid={error ? true : undefined}
          />
          <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={`${id}-${option.value}`}>
            {option.label}
          </label>
        </div>
      ))}
    </Fieldset>
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
