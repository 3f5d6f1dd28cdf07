import { CHANNELS, IDEA_STATUSES, TARGET_GROUPS } from '@meedenken/shared'
import { and, asc, count, eq, isNull, sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { hotScoreOf } from '../../domain/hot-score'
import { createTestApp, json, loginAs, request, type TestContext } from '../../test/test-app'
import { engine } from '../engine'
import { rawRows } from '../raw-sql'
import { comments, ideas, themes, users, votes } from '../schema'
import { loadDemoData } from './load-demo'

const PAPER = 'Oud papier vaker ophalen in Siddeburen'
const CROSSING = 'Veiliger oversteken bij de basisschool in Zuidbroek'
const BINS = 'Meer afvalbakken langs het Winschoterdiep'
const PLAYGROUND = 'Speeltuin in Muntendam opknappen'
const VERGES = 'Bloemrijke bermen voor bijen in Slochteren'

/** Moments CI runs the suite at (scripts/test-dates.mjs), and New Year: the demo must look alive at each. */
const HARD_MOMENTS = [
  ['five minutes into a new quarter', '2027-04-01T00:05:00+02:00'],
  ['five minutes into a new year', '2027-01-01T00:05:00+01:00'],
  ['a Saturday', '2027-06-12T10:00:00+02:00'],
  ['the Sunday the clocks go forward', '2027-03-28T03:30:00+02:00'],
  ['New Year’s Eve, late', '2026-12-31T23:30:00+01:00'],
  ['29 February', '2028-02-29T12:00:00+01:00'],
] as const

type Cell = {
  themeId: number | null
  quarter: string
  targetGroup: string
  received: number | null
  withinNormPct: number | null
  satisfactionPct: number | null
}

/** Every moment column the demo writes (schedules such as a campaign's closing date may lie ahead). */
const MOMENT_COLUMNS: Record<string, string[]> = {
  ideas: ['created_at', 'updated_at', 'first_response_at', 'last_public_update_at', 'done_at', 'followup_asked_at'],
  votes: ['created_at'],
  followers: ['created_at'],
  comments: ['created_at', 'updated_at'],
  status_changes: ['created_at'],
  ratings: ['created_at', 'updated_at'],
  followup_answers: ['created_at', 'updated_at'],
  users: ['created_at', 'updated_at', 'email_verified_at', 'blocked_at'],
  audit_log: ['created_at'],
  idea_notes: ['created_at'],
  idea_assignments: ['created_at'],
  reports: ['created_at', 'resolved_at'],
  campaigns: ['created_at', 'updated_at', 'outcome_published_at', 'opened_notified_at'],
  idea_helpers: ['created_at'],
  progress_updates: ['created_at'],
}

/**
 * All table contents as text, for "the same moment gives the same database". Two values are
 * left out on purpose: password hashes (a fresh random salt each time, as it must be) and
 * settings.updated_at, which the database fills in from the real clock. Each table's rows are
 * compared as a sorted set: PostgreSQL promises no order without ORDER BY, and every row
 * carries its id.
 */
async function contents(ctx: TestContext): Promise<string> {
  const tables = await rawRows(
    ctx.db,
    engine === 'postgres'
      ? sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`
      : sql`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`,
  )
  const texts: string[] = []
  for (const [table] of tables) {
    const name = String(table)
    const columns = (
      await rawRows(
        ctx.db,
        engine === 'postgres'
          ? sql`select column_name from information_schema.columns where table_schema = 'public' and table_name = ${name} order by ordinal_position`
          : sql`select name from pragma_table_info(${name}) order by cid`,
      )
    ).map(([column]) => String(column))
    // The list version is the sum of its rows; on PostgreSQL which row a write moves depends
    // on its connection (drizzle-pg/0008), so only the sum is the database's content.
    if (name === 'list_version') {
      const [[sum] = []] = await rawRows(ctx.db, sql`select coalesce(sum(version), 0) from list_version`)
      texts.push(`${name}: ${Number(sum)}`)
      continue
    }
    const rows = await rawRows(ctx.db, sql`select * from ${sql.identifier(name)}`)
    const kept = rows.map((values) => {
      const row = Object.fromEntries(columns.map((column, i) => [column, values[i]]))
      const { password_hash: _hash, ...rest } = row
      if (name === 'settings') return JSON.stringify({ ...rest, updated_at: null })
      return JSON.stringify(name === 'users' ? rest : row)
    })
    texts.push(`${name}: ${kept.sort().join(',')}`)
  }
  return texts.join('\n')
}

/** A demo load takes 2-5 s alone; on a machine busy with the rest of the suite, several times that. */
const DEMO_LOAD_TIMEOUT = 60_000

async function loaded(moment: string) {
  const ctx = createTestApp()
  ctx.clock.set(moment)
  await loadDemoData(ctx.db, ctx.clock)
  return ctx
}

describe('demo data', () => {
  it(
    'loads once; a second start leaves everything as it was',
    async () => {
      const { db, clock } = createTestApp()
      expect(await loadDemoData(db, clock)).toEqual({ loaded: true })
      const before = {
        ideas: (await db.select({ n: count() }).from(ideas))[0]?.n,
        users: (await db.select({ n: count() }).from(users))[0]?.n,
        votes: (await db.select({ n: count() }).from(votes))[0]?.n,
        themes: (await db.select({ n: count() }).from(themes))[0]?.n,
      }
      expect(await loadDemoData(db, clock)).toEqual({ loaded: false })
      expect({
        ideas: (await db.select({ n: count() }).from(ideas))[0]?.n,
        users: (await db.select({ n: count() }).from(users))[0]?.n,
        votes: (await db.select({ n: count() }).from(votes))[0]?.n,
        themes: (await db.select({ n: count() }).from(themes))[0]?.n,
      }).toEqual(before)
      expect(before.ideas).toBeGreaterThanOrEqual(12)
    },
    DEMO_LOAD_TIMEOUT,
  )

  it(
    'covers every status and keeps each vote count equal to its votes',
    async () => {
      const { db, clock } = createTestApp()
      await loadDemoData(db, clock)
      const rows = await db.select().from(ideas)
      expect(new Set(rows.map((r) => r.status))).toEqual(new Set(IDEA_STATUSES))
      for (const idea of rows) {
        const [n] = await db.select({ n: count() }).from(votes).where(eq(votes.ideaId, idea.id))
        expect(idea.voteCount, idea.title).toBe(n?.n)
      }
    },
    DEMO_LOAD_TIMEOUT,
  )

  it(
    'gives the same database for the same moment',
    async () => {
      const first = await loaded('2027-01-01T00:05:00+01:00')
      const second = await loaded('2027-01-01T00:05:00+01:00')
      expect(await contents(second)).toBe(await contents(first))
    },
    DEMO_LOAD_TIMEOUT,
  )
})

describe.each(HARD_MOMENTS)('the demo loaded %s', (_name, moment) => {
  let ctx: TestContext
  let staff: string
  const get = async <T = any>(path: string, cookie?: string): Promise<T> => {
    const res = await request(ctx, path, cookie ? { cookie } : {})
    expect(res.status, path).toBe(200)
    return json<T>(res)
  }

  beforeAll(async () => {
    ctx = await loaded(moment)
    staff = (await loginAs(ctx, 'staff')).cookie
  })

  it('has over 300 ideas in every theme, village, status, channel and target group', async () => {
    const all = await get<Record<string, string | number | null>[]>('/api/open-data/ideas.json')
    expect(all.length).toBeGreaterThanOrEqual(300)
    const { items: villages } = await get<{ items: { name: string }[] }>('/api/districts')
    for (const { name } of villages)
      expect(
        all.some((i) => i.districtName === name),
        name,
      ).toBe(true)
    expect(new Set(all.map((i) => i.status))).toEqual(new Set(IDEA_STATUSES))
    for (const channel of CHANNELS)
      expect(
        all.some((i) => i.channel === channel),
        channel,
      ).toBe(true)
    const { items: themeList } = await get<{ items: { slug: string }[] }>('/api/themes')
    for (const { slug } of themeList) {
      for (const group of TARGET_GROUPS) {
        expect(
          all.some((i) => i.themeSlug === slug && String(i.targetGroups).split(' ').includes(group)),
          `${slug} × ${group}`,
        ).toBe(true)
      }
    }
  })

  it('shows a campaign in each phase, with ideas where ideas can be sent in', async () => {
    const { items } = await get<{ items: { phase: string; ideaCount: number }[] }>('/api/campaigns')
    const phases = new Map(items.map((c) => [c.phase, c]))
    for (const phase of ['ideas', 'voting', 'outcome', 'upcoming']) expect(phases.has(phase), phase).toBe(true)
    expect(phases.get('voting')?.ideaCount).toBeGreaterThan(0)
    expect(phases.get('outcome')?.ideaCount).toBeGreaterThan(0)
  })

  it('shows scorecard figures for most themes and every target group in each of the last four quarters', async () => {
    const card = await get<{ quarters: string[]; cells: Cell[]; trend: { month: string; ratings: number | null }[] }>(
      '/api/stats/scorecard',
    )
    expect(card.quarters).toHaveLength(4)
    for (const quarter of card.quarters) {
      const byTheme = card.cells.filter((c) => c.quarter === quarter && c.themeId !== null && c.targetGroup === 'all')
      const answered = byTheme.filter((c) => c.received !== null && c.withinNormPct !== null)
      const rated = byTheme.filter((c) => c.satisfactionPct !== null)
      expect(answered.length, `${quarter}: themes answered in time`).toBeGreaterThanOrEqual(6)
      expect(rated.length, `${quarter}: themes with satisfaction`).toBeGreaterThanOrEqual(6)
      for (const group of ['all', ...TARGET_GROUPS]) {
        const cell = card.cells.find((c) => c.quarter === quarter && c.themeId === null && c.targetGroup === group)
        expect(cell?.withinNormPct ?? null, `${quarter} ${group}: answered in time`).not.toBeNull()
        expect(cell?.satisfactionPct ?? null, `${quarter} ${group}: satisfaction`).not.toBeNull()
      }
    }
    // The month chart has figures, this month included, however young it is.
    const thisMonth = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Amsterdam',
      year: 'numeric',
      month: '2-digit',
    })
      .format(Date.parse(moment))
      .slice(0, 7)
    expect(card.trend.find((t) => t.month === thisMonth)?.ratings ?? null).not.toBeNull()
  })

  it('gives staff overdue and stale ideas in the inbox', async () => {
    const overdue = await get<{ items: { badge: string }[]; counts: Record<string, number> }>(
      '/api/staff/inbox?tab=overdue',
      staff,
    )
    expect(overdue.items.length).toBeGreaterThan(0)
    expect(overdue.items.every((i) => i.badge === 'overdue')).toBe(true)
    const stale = await get<{ items: { stale: boolean }[] }>('/api/staff/inbox?tab=stale', staff)
    expect(stale.items.length).toBeGreaterThan(0)
    expect(stale.items.every((i) => i.stale)).toBe(true)
  })

  it('has a comment hidden by reports in the moderation queue and a blocked member', async () => {
    const queue = await get<{ items: { subjectType: string; hidden: boolean; reports: unknown[] }[] }>(
      '/api/staff/moderation',
      staff,
    )
    expect(queue.items.some((i) => i.subjectType === 'comment' && i.hidden && i.reports.length >= 3)).toBe(true)
    const blocked = await get<{
      items: { displayName: string; reason: string | null; blockedByName: string | null }[]
    }>('/api/staff/blocked-members', staff)
    expect(blocked.items.length).toBeGreaterThan(0)
    expect(blocked.items[0]?.reason).toBeTruthy()
    expect(blocked.items[0]?.blockedByName).toBeTruthy()
  })

  it('dates nothing after the moment it was loaded', async () => {
    const now = Date.parse(moment)
    for (const [table, columns] of Object.entries(MOMENT_COLUMNS)) {
      for (const column of columns) {
        const [[last] = []] = await rawRows(
          ctx.db,
          sql`select max(${sql.identifier(column)}) from ${sql.identifier(table)}`,
        )
        expect(last ?? 0, `${table}.${column}`).toBeLessThanOrEqual(now)
      }
    }
  })

  it('keeps every stored counter equal to the rows it counts', async () => {
    const wrong = await rawRows(
      ctx.db,
      sql`select id, title from ideas i where
          vote_count <> (select count(*) from votes v where v.idea_id = i.id)
          or follower_count <> (select count(*) from followers f where f.idea_id = i.id)
          or comment_count <> (select count(*) from comments c where c.idea_id = i.id and c.hidden = 0 and c.deleted_at is null)
          or (first_response_at is not null) <> exists (select 1 from status_changes s where s.idea_id = i.id
                union select 1 from comments c where c.idea_id = i.id and c.official = 1
                union select 1 from progress_updates p where p.idea_id = i.id)
          or (status = 'done') <> (done_at is not null)`,
    )
    expect(wrong).toEqual([])
    // The hot score is the sum of every vote's and visible comment's term, as the app keeps it.
    const times = new Map<number, number[]>()
    const events = [
      ...(await ctx.db
        .select({ ideaId: votes.ideaId, at: votes.createdAt })
        .from(votes)
        .orderBy(asc(votes.ideaId), asc(votes.userId))),
      ...(await ctx.db
        .select({ ideaId: comments.ideaId, at: comments.createdAt })
        .from(comments)
        .where(and(eq(comments.hidden, 0), isNull(comments.deletedAt)))
        .orderBy(asc(comments.id))),
    ]
    for (const { ideaId, at } of events) times.set(ideaId, [...(times.get(ideaId) ?? []), at])
    const scored = await ctx.db
      .select({
        title: ideas.title,
        id: ideas.id,
        status: ideas.status,
        createdAt: ideas.createdAt,
        hotScore: ideas.hotScore,
      })
      .from(ideas)
    expect(scored.length).toBeGreaterThan(0)
    const offScore = scored.filter(
      (i) => Math.abs(i.hotScore - hotScoreOf(i.createdAt, times.get(i.id) ?? [], i.status)) > 1e-9,
    )
    expect(offScore.map((i) => i.title)).toEqual([])
    const closedVotes = await rawRows(
      ctx.db,
      sql`select v.idea_id from votes v join status_changes s on s.idea_id = v.idea_id
         where s.to_status in ('done', 'declined') and v.created_at > s.created_at`,
    )
    expect(closedVotes).toEqual([])
  })

  it('keeps what the e2e journeys look for where they look', async () => {
    const titles = async (path: string) => (await get<{ items: { title: string }[] }>(path)).items.map((i) => i.title)
    const { idea: first } = await get<{ idea: { id: number; title: string } }>('/api/ideas/1')
    expect(first.title).toBe(BINS)
    expect(await titles('/api/ideas?sort=top&limit=20')).toEqual(
      expect.arrayContaining([CROSSING, PAPER, BINS, PLAYGROUND]),
    )
    expect(await titles('/api/ideas?status=done&limit=20')).toContain(PAPER)
    expect(await titles('/api/ideas?q=papier&limit=20')).toContain(PAPER)
    const { items: themeList } = await get<{ items: { id: number; slug: string }[] }>('/api/themes')
    const theme = (slug: string) => themeList.find((t) => t.slug === slug)?.id
    const { items: districtList } = await get<{ items: { id: number; name: string }[] }>('/api/districts')
    const siddeburen = districtList.find((d) => d.name === 'Siddeburen')?.id
    expect(await titles(`/api/ideas?q=papier&status=done&theme=${theme('afval')}`)).toEqual([PAPER])
    expect(await titles(`/api/ideas?q=${encodeURIComponent(CROSSING)}&limit=10`)).toContain(CROSSING)
    expect(
      await titles(`/api/ideas/similar?title=${encodeURIComponent('Meer afvalbakken langs het water bij de brug')}`),
    ).toContain(BINS)
    expect(
      await titles(`/api/ideas/similar?title=${encodeURIComponent('Nieuwe schommels in de speeltuin van Muntendam')}`),
    ).toContain(PLAYGROUND)

    const roadmap = await get<Record<'planned' | 'inProgress' | 'done', { title: string }[]>>('/api/roadmap')
    expect(roadmap.inProgress.map((i) => i.title)).toContain(CROSSING)
    expect(roadmap.done.map((i) => i.title)).toContain(PAPER)
    expect(roadmap.planned.length).toBeGreaterThan(0)
    const paperOnly = await get<Record<'inProgress' | 'done', { title: string }[]>>(
      `/api/roadmap?theme=${theme('afval')}&district=${siddeburen}`,
    )
    expect(paperOnly.inProgress).toEqual([])
    expect(paperOnly.done.map((i) => i.title)).toContain(PAPER)
    expect(await titles('/api/you-said-we-did')).toContain(PAPER)
    expect(await titles(`/api/you-said-we-did?theme=${theme('groen')}`)).toContain(VERGES)

    const crossing = (
      await get<{ items: { id: number; title: string }[] }>(`/api/ideas?q=${encodeURIComponent(CROSSING)}`)
    ).items[0]
    const supporters = await get<{ byTargetGroup: { targetGroup: string; count: number | null }[] }>(
      `/api/ideas/${crossing?.id}/supporters`,
    )
    expect(supporters.byTargetGroup.find((g) => g.targetGroup === 'resident')?.count ?? null).not.toBeNull()
  })
})
