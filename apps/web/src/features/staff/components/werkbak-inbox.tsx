import type { StaffIdea } from '@meedenken/shared'
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import '../../../lib/i18n-staff'
import '../../../lib/i18n-werkbak'
import { LoadMore } from '../../../ui/load-more'
import { QueryState } from '../../../ui/query-state'
import { ideaKeys } from '../../ideas/api/idea-queries'
import { useBulkActions } from '../api/staff-mutations'
import { inboxQuery } from '../api/staff-queries'
import type { InboxTrail } from '../inbox-trail'
import { useCountText } from '../use-count-text'
import { useIdeaNames } from '../use-idea-names'
import { hasFilters, viewSearch, type WerkbakView } from '../werkbak-view'
import { BulkActionsBar } from './bulk-actions-bar'
import { InboxRow } from './inbox-row'
import { InboxTabs } from './inbox-tabs'
import { SelectAllIdeas } from './select-all-ideas'
import { WerkbakDownloads } from './werkbak-downloads'

/**
 * One Werkbak view (a tab with its search and filters): the ideas in it, page by page, with
 * a selection for bulk actions. Made anew for another view, so the selection starts empty.
 */
export function WerkbakInbox({ view }: { view: WerkbakView }) {
  const { t } = useTranslation(['staff', 'werkbak'])
  const { tab, filters } = view
  const qc = useQueryClient()
  const inbox = useInfiniteQuery(inboxQuery(view))
  const names = useIdeaNames()
  const countText = useCountText()
  const [selected, setSelected] = useState<Map<number, StaffIdea>>(new Map())
  const [done, setDone] = useState('')
  const doneLine = useRef<HTMLParagraphElement>(null)
  const actions = useBulkActions(() => void qc.invalidateQueries({ queryKey: ideaKeys.all }))
  const items = inbox.data?.pages.flatMap((page) => page.items) ?? []
  const counts = inbox.data?.pages[0]?.counts
  const trail: InboxTrail = { tab, ids: items.map((item) => item.id), search: viewSearch(view) }
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

  return (
    <>
      <InboxTabs view={view} counts={counts} />
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
        <QueryState
          query={inbox}
          empty={
            <div className="empty-state">
              <p className="empty-state__title">{filtered ? t('werkbak:empty.filtered') : t(`inbox.empty.${tab}`)}</p>
              {filtered && tab !== 'all' && counts && counts.all > 0 && (
                <p>
                  <Link to={`/medewerkers?${viewSearch({ tab: 'all', filters })}`}>
                    {t('werkbak:empty.toAll', { ideas: countText(counts.all) })}
                  </Link>
                </p>
              )}
            </div>
          }
        >
          {() => (
            <>
              <div className="werkbak-selection">
                <SelectAllIdeas
                  count={items.length}
                  selected={items.filter((i) => selected.has(i.id)).length}
                  onToggle={toggleAll}
                />
                {/* Said to screen readers as it changes; the action bar shows it. */}
                <p className="visually-hidden" role="status">
                  {selected.size > 0 ? t('werkbak:bulk.selected', { count: selected.size }) : ''}
                </p>
              </div>
              <BulkActionsBar
                selected={[...selected.values()]}
                actions={actions}
                onClear={() => setSelected(new Map())}
                onDone={(message) => {
                  setSelected(new Map())
                  setDone(message)
                }}
              />
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
            </>
          )}
        </QueryState>
        {inbox.hasNextPage && (
          <LoadMore loading={inbox.isFetchingNextPage} onLoad={() => void loadMore()}>
            {inbox.isFetchingNextPage ? t('inbox.loadingMore') : t('inbox.loadMore')}
          </LoadMore>
        )}
      </section>
    </>
  )
}
