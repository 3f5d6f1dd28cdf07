import type { RoadmapItem } from '@meedenken/shared'
import { useQuery } from '@tanstack/react-query'
import { type FormEvent, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { districtsQuery, themesQuery } from '../features/catalog/api/catalog-queries'
import { type RoadmapFilters, roadmapQuery } from '../features/engage/api/engage-queries'
import { formatDate } from '../lib/format'
import { currentLocale } from '../lib/i18n'
import '../lib/i18n-engage'
import { Button, LinkButton } from '../ui/button'
import { ErrorMessage } from '../ui/error-message'
import { Field, formValues, Select } from '../ui/form'
import { Loading } from '../ui/loading'
import { PageHeading } from '../ui/page-heading'
import '../styles/engage.css'
import { localName, namesById } from '../features/catalog/local-name'

const digits = (value: string | null | undefined) => (value && /^\d{1,9}$/.test(value) ? value : undefined)

function filtersFrom(params: URLSearchParams): RoadmapFilters {
  const filters: RoadmapFilters = {}
  const theme = digits(params.get('theme'))
  const district = digits(params.get('district'))
  if (theme) filters.theme = theme
  if (district) filters.district = district
  return filters
}

type ColumnKey = 'planned' | 'inProgress' | 'done'
type Column = { key: ColumnKey; items: RoadmapItem[] }

/**
 * Cards a column shows before "Show all": with 50 planned ideas, a phone would otherwise
 * scroll past all of them (28,000 px) before "In progress" begins.
 */
const SHORT_LIST = 6
/** The column's name in the address (`?alle=gepland`): a link that works without JavaScript. */
const SLUG: Record<ColumnKey, string> = { planned: 'gepland', inProgress: 'in-uitvoering', done: 'klaar' }

/** The address with one more column shown in full, the filters kept. */
function withAll(params: URLSearchParams, key: ColumnKey): string {
  const next = new URLSearchParams(params)
  if (!next.getAll('alle').includes(SLUG[key])) next.append('alle', SLUG[key])
  return `?${next.toString()}`
}

/**
 * What the municipality is going to do, is doing and has done: three lists (a board on a
 * wide screen, one below the other on a phone). Filters live in the URL.
 */
export function RoadmapPage() {
  const { t } = useTranslation(['engage', 'ideas'])
  const [searchParams, setSearchParams] = useSearchParams()
  const filters = filtersFrom(searchParams)
  const roadmap = useQuery(roadmapQuery(filters))
  const themes = useQuery(themesQuery)
  const districts = useQuery(districtsQuery)
  const locale = currentLocale()
  const themeName = namesById(themes.data?.items, locale)
  const districtName = new Map(districts.data?.items.map((d) => [d.id, d.name]))
  const shownInFull = new Set(searchParams.getAll('alle'))
  // After "Show all", the focus goes to the first card that was not there before, so a
  // keyboard or screen-reader user reads on where the short list ended.
  const expanding = useRef<ColumnKey | null>(null)
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the address changes, which is when a column opens
  useEffect(() => {
    const key = expanding.current
    if (!key) return
    expanding.current = null
    document.querySelector<HTMLElement>(`#roadmap-column-${key} .roadmap__item:nth-child(${SHORT_LIST + 1}) a`)?.focus()
  }, [searchParams])

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const values = formValues(event.currentTarget)
    const next = new URLSearchParams()
    if (values.theme) next.set('theme', values.theme)
    if (values.district) next.set('district', values.district)
    setSearchParams(next)
  }

  const columns: Column[] = roadmap.data
    ? [
        { key: 'planned', items: roadmap.data.planned },
        { key: 'inProgress', items: roadmap.data.inProgress },
        { key: 'done', items: roadmap.data.done },
      ]
    : []

  return (
    <>
      <PageHeading title={t('roadmap.title')}>{t('roadmap.title')}</PageHeading>
      <p className="lead">{t('roadmap.intro')}</p>
      <form className="filters" aria-label={t('roadmap.filtersLabel')} onSubmit={apply} key={searchParams.toString()}>
        <div className="filters__grid">
          <Field name="theme" label={t('filters.theme')}>
            {(p) => (
              <Select {...p} defaultValue={filters.theme ?? ''} key={themes.data ? 'themes' : 'loading'}>
                <option value="">{t('filters.all')}</option>
                {themes.data?.items.map((th) => (
                  <option key={th.id} value={th.id}>
                    {localName(th, locale)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field name="district" label={t('filters.district')}>
            {(p) => (
              <Select {...p} defaultValue={filters.district ?? ''} key={districts.data ? 'districts' : 'loading'}>
                <option value="">{t('filters.all')}</option>
                {districts.data?.items.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </div>
        <div className="filters__actions">
          <Button type="submit">{t('roadmap.apply')}</Button>
          {(filters.theme || filters.district) && (
            <LinkButton to="/plannen" appearance="secondary">
              {t('filters.reset')}
            </LinkButton>
          )}
        </div>
      </form>
      <p className="visually-hidden" role="status">
        {roadmap.data
          ? t('roadmap.summary', {
              planned: roadmap.data.planned.length,
              inProgress: roadmap.data.inProgress.length,
              done: roadmap.data.done.length,
            })
          : ''}
      </p>
      {roadmap.isPending && <Loading />}
      {roadmap.isError && <ErrorMessage error={roadmap.error} onRetry={() => void roadmap.refetch()} />}
      {roadmap.data && (
        <nav className="roadmap__jump" aria-label={t('roadmap.jumpLabel')}>
          <ul>
            {columns.map(({ key, items }) => (
              <li key={key}>
                <a href={`#roadmap-column-${key}`}>
                  {t(`roadmap.${key}`)} ({items.length})
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {roadmap.data && (
        <div className="roadmap">
          {columns.map(({ key, items }) => (
            <section
              key={key}
              id={`roadmap-column-${key}`}
              className={`roadmap__column roadmap__column--${key}`}
              aria-labelledby={`roadmap-${key}`}
            >
              <h2 id={`roadmap-${key}`} className="roadmap__title">
                {t(`roadmap.${key}`)} <span className="roadmap__count">({items.length})</span>
              </h2>
              <p className="roadmap__intro">{t(`roadmap.${key}Intro`)}</p>
              {items.length === 0 ? (
                <p className="roadmap__empty">{t('roadmap.empty')}</p>
              ) : (
                <ul className="roadmap__list">
                  {(shownInFull.has(SLUG[key]) ? items : items.slice(0, SHORT_LIST)).map((item) => (
                    <RoadmapCard
                      key={item.id}
                      item={item}
                      theme={themeName.get(item.themeId)}
                      district={item.districtId ? districtName.get(item.districtId) : undefined}
                    />
                  ))}
                </ul>
              )}
              {items.length > SHORT_LIST && !shownInFull.has(SLUG[key]) && (
                <p className="roadmap__more">
                  <Link
                    to={withAll(searchParams, key)}
                    preventScrollReset
                    onClick={() => {
                      expanding.current = key
                    }}
                  >
                    {t('roadmap.showAll', { count: items.length, column: t(`roadmap.${key}`) })}
                  </Link>
                </p>
              )}
              {key === 'done' && (
                <p className="roadmap__more">
                  <Link to="/jij-zei-wij-deden">{t('roadmap.youSaidWeDid')}</Link>
                </p>
              )}
            </section>
          ))}
        </div>
      )}
    </>
  )
}

/**
 * One idea on the roadmap. A component of its own: the roadmap shows a hundred or more,
 * and React hydrates them one by one, giving the browser room in between, instead of in
 * one long task with the page.
 */
function RoadmapCard({ item, theme, district }: { item: RoadmapItem; theme?: string; district?: string }) {
  const { t } = useTranslation(['engage', 'ideas'])
  return (
    <li className="roadmap__item">
      <h3 className="roadmap__item-title">
        <Link to={`/ideeen/${item.id}`}>{item.title}</Link>
      </h3>
      <div className="idea-card__meta">
        {theme && <span className="tag">{theme}</span>}
        <span className="tag tag--place">{district || t('ideas:card.everywhere')}</span>
      </div>
      <p className="roadmap__meta">
        <span className="count">{t('ideas:card.votes', { count: item.voteCount })}</span> ·{' '}
        {t('roadmap.lastUpdate', { date: formatDate(item.lastUpdateAt) })}
      </p>
    </li>
  )
}
