/**
 * Working days for the response norm, counted on calendar dates in the municipality's
 * time zone (Europe/Amsterdam), Monday to Friday. Public holidays are not excluded yet:
 * the norm is then slightly strict around them (see docs/decisions/007-response-norm.md).
 */
const ZONE = 'Europe/Amsterdam'
const DAY = 86_400_000

const dateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})
const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, timeZoneName: 'longOffset' })

const HOUR = 3_600_000
/** Local dates by UTC hour: formatting with Intl costs over a microsecond, a Map lookup far less. */
const dayOfHour = new Map<number, number>()
const MAX_HOURS = 100_000

/**
 * Days since 1970-01-01 of the local calendar date of a moment. The zone's offsets are whole
 * hours (+1, +2) and clocks change on the hour, so every moment of a UTC hour has the same date.
 */
export function localDay(ms: number): number {
  const hour = Math.floor(ms / HOUR)
  const known = dayOfHour.get(hour)
  if (known !== undefined) return known
  const [y, m, d] = dateFormat
    .format(hour * HOUR)
    .split('-')
    .map(Number)
  const day = Math.round(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / DAY)
  if (dayOfHour.size >= MAX_HOURS) dayOfHour.clear()
  dayOfHour.set(hour, day)
  return day
}

/** "2026-11-03": the local calendar date of a moment (file names, "gemaakt op" lines). */
export function localDate(ms: number): string {
  return new Date(localDay(ms) * DAY).toISOString().slice(0, 10)
}

/** The moment local midnight starts on a day number. */
export function startOfLocalDay(day: number): number {
  const utcMidnight = day * DAY
  // The offset at (about) that moment; correct also on the days clocks change.
  const name = offsetFormat.formatToParts(utcMidnight).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT'
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name)
  const offset = match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) * 60_000 : 0
  return utcMidnight - offset
}

export function isWorkingDay(day: number): boolean {
  const weekday = (day + 4) % 7 // 1970-01-01 was a Thursday; 0 = Sunday
  return weekday !== 0 && weekday !== 6
}

/** Working days after the day of `fromMs`, up to and including the day of `toMs`. */
export function workingDaysBetween(fromMs: number, toMs: number): number {
  const from = localDay(fromMs)
  const to = localDay(toMs)
  if (to <= from) return 0
  // Whole weeks contribute five each; walk only the remainder.
  const span = to - from
  let count = Math.floor(span / 7) * 5
  for (let day = from + Math.floor(span / 7) * 7 + 1; day <= to; day++) if (isWorkingDay(day)) count++
  return count
}

/** The day number of the n-th working day after the day of `fromMs`. */
export function nthWorkingDayAfter(fromMs: number, n: number): number {
  let day = localDay(fromMs)
  let left = n
  while (left > 0) {
    day++
    if (isWorkingDay(day)) left--
  }
  return day
}

/** When the answer is due: the end of the norm's last working day. */
export function dueAt(createdMs: number, normDays: number): number {
  return startOfLocalDay(nthWorkingDayAfter(createdMs, normDays) + 1) - 1
}

/**
 * The latest creation moment that is overdue at `nowMs`: ideas created before this are
 * overdue. Lets the inbox ask an index for "created_at < cutoff" instead of testing each row.
 */
export function overdueCutoff(nowMs: number, normDays: number): number {
  // Walk back from today until normDays + 1 working days lie after the day we reach.
  let day = localDay(nowMs)
  let counted = 0
  while (counted < normDays + 1) {
    if (isWorkingDay(day)) counted++
    day--
  }
  return startOfLocalDay(day + 1)
}

/** Whole calendar days between two moments, in local dates. */
export function calendarDaysBetween(fromMs: number, toMs: number): number {
  return Math.max(0, localDay(toMs) - localDay(fromMs))
}
