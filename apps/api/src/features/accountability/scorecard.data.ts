import { MIN_CELL_SIZE, type Scorecard, type ScorecardCell } from '@meedenken/shared'
import { and, count, eq, gte, isNull, lt, lte, ne, sql } from 'drizzle-orm'
import { installationSettings } from '../../config/installation.data'
import type { Db } from '../../db/open'

import { ideas, statsCounters, themes } from '../../db/schema'
import { overdueCutoff } from '../../domain/working-days'
import { countersVersion } from '../../stats/counters.data'
import { answerDaysHistogram, medianOfHistogram } from '../../stats/median'
import { monthOf, monthStart, monthsOfQuarter, nextMonth, quarterOfMonth, quarterRange } from '../../stats/periods'

type Bucket = Map<string, number>

const GROUPS = ['resident', 'entrepreneur', 'organisation', 'unknown'] as const

function pct(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null
}

const get = (b: Bucket, metric: string) => b.get(metric) ?? 0

function prefixed(b: Bucket, prefix: string): Record<string, number> {
  return Object.fromEntries(
    [...b.entries()].filter(([k]) => k.startsWith(prefix)).map(([k, n]) => [k.slice(prefix.length), n]),
  )
}

function add(target: Bucket, metric: string, n: number) {
  target.set(metric, (target.get(metric) ?? 0) + n)
}

/**
 * The public scorecard per theme × quarter × target group, from the counters (no scan of
 * the ideas table), plus the unanswered ideas already past their due date (an index range).
 */
export async function scorecard(
  db: Db,
  input: { from: string; to: string; themeId?: number | undefined },
  now: number,
): Promise<Scorecard> {
  const quarters = quarterRange(input.from, input.to)
  const firstMonth = monthsOfQuarter(quarters[0] ?? input.from)[0] ?? '0000-00'
  const lastMonth = monthsOfQuarter(quarters.at(-1) ?? input.to)[2] ?? '9999-99'
  const { responseNormDays } = await installationSettings(db)
  const rows = await db
    .select()
    .from(statsCounters)
    .where(
      and(
        gte(statsCounters.month, firstMonth),
        lte(statsCounters.month, lastMonth),
        input.themeId ? eq(statsCounters.themeId, input.themeId) : undefined,
      ),
    )

  // Unanswered and overdue: not a counter, because time alone makes an idea overdue.
  // Counted per month, theme and group by SQLite from an index range; months in Amsterdam time.
  const months = quarters.flatMap(monthsOfQuarter)
  const monthOfIdea = sql<string>`case ${sql.join(
    months.map(
      (m) =>
        sql`when ${ideas.createdAt} >= ${monthStart(m)} and ${ideas.createdAt} < ${monthStart(nextMonth(m))} then ${m}`,
    ),
    sql` `,
  )} end`
  const firstMonthStart = monthStart(months[0] ?? firstMonth)
  const afterLastMonth = monthStart(nextMonth(months.at(-1) ?? lastMonth))
  // From the index ideas_unanswered (hidden, first answer, created, status, theme, group) alone.
  const overdueRows = await db
    .select({ month: monthOfIdea, themeId: ideas.themeId, group: ideas.authorGroup, n: count() })
    .from(ideas)
    .where(
      and(
        eq(ideas.hidden, 0),
        isNull(ideas.firstResponseAt),
        gte(ideas.createdAt, firstMonthStart),
        lt(ideas.createdAt, Math.min(afterLastMonth, overdueCutoff(now, responseNormDays))),
        ne(ideas.status, 'merged'),
        input.themeId ? eq(ideas.themeId, input.themeId) : undefined,
      ),
    )
    // By position: written out again, the month's CASE would bind its bounds a second time,
    // and PostgreSQL does not take two sets of parameters for the same expression.
    .groupBy(sql`1`, ideas.themeId, ideas.authorGroup)

  const cells = new Map<string, Bucket>()
  const trend = new Map<string, Bucket>()
  const byTheme = new Map<number, Bucket>()
  const bucket = (map: Map<string, Bucket>, key: string) => {
    let b = map.get(key)
    if (!b) {
      b = new Map()
      map.set(key, b)
    }
    return b
  }
  const cellKey = (themeId: number | null, quarter: string, group: string) => `${themeId ?? ''}|${quarter}|${group}`
  for (const r of rows) {
    const quarter = quarterOfMonth(r.month)
    for (const themeKey of [r.themeId, null]) {
      for (const group of [r.targetGroup, 'all'])
        add(bucket(cells, cellKey(themeKey, quarter, group)), r.metric, r.count)
    }
    if (r.metric.startsWith('rating')) add(bucket(trend, r.month), r.metric, r.count)
    let t = byTheme.get(r.themeId)
    if (!t) {
      t = new Map()
      byTheme.set(r.themeId, t)
    }
    add(t, r.metric, r.count)
  }
  for (const o of overdueRows) {
    const quarter = quarterOfMonth(o.month)
    for (const themeKey of [o.themeId, null]) {
      for (const group of [o.group ?? 'unknown', 'all'])
        add(bucket(cells, cellKey(themeKey, quarter, group)), 'overdue_open', o.n)
    }
    const t = byTheme.get(o.themeId)
    if (t) add(t, 'overdue_open', o.n)
  }

  const slugs = new Map((await db.select({ id: themes.id, slug: themes.slug }).from(themes)).map((t) => [t.id, t.slug]))
  const result: ScorecardCell[] = []
  for (const [key, b] of cells) {
    const [theme = '', quarter = '', targetGroup] = key.split('|') as [string, string, ScorecardCell['targetGroup']]
    const themeId = theme === '' ? null : Number(theme)
    const received = get(b, 'received')
    const suppressed = received < MIN_CELL_SIZE
    const ratingsN = get(b, 'rating_n')
    const satisfactionSuppressed = ratingsN < MIN_CELL_SIZE
    const judged = get(b, 'answered') + get(b, 'overdue_open')
    const followup = { yes: get(b, 'followup:yes'), partly: get(b, 'followup:partly'), no: get(b, 'followup:no') }
    const followupTotal = followup.yes + followup.partly + followup.no
    // Nobody answered: zeros say so (and point to no one); 1 to 4 people would be recognisable.
    const followupSuppressed = followupTotal > 0 && followupTotal < MIN_CELL_SIZE
    result.push({
      themeId,
      themeSlug: themeId === null ? null : (slugs.get(themeId) ?? null),
      quarter,
      targetGroup,
      received: suppressed ? null : received,
      withinNormPct: suppressed ? null : pct(get(b, 'within_norm'), judged),
      medianAnswerDays: suppressed ? null : medianOfHistogram(answerDaysHistogram(b)),
      implementedPct: suppressed ? null : pct(get(b, 'status:done'), received),
      declinedPct: suppressed ? null : pct(get(b, 'status:declined'), received),
      declineReasons: suppressed ? null : prefixed(b, 'decline:'),
      satisfactionPct: satisfactionSuppressed ? null : pct(get(b, 'rating_45'), ratingsN),
      ratings: satisfactionSuppressed ? null : ratingsN,
      followup: followupSuppressed ? null : followup,
      followupSuppressed,
      channels: suppressed ? null : prefixed(b, 'channel:'),
      suppressed,
      satisfactionSuppressed,
    })
  }
  const groupOrder = ['all', ...GROUPS]
  result.sort(
    (a, b) =>
      (a.themeId ?? -1) - (b.themeId ?? -1) ||
      a.quarter.localeCompare(b.quarter) ||
      groupOrder.indexOf(a.targetGroup) - groupOrder.indexOf(b.targetGroup),
  )

  return {
    quarters,
    responseNormDays,
    minCellSize: MIN_CELL_SIZE,
    cells: result,
    trend: [...trend.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, b]) => {
        const n = get(b, 'rating_n')
        const suppressed = n < MIN_CELL_SIZE
        return {
          month,
          satisfactionPct: suppressed ? null : pct(get(b, 'rating_45'), n),
          ratings: suppressed ? null : n,
          suppressed,
        }
      }),
    answeredInTime: [...byTheme.entries()]
      .sort(([a], [b]) => a - b)
      .map(([themeId, b]) => {
        const base = get(b, 'answered') + get(b, 'overdue_open')
        const suppressed = get(b, 'received') < MIN_CELL_SIZE
        return {
          themeId,
          withinNormPct: suppressed ? null : pct(get(b, 'within_norm'), base),
          base: suppressed ? null : base,
          suppressed,
        }
      }),
  }
}

type CachedCard = { key: string; until: number; card: Scorecard }
const cache = new WeakMap<Db, Map<string, CachedCard>>()
const CACHE_MS = 60_000
const CACHE_ENTRIES = 50

/**
 * The scorecard, kept for a minute per question: it adds up thousands of counters and is
 * the same for every visitor. A changed counter makes a new one at once; only an idea
 * hidden or merged while unanswered can take up to a minute to leave the overdue count.
 */
export async function cachedScorecard(
  db: Db,
  input: { from: string; to: string; themeId?: number | undefined },
  now: number,
) {
  const question = `${input.from}|${input.to}|${input.themeId ?? ''}`
  const key = `${countersVersion()}|${overdueCutoff(now, (await installationSettings(db)).responseNormDays)}`
  let cards = cache.get(db)
  if (!cards) {
    cards = new Map()
    cache.set(db, cards)
  }
  const kept = cards.get(question)
  if (kept && kept.key === key && kept.until > now) return kept.card
  if (cards.size >= CACHE_ENTRIES) cards.clear()
  const card = await scorecard(db, input, now)
  cards.set(question, { key, until: now + CACHE_MS, card })
  return card
}

/** The last four quarters up to now, the default range. */
export function defaultRange(now: number): { from: string; to: string } {
  const to = quarterOfMonth(monthOf(now))
  const year = Number(to.slice(0, 4))
  const q = Number(to.slice(6))
  const fromQ = q === 4 ? 1 : q + 1
  const fromYear = q === 4 ? year : year - 1
  return { from: `${fromYear}-Q${fromQ}`, to }
}
