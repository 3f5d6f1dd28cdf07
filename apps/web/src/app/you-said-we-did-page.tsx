import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { type FormEvent, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { districtsQuery, themesQuery } from '../features/catalog/api/catalog-queries'
import { youSaidWeDidQuery } from '../features/engage/api/engage-queries'
import { MapView } from '../features/mapviews/components/map-view'
import { formatDate } from '../lib/format'
import { currentLocale } from '../lib/i18n'
import '../lib/i18n-engage'
import { Button } from '../ui/button'
import { ErrorMessage } from '../ui/error-message'
import { Field, formValues, Select } from '../ui/form'
import { LoadMore } from '../ui/load-more'
import { Loading } from '../ui/loading'
import { PageHeading } from '../ui/page-heading'
import '../styles/engage.css'
import { localName, namesById } from '../features/catalog/local-name'

/** "Jij zei, wij deden": what changed because of completed ideas, newest first. */
export function YouSaidWeDidPage() {
  const { t } = useTranslation(['engage', 'ideas'])
  const [searchParams, setSearchParams] = useSearchParams()
  const raw = searchParams.get('theme')
  const theme = raw && /^\d{1,9}$/.test(raw) ? raw : undefined
  const list = useInfiniteQuery(youSaidWeDidQuery(theme))
  const themes = useQuery(themesQuery)
  const districts = useQuery(districtsQuery)
  const [focusId, setFocusId] = useState<number | null>(null)
  const locale = currentLocale()
  const themeName = namesById(themes.data?.items, locale)
  const districtName = new Map(districts.data?.items.map((d) => [d.id, d.name]))
  const items = list.data?.pages.flatMap((page) => page.items) ?? []

  // After "load more", focus moves to the first new record, so keyboard users read on.
  useEffect(() => {
    if (focusId === null) return
    document.getElementById(`gedaan-${focusId}`)?.focus()
    setFocusId(null)
  }, [focusId])

  async function loadMore() {
    if (list.isFetchingNextPage) return
    const before = items.length
    const result = await list.fetchNextPage()
    const first = result.data?.pages.flatMap((page) => page.items)[before]
    if (first) setFocusId(first.ideaId)
  }

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const value = formValues(event.currentTarget).theme
    setSearchParams(value ? { theme: value } : {})
  }

  return (
    <>
      <PageHeading title={t('youSaid.title')}>{t('youSaid.title')}</PageHeading>
      <p className="lead">{t('youSaid.intro')}</p>
      <form className="filters filters--inline" aria-label={t('youSaid.filtersLabel')} onSubmit={apply} key={theme}>
        <Field name="theme" label={t('filters.theme')}>
          {(p) => (
            <Select {...p} defaultValue={theme ?? ''} key={themes.data ? 'themes' : 'loading'}>
              <option value="">{t('filters.allThemes')}</option>
              {themes.data?.items.map((th) => (
                <option key={th.id} value={th.id}>
                  {localName(th, locale)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Button type="submit">{t('youSaid.apply')}</Button>
      </form>
      <p className="visually-hidden" role="status">
        {list.isSuccess ? t('youSaid.count', { count: items.length }) : ''}
      </p>
      {list.isPending && <Loading />}
      {list.isError && <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && items.length === 0 && (
        <div className="empty-state">
          <p className="empty-state__title">{t('youSaid.empty')}</p>
        </div>
      )}
      {items.length > 0 && (
        <ol className="closures">
          {items.map((item) => (
            <li key={item.ideaId}>
              <article
                className="closure-card"
                id={`gedaan-${item.ideaId}`}
                tabIndex={-1}
                aria-labelledby={`gedaan-${item.ideaId}-title`}
              >
                <div className="idea-card__meta">
                  {themeName.get(item.themeId) && <span className="tag">{themeName.get(item.themeId)}</span>}
                  <span className="tag tag--place">
                    {(item.districtId && districtName.get(item.districtId)) || t('ideas:card.everywhere')}
                  </span>
                </div>
                <p className="closure-card__label">{t('youSaid.youSaid')}</p>
                <h2 className="closure-card__title" id={`gedaan-${item.ideaId}-title`}>
                  <Link to={`/ideeen/${item.ideaId}`}>{item.title}</Link>
                </h2>
                <p className="closure-card__date">{t('youSaid.doneOn', { date: formatDate(item.doneAt) })}</p>
                <div className="closure-card__did">
                  <h3 className="closure-card__label">{t('youSaid.weDid')}</h3>
                  <p>{item.closure.whatChanged}</p>
                  <p className="closure-card__note">
                    {t('ideas:detail.closureSince', { date: formatDate(item.closure.since) })} ·{' '}
                    {t('ideas:detail.closureTeam', { team: item.closure.team })}
                  </p>
                  {addsToClosure(item.explanation, item.closure.whatChanged) && <p>{item.explanation}</p>}
                  {item.closure.link && (
                    <p>
                      <a href={item.closure.link} rel="nofollow noopener noreferrer">
                        {t('ideas:detail.closureLink')}
                        <span className="visually-hidden">: {item.title}</span>
                      </a>
                    </p>
                  )}
                </div>
              </article>
            </li>
          ))}
        </ol>
      )}
      {list.hasNextPage && (
        <LoadMore loading={list.isFetchingNextPage} onLoad={() => void loadMore()}>
          {list.isFetchingNextPage ? t('youSaid.loadingMore') : t('youSaid.loadMore')}
        </LoadMore>
      )}
      {/* What was done and where, below the records: its code loads after the page (map-view.tsx). */}
      <MapView filters={theme ? { status: 'done', theme } : { status: 'done' }} kind="done" />
    </>
  )
}

/**
 * Whether the note that came with "done" says more than what changed. Staff often write
 * what changed again in it, with a word of thanks ("… Fijn dat u dit idee instuurde."):
 * the card then shows what changed once, not twice.
 */
function addsToClosure(explanation: string | null | undefined, whatChanged: string): explanation is string {
  if (!explanation) return false
  const words = (text: string) => text.replace(/\s+/g, ' ').trim()
  return !words(explanation).includes(words(whatChanged))
}
