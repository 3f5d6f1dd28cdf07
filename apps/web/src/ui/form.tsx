import { type ComponentProps, type ReactNode, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { classNames } from './class-names'

export type FieldErrors = Record<string, string>

type FieldProps = {
  name: string
  /** Only needed when a page shows several forms with the same field name. */
  id?: string
  label: string
  error?: string | undefined
  hint?: string
  /** Layout classes for the field's box (e.g. its place in a grid). */
  className?: string
  children: (props: {
    id: string
    name: string
    'aria-invalid': boolean | undefined
    'aria-describedby': string | undefined
  }) => ReactNode
}

/**
 * Label, hint, error and control wired together (NL Design System, Utrecht form field): the
 * error is tied to the control with aria-describedby and aria-invalid, so a screen reader
 * reads it with the field. The control is the child: TextInput, Textarea or Select.
 */
export function Field({ name, id: givenId, label, error, hint, className, children }: FieldProps) {
  const id = givenId ?? `field-${name}`
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = error ? `${id}-error` : undefined
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined
  return (
    <div
      className={classNames(
        'utrecht-form-field',
        'field',
        error && 'utrecht-form-field--invalid field--error',
        className,
      )}
    >
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
        </label>
      </div>
      {hint && (
        <p className="utrecht-form-field-description utrecht-form-field__description" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="utrecht-form-field-error-message utrecht-form-field__error-message" id={errorId}>
          {error}
        </p>
      )}
      <div className="utrecht-form-field__input">
        {children({ id, name, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      </div>
    </div>
  )
}

/** A one-line text box (Utrecht `utrecht-textbox`), red-bordered when aria-invalid. */
export function TextInput({ className, type = 'text', ...props }: ComponentProps<'input'>) {
  return (
    <input
      type={type}
      {...props}
      className={classNames(
        'utrecht-textbox utrecht-textbox--html-input',
        invalid(props) && 'utrecht-textbox--invalid',
        className,
      )}
    />
  )
}

/** A text area (Utrecht `utrecht-textarea`): it grows downwards only. */
export function Textarea({ className, ...props }: ComponentProps<'textarea'>) {
  return (
    <textarea
      {...props}
      className={classNames(
        'utrecht-textarea utrecht-textarea--html-textarea',
        invalid(props) && 'utrecht-textarea--invalid',
        className,
      )}
    />
  )
}

/** A drop-down list (Utrecht `utrecht-select`). */
export function Select({ className, ...props }: ComponentProps<'select'>) {
  return (
    <select
      {...props}
      className={classNames(
        'utrecht-select utrecht-select--html-select',
        invalid(props) && 'utrecht-select--invalid',
        className,
      )}
    />
  )
}

/** A check box (Utrecht `utrecht-checkbox`); put its label beside it. */
export function Checkbox({ className, ...props }: Omit<ComponentProps<'input'>, 'type'>) {
  return (
    <input
      type="checkbox"
      {...props}
      className={classNames('utrecht-checkbox utrecht-checkbox--html-input', className)}
    />
  )
}

/** A radio button (Utrecht `utrecht-radio-button`); put its label beside it. */
export function RadioButton({ className, ...props }: Omit<ComponentProps<'input'>, 'type'>) {
  return (
    <input
      type="radio"
      {...props}
      className={classNames(
        'utrecht-radio-button utrecht-radio-button--html-input',
        invalid(props) && 'utrecht-radio-button--invalid',
        className,
      )}
    />
  )
}

function invalid(props: { 'aria-invalid'?: boolean | 'true' | 'false' | 'grammar' | 'spelling' | undefined }): boolean {
  return props['aria-invalid'] === true || props['aria-invalid'] === 'true'
}

type FieldsetProps = {
  legend: ReactNode
  children: ReactNode
  className?: string
  id?: string
  invalid?: boolean
  'aria-describedby'?: string | undefined
}

/** A group of fields under one question (Utrecht `utrecht-form-fieldset`). */
export function Fieldset({ legend, children, className, invalid, ...props }: FieldsetProps) {
  return (
    <fieldset
      {...props}
      className={classNames(
        'utrecht-form-fieldset utrecht-form-fieldset--html-fieldset',
        invalid && 'utrecht-form-fieldset--invalid',
        className,
      )}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{legend}</legend>
      {children}
    </fieldset>
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
