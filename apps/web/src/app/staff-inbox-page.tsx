import '../lib/i18n-staff'
import '../lib/i18n-werkbak'
import '../styles/staff.css'
import '../styles/werkbak.css'
import type { InboxTab, StaffIdea } from '@meedenken/shared'
import { INBOX_TABS } from '@meedenken/shared/constants'
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { districtsQuery, themesQuery } from '../features/catalog/api/catalog-queries'
import { localName } from '../features/catalog/local-name'
import { ideaKeys } from '../features/ideas/api/idea-queries'
import { useBulkActions } from '../features/staff/api/staff-mutations'
import { colleaguesQuery, departmentsQuery, inboxQuery } from '../features/staff/api/staff-queries'
import { BulkActionsBar } from '../features/staff/components/bulk-actions'
import { DueBadge, DueDate } from '../features/staff/components/due-badge'
import { StaffPage } from '../features/staff/components/staff-page'
import { WerkbakDownloads } from '../features/staff/components/werkbak-downloads'
import { WerkbakSearch } from '../features/staff/components/werkbak-search'
import type { InboxTrail } from '../features/staff/inbox-trail'
import { WERKBAK_COUNT_CAP } from '../features/staff/rules'
import { hasFilters, readView, viewSearch, type WerkbakView } from '../features/staff/werkbak-view'
import { formatDate } from '../lib/format'
import { ErrorMessage } from '../ui/error-message'
import { Loading } from '../ui/loading'
import { StatusBadge } from '../ui/status-badge'

export function StaffInboxPage() {
  const { t } = useTranslation('staff')
  const [params] = useSearchParams()
  const view = readView(params)
  const search = viewSearch(view)
  return (
    <StaffPage title={t('inbox.title')} intro={t('inbox.intro')}>
      {/* Keyed by the address: another view starts with its own fields and an empty selection. */}
      <WerkbakSearch key={`search-${search}`} view={view} />
      <Inbox key={search} view={view} />
    </StaffPage>
  )
}

type Names = {
  theme: (id: number) => string
  district: (id: number | null) => string
  department: (id: number | null) => string
  colleague: (id: number | null) => string
}

function useNames(): Names {
  const { t } = useTranslation(['staff', 'ideas'])
  const themes = useQuery(themesQuery)
  const districts = useQuery(districtsQuery)
  const departments = useQuery(departmentsQuery)
  const colleagues = useQuery(colleaguesQuery)
  return {
    theme: (id) => {
      const theme = themes.data?.items.find((th) => th.id === id)
      return theme ? localName(theme) : '…'
    },
    district: (id) => {
      if (id === null) return t('ideas:card.everywhere')
      return districts.data?.items.find((d) => d.id === id)?.name ?? '…'
    },
    department: (id) => {
      if (id === null) return t('common.noDepartment')
      const department = departments.data?.items.find((d) => d.id === id)
      return department ? localName(department) : '…'
    },
    colleague: (id) => {
      if (id === null) return t('common.nobody')
      return colleagues.data?.items.find((c) => c.id === id)?.displayName ?? '…'
    },
  }
}

/** "12 ideeën", or "1000 of meer" where the count stopped. */
function useCountText() {
  const { t } = useTranslation(['staff', 'werkbak'])
  return (count: number) =>
    count >= WERKBAK_COUNT_CAP ? t('werkbak:count.many', { count }) : t('inbox.ideaCount', { count })
}

function Inbox({ view }: { view: WerkbakView }) {
  const { t } = useTranslation(['staff', 'werkbak'])
  const { tab, filters } = view
  const qc = useQueryClient()
  const inbox = useInfiniteQuery(inboxQuery(view))
  const names = useNames()
  const countText = useCountText()
  const [selected, setSelected] = useState<Map<number, StaffIdea>>(new Map())
  const [done, setDone] = useState('')
  const doneLine = useRef<HTMLParagraphElement>(null)
  const actions = useBulkActions(() => void qc.invalidateQueries({ queryKey: ideaKeys.all }))
  const items = inbox.data?.pages.flatMap((page) => page.items) ?? []
  const counts = inbox.data?.pages[0]?.counts
  const search = viewSearch(view)
  const trail: InboxTrail = { tab, ids: items.map((item) => item.id), search }
  const filtered = hasFilters(filters)

  useEffect(() => {
    if (done) doneLine.current?.focus()
  }, [done])

  async function loadMore() {
    if (inbox.isFetchingNextPage) return
    const before = items.length
    const result = await inbox.fetchNextPage()
    const first = result.data?.pages.flatMap((page) => page.items)[before]
    // Keyboard users continue at the first idea that was added.
    if (first) document.getElementById(`inbox-idea-${first.id}`)?.focus()
  }

  function toggle(item: StaffIdea, on: boolean) {
    setDone('')
    setSelected((current) => {
      const next = new Map(current)
      if (on) next.set(item.id, item)
      else next.delete(item.id)
      return next
    })
  }

  function toggleAll(on: boolean) {
    setDone('')
    setSelected(on ? new Map(items.map((item) => [item.id, item])) : new Map())
  }

  const tabHref = (name: InboxTab) => `/medewerkers?${viewSearch({ tab: name, filters })}`

  return (
    <>
      <nav className="inbox-tabs" aria-label={t('inbox.tabsLabel')}>
        <ul>
          {INBOX_TABS.map((name) => (
            <li key={name}>
              <Link
                to={tabHref(name)}
                aria-current={name === tab ? 'page' : undefined}
                className={`inbox-tabs__tab${name === 'overdue' && (counts?.overdue ?? 0) > 0 ? ' inbox-tabs__tab--alert' : ''}`}
              >
                {t(`inbox.tabs.${name}`)}
                {counts && (
                  <>
                    {' '}
                    <span className="inbox-tabs__count" aria-hidden="true">
                      {counts[name] >= WERKBAK_COUNT_CAP ? `${WERKBAK_COUNT_CAP}+` : counts[name]}
                    </span>
                    <span className="visually-hidden"> ({countText(counts[name])})</span>
                  </>
                )}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <section className="inbox" aria-labelledby="inbox-list-title">
        <h2 id="inbox-list-title">{t(`inbox.tabs.${tab}`)}</h2>
        <p className="inbox__explain">{t(`inbox.explain.${tab}`)}</p>
        {counts && (
          <p className="werkbak-found">
            {filtered
              ? t('werkbak:count.found', { ideas: countText(counts[tab]) })
              : t('werkbak:count.inList', { ideas: countText(counts[tab]) })}
          </p>
        )}
        {counts && counts[tab] > 0 && <WerkbakDownloads view={view} count={counts[tab]} />}
        <p role="status" className="status-line status-line--success" ref={doneLine} tabIndex={-1}>
          {done}
        </p>
        {inbox.isPending && <Loading />}
        {inbox.isError && <ErrorMessage error={inbox.error} onRetry={() => void inbox.refetch()} />}
        {inbox.isSuccess && items.length === 0 && (
          <div className="empty-state">
            <p className="empty-state__title">{filtered ? t('werkbak:empty.filtered') : t(`inbox.empty.${tab}`)}</p>
            {filtered && tab !== 'all' && counts && counts.all > 0 && (
              <p>
                <Link to={tabHref('all')}>{t('werkbak:empty.toAll', { ideas: countText(counts.all) })}</Link>
              </p>
            )}
          </div>
        )}
        {items.length > 0 && (
          <div className="werkbak-selection">
            <SelectAll
              count={items.length}
              selected={items.filter((i) => selected.has(i.id)).length}
              onToggle={toggleAll}
            />
            {/* Said to screen readers as it changes; the action bar shows it. */}
            <p className="visually-hidden" role="status">
              {selected.size > 0 ? t('werkbak:bulk.selected', { count: selected.size }) : ''}
            </p>
          </div>
        )}
        <BulkActionsBar
          selected={[...selected.values()]}
          actions={actions}
          onClear={() => setSelected(new Map())}
          onDone={(message) => {
            setSelected(new Map())
            setDone(message)
          }}
        />
        {items.length > 0 && (
          <ol className="inbox-list" aria-labelledby="inbox-list-title">
            {items.map((item) => (
              <InboxRow
                key={item.id}
                item={item}
                names={names}
                trail={trail}
                picked={selected.has(item.id)}
                onPick={(on) => toggle(item, on)}
              />
            ))}
          </ol>
        )}
        {inbox.hasNextPage && (
          <button type="button" className="button button--secondary load-more" onClick={() => void loadMore()}>
            {inbox.isFetchingNextPage ? t('inbox.loadingMore') : t('inbox.loadMore')}
          </button>
        )}
      </section>
    </>
  )
}

/** "Select all on this page": checked, unchecked, or mixed when some are chosen. */
function SelectAll({
  count,
  selected,
  onToggle,
}: {
  count: number
  selected: number
  onToggle: (on: boolean) => void
}) {
  const { t } = useTranslation('werkbak')
  const box = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (box.current) box.current.indeterminate = selected > 0 && selected < count
  }, [selected, count])
  return (
    <div className="werkbak-selection__all">
      <input
        type="checkbox"
        id="werkbak-select-all"
        ref={box}
        checked={selected === count}
        onChange={(event) => onToggle(event.target.checked)}
      />
      <label htmlFor="werkbak-select-all">{t('bulk.selectAll', { count })}</label>
    </div>
  )
}

function InboxRow({
  item,
  names,
  trail,
  picked,
  onPick,
}: {
  item: StaffIdea
  names: Names
  trail: InboxTrail
  picked: boolean
  onPick: (on: boolean) => void
}) {
  const { t } = useTranslation(['staff', 'ideas', 'werkbak'])
  return (
    <li className={`inbox-item inbox-item--${item.badge}${picked ? ' inbox-item--picked' : ''}`}>
      <div className="inbox-item__head">
        <input
          type="checkbox"
          className="inbox-item__pick"
          checked={picked}
          onChange={(event) => onPick(event.target.checked)}
          aria-label={t('werkbak:bulk.pick', { id: item.id, title: item.title })}
        />
        <h3 className="inbox-item__title">
          <Link id={`inbox-idea-${item.id}`} to={`/medewerkers/ideeen/${item.id}`} state={{ inbox: trail }}>
            {item.title}
          </Link>
        </h3>
        <p className="inbox-item__due">
          <DueBadge badge={item.badge} /> <DueDate staff={item} />
        </p>
      </div>
      <dl className="facts facts--inline">
        <div>
          <dt>{t('idea.number')}</dt>
          <dd>#{item.id}</dd>
        </div>
        <div>
          <dt>{t('idea.status')}</dt>
          <dd>
            <StatusBadge status={item.status} />
          </dd>
        </div>
        <div>
          <dt>{t('idea.theme')}</dt>
          <dd>{names.theme(item.themeId)}</dd>
        </div>
        <div>
          <dt>{t('werkbak:facts.district')}</dt>
          <dd>{names.district(item.districtId)}</dd>
        </div>
        <div>
          <dt>{t('idea.department')}</dt>
          <dd>{names.department(item.departmentId)}</dd>
        </div>
        <div>
          <dt>{t('idea.assignee')}</dt>
          <dd>{names.colleague(item.assigneeId)}</dd>
        </div>
        <div>
          <dt>{t('idea.received')}</dt>
          <dd>
            {formatDate(item.createdAt)}
            {item.channel !== 'web' && <> ({t(`ideas:channel.${item.channel}`)})</>}
          </dd>
        </div>
      </dl>
      {(item.stale || item.openReports > 0 || item.hidden) && (
        <ul className="flags">
          {item.stale && (
            <li className="flag flag--stale">
              {t('idea.stale', { date: formatDate(item.lastPublicUpdateAt ?? item.createdAt) })}
            </li>
          )}
          {item.openReports > 0 && (
            <li className="flag flag--reported">{t('idea.reports', { count: item.openReports })}</li>
          )}
          {item.hidden && <li className="flag flag--hidden">{t('idea.hidden')}</li>}
        </ul>
      )}
    </li>
  )
}
