import type { District, Theme } from '@meedenken/shared'
import { IDEA_SORTS, IDEA_STATUSES, TARGET_GROUPS } from '@meedenken/shared/constants'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { currentLocale } from '../../../lib/i18n'
import { Button } from '../../../ui/button'
import { Field, Select, TextInput } from '../../../ui/field'
import { localName } from '../../catalog/local-name'
import { defaultSort, type IdeaFilters as Filters } from '../api/idea-queries'

type Props = {
  filters: Filters
  themes: Theme[]
  districts: District[]
  onChange: (filters: Filters) => void
}

/**
 * A plain form: choices apply when the person presses the button, never while they
 * are still choosing (WCAG 3.2.2), and every field has a visible label.
 */
export function IdeaFilters({ filters, themes, districts, onChange }: Props) {
  const { t } = useTranslation('ideas')
  const locale = currentLocale()

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const data = new FormData(event.currentTarget)
    const value = (name: string) => {
      const v = data.get(name)
      return typeof v === 'string' && v !== '' ? v : undefined
    }
    const q = value('q')?.trim()
    let sort = (value('sort') as Filters['sort'] | undefined) ?? defaultSort(q)
    // A new search starts with the best matches (as the API does), unless another order was chosen.
    if (q && !filters.q && sort === 'trending') sort = 'relevance'
    if (!q && sort === 'relevance') sort = 'trending'
    const next: Filters = { sort }
    const status = value('status') as Filters['status']
    const targetGroup = value('targetGroup') as Filters['targetGroup']
    const theme = value('theme')
    const district = value('district')
    if (status) next.status = status
    if (theme) next.theme = theme
    if (district) next.district = district
    if (targetGroup) next.targetGroup = targetGroup
    if (q) next.q = q
    onChange(next)
  }

  return (
    <form className="filters" aria-label={t('list.filtersLabel')} onSubmit={submit} key={JSON.stringify(filters)}>
      <Field name="q" id="filter-q" label={t('list.search')} hint={t('list.searchHint')} className="filters__search">
        {(p) => <TextInput {...p} type="search" defaultValue={filters.q ?? ''} maxLength={200} />}
      </Field>
      <div className="filters__grid">
        <Field name="status" id="filter-status" label={t('list.status')}>
          {(p) => (
            <Select {...p} defaultValue={filters.status ?? ''}>
              <option value="">{t('list.all')}</option>
              {IDEA_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field name="theme" id="filter-theme" label={t('list.theme')}>
          {(p) => (
            <Select {...p} defaultValue={filters.theme ?? ''}>
              <option value="">{t('list.all')}</option>
              {themes.map((theme) => (
                <option key={theme.id} value={theme.id}>
                  {localName(theme, locale)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field name="district" id="filter-district" label={t('list.district')}>
          {(p) => (
            <Select {...p} defaultValue={filters.district ?? ''}>
              <option value="">{t('list.all')}</option>
              {districts.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field name="targetGroup" id="filter-target-group" label={t('list.targetGroup')}>
          {(p) => (
            <Select {...p} defaultValue={filters.targetGroup ?? ''}>
              <option value="">{t('list.all')}</option>
              {TARGET_GROUPS.map((g) => (
                <option key={g} value={g}>
                  {t(`targetGroupPlural.${g}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field name="sort" id="filter-sort" label={t('list.sort')}>
          {(p) => (
            <Select {...p} defaultValue={filters.sort}>
              {IDEA_SORTS.filter((s) => s !== 'relevance' || filters.q).map((s) => (
                <option key={s} value={s}>
                  {t(`sort.${s}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <div className="filters__actions">
        <Button type="submit">{t('list.apply')}</Button>
        <Button appearance="subtle" onClick={() => onChange({ sort: 'trending' })}>
          {t('list.reset')}
        </Button>
      </div>
    </form>
  )
}
