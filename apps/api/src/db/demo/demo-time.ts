import { isWorkingDay, localDay, startOfLocalDay } from '../../domain/working-days'
import { monthOf, monthStart } from '../../stats/periods'
import type { Random } from './demo-random'

const DAY = 86_400_000
const HOUR = 3_600_000

/**
 * The scorecard counts per calendar quarter and month, and hides any figure about fewer than
 * five people. A demo started minutes into a new quarter or month would show nothing for it.
 * So the demo's year is written on a "nominal" calendar and then laid on the real one: the
 * current quarter always gets at least 45 nominal days of life and the current month at
 * least 10, squeezed into the real time that has passed (minutes, if need be). Everything
 * older keeps its real length, shifted back by the same amount, so quarters stay quarters.
 */
const MONTH_MIN_DAYS = 4
const QUARTER_MIN_DAYS = 45

type Segment = { nominalFrom: number; nominalTo: number; ageFrom: number; ageTo: number }

export type DemoTime = {
  now: number
  /** The real moment of a nominal age in days (0 = now). Never after `now`. */
  at(nominalDays: number): number
  /** How long a nominal day lasts (in ms) around a real moment: a day, or less in a young quarter. */
  dayLength(real: number): number
  /** Nominal age ranges of the current quarter (index 0) and the four before it. */
  quarters: { young: number; old: number }[]
}

/** The first moment of the calendar quarter a moment lies in, in the municipality's time zone. */
export function quarterStart(ms: number): number {
  const month = monthOf(ms)
  const first = Math.floor((Number(month.slice(5, 7)) - 1) / 3) * 3 + 1
  return monthStart(`${month.slice(0, 4)}-${String(first).padStart(2, '0')}`)
}

export function demoTime(now: number): DemoTime {
  const quarter = quarterStart(now)
  const month = monthStart(monthOf(now))
  const quarterDays = (now - quarter) / DAY
  const monthDays = (now - month) / DAY
  const segments: Segment[] = []
  if (month === quarter) {
    segments.push({
      nominalFrom: 0,
      nominalTo: Math.max(quarterDays, QUARTER_MIN_DAYS),
      ageFrom: 0,
      ageTo: quarterDays,
    })
  } else {
    const monthNominal = Math.max(monthDays, MONTH_MIN_DAYS)
    segments.push({ nominalFrom: 0, nominalTo: monthNominal, ageFrom: 0, ageTo: monthDays })
    segments.push({
      nominalFrom: monthNominal,
      nominalTo: monthNominal + Math.max(quarterDays - monthDays, QUARTER_MIN_DAYS - monthNominal),
      ageFrom: monthDays,
      ageTo: quarterDays,
    })
  }
  const quarterNominal = segments.at(-1)?.nominalTo ?? 0

  const ageDays = (nominal: number): number => {
    if (nominal >= quarterNominal) return quarterDays + (nominal - quarterNominal)
    const s = segments.find((seg) => nominal < seg.nominalTo) ?? segments[0]
    if (!s) return nominal
    const share = (nominal - s.nominalFrom) / (s.nominalTo - s.nominalFrom)
    return s.ageFrom + share * (s.ageTo - s.ageFrom)
  }

  // The four quarters before this one, by their real starts.
  const starts = [quarter]
  for (let i = 0; i < 4; i++) starts.push(quarterStart((starts.at(-1) ?? quarter) - 1))
  const nominalOfAge = (days: number) => days - quarterDays + quarterNominal
  const quarters = [{ young: 0, old: quarterNominal }]
  for (let i = 1; i < starts.length; i++) {
    quarters.push({
      young: nominalOfAge((now - (starts[i - 1] ?? now)) / DAY),
      old: nominalOfAge((now - (starts[i] ?? now)) / DAY),
    })
  }

  return {
    now,
    at: (nominal) => Math.min(now, Math.round(now - ageDays(Math.max(0, nominal)) * DAY)),
    dayLength: (real) => {
      const age = (now - real) / DAY
      if (age >= quarterDays) return DAY
      const s = segments.find((seg) => age < seg.ageTo) ?? segments.at(-1)
      if (!s) return DAY
      return (DAY * (s.ageTo - s.ageFrom)) / (s.nominalTo - s.nominalFrom)
    },
    quarters,
  }
}

const midnights = new Map<number, number>()
/** startOfLocalDay, remembered: the demo asks for the same few hundred days thousands of times. */
function midnight(day: number): number {
  let ms = midnights.get(day)
  if (ms === undefined) {
    ms = startOfLocalDay(day)
    midnights.set(day, ms)
  }
  return ms
}

/** Hours since local midnight of a moment, and its local day number. */
function localClock(ms: number): { day: number; hours: number } {
  const day = localDay(ms)
  return { day, hours: (ms - midnight(day)) / HOUR }
}

/** The same moment, or the next office hour (Monday to Friday, 8:30 to 17:00) when it falls outside. */
export function officeHours(ms: number, random: Random): number {
  const { day, hours } = localClock(ms)
  if (isWorkingDay(day) && hours >= 8.5 && hours < 17) return ms
  let next = day
  if (!isWorkingDay(day) || hours >= 17) {
    do next++
    while (!isWorkingDay(next))
  }
  return midnight(next) + (8.6 + random.next() * 2.5) * HOUR
}

/** People write at home between seven in the morning and midnight: night hours move to the morning. */
export function wakingHours(ms: number, random: Random): number {
  const { day, hours } = localClock(ms)
  if (hours >= 7) return ms
  return midnight(day) + (7 + random.next() * 2.5) * HOUR
}
