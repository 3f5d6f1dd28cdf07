import { type FormEvent, useRef, useState } from 'react'
import type { FieldErrors } from '../ui/form'
import { ApiRequestError } from './api-client'
import { errorText, fieldErrors } from './errors'

/**
 * What went wrong with a form: an error per field (by its full name), or one sentence when
 * the answer names no field. `attempt` counts the tries, so the error summary takes focus
 * again when the same problem comes back.
 */
export type FormProblem = { errors: FieldErrors; message?: string | undefined; attempt: number }

/** A submitted form's fields, by their names without the form's scope. */
export type FormValues = {
  /** The field's text, trimmed; '' when it is empty or missing. */
  text: (name: string) => string
  /** Every value of a group of checkboxes. */
  all: (name: string) => string[]
  /** A chosen id; null for the empty choice. */
  id: (name: string) => number | null
  /** The value of the button that sent the form ('' when none has one). */
  submitter: string
}

type Check = Record<string, string | false | null | undefined>

export type FormOptions<V> = {
  /**
   * Put before every field name ("note" + "body" = "note.body"). Several forms on one page share
   * field names; their ids, which tie labels, errors and the summary together, must not.
   */
  scope: string
  /** Each field's label by its name without the scope: the error summary names the fields. */
  labels: Record<string, string>
  /** The values to check and send, read from the submitted form. */
  read: (values: FormValues) => V
  /** The check made here before anything is sent: an error message per field that needs one. */
  check?: (values: V) => Check
  /** Sends the values; resolves to a sentence to announce (anything else says nothing). A rejection becomes the problem. */
  send: (values: V) => Promise<unknown>
  /** After a success the fields go back to their first values (a new note starts empty). */
  resetOnSuccess?: boolean
  /**
   * A failure to say as one sentence even when the API names fields: a refusal of a whole
   * selection names each idea in its message.
   */
  asMessage?: (error: unknown) => boolean
}

export type Form = ReturnType<typeof useForm>

/**
 * One form's state on top of its uncontrolled fields: the values read when it is sent, this
 * side's check, the API's one error shape tied to the fields it names (under this form's
 * scope), the pending state, what to announce on success, and a reset.
 */
export function useForm<V>(options: FormOptions<V>) {
  const { scope } = options
  const element = useRef<HTMLFormElement>(null)
  const sending = useRef(false)
  const attempts = useRef(0)
  const [pending, setPending] = useState(false)
  const [problem, setProblem] = useState<FormProblem | null>(null)
  const [done, setDone] = useState('')

  const name = (field: string) => `${scope}.${field}`
  const labels = Object.fromEntries(Object.entries(options.labels).map(([field, label]) => [name(field), label]))
  const error = (field: string) => problem?.errors[name(field)]

  function show(errors: FieldErrors, message?: string) {
    attempts.current += 1
    setProblem({ errors, message, attempt: attempts.current })
  }

  /** Shows a failed request as this form's problem: the API's field errors, or its sentence. */
  function fail(failure: unknown) {
    const fields = options.asMessage?.(failure) ? {} : fieldErrors(failure)
    const errors = Object.fromEntries(Object.entries(fields).map(([field, message]) => [name(field), message]))
    show(errors, Object.keys(errors).length === 0 ? errorText(failure) : undefined)
  }

  /** Empties what the form said and puts its fields back to their first values. */
  function reset() {
    setProblem(null)
    setDone('')
    element.current?.reset()
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (sending.current) return
    setDone('')
    const submitter = (event.nativeEvent as SubmitEvent).submitter
    const values = options.read(
      readValues(event.currentTarget, scope, submitter instanceof HTMLButtonElement ? submitter.value : ''),
    )
    const found = Object.fromEntries(
      Object.entries(options.check?.(values) ?? {})
        .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '')
        .map(([field, message]) => [name(field), message]),
    )
    if (Object.keys(found).length > 0) {
      show(found)
      return
    }
    sending.current = true
    setPending(true)
    try {
      const said = await options.send(values)
      setProblem(null)
      if (options.resetOnSuccess) element.current?.reset()
      setDone(typeof said === 'string' ? said : '')
    } catch (failure) {
      fail(failure)
    } finally {
      sending.current = false
      setPending(false)
    }
  }

  return {
    /** Spread on the <form>. */
    props: {
      ref: element,
      noValidate: true,
      onSubmit: (event: FormEvent<HTMLFormElement>) => void onSubmit(event),
    },
    pending,
    problem,
    /** Labels by full field name, for the error summary. */
    labels,
    done,
    name,
    error,
    label: (field: string) => options.labels[field] ?? '',
    /** Name, label and error of one field, for <Field>. */
    field: (field: string) => ({ name: name(field), label: options.labels[field] ?? '', error: error(field) }),
    /** Says something after an action outside the submit (archive, delete). */
    announce: setDone,
    fail,
    reset,
  }
}

function readValues(form: HTMLFormElement, scope: string, submitter: string): FormValues {
  const data = new FormData(form)
  const raw = (name: string) => {
    const value = data.get(`${scope}.${name}`)
    return typeof value === 'string' ? value.trim() : ''
  }
  return {
    text: raw,
    all: (name) => data.getAll(`${scope}.${name}`).map(String),
    id: (name) => (raw(name) ? Number(raw(name)) : null),
    submitter,
  }
}

/** A failure the API gave for the whole request, not for a field (such as a 409 conflict). */
export function isConflict(error: unknown): boolean {
  return error instanceof ApiRequestError && error.status === 409
}
