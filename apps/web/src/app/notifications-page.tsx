import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { RequireRole } from '../features/accounts/components/require-role'
import { ideaKeys } from '../features/ideas/api/idea-queries'
import { notificationsQuery, useMarkRead } from '../features/notifications/api/notification-queries'
import { NotificationItem } from '../features/notifications/components/notification-item'
import { errorText } from '../lib/errors'
import '../lib/i18n-engage'
import '../lib/i18n-notify'
import { ErrorMessage } from '../ui/error-message'
import { Loading } from '../ui/loading'
import { PageHeading } from '../ui/page-heading'
import '../styles/engage.css'
import { Button } from '../ui/button'
import { LoadMore } from '../ui/load-more'
import { Paragraph } from '../ui/paragraph'

export function NotificationsPage() {
  const { t } = useTranslation(['engage', 'notify'])
  return (
    <div className="narrow-wide">
      <PageHeading title={t('notifications.title')}>{t('notifications.title')}</PageHeading>
      <Paragraph lead>{t('notify:intro')}</Paragraph>
      <RequireRole minRole="member">
        {(user) => (
          <>
            {user.role !== 'member' && <p>{t('notify:introStaff')}</p>}
            <NotificationList />
          </>
        )}
      </RequireRole>
    </div>
  )
}

function NotificationList() {
  const { t } = useTranslation('engage')
  const list = useInfiniteQuery(notificationsQuery)
  const markRead = useMarkRead()
  const qc = useQueryClient()
  const [announcement, setAnnouncement] = useState('')
  const [focusId, setFocusId] = useState<number | null>(null)
  const items = list.data?.pages.flatMap((p) => p.items) ?? []
  const unread = list.data?.pages[0]?.unread ?? 0

  useEffect(() => {
    if (focusId === null) return
    document.querySelector<HTMLElement>(`#melding-${focusId} a`)?.focus()
    setFocusId(null)
  }, [focusId])

  async function loadMore() {
    if (list.isFetchingNextPage) return
    const before = items.length
    const result = await list.fetchNextPage()
    const first = result.data?.pages.flatMap((p) => p.items)[before]
    if (first) setFocusId(first.id)
  }

  function markAll() {
    if (markRead.isPending) return
    markRead.mutate(undefined, {
      onSuccess: () => setAnnouncement(t('notifications.markedAll')),
      onError: (error) => setAnnouncement(errorText(error)),
    })
  }

  if (list.isPending) return <Loading />
  if (list.isError) return <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
  return (
    <>
      {/* With no notifications at all, the empty state below says it once. */}
      {items.length > 0 && (
        <div className="notifications__bar">
          <p className="notifications__count">
            {unread > 0 ? t('notifications.unread', { count: unread }) : t('notifications.noneUnread')}
          </p>
          {unread > 0 && (
            <Button appearance="secondary" onClick={markAll} aria-disabled={markRead.isPending || undefined}>
              {t('notifications.markAll')}
            </Button>
          )}
        </div>
      )}
      <p className="status-line" role="status">
        {announcement}
      </p>
      {items.length === 0 ? (
        <div className="empty-state">
          <p>{t('notifications.empty')}</p>
        </div>
      ) : (
        <ul className="notifications">
          {items.map((n) => (
            <li key={n.id} id={`melding-${n.id}`}>
              <NotificationItem
                notification={n}
                onOpen={() => {
                  if (!n.read) markRead.mutate([n.id])
                  // The news is about a change: the idea must not be shown from an older visit.
                  const shown = n.mergedInto?.id ?? n.ideaId
                  if (shown !== null) void qc.invalidateQueries({ queryKey: ideaKeys.detail(shown) })
                }}
              />
            </li>
          ))}
        </ul>
      )}
      {list.hasNextPage && (
        <LoadMore loading={list.isFetchingNextPage} onLoad={() => void loadMore()}>
          {list.isFetchingNextPage ? t('notifications.loadingMore') : t('notifications.loadMore')}
        </LoadMore>
      )}
      <p className="notifications__profile">
        {t('notifications.profileHint')} <Link to="/profiel">{t('notifications.profileLink')}</Link>
      </p>
    </>
  )
}
