import { type FormEvent, useEffect, useState } from 'react'
import { errorText } from '../../../lib/errors'
import { Button } from '../../../ui/button'
import { Select } from '../../../ui/form'

type Option = { value: string; label: string }

/**
 * A select and a save button in one table cell, with the result said next to it. The save
 * button works once the choice differs from what is stored; after a save the list is fetched
 * again and the select follows what is stored.
 */
export function SelectAndSave({
  id,
  label,
  options,
  current,
  saveLabel,
  savedText,
  onSave,
}: {
  id: string
  /** Read by screen readers for the select, and after the save button's own text. */
  label: string
  options: Option[]
  current: string
  saveLabel: string
  savedText: string
  onSave: (value: string) => Promise<unknown>
}) {
  const [value, setValue] = useState(current)
  useEffect(() => setValue(current), [current])
  const [state, setState] = useState({ pending: false, message: '' })

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (state.pending) return
    setState({ pending: true, message: '' })
    try {
      await onSave(value)
      setState({ pending: false, message: savedText })
    } catch (error) {
      setState({ pending: false, message: errorText(error) })
    }
  }

  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)}>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <Select
        id={id}
        value={value}
        onChange={(e) => {
          setValue(e.target.value)
          setState({ pending: false, message: '' })
        }}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
      <Button type="submit" disabled={value === current} busy={state.pending} size="small">
        {saveLabel}
        <span className="visually-hidden"> {label}</span>
      </Button>
      <span role="status" className="status-line">
        {state.message}
      </span>
    </form>
  )
}
