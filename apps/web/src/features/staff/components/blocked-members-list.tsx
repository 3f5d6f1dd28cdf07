import { useInfiniteQuery } from '@tanstack/react-query'
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-staff'
import { LoadMore } from '../../../ui/load-more'
import { QueryState } from '../../../ui/query-state'
import { blockedMembersQuery } from '../api/staff-queries'
import { BlockedMemberCard } from './blocked-member-card'

/** Everyone blocked now, newest first, with who blocked them and why; each can be unblocked. */
export function BlockedMembersList({ onUnblocked }: { onUnblocked: (name: string) => void }) {
  const { t } = useTranslation('staff')
  const blocked = useInfiniteQuery(blockedMembersQuery)
  const heading = useRef<HTMLHeadingElement>(null)
  const count = blocked.data?.pages.reduce((n, page) => n + page.items.length, 0) ?? 0

  async function loadMore() {
    if (blocked.isFetchingNextPage) return
    const result = await blocked.fetchNextPage()
    const first = result.data?.pages.flatMap((p) => p.items)[count]
    // Keyboard users continue at the first person added.
    if (first) document.getElementById(`blocked-${first.id}-name`)?.focus()
  }

  return (
    <section className="work-section blocked-list" aria-labelledby="blocked-title">
      <h2 id="blocked-title" ref={heading} tabIndex={-1}>
        {t('moderation.blockedTitle')}
      </h2>
      <p>{t('moderation.blockedIntro')}</p>
      <QueryState query={blocked} empty={<p className="muted">{t('moderation.blockedNone')}</p>}>
        {(data) => (
          <ul className="blocked-members">
            {data.pages
              .flatMap((page) => page.items)
              .map((member) => (
                <li key={member.id}>
                  <BlockedMemberCard
                    member={member}
                    onUnblocked={(name) => {
                      onUnblocked(name)
                      // The person leaves the list: continue at its heading.
                      heading.current?.focus()
                    }}
                  />
                </li>
              ))}
          </ul>
        )}
      </QueryState>
      {blocked.hasNextPage && (
        <LoadMore loading={blocked.isFetchingNextPage} onLoad={() => void loadMore()}>
          {blocked.isFetchingNextPage ? t('moderation.blockedLoadingMore') : t('moderation.blockedMore')}
        </LoadMore>
      )}
    </section>
  )
}
