import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { NavLink } from 'react-router'
import { api } from '../../../lib/api-client'
import { notificationKeys, type Unread, unreadQuery } from '../api/notification-keys'

/**
 * "Meldingen (3)" in the header, for signed-in people. It ships with every page, so it
 * stays small: one count, kept current by server-sent events while the page is open.
 */
export function NotificationBell() {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const { data } = useQuery(unreadQuery)

  useEffect(() => {
    if (typeof EventSource === 'undefined') return
    const source = new EventSource(api.api.live.$path({ query: {} }))
    source.addEventListener('notifications', (event) => {
      let unread: number
      try {
        unread = Number((JSON.parse((event as MessageEvent<string>).data) as Unread).unread)
      } catch {
        return
      }
      const before = qc.getQueryData<Unread>(notificationKeys.unread())?.unread
      qc.setQueryData<Unread>(notificationKeys.unread(), { unread })
      if (before !== undefined && before !== unread) void qc.invalidateQueries({ queryKey: notificationKeys.lists() })
    })
    return () => source.close()
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
