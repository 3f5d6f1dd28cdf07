import { IDEA_STATUSES, SEARCH_MAX } from '@meedenken/shared/constants'
import { useQuery } from '@tanstack/react-query'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import '../../../lib/i18n-werkbak'
import { Button } from '../../../ui/button'
import { Field, formValues, Select, TextInput } from '../../../ui/form'
import { districtsQuery, themesQuery } from '../../catalog/api/catalog-queries'
import { localName } from '../../catalog/local-name'
import { colleaguesQuery, departmentsQuery } from '../api/staff-queries'
import { type FILTER_KEYS, hasFilters, readView, viewSearch, type WerkbakView } from '../werkbak-view'

/**
 * Search and filters above the Werkbak's tabs. They combine with each other and with the
 * tab, and live in the address: a filtered list can be bookmarked, shared and reloaded.
 */
export function WerkbakSearch({ view }: { view: WerkbakView }) {
  const { t } = useTranslation(['werkbak', 'staff', 'ideas'])
  const navigate = useNavigate()
  const themes = useQuery(themesQuery)
  const districts = useQuery(districtsQuery)
  const departments = useQuery(departmentsQuery)
  const colleagues = useQuery(colleaguesQuery)
  const { filters } = view

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const values = formValues(event.currentTarget)
    const next = readView(new URLSearchParams({ tab: view.tab, ...values }))
    void navigate(`/medewerkers?${viewSearch(next)}`)
  }

  // Each list box is made again once its own options arrive, so the value in the address
  // shows; never when another list arrives, which would undo a choice made meanwhile.
  const select = (
    key: (typeof FILTER_KEYS)[number],
    label: string,
    options: { value: string; label: string }[],
    loaded = true,
  ) => (
    <Field name={key} id={`werkbak-${key}`} label={label} className="werkbak-search__filter">
      {(p) => (
        <Select {...p} defaultValue={filters[key] ?? ''} key={`${key}-${loaded}`}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      )}
    </Field>
  )

  return (
    <search className="werkbak-search" aria-label={t('search.label')}>
      <form onSubmit={submit}>
        <div className="werkbak-search__words">
          <Field name="q" id="werkbak-q" label={t('search.q')} hint={t('search.qHint')}>
            {(p) => <TextInput {...p} type="search" maxLength={SEARCH_MAX} defaultValue={filters.q ?? ''} />}
          </Field>
          <Button type="submit">{t('search.submit')}</Button>
        </div>
        <div className="werkbak-search__filters">
          {select(
            'theme',
            t('search.theme'),
            [
              { value: '', label: t('search.anyTheme') },
              ...(themes.data?.items ?? []).map((th) => ({ value: String(th.id), label: localName(th) })),
            ],
            themes.isSuccess,
          )}
          {select(
            'district',
            t('search.district'),
            [
              { value: '', label: t('search.anyDistrict') },
              ...(districts.data?.items ?? []).map((d) => ({ value: String(d.id), label: d.name })),
            ],
            districts.isSuccess,
          )}
          {select('status', t('search.status'), [
            { value: '', label: t('search.anyStatus') },
            ...IDEA_STATUSES.map((s) => ({ value: s, label: t(`ideas:status.${s}`) })),
          ])}
          {select(
            'department',
            t('search.department'),
            [
              { value: '', label: t('search.anyDepartment') },
              { value: 'none', label: t('staff:common.noDepartment') },
              ...(departments.data?.items ?? []).map((d) => ({ value: String(d.id), label: localName(d) })),
            ],
            departments.isSuccess,
          )}
          {select(
            'assignee',
            t('search.assignee'),
            [
              { value: '', label: t('search.anyAssignee') },
              { value: 'none', label: t('staff:common.nobody') },
              ...(colleagues.data?.items ?? []).map((c) => ({ value: String(c.id), label: c.displayName })),
            ],
            colleagues.isSuccess,
          )}
        </div>
        {hasFilters(filters) && (
          <p className="werkbak-search__clear">
            <Link to={`/medewerkers?${viewSearch({ tab: view.tab, filters: {} })}`}>{t('search.clear')}</Link>
          </p>
        )}
      </form>
    </search>
  )
}
