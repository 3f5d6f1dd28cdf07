import { announceOpenedCampaigns } from './features/campaigns/campaigns.data'
import { askDueFollowups } from './features/satisfaction/satisfaction.data'
import type { Deps } from './http/env'
import { pruneRateLimits } from './http/rate-limit.data'
import { pruneSessions } from './http/session.data'
import { pruneLiveEvents } from './live/live.data'
import { startMailWorker } from './mail/sender'
import { mailNotifications } from './notify/mail-notifications'
import { runStaffAlerts } from './notify/staff-alerts.data'

/** Timers the server runs beside requests. Each is safe to run in several processes at once. */
export function startBackgroundJobs(deps: Deps): () => void {
  const stopMail = startMailWorker(deps)
  const housekeeping = setInterval(() => {
    const now = deps.clock.now()
    pruneRateLimits(deps.db, now)
    pruneSessions(deps.db, now)
    askDueFollowups(deps.db, now)
    announceOpenedCampaigns(deps.db, now)
    pruneLiveEvents(deps.db, now)
  }, 10 * 60_000)
  housekeeping.unref()
  // Staff hear of new, overdue and stale ideas; then notifications become mail (at once, or
  // a daily digest). Twice a minute.
  const notificationMail = setInterval(() => {
    try {
      runStaffAlerts(deps.db, deps.clock.now())
    } catch (error) {
      deps.logger.error({ error: String(error) }, 'staff reminders failed')
    }
    try {
      mailNotifications(deps.db, deps.settings, deps.clock.now())
    } catch (error) {
      deps.logger.error({ error: String(error) }, 'notification mail failed')
    }
  }, 30_000)
  notificationMail.unref()
  return () => {
    stopMail()
    clearInterval(housekeeping)
    clearInterval(notificationMail)
  }
}
