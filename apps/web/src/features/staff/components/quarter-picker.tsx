import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-staff'
import { Button } from '../../../ui/button'
import { Field, Select } from '../../../ui/form'
import { useQuarterName } from '../use-quarter-name'

/** Which quarter the dashboard shows; the choice goes into the address. */
export function QuarterPicker({
  shown,
  quarters,
  onChoose,
}: {
  shown: string
  quarters: string[]
  onChoose: (quarter: string) => void
}) {
  const { t } = useTranslation('staff')
  const quarterName = useQuarterName()
  const options = quarters.includes(shown) || !shown ? quarters : [shown, ...quarters]

  function choose(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const value = new FormData(event.currentTarget).get('kwartaal')
    onChoose(typeof value === 'string' ? value : '')
  }

  return (
    <form className="filters filters--inline" aria-label={t('dashboard.pickerLabel')} onSubmit={choose} key={shown}>
      <Field name="kwartaal" id="dashboard-quarter" label={t('dashboard.quarter')}>
        {(p) => (
          <Select {...p} defaultValue={shown}>
            {options.map((q) => (
              <option key={q} value={q}>
                {quarterName(q)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Button type="submit">{t('dashboard.show')}</Button>
    </form>
  )
}
