/**
 * Dates as the municipality means them: a day in Europe/Amsterdam. Date inputs give a
 * calendar day; the API wants a moment with its offset, which is +01:00 in winter and
 * +02:00 in summer.
 */
const ZONE = 'Europe/Amsterdam'

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})
const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, timeZoneName: 'longOffset' })

/** Minutes Amsterdam is ahead of UTC at this moment (60 or 120). */
function offsetMinutes(ms: number): number {
  const name = offsetFormat.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT'
  const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name)
  if (!match) return 0
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0)
  return match[1] === '-' ? -minutes : minutes
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(minutes)
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
}

/** "2026-10-01" → "2026-10-01T00:00:00+02:00": the first moment of that day in Amsterdam. */
export function startOfDayInAmsterdam(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const utcMidnight = Date.UTC(y, m - 1, d)
  // Guess with the offset at UTC midnight, then check it at the local midnight it points to.
  const guess = offsetMinutes(utcMidnight)
  const offset = offsetMinutes(utcMidnight - guess * 60_000)
  return `${day}T00:00:00${formatOffset(offset)}`
}

/** The calendar day (YYYY-MM-DD) of a moment, in Amsterdam. */
export function dayInAmsterdam(iso: string | number | Date): string {
  return dayFormat.format(new Date(iso))
}

/** "2026-Q3" for a moment, in Amsterdam. */
export function quarterOf(moment: number | Date): string {
  const [y, m] = dayInAmsterdam(moment).split('-').map(Number) as [number, number]
  return `${y}-Q${Math.ceil(m / 3)}`
}

/** This quarter and the ones before it, newest first. */
export function recentQuarters(now: number | Date, count: number): string[] {
  const [y, q] = quarterOf(now).split('-Q').map(Number) as [number, number]
  return Array.from({ length: count }, (_, i) => {
    const index = y * 4 + (q - 1) - i
    return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`
  })
}
