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
export function startBackgroundJobs(deps: Deps): () => Promise<void> {
  const stopMail = startMailWorker(deps)
  const housekeeping = setInterval(async () => {
    const now = deps.clock.now()
    try {
      await pruneRateLimits(deps.db, now)
      await pruneSessions(deps.db, now)
      await askDueFollowups(deps.db, now)
      await announceOpenedCampaigns(deps.db, now)
      await pruneLiveEvents(deps.db, now)
    } catch (error) {
      // A rejected job must not end the process; the next run tries again.
      deps.logger.error({ error: String(error) }, 'housekeeping failed')
    }
  }, 10 * 60_000)
  housekeeping.unref()
  // Staff hear of new, overdue and stale ideas; then notifications become mail (at once, or
  // a daily digest). Twice a minute unless NOTIFY_EVERY_SECONDS says otherwise.
  const notificationMail = setInterval(async () => {
    try {
      await runStaffAlerts(deps.db, deps.clock.now())
    } catch (error) {
      deps.logger.error({ error: String(error) }, 'staff reminders failed')
    }
    try {
      await mailNotifications(deps.db, deps.settings, deps.clock.now())
    } catch (error) {
      deps.logger.error({ error: String(error) }, 'notification mail failed')
    }
  }, deps.settings.notifyEveryMs)
  notificationMail.unref()
  return async () => {
    clearInterval(housekeeping)
    clearInterval(notificationMail)
    await stopMail()
  }
}
