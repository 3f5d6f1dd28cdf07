import type { InstallationSettings } from '@meedenken/shared'
import { SETTING_RANGES } from '@meedenken/shared/constants'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-staff'
import { useForm } from '../../../lib/use-form'
import { Button } from '../../../ui/button'
import { Field, TextInput } from '../../../ui/form'
import { useAdministration } from '../api/staff-mutations'
import { FormSummary } from './form-summary'
import { SuccessLine } from './success-line'

const FIELDS = ['responseNormDays', 'staleAfterDays', 'followupWeeks'] as const

/** The response norm, when an idea counts as stale, and when residents are asked how it went. */
export function SettingsForm({ settings }: { settings: InstallationSettings }) {
  const { t } = useTranslation('staff')
  const { saveSettings } = useAdministration()
  const form = useForm({
    scope: 'settings',
    labels: Object.fromEntries(FIELDS.map((f) => [f, t(`settings.${f}`)])),
    read: (v) => Object.fromEntries(FIELDS.map((f) => [f, Number(v.text(f))])) as InstallationSettings,
    check: (values) =>
      Object.fromEntries(
        FIELDS.map((f) => {
          const { min, max } = SETTING_RANGES[f]
          const n = values[f]
          return [f, (!Number.isInteger(n) || n < min || n > max) && t('settings.errors.range', { min, max })]
        }),
      ),
    send: async (values) => {
      await saveSettings.mutateAsync(values)
      return t('settings.saved')
    },
  })

  return (
    <>
      <FormSummary form={form} />
      <form className="form form--narrow" {...form.props}>
        {FIELDS.map((f) => (
          <Field key={f} {...form.field(f)} hint={t(`settings.${f}Hint`)}>
            {(p) => (
              <TextInput
                {...p}
                type="number"
                inputMode="numeric"
                className="input--number"
                min={SETTING_RANGES[f].min}
                max={SETTING_RANGES[f].max}
                step={1}
                defaultValue={settings[f]}
              />
            )}
          </Field>
        ))}
        <div className="form__actions">
          <Button type="submit" busy={form.pending}>
            {t('settings.save')}
          </Button>
        </div>
      </form>
      <SuccessLine>{form.done}</SuccessLine>
    </>
  )
}
