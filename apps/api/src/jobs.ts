import { askDueFollowups } from './features/satisfaction/satisfaction.data'
import type { Deps } from './http/env'
import { pruneRateLimits } from './http/rate-limit.data'
import { pruneSessions } from './http/session.data'
import { startMailWorker } from './mail/sender'

/** Timers the server runs beside requests. Each is safe to run in several processes at once. */
export function startBackgroundJobs(deps: Deps): () => void {
  const stopMail = startMailWorker(deps)
  const housekeeping = setInterval(() => {
    const now = deps.clock.now()
    pruneRateLimits(deps.db, now)
    pruneSessions(deps.db, now)
    askDueFollowups(deps.db, now)
  }, 10 * 60_000)
  housekeeping.unref()
  return () => {
    stopMail()
    clearInterval(housekeeping)
  }
}
