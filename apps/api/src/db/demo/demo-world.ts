import type {
  AuditAction,
  Channel,
  DeclineReason,
  HiddenReason,
  IdeaStatus,
  ReportReason,
  Role,
  TargetGroup,
} from '@meedenken/shared'
import { hotScoreOf } from '../../domain/hot-score'
import { toMask } from '../../domain/target-mask'
import { dueAt, workingDaysBetween } from '../../domain/working-days'
import { renderMarkdown } from '../../text/markdown'
import type {
  auditLog,
  campaigns,
  comments,
  followers,
  followupAnswers,
  ideaAssignments,
  ideaHelpers,
  ideaNotes,
  ideas,
  progressUpdates,
  ratings,
  reports,
  statusChanges,
  users,
  votes,
} from '../schema'
import { demoPoint } from './demo-places'
import { type Random, seededRandom } from './demo-random'
import { type DemoTime, officeHours, wakingHours } from './demo-time'
import type { ThemeSlug } from './demo-topics'

export const DAY = 86_400_000
export const HOUR = 3_600_000
export const MINUTE = 60_000
const WEEK = 7 * DAY

/**
 * The demo's world while it is being made: people, ideas and everything that happened to
 * them, with times. Ids are handed out at the end (in time order, as the app would have),
 * then `rows()` turns it all into table rows with every stored counter computed from the
 * rows it counts, exactly as the app keeps them.
 */

export type Person = {
  id: number
  name: string
  role: Role
  group: TargetGroup | null
  village: string | null
  departmentSlug: string | null
  email: string | null
  hasPassword: boolean
  createdAt: number
  blockedAt: number | null
  /** Intake accounts (phone, letter) and staff do not vote or comment on the web. */
  online: boolean
  ideaCount: number
}

export type Closure = { whatChanged: string; since: string; team: string; link: string | null }

export type StatusChange = {
  id: number
  idea: Idea
  at: number
  from: IdeaStatus
  to: IdeaStatus
  explanation: string
  declineReason: DeclineReason | null
  referredTo: string | null
  closure: Closure | null
  actor: Person
}

export type Comment = {
  id: number
  seq: number
  idea: Idea
  at: number
  author: Person
  body: string
  official: boolean
  parent: Comment | null
  hidden: HiddenReason | null
}

export type Update = { id: number; idea: Idea; at: number; author: Person; body: string }

export type Idea = {
  id: number
  /** Hand-written ideas keep the first ids, in their order (e2e journeys open idea 1). */
  fixedOrder: number | null
  key: string
  title: string
  body: string
  theme: ThemeSlug
  village: string | null
  targetGroups: TargetGroup[]
  author: Person
  channel: Channel
  campaign: Campaign | null
  createdAt: number
  status: IdeaStatus
  departmentSlug: string
  assignee: Person | null
  mergedInto: Idea | null
  changes: StatusChange[]
  comments: Comment[]
  updates: Update[]
  /** user id → when */
  votes: Map<number, number>
  followers: Map<number, number>
  followupAskedAt: number | null
}

export type Campaign = {
  id: number
  title: string
  description: string
  theme: ThemeSlug
  targetGroups: TargetGroup[]
  ideasFrom: number
  ideasUntil: number
  votingFrom: number | null
  votingUntil: number | null
  outcome: string | null
  outcomePublishedAt: number | null
  openedNotifiedAt: number | null
  createdBy: Person
  createdAt: number
}

type Rating = {
  idea: Idea
  user: Person
  occasion: { type: 'status_change'; change: StatusChange } | { type: 'official_answer'; comment: Comment }
  score: number
  remark: string | null
  at: number
}
type Followup = { idea: Idea; user: Person; answer: 'yes' | 'partly' | 'no'; remark: string | null; at: number }
type Helper = { idea: Idea; user: Person; note: string | null; at: number }
type Note = { id: number; idea: Idea; author: Person; body: string; at: number }
type Assignment = {
  id: number
  idea: Idea
  fromDepartment: string | null
  toDepartment: string | null
  fromAssignee: Person | null
  toAssignee: Person | null
  actor: Person
  note: string | null
  at: number
}
type Report = {
  id: number
  subject: { type: 'idea'; idea: Idea } | { type: 'comment'; comment: Comment }
  reporter: Person
  reason: ReportReason
  note: string | null
  at: number
  resolved: { at: number; resolution: 'hidden' | 'restored'; resolver: Person } | null
}
type Audit = {
  id: number
  actor: Person
  action: AuditAction
  subjectType: string
  /** Ids exist only at the end, so subject and details are read then. */
  subject: () => number | null
  details: () => Record<string, unknown> | null
  at: number
}

export type DemoCatalog = {
  departments: Map<string, { id: number; name: string }>
  themes: Map<ThemeSlug, { id: number; departmentSlug: string }>
  districts: Map<string, number>
}

/** The first free id of each table (a fresh database: 1). */
export type IdBases = Record<
  | 'users'
  | 'ideas'
  | 'comments'
  | 'statusChanges'
  | 'ratings'
  | 'followups'
  | 'updates'
  | 'notes'
  | 'assignments'
  | 'audit'
  | 'reports'
  | 'campaigns',
  number
>

export type WorldInput = {
  time: DemoTime
  catalog: DemoCatalog
  bases: IdBases
  passwordHash: string
  responseNormDays: number
  followupWeeks: number
}

export class World {
  readonly now: number
  readonly people: Person[] = []
  readonly byName = new Map<string, Person>()
  private readonly byId = new Map<number, Person>()
  readonly ideas: Idea[] = []
  readonly campaigns: Campaign[] = []
  readonly ratings: Rating[] = []
  readonly followups: Followup[] = []
  readonly helpers: Helper[] = []
  readonly notes: Note[] = []
  readonly assignments: Assignment[] = []
  readonly reports: Report[] = []
  readonly audit: Audit[] = []
  readonly titles = new Set<string>()
  private nextUser: number
  private commentSeq = 0

  constructor(readonly input: WorldInput) {
    this.now = input.time.now
    this.nextUser = input.bases.users
  }

  get time(): DemoTime {
    return this.input.time
  }

  // ——— People ———

  addPerson(values: Partial<Person> & { name: string; createdAt: number }): Person {
    const person: Person = {
      role: 'member',
      group: null,
      village: null,
      departmentSlug: null,
      email: null,
      hasPassword: false,
      blockedAt: null,
      online: true,
      ideaCount: 0,
      ...values,
      id: this.nextUser++,
    }
    this.people.push(person)
    this.byId.set(person.id, person)
    if (!this.byName.has(person.name)) this.byName.set(person.name, person)
    return person
  }

  person(id: number): Person | undefined {
    return this.byId.get(id)
  }

  private membersCache: { size: number; all: Person[]; byVillage: Map<string, Person[]> } | null = null

  /** Members who take part online (no staff, no phone callers, nobody blocked), and per village. */
  members(): { all: Person[]; byVillage: Map<string, Person[]> } {
    if (this.membersCache?.size !== this.people.length) {
      const all = this.people.filter((p) => p.role === 'member' && p.online && p.blockedAt === null)
      const byVillage = new Map<string, Person[]>()
      for (const p of all) if (p.village) byVillage.set(p.village, [...(byVillage.get(p.village) ?? []), p])
      this.membersCache = { size: this.people.length, all, byVillage }
    }
    return this.membersCache
  }

  /** After a change to who takes part (a block). */
  membersChanged(): void {
    this.membersCache = null
  }

  // ——— Time ———

  /** Whether the demo's calendar is squeezed around this moment (a young quarter or month). */
  compressed(at: number): boolean {
    return this.time.dayLength(at) < DAY * 0.99
  }

  /** Squeezed so hard (a quarter only hours old) that office hours and nights no longer apply. */
  private crowded(at: number): boolean {
    return this.time.dayLength(at) < DAY * 0.3
  }

  /** A staff action: in office hours, unless the calendar is squeezed hard. Infinity when it has not happened yet. */
  staffMoment(at: number, random: Random): number {
    if (!Number.isFinite(at) || at > this.now) return Number.POSITIVE_INFINITY
    if (this.crowded(at)) return at
    const snapped = officeHours(at, random)
    return snapped <= this.now ? snapped : Number.POSITIVE_INFINITY
  }

  /** A resident's action: not in the middle of the night, unless the calendar is squeezed hard. */
  memberMoment(at: number, random: Random): number {
    if (!Number.isFinite(at) || at > this.now) return Number.POSITIVE_INFINITY
    if (this.crowded(at)) return at
    const moved = wakingHours(at, random)
    return moved <= this.now ? moved : Number.POSITIVE_INFINITY
  }

  /** A pause between two steps: `normal` ms, or a sliver of it where the calendar is squeezed. */
  gap(at: number, normal: number): number {
    if (!this.compressed(at)) return normal
    return Math.max(1, Math.min(normal / 600, Math.floor(this.time.dayLength(at) / 200)))
  }

  /** `days` nominal days after a real moment, scaled like the calendar around it. */
  later(at: number, days: number): number {
    return at + days * this.time.dayLength(at)
  }

  // ——— Ideas and their events ———

  addIdea(
    idea: Omit<
      Idea,
      'id' | 'changes' | 'comments' | 'updates' | 'votes' | 'followers' | 'followupAskedAt' | 'status' | 'mergedInto'
    >,
  ): Idea {
    const full: Idea = {
      ...idea,
      id: 0,
      status: 'new',
      mergedInto: null,
      changes: [],
      comments: [],
      updates: [],
      votes: new Map(),
      followers: new Map([[idea.author.id, idea.createdAt]]),
      followupAskedAt: null,
    }
    this.ideas.push(full)
    this.titles.add(full.title)
    idea.author.ideaCount++
    return full
  }

  change(
    idea: Idea,
    at: number,
    to: IdeaStatus,
    explanation: string,
    actor: Person,
    extra: { declineReason?: DeclineReason; referredTo?: string; closure?: Closure; audited?: boolean } = {},
  ): StatusChange {
    const change: StatusChange = {
      id: 0,
      idea,
      at,
      from: idea.status,
      to,
      explanation,
      declineReason: extra.declineReason ?? null,
      referredTo: extra.referredTo ?? null,
      closure: extra.closure ?? null,
      actor,
    }
    idea.changes.push(change)
    idea.status = to
    if (extra.audited !== false) {
      this.record(
        actor,
        'idea.status_changed',
        'idea',
        () => idea.id,
        at,
        () => ({
          before: change.from,
          after: to,
          declineReason: change.declineReason,
        }),
      )
    }
    return change
  }

  comment(
    idea: Idea,
    at: number,
    author: Person,
    body: string,
    options: { official?: boolean; parent?: Comment } = {},
  ) {
    const comment: Comment = {
      id: 0,
      seq: this.commentSeq++,
      idea,
      at,
      author,
      body,
      official: options.official ?? false,
      parent: options.parent ?? null,
      hidden: null,
    }
    idea.comments.push(comment)
    if (comment.official) {
      this.record(
        author,
        'comment.official_answer',
        'comment',
        () => comment.id,
        at,
        () => ({ ideaId: idea.id }),
      )
    }
    return comment
  }

  update(idea: Idea, at: number, author: Person, body: string): Update {
    const update: Update = { id: 0, idea, at, author, body }
    idea.updates.push(update)
    this.record(
      author,
      'idea.progress_update',
      'idea',
      () => idea.id,
      at,
      () => ({ updateId: update.id }),
    )
    return update
  }

  vote(idea: Idea, user: Person, at: number): boolean {
    if (idea.votes.has(user.id) || user.id === idea.author.id) return false
    idea.votes.set(user.id, at)
    // Voters follow what they support.
    if (!idea.followers.has(user.id)) idea.followers.set(user.id, at)
    return true
  }

  follow(idea: Idea, user: Person, at: number): void {
    if (!idea.followers.has(user.id)) idea.followers.set(user.id, at)
  }

  rate(rating: Rating): void {
    this.ratings.push(rating)
  }

  followup(followup: Followup): void {
    this.followups.push(followup)
  }

  help(helper: Helper): void {
    if (this.helpers.some((h) => h.idea === helper.idea && h.user === helper.user)) return
    this.helpers.push(helper)
  }

  note(idea: Idea, author: Person, body: string, at: number): void {
    const note: Note = { id: 0, idea, author, body, at }
    this.notes.push(note)
    this.record(
      author,
      'idea.note_added',
      'idea',
      () => idea.id,
      at,
      () => ({ noteId: note.id }),
    )
  }

  assign(
    idea: Idea,
    values: { toDepartment: string | null; toAssignee: Person | null; actor: Person; note?: string | null; at: number },
  ): void {
    const previous = this.assignments.findLast((a) => a.idea === idea)
    const fromDepartment = previous ? previous.toDepartment : idea.departmentSlug
    const fromAssignee = previous ? previous.toAssignee : null
    const assignment: Assignment = {
      id: 0,
      idea,
      fromDepartment,
      toDepartment: values.toDepartment,
      fromAssignee,
      toAssignee: values.toAssignee,
      actor: values.actor,
      note: values.note ?? null,
      at: values.at,
    }
    this.assignments.push(assignment)
    idea.departmentSlug = values.toDepartment ?? idea.departmentSlug
    idea.assignee = values.toAssignee
    const ids = (department: string | null, assignee: Person | null) => ({
      departmentId: department ? (this.input.catalog.departments.get(department)?.id ?? null) : null,
      assigneeId: assignee?.id ?? null,
    })
    this.record(
      values.actor,
      'idea.assigned',
      'idea',
      () => idea.id,
      values.at,
      () => ({
        before: ids(fromDepartment, fromAssignee),
        after: ids(values.toDepartment, values.toAssignee),
      }),
    )
  }

  report(report: Omit<Report, 'id'>): Report {
    const full = { ...report, id: 0 }
    this.reports.push(full)
    return full
  }

  record(
    actor: Person,
    action: AuditAction,
    subjectType: string,
    subject: () => number | null,
    at: number,
    details: () => Record<string, unknown> | null = () => null,
  ): void {
    this.audit.push({ id: 0, actor, action, subjectType, subject, details, at })
  }

  /** Merges a duplicate into another idea as the staff merge does: votes move without double counting. */
  merge(source: Idea, target: Idea, at: number, actor: Person, explanation: string): void {
    let moved = 0
    for (const [userId, votedAt] of source.votes) {
      if (userId === target.author.id || target.votes.has(userId)) continue
      target.votes.set(userId, votedAt)
      moved++
    }
    source.votes.clear()
    for (const [userId, since] of source.followers)
      if (!target.followers.has(userId)) target.followers.set(userId, since)
    // The merge writes its own audit entry, not a status change's.
    this.change(source, at, 'merged', explanation, actor, { audited: false })
    source.mergedInto = target
    this.record(
      actor,
      'idea.merged',
      'idea',
      () => source.id,
      at,
      () => ({ into: target.id, movedVotes: moved }),
    )
  }

  // ——— Rows ———

  /** Hands out ids in time order and returns every row, counters computed from the rows they count. */
  rows() {
    const { bases, catalog } = this.input
    const byTime = <T extends { at: number }>(items: T[]) =>
      items.map((item, i) => ({ item, i })).sort((a, b) => a.item.at - b.item.at || a.i - b.i)

    const ordered = [
      ...this.ideas.filter((i) => i.fixedOrder !== null).sort((a, b) => (a.fixedOrder ?? 0) - (b.fixedOrder ?? 0)),
      ...this.ideas
        .filter((i) => i.fixedOrder === null)
        .map((idea, i) => ({ idea, i }))
        .sort((a, b) => a.idea.createdAt - b.idea.createdAt || a.i - b.i)
        .map((x) => x.idea),
    ]
    ordered.forEach((idea, i) => {
      idea.id = bases.ideas + i
    })
    this.campaigns.forEach((c, i) => {
      c.id = bases.campaigns + i
    })
    const allChanges = byTime(this.ideas.flatMap((i) => i.changes))
    allChanges.forEach(({ item }, i) => {
      item.id = bases.statusChanges + i
    })
    const allComments = this.ideas.flatMap((i) => i.comments).sort((a, b) => a.at - b.at || a.seq - b.seq)
    allComments.forEach((c, i) => {
      c.id = bases.comments + i
    })
    const allUpdates = byTime(this.ideas.flatMap((i) => i.updates))
    allUpdates.forEach(({ item }, i) => {
      item.id = bases.updates + i
    })
    byTime(this.notes).forEach(({ item }, i) => {
      item.id = bases.notes + i
    })
    byTime(this.assignments).forEach(({ item }, i) => {
      item.id = bases.assignments + i
    })
    byTime(this.reports).forEach(({ item }, i) => {
      item.id = bases.reports + i
    })

    const department = (slug: string | null) => (slug ? (catalog.departments.get(slug)?.id ?? null) : null)
    const district = (village: string | null) => (village ? (catalog.districts.get(village) ?? null) : null)
    const theme = (slug: ThemeSlug) => {
      const found = catalog.themes.get(slug)
      if (!found) throw new Error(`unknown demo theme ${slug}`)
      return found.id
    }
    const norm = this.input.responseNormDays
    // Many comments and updates share their words: each text is rendered once.
    const rendered = new Map<string, string>()
    const html = (source: string) => {
      let out = rendered.get(source)
      if (out === undefined) {
        out = renderMarkdown(source)
        rendered.set(source, out)
      }
      return out
    }

    const userRows: (typeof users.$inferInsert)[] = this.people.map((p) => ({
      id: p.id,
      email: p.email,
      emailVerifiedAt: p.hasPassword ? p.createdAt : null,
      passwordHash: p.hasPassword ? this.input.passwordHash : null,
      displayName: p.name,
      role: p.role,
      targetGroup: p.group,
      districtId: district(p.village),
      departmentId: department(p.departmentSlug),
      blockedAt: p.blockedAt,
      createdAt: p.createdAt,
      updatedAt: p.blockedAt ?? p.createdAt,
    }))

    const ideaRows: (typeof ideas.$inferInsert)[] = ordered.map((idea) => {
      const publicMoments = [
        ...idea.changes.map((c) => c.at),
        ...idea.comments.filter((c) => c.official).map((c) => c.at),
        ...idea.updates.map((u) => u.at),
      ]
      const firstResponseAt = publicMoments.length ? Math.min(...publicMoments) : null
      const visibleComments = idea.comments.filter((c) => c.hidden === null).length
      const done = idea.changes.find((c) => c.to === 'done')
      return {
        id: idea.id,
        title: idea.title,
        body: idea.body,
        bodyHtml: html(idea.body),
        themeId: theme(idea.theme),
        districtId: district(idea.village),
        ...placeOf(idea.id, idea.village),
        targetMask: toMask(idea.targetGroups),
        authorId: idea.author.id,
        channel: idea.channel,
        status: idea.status,
        voteCount: idea.votes.size,
        commentCount: visibleComments,
        followerCount: idea.followers.size,
        hotScore: hotScoreOf(
          idea.createdAt,
          [...idea.votes.values(), ...idea.comments.filter((c) => c.hidden === null).map((c) => c.at)],
          idea.status,
        ),
        departmentId: department(idea.departmentSlug),
        assigneeId: idea.assignee?.id ?? null,
        campaignId: idea.campaign?.id ?? null,
        mergedIntoId: idea.mergedInto?.id ?? null,
        authorGroup: idea.author.group,
        responseDueAt: dueAt(idea.createdAt, norm),
        firstResponseAt,
        firstResponseWorkingDays: firstResponseAt === null ? null : workingDaysBetween(idea.createdAt, firstResponseAt),
        doneAt: done?.at ?? null,
        followupAskedAt: idea.followupAskedAt,
        lastPublicUpdateAt: publicMoments.length ? Math.max(...publicMoments) : null,
        createdAt: idea.createdAt,
        updatedAt: Math.max(
          idea.createdAt,
          ...idea.changes.map((c) => c.at),
          ...idea.comments.map((c) => c.at),
          ...idea.updates.map((u) => u.at),
        ),
      }
    })

    const voteRows: (typeof votes.$inferInsert)[] = ordered.flatMap((idea) =>
      [...idea.votes].map(([userId, at]) => ({ ideaId: idea.id, userId, createdAt: at })),
    )
    const followerRows: (typeof followers.$inferInsert)[] = ordered.flatMap((idea) =>
      [...idea.followers].map(([userId, at]) => ({ ideaId: idea.id, userId, createdAt: at })),
    )
    const commentRows: (typeof comments.$inferInsert)[] = allComments.map((c) => ({
      id: c.id,
      ideaId: c.idea.id,
      authorId: c.author.id,
      parentId: c.parent?.id ?? null,
      body: c.body,
      bodyHtml: html(c.body),
      official: c.official ? 1 : 0,
      hidden: c.hidden ? 1 : 0,
      hiddenReason: c.hidden,
      createdAt: c.at,
      updatedAt: c.at,
    }))
    const changeRows: (typeof statusChanges.$inferInsert)[] = allChanges.map(({ item: c }) => ({
      id: c.id,
      ideaId: c.idea.id,
      fromStatus: c.from,
      toStatus: c.to,
      explanation: c.explanation,
      declineReason: c.declineReason,
      referredTo: c.referredTo,
      closureWhatChanged: c.closure?.whatChanged ?? null,
      closureSince: c.closure?.since ?? null,
      closureTeam: c.closure?.team ?? null,
      closureLink: c.closure?.link ?? null,
      actorId: c.actor.id,
      createdAt: c.at,
    }))
    const ratingRows: (typeof ratings.$inferInsert)[] = byTime(this.ratings).map(({ item: r }, i) => ({
      id: bases.ratings + i,
      ideaId: r.idea.id,
      userId: r.user.id,
      occasionType: r.occasion.type,
      occasionId: r.occasion.type === 'status_change' ? r.occasion.change.id : r.occasion.comment.id,
      score: r.score,
      remark: r.remark,
      raterGroup: r.user.group,
      raterDistrictId: district(r.user.village),
      createdAt: r.at,
      updatedAt: r.at,
    }))
    const followupRows: (typeof followupAnswers.$inferInsert)[] = byTime(this.followups).map(({ item: f }, i) => ({
      id: bases.followups + i,
      ideaId: f.idea.id,
      userId: f.user.id,
      answer: f.answer,
      remark: f.remark,
      raterGroup: f.user.group,
      createdAt: f.at,
      updatedAt: f.at,
    }))
    const helperRows: (typeof ideaHelpers.$inferInsert)[] = this.helpers.map((h) => ({
      ideaId: h.idea.id,
      userId: h.user.id,
      note: h.note,
      createdAt: h.at,
    }))
    const updateRows: (typeof progressUpdates.$inferInsert)[] = allUpdates.map(({ item: u }) => ({
      id: u.id,
      ideaId: u.idea.id,
      authorId: u.author.id,
      body: u.body,
      bodyHtml: html(u.body),
      createdAt: u.at,
    }))
    const noteRows: (typeof ideaNotes.$inferInsert)[] = this.notes.map((n) => ({
      id: n.id,
      ideaId: n.idea.id,
      authorId: n.author.id,
      body: n.body,
      createdAt: n.at,
    }))
    const assignmentRows: (typeof ideaAssignments.$inferInsert)[] = this.assignments.map((a) => ({
      id: a.id,
      ideaId: a.idea.id,
      fromDepartmentId: department(a.fromDepartment),
      toDepartmentId: department(a.toDepartment),
      fromAssigneeId: a.fromAssignee?.id ?? null,
      toAssigneeId: a.toAssignee?.id ?? null,
      actorId: a.actor.id,
      note: a.note,
      createdAt: a.at,
    }))
    const reportRows: (typeof reports.$inferInsert)[] = this.reports.map((r) => ({
      id: r.id,
      subjectType: r.subject.type,
      subjectId: r.subject.type === 'idea' ? r.subject.idea.id : r.subject.comment.id,
      reporterId: r.reporter.id,
      reason: r.reason,
      note: r.note,
      createdAt: r.at,
      resolvedAt: r.resolved?.at ?? null,
      resolution: r.resolved?.resolution ?? null,
      resolverId: r.resolved?.resolver.id ?? null,
    }))
    const campaignRows: (typeof campaigns.$inferInsert)[] = this.campaigns.map((c) => ({
      id: c.id,
      title: c.title,
      description: c.description,
      descriptionHtml: html(c.description),
      themeId: theme(c.theme),
      targetMask: toMask(c.targetGroups),
      ideasFrom: c.ideasFrom,
      ideasUntil: c.ideasUntil,
      votingFrom: c.votingFrom,
      votingUntil: c.votingUntil,
      outcome: c.outcome,
      outcomeHtml: c.outcome === null ? null : html(c.outcome),
      outcomePublishedAt: c.outcomePublishedAt,
      openedNotifiedAt: c.openedNotifiedAt,
      createdBy: c.createdBy.id,
      createdAt: c.createdAt,
      updatedAt: c.outcomePublishedAt ?? c.createdAt,
    }))
    const auditRows: (typeof auditLog.$inferInsert)[] = byTime(this.audit).map(({ item: a }, i) => ({
      id: bases.audit + i,
      actorId: a.actor.id,
      action: a.action,
      subjectType: a.subjectType,
      subjectId: a.subject(),
      details: a.details(),
      createdAt: a.at,
    }))

    return {
      users: userRows,
      campaigns: campaignRows,
      ideas: ideaRows,
      votes: voteRows,
      followers: followerRows,
      comments: commentRows,
      statusChanges: changeRows,
      ratings: ratingRows,
      followupAnswers: followupRows,
      ideaHelpers: helperRows,
      progressUpdates: updateRows,
      ideaNotes: noteRows,
      ideaAssignments: assignmentRows,
      reports: reportRows,
      auditLog: auditRows,
    }
  }
}

export type DemoRows = ReturnType<World['rows']>

// ——— Small text helpers ———

/** Fills {slots} (twice, so a slot may hold slots) and starts the text with a capital. */
export function fill(template: string, slots: Record<string, string | number | undefined>): string {
  const once = (text: string) => text.replace(/\{(\w+)\}/g, (whole, key: string) => String(slots[key] ?? whole))
  const text = once(once(template))
  if (/\{\w+\}/.test(text)) throw new Error(`demo text has an unfilled slot: ${text}`)
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** A random generator of its own per item, so one item's choices never shift another's. */
export function randomFor(key: string): Random {
  return seededRandom(`meedenken-demo:${key}`)
}

export { WEEK }

/** An idea's demo point (about half of those in a village): the columns it fills. */
function placeOf(id: number, village: string | null): { latitude: number | null; longitude: number | null } {
  const point = demoPoint(id, village)
  return { latitude: point?.latitude ?? null, longitude: point?.longitude ?? null }
}
