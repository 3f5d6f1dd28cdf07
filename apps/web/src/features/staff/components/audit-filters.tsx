import { auditActionLabel } from '@meedenken/shared'
import { AUDIT_ACTIONS } from '@meedenken/shared/constants'
import { useQuery } from '@tanstack/react-query'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-records'
import '../../../lib/i18n-staff'
import { currentLocale } from '../../../lib/i18n'
import { Button, LinkButton } from '../../../ui/button'
import { Field, formValues, Select, TextInput } from '../../../ui/form'
import { colleaguesQuery } from '../api/staff-queries'

export type AuditFilterValues = { action: string; actor: string; from: string; to: string }

/**
 * The log's filters: what, by whom, from and to which day. They go into the address (actie,
 * door, van, tot); a period that runs backwards is said at its field.
 */
export function AuditFilters({
  values,
  backwards,
  onFilter,
}: {
  values: AuditFilterValues
  backwards: boolean
  onFilter: (search: URLSearchParams) => void
}) {
  const { t } = useTranslation(['staff', 'records'])
  const colleagues = useQuery(colleaguesQuery)
  const locale = currentLocale()
  const { action, actor, from, to } = values
  const filtered = Boolean(action || actor || from || to)

  function filter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const v = formValues(event.currentTarget)
    const next = new URLSearchParams()
    for (const name of ['actie', 'door', 'van', 'tot']) {
      const value = v[name]
      if (value) next.set(name, value)
    }
    onFilter(next)
  }

  return (
    <form
      className="filters"
      aria-label={t('audit.filterLabel')}
      onSubmit={filter}
      key={`${action}|${actor}|${from}|${to}`}
      noValidate
    >
      <div className="filters__grid">
        <Field name="actie" id="audit-action" label={t('audit.action')}>
          {(p) => (
            <Select {...p} defaultValue={action}>
              <option value="">{t('audit.allActions')}</option>
              {AUDIT_ACTIONS.map((a) => (
                <option key={a} value={a}>
                  {auditActionLabel(a)[locale]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field name="door" id="audit-actor" label={t('audit.actor')}>
          {(p) => (
            <Select {...p} defaultValue={actor} key={colleagues.data ? 'loaded' : 'loading'}>
              <option value="">{t('audit.everyone')}</option>
              {colleagues.data?.items.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.displayName}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field name="van" id="audit-from" label={t('records:audit.from')}>
          {(p) => <TextInput {...p} type="date" defaultValue={from} />}
        </Field>
        <Field
          name="tot"
          id="audit-to"
          label={t('records:audit.to')}
          error={backwards ? t('records:audit.badRange') : undefined}
        >
          {(p) => <TextInput {...p} type="date" defaultValue={to} />}
        </Field>
      </div>
      <div className="filters__actions">
        <Button type="submit">{t('audit.apply')}</Button>
        {filtered && (
          <LinkButton appearance="secondary" to="/beheer/logboek">
            {t('audit.reset')}
          </LinkButton>
        )}
      </div>
    </form>
  )
}
