import { eq } from 'drizzle-orm'
import { hotScore } from '../../domain/hot-score'
import { toMask } from '../../domain/target-mask'
import type { Clock } from '../../http/env'
import { hashPassword } from '../../security/passwords'
import { rebuildStats } from '../../stats/rebuild'
import { renderMarkdown } from '../../text/markdown'
import type { Db } from '../open'
import {
  comments,
  departments,
  districts,
  followers,
  ideas,
  ratings,
  settings,
  statusChanges,
  themes,
  users,
  votes,
} from '../schema'
import {
  DEMO_IDEAS,
  DEMO_MEMBERS,
  DEMO_PASSWORD,
  DEMO_RESIDENT,
  DEPARTMENTS,
  DISTRICTS,
  STAFF_ACCOUNTS,
  THEMES,
} from './demo-content'

const MARKER = 'demo_data_loaded_at'

// How satisfied people in the demo were with the latest answer, by the status it gave.
const DEMO_SCORES: Record<string, number[]> = {
  done: [5, 4, 5, 5, 4, 3, 5, 4],
  planned: [4, 4, 5, 3, 4, 5],
  in_progress: [4, 3, 4, 5, 4],
  under_review: [3, 4, 3, 2, 4],
  declined: [2, 3, 1, 3, 2, 4],
}
const DAY = 86_400_000

const VOTER_FIRST_NAMES = ['Marieke', 'Bert', 'Joke', 'Hans', 'Linda', 'Erik', 'Sandra', 'Klaas', 'Ria', 'Dirk']
const VOTER_INITIALS = ['A', 'B', 'D', 'H', 'K', 'M']

function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

/**
 * Loads the Midden-Groningen demo once. A marker row makes a second start a no-op,
 * so restarting `npm start` never duplicates anything.
 */
export async function loadDemoData(db: Db, clock: Clock): Promise<{ loaded: boolean }> {
  if (db.select().from(settings).where(eq(settings.key, MARKER)).get()) return { loaded: false }
  // Hash outside the transaction: better-sqlite3 transactions must stay synchronous.
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  const now = clock.now()

  db.transaction((tx) => {
    const departmentIds = new Map<string, number>()
    for (const d of DEPARTMENTS) {
      const row = tx.insert(departments).values(d).returning({ id: departments.id }).get()
      departmentIds.set(d.slug, row.id)
    }
    const themeIds = new Map<string, { id: number; departmentId: number | null }>()
    THEMES.forEach((t, position) => {
      const departmentId = departmentIds.get(t.department) ?? null
      const row = tx
        .insert(themes)
        .values({ slug: t.slug, name: t.name, nameEn: t.nameEn, description: t.description, departmentId, position })
        .returning({ id: themes.id })
        .get()
      themeIds.set(t.slug, { id: row.id, departmentId })
    })
    const districtIds = new Map<string, number>()
    for (const name of DISTRICTS) {
      const row = tx
        .insert(districts)
        .values({ slug: slugify(name), name })
        .returning({ id: districts.id })
        .get()
      districtIds.set(name, row.id)
    }

    const account = (values: Omit<typeof users.$inferInsert, 'createdAt' | 'updatedAt'>) =>
      tx
        .insert(users)
        .values({ ...values, createdAt: now - 400 * DAY, updatedAt: now - 400 * DAY })
        .returning({ id: users.id })
        .get().id

    let staffId = 0
    for (const { department, ...s } of STAFF_ACCOUNTS) {
      const id = account({
        ...s,
        emailVerifiedAt: now - 400 * DAY,
        passwordHash,
        targetGroup: null,
        departmentId: departmentIds.get(department) ?? null,
      })
      if (s.role === 'staff') staffId = id
    }
    account({
      email: DEMO_RESIDENT.email,
      displayName: DEMO_RESIDENT.displayName,
      targetGroup: DEMO_RESIDENT.targetGroup,
      districtId: districtIds.get(DEMO_RESIDENT.district) ?? null,
      emailVerifiedAt: now - 400 * DAY,
      passwordHash,
      role: 'member',
    })
    const raterInfo = new Map<
      number,
      { group: (typeof users.$inferSelect)['targetGroup']; districtId: number | null }
    >()
    const memberIds = new Map<string, number>()
    for (const m of DEMO_MEMBERS) {
      const id = account({
        email: null,
        displayName: m.name,
        targetGroup: m.group,
        districtId: m.district ? (districtIds.get(m.district) ?? null) : null,
        role: 'member',
      })
      memberIds.set(m.name, id)
      raterInfo.set(id, { group: m.group, districtId: m.district ? (districtIds.get(m.district) ?? null) : null })
    }
    // Silent supporters, so vote counts look like a real municipality's.
    const voterPool = [...memberIds.values()]
    const districtList = [...districtIds.values()]
    for (const first of VOTER_FIRST_NAMES) {
      for (const initial of VOTER_INITIALS) {
        const n = voterPool.length
        const group = n % 7 === 0 ? 'entrepreneur' : n % 11 === 0 ? 'organisation' : 'resident'
        const districtId = districtList[n % districtList.length] ?? null
        const id = account({
          email: null,
          displayName: `${first} ${initial}.`,
          targetGroup: group,
          districtId,
          role: 'member',
        })
        raterInfo.set(id, { group, districtId })
        voterPool.push(id)
      }
    }

    const ideaIds = new Map<string, number>()
    const ordered = [...DEMO_IDEAS].sort((a, b) => (a.mergedInto ? 1 : 0) - (b.mergedInto ? 1 : 0))
    for (const demo of ordered) {
      const theme = themeIds.get(demo.theme)
      const authorId = memberIds.get(demo.author)
      if (!theme || !authorId) throw new Error(`demo idea ${demo.key} names an unknown theme or author`)
      const createdAt = now - demo.daysAgo * DAY
      const at = (days: number) => createdAt + days * DAY + 3_600_000 * 9
      const activity = [
        ...demo.steps.map((s) => at(s.daysAfterCreation)),
        ...demo.comments.flatMap((c) => [
          at(c.daysAfterCreation),
          ...(c.replies ?? []).map((r) => at(r.daysAfterCreation)),
        ]),
      ]
      const updatedAt = Math.min(now, Math.max(createdAt, ...activity))
      const publicAnswers = [
        ...demo.steps.map((st) => at(st.daysAfterCreation)),
        ...demo.comments.filter((c) => c.official).map((c) => at(c.daysAfterCreation)),
        ...(demo.mergedInto ? [at(4)] : []),
      ]
      const firstResponseAt = publicAnswers.length ? Math.min(...publicAnswers) : null
      const lastPublicUpdateAt = publicAnswers.length ? Math.max(...publicAnswers) : null
      const finalStatus = demo.mergedInto ? 'merged' : (demo.steps.at(-1)?.to ?? 'new')
      const mergedIntoId = demo.mergedInto ? (ideaIds.get(demo.mergedInto) ?? null) : null
      const voterIds = demo.mergedInto
        ? []
        : voterPool
            .filter((id) => id !== authorId)
            .slice((demo.daysAgo * 7) % 20, ((demo.daysAgo * 7) % 20) + demo.votes)
      const commentTotal = demo.comments.reduce((n, c) => n + 1 + (c.replies?.length ?? 0), 0)

      const ideaId = tx
        .insert(ideas)
        .values({
          title: demo.title,
          body: demo.body,
          bodyHtml: renderMarkdown(demo.body),
          themeId: theme.id,
          districtId: demo.district ? (districtIds.get(demo.district) ?? null) : null,
          targetMask: toMask(demo.targetGroups),
          authorId,
          channel: demo.channel ?? 'web',
          status: finalStatus,
          voteCount: voterIds.length,
          commentCount: commentTotal,
          followerCount: voterIds.length + 1,
          hotScore: hotScore(voterIds.length, commentTotal, createdAt),
          departmentId: theme.departmentId,
          assigneeId: demo.assignedToStaff ? staffId : null,
          firstResponseAt,
          lastPublicUpdateAt,
          mergedIntoId,
          createdAt,
          updatedAt,
        })
        .returning({ id: ideas.id })
        .get().id
      ideaIds.set(demo.key, ideaId)

      for (const [i, voterId] of voterIds.entries()) {
        tx.insert(votes)
          .values({ ideaId, userId: voterId, createdAt: createdAt + (i + 1) * 3_600_000 })
          .run()
      }
      for (const followerId of [authorId, ...voterIds]) {
        tx.insert(followers).values({ ideaId, userId: followerId, createdAt }).run()
      }

      let from: (typeof ideas.$inferSelect)['status'] = 'new'
      let lastChange: { id: number; at: number; to: string } | null = null
      const steps = demo.mergedInto
        ? [
            {
              to: 'merged' as const,
              daysAfterCreation: 4,
              explanation:
                'Dit idee gaat over hetzelfde als een ander idee. We hebben ze samengevoegd, zodat alle stemmen bij elkaar tellen.',
            },
          ]
        : demo.steps
      for (const step of steps) {
        const changeId = tx
          .insert(statusChanges)
          .values({
            ideaId,
            fromStatus: from,
            toStatus: step.to,
            explanation: step.explanation,
            declineReason: 'declineReason' in step ? (step.declineReason ?? null) : null,
            referredTo: 'referredTo' in step ? (step.referredTo ?? null) : null,
            closureWhatChanged: 'closure' in step ? (step.closure?.whatChanged ?? null) : null,
            closureSince: 'closure' in step ? (step.closure?.since ?? null) : null,
            closureTeam: 'closure' in step ? (step.closure?.team ?? null) : null,
            closureLink: 'closure' in step ? (step.closure?.link ?? null) : null,
            actorId: staffId,
            createdAt: at(step.daysAfterCreation),
          })
          .returning({ id: statusChanges.id })
          .get().id
        lastChange = { id: changeId, at: at(step.daysAfterCreation), to: step.to }
        from = step.to
      }

      // Some of the people involved said how satisfied they were with the latest answer.
      if (lastChange && !demo.mergedInto) {
        const pattern = DEMO_SCORES[lastChange.to] ?? [3, 4, 3, 4, 5]
        voterIds.slice(0, 12).forEach((userId, i) => {
          const rater = raterInfo.get(userId)
          tx.insert(ratings)
            .values({
              ideaId,
              userId,
              occasionType: 'status_change',
              occasionId: lastChange?.id ?? 0,
              score: pattern[i % pattern.length] ?? 4,
              raterGroup: rater?.group ?? null,
              raterDistrictId: rater?.districtId ?? null,
              createdAt: Math.min(now, (lastChange?.at ?? now) + (i + 1) * 3_600_000),
              updatedAt: Math.min(now, (lastChange?.at ?? now) + (i + 1) * 3_600_000),
            })
            .run()
        })
      }

      const authorOf = (name: string) => (name === 'staff' ? staffId : (memberIds.get(name) ?? staffId))
      for (const c of demo.comments) {
        const parentId = tx
          .insert(comments)
          .values({
            ideaId,
            authorId: authorOf(c.by),
            body: c.body,
            bodyHtml: renderMarkdown(c.body),
            official: c.official ? 1 : 0,
            createdAt: at(c.daysAfterCreation),
            updatedAt: at(c.daysAfterCreation),
          })
          .returning({ id: comments.id })
          .get().id
        for (const r of c.replies ?? []) {
          tx.insert(comments)
            .values({
              ideaId,
              parentId,
              authorId: authorOf(r.by),
              body: r.body,
              bodyHtml: renderMarkdown(r.body),
              createdAt: at(r.daysAfterCreation),
              updatedAt: at(r.daysAfterCreation),
            })
            .run()
        }
      }
    }
    tx.insert(settings)
      .values({ key: MARKER, value: new Date(now).toISOString(), updatedAt: now })
      .run()
  })
  // The demo was written row by row, past the events that keep the scorecard counters.
  rebuildStats(db)
  return { loaded: true }
}
