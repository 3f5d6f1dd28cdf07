import '../lib/i18n-staff'
import '../styles/staff.css'
import type { InboxTab, StaffIdea } from '@meedenken/shared'
import { INBOX_TABS } from '@meedenken/shared/constants'
import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { themesQuery } from '../features/catalog/api/catalog-queries'
import { localName } from '../features/catalog/local-name'
import { colleaguesQuery, departmentsQuery, inboxQuery } from '../features/staff/api/staff-queries'
import { DueBadge, DueDate } from '../features/staff/components/due-badge'
import { StaffPage } from '../features/staff/components/staff-page'
import { type InboxTrail, isInboxTab } from '../features/staff/inbox-trail'
import { formatDate } from '../lib/format'
import { ErrorMessage } from '../ui/error-message'
import { Loading } from '../ui/loading'
import { StatusBadge } from '../ui/status-badge'

export function StaffInboxPage() {
  const { t } = useTranslation('staff')
  return (
    <StaffPage title={t('inbox.title')} intro={t('inbox.intro')}>
      <Inbox />
    </StaffPage>
  )
}

type Names = {
  theme: (id: number) => string
  department: (id: number | null) => string
  colleague: (id: number | null) => string
}

function useNames(): Names {
  const { t } = useTranslation('staff')
  const themes = useQuery(themesQuery)
  const departments = useQuery(departmentsQuery)
  const colleagues = useQuery(colleaguesQuery)
  return {
    theme: (id) => {
      const theme = themes.data?.items.find((th) => th.id === id)
      return theme ? localName(theme) : '…'
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

function Inbox() {
  const { t } = useTranslation('staff')
  const [params] = useSearchParams()
  const requested = params.get('tab')
  const tab: InboxTab = isInboxTab(requested) ? requested : 'needs_answer'
  const inbox = useInfiniteQuery(inboxQuery(tab))
  const names = useNames()
  const items = inbox.data?.pages.flatMap((page) => page.items) ?? []
  const counts = inbox.data?.pages[0]?.counts
  const trail: InboxTrail = { tab, ids: items.map((item) => item.id) }

  async function loadMore() {
    if (inbox.isFetchingNextPage) return
    const before = items.length
    const result = await inbox.fetchNextPage()
    const first = result.data?.pages.flatMap((page) => page.items)[before]
    // Keyboard users continue at the first idea that was added.
    if (first) document.getElementById(`inbox-idea-${first.id}`)?.focus()
  }

  return (
    <>
      <nav className="inbox-tabs" aria-label={t('inbox.tabsLabel')}>
        <ul>
          {INBOX_TABS.map((name) => (
            <li key={name}>
              <Link
                to={`/medewerkers?tab=${name}`}
                aria-current={name === tab ? 'page' : undefined}
                className={`inbox-tabs__tab${name === 'overdue' && (counts?.overdue ?? 0) > 0 ? ' inbox-tabs__tab--alert' : ''}`}
              >
                {t(`inbox.tabs.${name}`)}
                {counts && (
                  <>
                    {' '}
                    <span className="inbox-tabs__count" aria-hidden="true">
                      {counts[name]}
                    </span>
                    <span className="visually-hidden"> ({t('inbox.ideaCount', { count: counts[name] })})</span>
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
        {inbox.isPending && <Loading />}
        {inbox.isError && <ErrorMessage error={inbox.error} onRetry={() => void inbox.refetch()} />}
        {inbox.isSuccess && items.length === 0 && (
          <div className="empty-state">
            <p className="empty-state__title">{t(`inbox.empty.${tab}`)}</p>
          </div>
        )}
        {items.length > 0 && (
          <ol className="inbox-list" aria-labelledby="inbox-list-title">
            {items.map((item) => (
              <InboxRow key={item.id} item={item} names={names} trail={trail} />
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

function InboxRow({ item, names, trail }: { item: StaffIdea; names: Names; trail: InboxTrail }) {
  const { t } = useTranslation(['staff', 'ideas'])
  return (
    <li className={`inbox-item inbox-item--${item.badge}`}>
      <div className="inbox-item__head">
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
