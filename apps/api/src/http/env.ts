import type { Locale, Role, TargetGroup } from '@meedenken/shared'
import type { Logger } from 'pino'
import type { Db } from '../db/open'
import type { LiveHub } from '../live/live-hub'
import type { Settings } from '../settings'

/** Time comes from here, so tests can stand on a chosen day (deadlines, expiry, phases). */
export type Clock = { now: () => number }
export const systemClock: Clock = { now: () => Date.now() }

/** A clock that starts at a chosen moment and then runs at the normal pace (tests, demos). */
export function clockStartingAt(start: number): Clock {
  const offset = start - Date.now()
  return { now: () => Date.now() + offset }
}

/** The clock the settings ask for: the real time, or a chosen starting moment. */
export function clockFor(settings: { clockStart: number | null }): Clock {
  return settings.clockStart === null ? systemClock : clockStartingAt(settings.clockStart)
}

export type Deps = {
  db: Db
  settings: Settings
  logger: Logger
  clock: Clock
  live: LiveHub
}

/** The signed-in person, as every handler sees them. */
export type CurrentUser = {
  id: number
  role: Role
  displayName: string
  targetGroup: TargetGroup | null
  districtId: number | null
  locale: Locale
  sessionId: number
}

export type AppEnv = {
  Variables: Deps & {
    requestId: string
    user: CurrentUser | null
  }
}
