import type { ComponentProps, ReactNode } from 'react'
import { classNames } from './class-names'

/*
 * A field and its controls (NL Design System, Utrecht form field, text box, textarea,
 * select, checkbox, radio button, fieldset). Apart from form.tsx so a page with a field but
 * no form logic (the idea list's filters) loads only these.
 */

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
    <div className={classNames('utrecht-form-field', error && 'utrecht-form-field--invalid', className)}>
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
