import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { NavLink } from 'react-router'
import { watchLive } from '../api/live-line'
import { notificationKeys, type Unread, unreadQuery } from '../api/notification-keys'

/**
 * "Meldingen (3)" in the header, for signed-in people. It ships with every page, so it
 * stays small: one count, kept current on the tab's live line while the page is open.
 */
export function NotificationBell() {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const { data } = useQuery(unreadQuery)

  useEffect(() => {
    const refresh = () => void qc.invalidateQueries({ queryKey: notificationKeys.unread() })
    return watchLive({
      onNotifications: (unread) => {
        const before = qc.getQueryData<Unread>(notificationKeys.unread())?.unread
        qc.setQueryData<Unread>(notificationKeys.unread(), { unread })
        if (before !== undefined && before !== unread) void qc.invalidateQueries({ queryKey: notificationKeys.lists() })
      },
      onReconnected: refresh,
      poll: refresh,
      // Signed out elsewhere (or blocked): everything personal on the page is out of date.
      onSessionEnded: () => void qc.invalidateQueries(),
    })
  }, [qc])

  const unread = data?.unread ?? 0
  // "Meldingen (3)": the count is part of the link's name, so screen readers hear it too.
  return (
    <NavLink to="/meldingen">
      {t('nav.notifications')}
      {unread > 0 && ` (${unread})`}
    </NavLink>
  )
}
