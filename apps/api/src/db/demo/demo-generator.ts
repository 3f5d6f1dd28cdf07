import type { Channel, TargetGroup } from '@meedenken/shared'
import { localDate, localDay, startOfLocalDay } from '../../domain/working-days'
import { monthOf, monthStart } from '../../stats/periods'
import { CAMPAIGNS, type DemoCampaignIdea } from './demo-campaigns'
import { DEMO_IDEAS, DEMO_MEMBERS, DEMO_RESIDENT, DISTRICTS, STAFF_ACCOUNTS } from './demo-content'
import * as P from './demo-phrases'
import type { Random } from './demo-random'
import { quarterStart } from './demo-time'
import {
  DEFAULT_PLACES,
  type Decline,
  type Fate,
  NEIGHBOURS,
  STREETS,
  type ThemeSlug,
  TOPICS,
  type Topic,
  VILLAGE_WEIGHTS,
} from './demo-topics'
import {
  type Campaign,
  type Comment,
  DAY,
  fill,
  HOUR,
  type Idea,
  MINUTE,
  type Person,
  randomFor,
  type StatusChange,
  WEEK,
  World,
  type WorldInput,
} from './demo-world'

/** Scores people gave in the hand-written demo, by the status of the latest answer (kept as they were). */
const HANDWRITTEN_SCORES: Record<string, number[]> = {
  done: [5, 4, 5, 5, 4, 3, 5, 4],
  planned: [4, 4, 5, 3, 4, 5],
  in_progress: [4, 3, 4, 5, 4],
  under_review: [3, 4, 3, 2, 4],
  declined: [2, 3, 1, 3, 2, 4],
}
const VOTER_FIRST_NAMES = ['Marieke', 'Bert', 'Joke', 'Hans', 'Linda', 'Erik', 'Sandra', 'Klaas', 'Ria', 'Dirk']
const VOTER_INITIALS = ['A', 'B', 'D', 'H', 'K', 'M']

const COLLEAGUES = [
  { name: 'Mark Hoving (gemeente)', department: 'afval-en-reiniging' },
  { name: 'Tim Wolters (gemeente)', department: 'verkeer-en-vervoer' },
  { name: 'Sevda Kaya (gemeente)', department: 'beheer-openbare-ruimte' },
  { name: 'Eva Smit (gemeente)', department: 'klantcontact' },
  { name: 'Ruud Venema (gemeente)', department: 'sociaal-domein' },
  { name: 'Ilse de Boer (gemeente)', department: 'economische-zaken' },
  { name: 'Dennis Meijer (gemeente)', department: 'sport-en-cultuur' },
]

/** When an idea turns out to belong elsewhere: where its department hands it to. */
const HANDOFF: Record<ThemeSlug, string> = {
  afval: 'beheer-openbare-ruimte',
  'wegen-en-verkeer': 'beheer-openbare-ruimte',
  groen: 'sport-en-cultuur',
  dienstverlening: 'sociaal-domein',
  'zorg-en-welzijn': 'sport-en-cultuur',
  ondernemen: 'klantcontact',
  'sport-en-cultuur': 'sociaal-domein',
}

const THEME_ORDER: ThemeSlug[] = [
  'afval',
  'wegen-en-verkeer',
  'groen',
  'dienstverlening',
  'zorg-en-welzijn',
  'ondernemen',
  'sport-en-cultuur',
]

/**
 * Who sends in a theme's ideas, in order. Every quarter's first six per theme hold at
 * least five entrepreneurs and five organisations, so each target group has figures.
 */
const GROUP_PATTERN: Record<ThemeSlug, string> = {
  afval: 'rreroerrrer',
  'wegen-en-verkeer': 'rrrorerrror',
  groen: 'rorrroreror',
  dienstverlening: 'rerorrerrro',
  'zorg-en-welzijn': 'orrorrorerr',
  ondernemen: 'eereoereere',
  'sport-en-cultuur': 'ororroerror',
}
const GROUP_OF: Record<string, TargetGroup> = { r: 'resident', e: 'entrepreneur', o: 'organisation' }

/** Ideas per theme in a full quarter, and in the quarter before the scorecard's year. */
const PER_THEME = 11
const PER_THEME_OLDEST = 5

const IMPERATIVE =
  /^(Zet|Maak|Leg|Plant|Laat|Geef|Start|Houd|Organiseer|Help|Open|Stuur|Betaal|Bezorg|Test|Strooi|Snoei|Zaai|Borstel|Hang|Leen|Sta|Stel|Leid|Vervang|Bouw|Veeg|Reinig|Leeg|Haal|Regel|Breng|Zorg|Plaats|Richt)\b/

const TOPICS_BY_THEME = new Map<ThemeSlug, Topic[]>()
for (const topic of TOPICS) TOPICS_BY_THEME.set(topic.theme, [...(TOPICS_BY_THEME.get(topic.theme) ?? []), topic])

/** Keys of topics the special cases use, so no ordinary idea repeats them. */
const RESERVED = new Set(['grofvuil'])

/**
 * At most this many generated ideas were sent in during the last 145 days and are done
 * already, and at most this many were finished in the last 75 days: the done list (by
 * "trending") and "Jij zei, wij deden" (newest first) keep room on their first page for the
 * hand-written ideas the journeys look for, as in a municipality where most recent ideas
 * are still underway.
 */
const RECENT_DONE = 11
/** Ideas with more votes than the busiest hand-written ones are rare: a handful of favourites. */
const FAVOURITES = 5
const MAX_ORDINARY_VOTES = 8
/**
 * Generated ideas "in uitvoering" at most: the roadmap shows the 50 most recently updated,
 * and the hand-written crossing in Zuidbroek (updated 20 days ago) must stay among them.
 */
const MAX_IN_PROGRESS = 30

type Texts = {
  slots: Record<string, string>
  review: string[]
  plan: string[]
  work: string[]
  closure: string[]
  declines: Decline[]
  team: string
  helpers: boolean
}

type Frame = { created: number; after(days: number): number }

export function buildDemoWorld(input: WorldInput): World {
  return new DemoBuilder(input).build()
}

class DemoBuilder {
  private readonly w: World
  private readonly now: number
  private staff!: Person
  private admin!: Person
  private anouk!: Person
  private anoukWrote = false
  private readonly colleagues = new Map<string, Person[]>()
  private readonly handwrittenVoters: Person[] = []
  /** The silent supporters vote and rate, but write nothing. */
  private readonly silent = new Set<Person>()
  private readonly recentDone = { sentIn: RECENT_DONE, finished: RECENT_DONE }
  private readonly topicUses = new Map<string, number>()
  private readonly combos = new Set<string>()
  private readonly heard = new Set<string>()
  private inProgress = 0

  constructor(private readonly input: WorldInput) {
    this.w = new World(input)
    this.now = input.time.now
  }

  build(): World {
    this.accounts()
    this.handwritten()
    this.year()
    this.specials()
    this.campaigns()
    this.moderation()
    this.anoukVotes()
    this.lateRatings()
    this.settleSignups()
    this.check()
    return this.w
  }

  // ——— People ———

  private accounts() {
    const since = this.now - 500 * DAY
    for (const s of STAFF_ACCOUNTS) {
      const person = this.w.addPerson({
        name: s.displayName,
        email: s.email,
        role: s.role,
        departmentSlug: s.department,
        hasPassword: true,
        createdAt: since,
        online: false,
      })
      if (s.role === 'staff') this.staff = person
      else this.admin = person
    }
    this.anouk = this.w.addPerson({
      name: DEMO_RESIDENT.displayName,
      email: DEMO_RESIDENT.email,
      group: DEMO_RESIDENT.targetGroup,
      village: DEMO_RESIDENT.district,
      hasPassword: true,
      createdAt: since,
    })
    for (const m of DEMO_MEMBERS) {
      this.handwrittenVoters.push(
        this.w.addPerson({ name: m.name, group: m.group, village: m.district, createdAt: since }),
      )
    }
    // Silent supporters, so vote counts look like a real municipality's.
    for (const first of VOTER_FIRST_NAMES) {
      for (const initial of VOTER_INITIALS) {
        const n = this.handwrittenVoters.length
        const group: TargetGroup = n % 7 === 0 ? 'entrepreneur' : n % 11 === 0 ? 'organisation' : 'resident'
        const person = this.w.addPerson({
          name: `${first} ${initial}.`,
          group,
          village: DISTRICTS[n % DISTRICTS.length] ?? null,
          createdAt: since,
        })
        this.handwrittenVoters.push(person)
        this.silent.add(person)
      }
    }
    this.colleagues.set('verkeer-en-vervoer', [this.staff])
    this.colleagues.set('klantcontact', [this.admin])
    for (const c of COLLEAGUES) {
      const person = this.w.addPerson({
        name: c.name,
        role: 'staff',
        departmentSlug: c.department,
        createdAt: this.now - 480 * DAY,
        online: false,
      })
      this.colleagues.set(c.department, [...(this.colleagues.get(c.department) ?? []), person])
    }
  }

  private colleagueFor(department: string, random: Random, options: { notFemke?: boolean } = {}): Person {
    const team = (this.colleagues.get(department) ?? [this.admin]).filter(
      (p) => !(options.notFemke && p === this.staff),
    )
    return random.pick(team.length ? team : [this.admin])
  }

  private newMember(group: TargetGroup, village: string, random: Random, at: number): Person {
    for (let attempt = 0; attempt < 60; attempt++) {
      const surname = random.pick(P.SURNAMES)
      const first = random.pick(P.FIRST_NAMES)
      const name =
        group === 'entrepreneur'
          ? `${random.pick(P.BUSINESS_TYPES)} ${surname}`
          : group === 'organisation'
            ? fill(random.pick(P.ORGANISATION_KINDS), { v: village })
            : random.weighted([
                [`${first} ${surname}`, 7],
                [`${first} uit ${village}`, 2],
                [`${first} ${surname.replace(/^(de|van der) /, '').charAt(0)}.`, 1],
              ] as const)
      const existing = this.w.byName.get(name)
      if (!existing) return this.w.addPerson({ name, group, village, createdAt: at })
      // An organisation that exists already simply writes again.
      if (group === 'organisation' && existing.group === 'organisation' && existing.online) return existing
    }
    throw new Error('demo: ran out of names')
  }

  private authorFor(group: TargetGroup, village: string, random: Random, at: number): Person {
    const locals = (this.w.members().byVillage.get(village) ?? []).filter(
      (p) => p.group === group && p.village === village && p.ideaCount < 3 && p !== this.anouk && !this.silent.has(p),
    )
    if (locals.length > 0 && random.chance(0.4)) return random.pick(locals)
    return this.newMember(group, village, random, at)
  }

  private intakeAuthor(random: Random, village: string, at: number): Person {
    for (let attempt = 0; attempt < 40; attempt++) {
      const name = `${random.pick(['Mevrouw', 'Meneer', 'Familie'])} ${random.pick(P.SURNAMES).replace(/^de /, 'De ').replace(/^van /, 'Van ')}`
      if (!this.w.byName.has(name))
        return this.w.addPerson({ name, group: 'resident', village, createdAt: at, online: false })
    }
    throw new Error('demo: ran out of intake names')
  }

  /** Someone from the membership to vote, comment or help: often a neighbour. */
  private someone(
    random: Random,
    village: string | null,
    except: Set<number>,
    options: { writes?: boolean } = {},
  ): Person | null {
    const { all, byVillage } = this.w.members()
    const locals = village ? (byVillage.get(village) ?? []) : []
    const fits = (p: Person) => !except.has(p.id) && !(options.writes && this.silent.has(p))
    // Random tries first (the pool is large and `except` small), then an exact list.
    for (let attempt = 0; attempt < 24; attempt++) {
      const p = locals.length > 0 && random.chance(0.45) ? random.pick(locals) : random.pick(all)
      if (fits(p)) return p
    }
    const pool = all.filter(fits)
    return pool.length > 0 ? random.pick(pool) : null
  }

  // ——— The fifteen hand-written ideas, as they always were ———

  private handwritten() {
    const ordered = [...DEMO_IDEAS].sort((a, b) => (a.mergedInto ? 1 : 0) - (b.mergedInto ? 1 : 0))
    const byKey = new Map<string, Idea>()
    const votersOf = new Map<string, Person[]>()
    for (const [order, demo] of ordered.entries()) {
      const author = this.w.byName.get(demo.author)
      if (!author) throw new Error(`demo idea ${demo.key} names an unknown author`)
      const createdAt = this.now - demo.daysAgo * DAY
      const at = (days: number) => createdAt + days * DAY + 9 * HOUR
      const theme = demo.theme as ThemeSlug
      const idea = this.w.addIdea({
        fixedOrder: order,
        key: demo.key,
        title: demo.title,
        body: demo.body,
        theme,
        village: demo.district,
        targetGroups: demo.targetGroups,
        author,
        channel: demo.channel ?? 'web',
        campaign: null,
        createdAt,
        departmentSlug: this.departmentOf(theme),
        assignee: null,
      })
      byKey.set(demo.key, idea)
      const start = (demo.daysAgo * 7) % 20
      const voters = demo.mergedInto
        ? this.mergedVoters(byKey.get(demo.mergedInto), votersOf.get(demo.mergedInto) ?? [], author, demo.votes)
        : this.handwrittenVoters.filter((p) => p !== author).slice(start, start + demo.votes)
      votersOf.set(demo.key, voters)
      voters.forEach((voter, i) => {
        this.w.vote(idea, voter, createdAt + (i + 1) * HOUR)
      })
      if (demo.assignedToStaff) {
        this.w.assign(idea, {
          toDepartment: idea.departmentSlug,
          toAssignee: this.staff,
          actor: this.staff,
          at: at(1) - 6 * HOUR,
        })
      }
      let last: StatusChange | null = null
      for (const step of demo.steps) {
        last = this.w.change(idea, at(step.daysAfterCreation), step.to, step.explanation, this.staff, {
          ...(step.declineReason ? { declineReason: step.declineReason } : {}),
          ...(step.referredTo ? { referredTo: step.referredTo } : {}),
          ...(step.closure ? { closure: { ...step.closure, link: step.closure.link ?? null } } : {}),
        })
      }
      const authorOf = (name: string) => (name === 'staff' ? this.staff : (this.w.byName.get(name) ?? this.staff))
      for (const c of demo.comments) {
        const parent = this.w.comment(idea, at(c.daysAfterCreation), authorOf(c.by), c.body, {
          official: c.official ?? false,
        })
        for (const r of c.replies ?? [])
          this.w.comment(idea, at(r.daysAfterCreation), authorOf(r.by), r.body, { parent })
      }
      // Some of the people involved said how satisfied they were with the latest answer.
      if (last && !demo.mergedInto) {
        const change = last
        const pattern = HANDWRITTEN_SCORES[change.to] ?? [3, 4, 3, 4, 5]
        voters.slice(0, 12).forEach((user, i) => {
          this.w.rate({
            idea,
            user,
            occasion: { type: 'status_change', change },
            score: pattern[i % pattern.length] ?? 4,
            remark: null,
            at: Math.min(this.now, change.at + (i + 1) * HOUR),
          })
        })
      }
      if (demo.mergedInto) {
        const target = byKey.get(demo.mergedInto)
        if (!target) throw new Error(`demo idea ${demo.key} merges into an unknown idea`)
        this.w.merge(idea, target, at(4), this.staff, P.MERGED[0] ?? '')
      }
      this.followups(idea, randomFor(`handwritten:${demo.key}`))
    }
  }

  /** A duplicate's supporters: some voted for the original too (they keep one vote), some did not. */
  private mergedVoters(target: Idea | undefined, targetVoters: Person[], author: Person, n: number): Person[] {
    const overlap = targetVoters.slice(0, Math.ceil(n / 2))
    const others = this.handwrittenVoters
      .filter((p) => p !== author && p !== target?.author && !targetVoters.includes(p))
      .slice(0, n - overlap.length)
    return [...overlap, ...others]
  }

  private departmentOf(theme: ThemeSlug): string {
    const found = this.input.catalog.themes.get(theme)
    if (!found) throw new Error(`unknown demo theme ${theme}`)
    return found.departmentSlug
  }

  private departmentName(slug: string): string {
    return this.input.catalog.departments.get(slug)?.name ?? 'de gemeente'
  }

  // ——— A year of ideas ———

  private year() {
    const random = randomFor('year')
    type Slot = { key: string; bucket: number; theme: ThemeSlug; group: TargetGroup; age: number }
    const slots: Slot[] = []
    this.input.time.quarters.forEach(({ young, old }, bucket) => {
      const span = old - young
      const perTheme =
        bucket === 0
          ? Math.max(6, Math.round((PER_THEME * span) / 91))
          : bucket === this.input.time.quarters.length - 1
            ? PER_THEME_OLDEST
            : PER_THEME
      for (const theme of THEME_ORDER) {
        const pattern = GROUP_PATTERN[theme]
        for (let i = 0; i < perTheme; i++) {
          const slotRandom = randomFor(`slot:${bucket}:${theme}:${i}`)
          const letter = pattern[(i + (bucket === 0 ? 0 : bucket * 3)) % pattern.length] ?? 'r'
          slots.push({
            key: `${bucket}:${theme}:${i}`,
            bucket,
            theme,
            group: GROUP_OF[letter] ?? 'resident',
            age: young + (span * (i + 0.1 + 0.8 * slotRandom.next())) / perTheme,
          })
        }
      }
    })
    const favourites = new Set(
      random
        .sample(
          slots.filter((s) => s.bucket >= 1 && s.bucket <= 3),
          FAVOURITES,
        )
        .map((s) => s.key),
    )
    // A shuffled order, so the few recent "done" places go to ideas of every theme.
    for (const slot of random.sample(slots, slots.length)) {
      this.ordinaryIdea(slot.key, slot.theme, slot.group, slot.age, favourites.has(slot.key), slot.bucket)
    }
  }

  private chooseTopic(
    theme: ThemeSlug,
    group: TargetGroup,
    random: Random,
    at: number,
  ): { topic: Topic; village: string | null; title: string; slots: Record<string, string> } {
    const month = Number(localDate(at).slice(5, 7))
    type Candidate = { topic: Topic; village: string | null; penalty: number; weight: number }
    const candidates: Candidate[] = []
    for (const topic of TOPICS_BY_THEME.get(theme) ?? []) {
      if (RESERVED.has(topic.key)) continue
      const uses = this.topicUses.get(topic.key) ?? 0
      const villages = topic.where ?? DISTRICTS
      for (const village of villages) {
        // The roadmap journey expects nothing "in uitvoering" for Afval in Siddeburen but the
        // hand-written paper idea; keeping generated Afval ideas out of Siddeburen keeps it so.
        if (theme === 'afval' && village === 'Siddeburen') continue
        const used = this.combos.has(`${topic.key}|${village ?? ''}`)
        if (village === null && uses >= topic.titles.length) continue
        candidates.push({
          topic,
          village,
          penalty:
            (topic.by.includes(group) ? 0 : 2) +
            (used ? 4 : 0) +
            uses * 0.35 +
            (topic.season && !topic.season.includes(month) ? 3 : 0),
          weight: village === null ? 3 : (VILLAGE_WEIGHTS[village] ?? 1),
        })
      }
    }
    // Every village gets its say: while some have no idea yet, one of them is chosen if it can be.
    const unheard = candidates.filter((c) => c.village !== null && !this.heard.has(c.village))
    const choices = unheard.length > 0 ? unheard : candidates
    choices.sort((a, b) => a.penalty - b.penalty)
    const best = choices[0]?.penalty ?? 0
    const pool = choices.filter((c) => c.penalty < best + 1.2)
    for (let attempt = 0; attempt < 40; attempt++) {
      const pick = random.weighted(pool.map((c) => [c, c.weight / (1 + c.penalty)] as const))
      const made = this.titled(pick.topic, pick.village, random)
      if (made) {
        this.topicUses.set(pick.topic.key, (this.topicUses.get(pick.topic.key) ?? 0) + 1)
        this.combos.add(`${pick.topic.key}|${pick.village ?? ''}`)
        if (pick.village) this.heard.add(pick.village)
        return { topic: pick.topic, village: pick.village, ...made }
      }
    }
    throw new Error(`demo: no free title for theme ${theme}`)
  }

  /** A title nobody used yet, with the slots it was filled with; null when the tries run out. */
  private titled(
    topic: Topic,
    village: string | null,
    random: Random,
  ): { title: string; slots: Record<string, string> } | null {
    for (let attempt = 0; attempt < 8; attempt++) {
      const home = village ?? 'Hoogezand'
      const slots: Record<string, string> = {
        v: home,
        v2: random.pick(NEIGHBOURS[home] ?? ['Hoogezand']),
        p: random.pick(topic.places ?? DEFAULT_PLACES),
        s: random.pick(STREETS),
      }
      const title = fill(random.pick(topic.titles), slots)
      if (!this.w.titles.has(title) && titleAllowed(title)) return { title, slots }
    }
    return null
  }

  private ordinaryIdea(
    key: string,
    theme: ThemeSlug,
    group: TargetGroup,
    age: number,
    favourite: boolean,
    bucket: number,
  ) {
    const random = randomFor(`idea:${key}`)
    const frame = this.nominalFrame(age)
    const { topic, village, title, slots } = this.chooseTopic(theme, group, random, frame.created)
    const home = village ?? this.pickVillage(random)
    const intake: Channel =
      group === 'resident'
        ? random.weighted([
            ['web', 80],
            ['phone', 9],
            ['desk', 5],
            ['letter', 4],
            ['email', 2],
          ] as const)
        : 'web'
    let channel = intake
    let createdAt =
      channel === 'web' ? this.w.memberMoment(frame.created, random) : this.w.staffMoment(frame.created, random)
    if (!Number.isFinite(createdAt)) {
      channel = 'web'
      createdAt = frame.created
    }
    let author: Person
    if (channel !== 'web') author = this.intakeAuthor(random, home, createdAt)
    else if (!this.anoukWrote && bucket === 1 && group === 'resident' && home === 'Sappemeer') {
      author = this.anouk
      this.anoukWrote = true
    } else author = this.authorFor(group, home, random, createdAt)
    const texts = this.textsOf(topic, { ...slots, v: home }, theme, author)
    const body =
      channel === 'web'
        ? this.webBody(topic, texts.slots, author, random)
        : this.intakeBody(topic, texts.slots, author, channel, random)
    const idea = this.w.addIdea({
      fixedOrder: null,
      key,
      title,
      body,
      theme,
      village,
      targetGroups: topic.for,
      author,
      channel,
      campaign: null,
      createdAt,
      departmentSlug: this.departmentOf(theme),
      assignee: null,
    })
    if (channel !== 'web') {
      const desk = this.colleagueFor('klantcontact', random)
      this.w.record(
        desk,
        'idea.intake',
        'idea',
        () => idea.id,
        createdAt,
        () => ({ channel }),
      )
    }
    const fate = this.fateOf(topic, (this.now - createdAt) / DAY, random)
    this.live(idea, frame, fate, texts, random, {
      votes: favourite ? random.int(10, 24) : this.ordinaryVotes(random),
      forgotten: random.chance(0.07),
    })
  }

  private pickVillage(random: Random): string {
    return random.weighted(DISTRICTS.map((d) => [d, VILLAGE_WEIGHTS[d] ?? 1] as const))
  }

  private nominalFrame(age: number): Frame {
    const time = this.input.time
    return {
      created: time.at(age),
      after: (days) => (age - days <= 0 ? Number.POSITIVE_INFINITY : time.at(age - days)),
    }
  }

  private realFrame(created: number): Frame {
    return { created, after: (days) => created + days * DAY }
  }

  private ordinaryVotes(random: Random): number {
    return random.weighted([
      [0, 10],
      [1, 14],
      [2, 16],
      [3, 16],
      [4, 14],
      [5, 11],
      [6, 9],
      [7, 6],
      [8, 4],
    ] as const)
  }

  /** How the story of an idea of this age ends: old ideas are mostly settled, young ones underway. */
  private fateOf(topic: Topic, age: number, random: Random): Fate {
    const byAge: Record<Fate, [number, number, number]> = {
      // older than 180 days, 90 to 180, younger
      review: [0.1, 0.5, 1],
      answer: [0.2, 0.6, 1],
      planned: [0.2, 0.7, 1],
      progress: [0.3, 0.6, 0.35],
      done: [1.1, 0.9, 1],
      quick: [0.7, 0.9, 1],
      declined: [2.4, 1.7, 1.2],
      reopened: [1, 1, 1],
    }
    const column = age > 180 ? 0 : age > 90 ? 1 : 2
    const weights: [Fate, number][] = []
    const declines = (topic.declines ?? []).length > 0
    for (const [fate, weight] of Object.entries(topic.fate) as [Fate, number][]) {
      if ((fate === 'declined' || fate === 'reopened') && !declines) continue
      weights.push([fate, weight * byAge[fate][column]])
    }
    if (declines && age > 120) weights.push(['reopened', 0.12])
    if (weights.length === 0) weights.push(['review', 1])
    return random.weighted(weights)
  }

  private textsOf(topic: Topic, slots: Record<string, string>, theme: ThemeSlug, author: Person): Texts {
    const department = this.departmentName(this.departmentOf(theme))
    const base: Record<string, string> = { ...slots, department, org: author.name }
    base.subject = fill(topic.subject, base).replace(/^./, (c) => c.toLowerCase())
    return {
      slots: base,
      review: topic.review,
      plan: topic.plan,
      work: topic.work,
      closure: topic.closure,
      declines: topic.declines ?? [],
      team: topic.team ?? department,
      helpers: topic.helpers ?? false,
    }
  }

  private webBody(topic: Topic, slots: Record<string, string>, author: Person, random: Random): string {
    const group = author.group ?? 'resident'
    const line = (list: string[]) => fill(random.pick(list), slots)
    const numbers = { n: String(random.int(4, 40)), age: String(random.int(68, 86)), staff: String(random.int(3, 25)) }
    const opening = random.chance(group === 'resident' ? 0.45 : 0.7)
      ? `${fill(random.pick(P.OPENINGS[group]), { ...slots, ...numbers })} `
      : ''
    const first = `${opening}${line(topic.situation)} ${line(topic.problem)}`
    const proposal = line(topic.proposal)
    // "Mijn voorstel:" only before a proposal that starts with what to do ("Zet…", "Maak…").
    const second =
      IMPERATIVE.test(proposal) && random.chance(0.3)
        ? `Mijn voorstel: ${proposal.charAt(0).toLowerCase()}${proposal.slice(1)}`
        : proposal
    const closing = random.chance(0.5) ? ` ${fill(random.pick(P.CLOSINGS[group]), slots)}` : ''
    return `${first}\n\n${second}${closing}`
  }

  private intakeBody(topic: Topic, slots: Record<string, string>, author: Person, channel: Channel, random: Random) {
    const kind = channel === 'web' ? 'email' : channel
    const opening = fill(random.pick(P.INTAKE_OPENING[kind]), { name: author.name })
    const line = (list: string[]) => fill(random.pick(list), slots)
    return `${opening} ${line(topic.situation)} ${line(topic.problem)}\n\n${line(topic.proposal)} ${random.pick(P.INTAKE_CLOSING[kind])}`
  }

  // ——— An idea's life: the municipality's answers, then everyone else ———

  private live(
    idea: Idea,
    frame: Frame,
    fate: Fate | 'silent',
    texts: Texts,
    random: Random,
    options: {
      votes: number
      forgotten: boolean
      votingWindow?: [number, number]
      firstAnswer?: number
      notFemke?: boolean
      pace?: number
    },
  ) {
    const theme = idea.theme
    let department = idea.departmentSlug
    const handoff = random.chance(0.08)
    if (handoff) department = HANDOFF[theme]
    const actor = this.colleagueFor(department, random, { notFemke: options.notFemke ?? false })
    const slots = { ...texts.slots, department: this.departmentName(department) }
    if (fate !== 'silent') this.answers(idea, frame, fate, { ...texts, slots }, actor, random, options)
    const firstStaff = Math.min(
      ...idea.changes.map((c) => c.at),
      ...idea.comments.filter((c) => c.official).map((c) => c.at),
      ...idea.updates.map((u) => u.at),
    )
    if (Number.isFinite(firstStaff)) {
      let at = idea.createdAt + (firstStaff - idea.createdAt) * random.between(0.2, 0.8)
      const office = this.w.staffMoment(at, random)
      at = office < firstStaff ? office : Math.max(idea.createdAt, firstStaff - this.w.gap(firstStaff, MINUTE))
      if (handoff) {
        const coordinator = this.colleagueFor(idea.departmentSlug, random)
        this.w.assign(idea, {
          toDepartment: department,
          toAssignee: null,
          actor: coordinator,
          note: `Dit past beter bij ${this.departmentName(department)}.`,
          at: Math.max(idea.createdAt, at - this.w.gap(at, 20 * MINUTE)),
        })
      }
      this.w.assign(idea, {
        toDepartment: department,
        toAssignee: actor,
        actor: random.chance(0.6) ? actor : this.admin,
        at,
      })
    } else if (fate !== 'silent' && random.chance(0.15)) {
      const at = this.w.staffMoment(this.w.later(idea.createdAt, random.between(0.3, 3)), random)
      if (at <= this.now) {
        this.w.assign(idea, {
          toDepartment: idea.departmentSlug,
          toAssignee: this.colleagueFor(idea.departmentSlug, random, { notFemke: true }),
          actor: this.admin,
          at,
        })
      }
    }
    if (idea.status === 'in_progress') this.inProgress++
    this.participate(idea, frame, texts, random, options)
  }

  private answers(
    idea: Idea,
    frame: Frame,
    fate: Fate,
    texts: Texts,
    actor: Person,
    random: Random,
    options: { forgotten: boolean; firstAnswer?: number; pace?: number },
  ): void {
    const w = this.w
    /** A stage of `min` to `max` days, shorter for an idea that moved quickly. */
    const stage = (min: number, max: number) => random.between(min, max) * (options.pace ?? 1)
    const slots = { ...texts.slots }
    slots.review = fill(random.pick(texts.review.length ? texts.review : ['{department} bekijkt uw idee.']), slots)
    if (texts.plan.length) slots.plan = fill(random.pick(texts.plan), slots)
    if (texts.work.length) slots.work = fill(random.pick(texts.work), slots)
    if (texts.closure.length) slots.closure = fill(random.pick(texts.closure), slots)
    const say = (list: string[], extra: Record<string, string> = {}) => fill(random.pick(list), { ...slots, ...extra })
    let last = idea.createdAt
    let stopped = false
    /** The real moment of a staff action `days` after the idea came in; null once "now" is reached. */
    const moment = (days: number): number | null => {
      if (stopped) return null
      let at = w.staffMoment(frame.after(days), random)
      if (!Number.isFinite(at)) {
        stopped = true
        return null
      }
      at = Math.max(at, last + w.gap(at, 10 * MINUTE))
      if (at > this.now) {
        stopped = true
        return null
      }
      last = at
      return at
    }
    const when = (at: number) => {
      const month = Number(localDate(at).slice(5, 7))
      const season = P.SEASON[((month + 2) % 12) + 1] ?? 'binnenkort'
      return fill(random.pick(P.WHEN), { season })
    }
    const change = (days: number, to: 'under_review' | 'planned' | 'in_progress', list: string[]) => {
      const at = moment(days)
      if (at === null) return null
      return w.change(idea, at, to, say(list, to === 'planned' ? { when: when(at) } : {}), actor)
    }
    const used = new Set<string>()
    const updates = (from: number, until: number) => {
      if (options.forgotten) return
      let offset = from + random.between(10, 30)
      while (offset < until && !stopped) {
        const list = P.UPDATES[idea.status === 'in_progress' ? 'working' : 'preparing']
        const fresh = list.filter((u) => !used.has(u))
        const body = random.pick(fresh.length > 0 ? fresh : list)
        used.add(body)
        const at = moment(offset)
        if (at === null) return
        w.update(idea, at, actor, body)
        offset += random.between(14, 34)
      }
    }

    const r = options.firstAnswer ?? firstAnswerDelay(random)
    if (fate === 'answer') {
      const at = moment(r)
      if (at !== null) w.comment(idea, at, actor, say(P.FIRST_OFFICIAL), { official: true })
      return
    }
    // The first answer: a status change, or an official answer with the status change after it.
    const directDecline = fate === 'declined' && random.chance(0.35)
    const directPlan = (fate === 'planned' || fate === 'progress' || fate === 'done') && random.chance(0.15)
    let t = r
    if (directDecline) {
      this.decline(idea, moment(t), texts, actor, random, say)
      return
    }
    if (random.chance(0.3)) {
      const at = moment(t)
      if (at === null) return
      w.comment(idea, at, actor, say(P.FIRST_OFFICIAL), { official: true })
      t += random.between(0.5, 8)
      if (!directPlan && !change(t, 'under_review', P.LATER_REVIEW)) return
    } else if (!directPlan && !change(t, 'under_review', P.FIRST_STATUS)) return

    const plan = (days: number): boolean => {
      const planned = change(days, 'planned', P.PLANNED)
      if (!planned) return false
      if (random.chance(0.45)) {
        const at = moment(days + 0.01)
        if (at !== null) w.comment(idea, at, actor, say(P.PLANNED_OFFICIAL, { when: when(at) }), { official: true })
      }
      return true
    }
    switch (fate) {
      case 'review': {
        if (random.chance(0.3)) {
          const at = moment(t + random.between(10, 40))
          if (at !== null)
            w.comment(idea, at, actor, say(['We zijn nog bezig met uw idee. {review} Dank u voor uw geduld.']), {
              official: true,
            })
        }
        return
      }
      case 'planned': {
        const p = t + (directPlan ? 0 : stage(7, 45))
        if (plan(p)) updates(p, Number.POSITIVE_INFINITY)
        return
      }
      case 'progress':
      case 'done': {
        const p = t + (directPlan ? 0 : stage(7, 45))
        const toProgress = fate === 'progress' || random.chance(0.5)
        const g = p + stage(14, 60)
        const d = (toProgress ? g : p) + stage(20, 110)
        if (!plan(p)) return
        // Work that would still be running now waits in "planned" when the roadmap is full.
        const finish = frame.after(d)
        const stays = fate === 'progress' || finish > this.now || !this.mayFinish(idea, finish)
        if (toProgress && stays && this.inProgress >= MAX_IN_PROGRESS) {
          updates(p, Number.POSITIVE_INFINITY)
          return
        }
        updates(p, toProgress ? g : d)
        let end = d
        if (toProgress) {
          if (!change(g, 'in_progress', P.PROGRESS)) return
          if (random.chance(0.08)) {
            const pause = g + random.between(10, 30)
            if (!change(pause, 'planned', P.PAUSED)) return
            const again = pause + random.between(14, 40)
            updates(pause, again)
            if (!change(again, 'in_progress', P.PROGRESS)) return
            end = again + random.between(20, 60)
            updates(again, fate === 'done' ? end : Number.POSITIVE_INFINITY)
          } else updates(g, fate === 'done' ? d : Number.POSITIVE_INFINITY)
        }
        if (fate === 'done') this.finish(idea, moment(end), texts, actor, random, say, updates, end)
        return
      }
      case 'quick': {
        const d = t + random.between(2, 21)
        this.finish(idea, moment(d), texts, actor, random, say, updates, d)
        return
      }
      case 'declined':
        this.decline(idea, moment(t + random.between(5, 40)), texts, actor, random, say)
        return
      case 'reopened': {
        const d = t + random.between(5, 30)
        if (!this.decline(idea, moment(d), texts, actor, random, say)) return
        const again = d + random.between(20, 60)
        if (!change(again, 'under_review', P.REOPENED)) return
        if (random.chance(0.5)) {
          const p = again + random.between(15, 40)
          if (plan(p)) updates(p, Number.POSITIVE_INFINITY)
        }
        return
      }
    }
  }

  private decline(
    idea: Idea,
    at: number | null,
    texts: Texts,
    actor: Person,
    random: Random,
    say: (list: string[], extra?: Record<string, string>) => string,
  ): boolean {
    if (at === null) return false
    const decline = random.pick(
      texts.declines.length
        ? texts.declines
        : [{ reason: 'other' as const, text: 'Dit past nu niet in onze plannen.' }],
    )
    const text = fill(decline.text, texts.slots)
    this.w.change(idea, at, 'declined', say(P.DECLINED, { text }), actor, {
      declineReason: decline.reason,
      ...(decline.referredTo ? { referredTo: decline.referredTo } : {}),
    })
    return true
  }

  /** Whether one of the few places for recent "done" ideas is free for an idea finished at `at`. */
  private mayFinish(idea: Idea, at: number): boolean {
    const sentIn = this.now - idea.createdAt < 145 * DAY
    const finished = this.now - at < 75 * DAY
    return !((sentIn && this.recentDone.sentIn <= 0) || (finished && this.recentDone.finished <= 0))
  }

  /** Done, with its closure record, unless the few places for recent "done" ideas are taken. */
  private finish(
    idea: Idea,
    at: number | null,
    texts: Texts,
    actor: Person,
    random: Random,
    say: (list: string[], extra?: Record<string, string>) => string,
    updates: (from: number, until: number) => void,
    offset: number,
  ) {
    if (at === null) return
    const sentIn = this.now - idea.createdAt < 145 * DAY
    const finished = this.now - at < 75 * DAY
    if (!this.mayFinish(idea, at)) {
      // Not finished yet: a quick fix is still being looked at; planned work goes on.
      if (idea.status !== 'under_review') updates(offset, Number.POSITIVE_INFINITY)
      return
    }
    if (sentIn) this.recentDone.sentIn--
    if (finished) this.recentDone.finished--
    const since = localDate(at - random.int(0, 10) * DAY)
    const closure = {
      whatChanged: fill(texts.slots.closure ?? random.pick(texts.closure), texts.slots),
      since,
      team: texts.team,
      link: random.chance(0.3) ? 'https://www.midden-groningen.nl' : null,
    }
    this.w.change(idea, at, 'done', say(P.DONE), actor, { closure })
    const after = at + this.w.gap(at, 5 * MINUTE)
    if (random.chance(0.3) && after <= this.now)
      this.w.comment(idea, after, actor, say(P.DONE_OFFICIAL), { official: true })
  }

  private participate(
    idea: Idea,
    frame: Frame,
    texts: Texts,
    random: Random,
    options: { votes: number; votingWindow?: [number, number] },
  ) {
    const w = this.w
    const closedAt = Math.min(
      ...idea.changes.filter((c) => c.to === 'done' || c.to === 'declined' || c.to === 'merged').map((c) => c.at),
    )
    const except = new Set([idea.author.id])
    // Votes, mostly in the first days.
    for (let i = 0; i < options.votes; i++) {
      const voter = this.someone(random, idea.village, except)
      if (!voter) break
      except.add(voter.id)
      let at: number
      if (options.votingWindow) {
        const [from, until] = options.votingWindow
        at = w.memberMoment(from + random.next() * (Math.min(until, this.now) - from), random)
      } else {
        const days = random.weighted([
          [random.between(0.05, 3), 6],
          [random.between(3, 20), 3],
          [random.between(20, 90), 1],
        ] as const)
        at = w.memberMoment(frame.after(days), random)
      }
      if (at > this.now || at >= closedAt || at <= idea.createdAt) continue
      w.vote(idea, voter, at)
    }
    // A few follow without voting.
    if (random.chance(0.2)) {
      for (let i = random.int(1, 2); i > 0; i--) {
        const follower = this.someone(random, idea.village, except)
        const at = w.memberMoment(frame.after(random.between(0.1, 30)), random)
        if (follower && at <= this.now && at > idea.createdAt) {
          except.add(follower.id)
          w.follow(idea, follower, at)
        }
      }
    }
    this.conversation(idea, frame, texts, random)
    this.helping(idea, texts, random)
    this.satisfaction(idea, random)
    this.followups(idea, random)
    // Internal notes, now and then.
    const firstStaff = idea.changes[0]?.at ?? idea.comments.find((c) => c.official)?.at
    if (firstStaff !== undefined && random.chance(0.12)) {
      const author = idea.assignee ?? this.colleagueFor(idea.departmentSlug, random)
      const at = w.staffMoment(firstStaff + random.next() * (this.now - firstStaff) * 0.5, random)
      if (at <= this.now) w.note(idea, author, fill(random.pick(P.NOTES), texts.slots), at)
    }
  }

  private statusAt(idea: Idea, at: number) {
    let status = 'new'
    let referral: string | null = null
    for (const c of idea.changes) {
      if (c.at > at) break
      status = c.to
      referral = c.referredTo
    }
    return { status, referral }
  }

  private conversation(idea: Idea, frame: Frame, texts: Texts, random: Random) {
    const w = this.w
    const n = random.weighted([
      [0, 25],
      [1, 25],
      [2, 20],
      [3, 15],
      [4, 10],
      [5, 5],
    ] as const)
    const said = new Set<string>()
    const spoke = new Set<number>()
    const voters = [...idea.votes.keys()]
    for (let i = 0; i < n; i++) {
      const days =
        i === 0
          ? random.between(0.05, 4)
          : random.weighted([
              [random.between(0.1, 6), 5],
              [random.between(6, 40), 3],
              [random.between(40, 200), 2],
            ] as const)
      const at = w.memberMoment(frame.after(days), random)
      if (at > this.now || at <= idea.createdAt) continue
      const voter = voters.length > 0 && random.chance(0.5) ? w.person(random.pick(voters)) : undefined
      const author =
        voter && !this.silent.has(voter) && !spoke.has(voter.id)
          ? voter
          : this.someone(random, idea.village, new Set([idea.author.id, ...spoke]), { writes: true })
      if (!author) continue
      const { status, referral } = this.statusAt(idea, at)
      let kind: 'support' | 'doubt' | 'question' | 'after' = 'support'
      let list: string[]
      if (status === 'done') [kind, list] = ['after', P.AFTER_DONE]
      else if (status === 'declined')
        [kind, list] = ['after', referral && random.chance(0.4) ? P.AFTER_REFERRAL : P.AFTER_DECLINED]
      else if ((status === 'planned' || status === 'in_progress') && random.chance(0.5))
        [kind, list] = ['after', P.AFTER_PLANNED]
      else if (author.group === 'organisation' && random.chance(0.5)) list = P.ORG_SUPPORT
      else if (author.group === 'entrepreneur' && random.chance(0.5)) list = P.ENTREPRENEUR_SUPPORT
      else {
        kind = random.weighted([
          ['support', 5],
          ['doubt', 2],
          ['question', 1.5],
        ] as const)
        const support = author.group === 'resident' ? [...P.SUPPORT, ...P.RESIDENT_SUPPORT] : P.SUPPORT
        list = kind === 'support' ? support : kind === 'doubt' ? P.DOUBT : P.QUESTION
      }
      const fresh = list.filter((t) => !said.has(t))
      if (fresh.length === 0) continue
      const template = random.pick(fresh)
      said.add(template)
      spoke.add(author.id)
      const comment = w.comment(
        idea,
        at,
        author,
        fill(template, { ...texts.slots, org: author.name, referral: referral ?? 'die organisatie' }),
      )
      if (random.chance(0.35)) {
        const replyAt = w.memberMoment(w.later(at, random.between(0.05, 3)), random)
        if (replyAt > at && replyAt <= this.now) {
          const byAuthor = author !== idea.author && idea.author.online
          const replier = byAuthor
            ? idea.author
            : this.someone(random, idea.village, new Set([author.id, idea.author.id]), { writes: true })
          if (replier) {
            w.comment(idea, replyAt, replier, random.pick((byAuthor ? P.REPLY_AUTHOR : P.REPLY_OTHER)[kind]), {
              parent: comment,
            })
          }
        }
      }
    }
  }

  private helping(idea: Idea, texts: Texts, random: Random) {
    if (!texts.helpers) return
    const planned = idea.changes.find((c) => c.to === 'planned')
    if (!planned) return
    const ended = Math.min(...idea.changes.filter((c) => c.to === 'done' || c.to === 'declined').map((c) => c.at))
    const n = random.weighted([
      [0, 2],
      [1, 3],
      [2, 3],
      [3, 1.5],
      [4, 1],
    ] as const)
    const except = new Set([idea.author.id])
    for (let i = 0; i < n; i++) {
      const user = this.someone(random, idea.village, except, { writes: true })
      if (!user) return
      except.add(user.id)
      const at = this.w.memberMoment(this.w.later(planned.at, random.between(0.2, 25)), random)
      if (at > this.now || at >= ended || at <= planned.at) continue
      const note = random.chance(0.7) ? random.pick(P.HELPER_NOTES[user.group ?? 'resident']) : null
      this.w.help({ idea, user, note, at })
    }
  }

  /**
   * People who rate an answer days after it came: enough of them in the current month that
   * every theme and target group has a satisfaction figure this quarter, and the month chart
   * one for this month, however few hours old it is.
   */
  private lateRatings() {
    const random = randomFor('late ratings')
    const month = monthStart(monthOf(this.now))
    const quarter = quarterStart(this.now)
    const want = 6
    const current = this.w.ratings.filter((r) => r.at >= quarter)
    const themeNeed = new Map(THEME_ORDER.map((t) => [t, want - current.filter((r) => r.idea.theme === t).length]))
    const groupNeed = new Map<TargetGroup, number>(
      (['resident', 'entrepreneur', 'organisation'] as const).map((g) => [
        g,
        want - current.filter((r) => r.user.group === g).length,
      ]),
    )
    let monthNeed = want - current.filter((r) => r.at >= month).length
    const satisfied = () => monthNeed <= 0 && [...themeNeed.values(), ...groupNeed.values()].every((n) => n <= 0)
    // Who rated which occasion already (one rating per person per occasion).
    const raters = new Map<object, Set<number>>()
    for (const r of this.w.ratings) {
      const occasion = r.occasion.type === 'status_change' ? r.occasion.change : r.occasion.comment
      raters.set(occasion, (raters.get(occasion) ?? new Set()).add(r.user.id))
    }
    for (const idea of random.sample(this.w.ideas, this.w.ideas.length)) {
      if (satisfied()) return
      if (idea.status === 'merged') continue
      const occasions = [
        ...idea.changes.filter((c) => c.to !== 'merged').map((change) => ({ type: 'status_change' as const, change })),
        ...idea.comments.filter((c) => c.official).map((comment) => ({ type: 'official_answer' as const, comment })),
      ]
      const occasion = occasions.at(-1)
      if (!occasion) continue
      const target = occasion.type === 'status_change' ? occasion.change : occasion.comment
      const done = raters.get(target) ?? new Set<number>()
      for (const [userId, since] of idea.followers) {
        const person = this.w.person(userId)
        if (!person?.online || !person.group || done.has(userId)) continue
        const helps = (themeNeed.get(idea.theme) ?? 0) > 0 || (groupNeed.get(person.group) ?? 0) > 0 || monthNeed > 0
        const from = Math.max(target.at, month, since)
        if (!helps || from > this.now) continue
        const raw = from + random.next() * (this.now - from)
        const moved = this.w.memberMoment(raw, random)
        const at = moved <= this.now ? moved : raw
        this.w.rate({ idea, user: person, occasion, score: scoreFor(occasion, false, random), remark: null, at })
        done.add(userId)
        raters.set(target, done)
        themeNeed.set(idea.theme, (themeNeed.get(idea.theme) ?? 0) - 1)
        groupNeed.set(person.group, (groupNeed.get(person.group) ?? 0) - 1)
        monthNeed--
        break
      }
    }
  }

  /** After each status change or official answer, some of the people involved say how satisfied they are. */
  private satisfaction(idea: Idea, random: Random) {
    const w = this.w
    const late = (() => {
      const first = Math.min(
        ...idea.changes.map((c) => c.at),
        ...idea.comments.filter((c) => c.official).map((c) => c.at),
      )
      return Number.isFinite(first) && first - idea.createdAt > 14 * DAY
    })()
    const occasions = [
      ...idea.changes
        .filter((c) => c.to !== 'merged')
        .map((change) => ({ at: change.at, occasion: { type: 'status_change' as const, change } })),
      ...idea.comments
        .filter((c) => c.official)
        .map((comment) => ({ at: comment.at, occasion: { type: 'official_answer' as const, comment } })),
    ]
    for (const { at, occasion } of occasions) {
      const involved: [Person, number][] = []
      if (idea.author.online) involved.push([idea.author, 0.55])
      for (const [userId, since] of idea.followers) {
        if (userId === idea.author.id || since >= at) continue
        const person = w.person(userId)
        if (person?.online) involved.push([person, idea.votes.has(userId) ? 0.22 : 0.2])
      }
      for (const [person, chance] of involved) {
        if (!random.chance(chance)) continue
        const delay = random.weighted([
          [random.between(0.02, 1), 55],
          [random.between(1, 6), 35],
          [random.between(6, 30), 10],
        ] as const)
        const ratedAt = w.memberMoment(w.later(at, delay), random)
        if (ratedAt > this.now || ratedAt < at) continue
        const score = scoreFor(occasion, late, random)
        const mood = score >= 4 ? 'good' : score === 3 ? 'mixed' : 'bad'
        w.rate({
          idea,
          user: person,
          occasion,
          score,
          remark: random.chance(0.25) ? random.pick(P.RATING_REMARKS[mood]) : null,
          at: ratedAt,
        })
      }
    }
  }

  /** Some weeks after "done", the people involved are asked whether it helped. */
  private followups(idea: Idea, random: Random) {
    const done = idea.changes.find((c) => c.to === 'done')
    if (!done) return
    const asked = done.at + this.input.followupWeeks * WEEK
    if (asked > this.now) return
    idea.followupAskedAt = asked
    for (const [userId] of idea.followers) {
      const person = this.w.person(userId)
      if (!person?.online || !random.chance(userId === idea.author.id ? 0.5 : 0.25)) continue
      const at = this.w.memberMoment(asked + random.between(0.1, 12) * DAY, random)
      if (at > this.now) continue
      const answer = random.weighted([
        ['yes', 60],
        ['partly', 28],
        ['no', 12],
      ] as const)
      this.w.followup({
        idea,
        user: person,
        answer,
        remark: random.chance(0.3) ? random.pick(P.FOLLOWUP_REMARKS[answer]) : null,
        at,
      })
    }
  }

  // ——— Special cases: what the staff screens must show ———

  private specials() {
    this.overdue()
    this.stale()
    this.duplicate()
  }

  /** Ideas nobody answered past the norm of ten working days: the staff inbox lists them first. */
  private overdue() {
    const ages = [19, 23, 27, 33, 41, 48, 57, 68]
    const channels: Channel[] = ['phone', 'web', 'letter', 'web', 'desk', 'web', 'web', 'email']
    const themes: ThemeSlug[] = [
      'wegen-en-verkeer',
      'groen',
      'afval',
      'zorg-en-welzijn',
      'dienstverlening',
      'sport-en-cultuur',
      'ondernemen',
      'groen',
    ]
    ages.forEach((age, i) => {
      const random = randomFor(`overdue:${i}`)
      const theme = themes[i] ?? 'groen'
      const channel = channels[i] ?? 'web'
      const group: TargetGroup = theme === 'ondernemen' ? 'entrepreneur' : 'resident'
      const raw = this.now - age * DAY - random.between(0, 20) * HOUR
      const createdAt = channel === 'web' ? this.w.memberMoment(raw, random) : officeTime(this.w, raw, random)
      const { topic, village, title, slots } = this.chooseTopic(theme, group, random, createdAt)
      const home = village ?? this.pickVillage(random)
      const author =
        channel === 'web' ? this.authorFor(group, home, random, createdAt) : this.intakeAuthor(random, home, createdAt)
      const texts = this.textsOf(topic, { ...slots, v: home }, theme, author)
      const idea = this.w.addIdea({
        fixedOrder: null,
        key: `overdue:${i}`,
        title,
        body:
          channel === 'web'
            ? this.webBody(topic, texts.slots, author, random)
            : this.intakeBody(topic, texts.slots, author, channel, random),
        theme,
        village,
        targetGroups: topic.for,
        author,
        channel,
        campaign: null,
        createdAt,
        departmentSlug: this.departmentOf(theme),
        assignee: null,
      })
      if (channel !== 'web') {
        const desk = this.colleagueFor('klantcontact', random)
        this.w.record(
          desk,
          'idea.intake',
          'idea',
          () => idea.id,
          createdAt,
          () => ({ channel }),
        )
      }
      // One lies with the demo civil servant herself, one with a colleague.
      if (i === 0 || i === 1) {
        this.w.assign(idea, {
          toDepartment: idea.departmentSlug,
          toAssignee: i === 0 ? this.staff : this.colleagueFor(idea.departmentSlug, random),
          actor: this.admin,
          at: officeTime(this.w, createdAt + DAY, random),
        })
      }
      this.participate(idea, this.realFrame(createdAt), texts, random, { votes: random.int(0, 5) })
    })
  }

  /** Planned or running ideas whose last public update is more than 30 days old. */
  private stale() {
    const ages = [118, 142, 171, 203]
    const themes: ThemeSlug[] = ['groen', 'wegen-en-verkeer', 'sport-en-cultuur', 'zorg-en-welzijn']
    ages.forEach((age, i) => {
      const random = randomFor(`stale:${i}`)
      const theme = themes[i] ?? 'groen'
      const group: TargetGroup = random.chance(0.7) ? 'resident' : 'organisation'
      const createdAt = this.w.memberMoment(this.now - age * DAY - random.between(0, 20) * HOUR, random)
      const { topic, village, title, slots } = this.chooseTopic(theme, group, random, createdAt)
      const home = village ?? this.pickVillage(random)
      const author = this.authorFor(group, home, random, createdAt)
      const texts = this.textsOf(topic, { ...slots, v: home }, theme, author)
      const idea = this.w.addIdea({
        fixedOrder: null,
        key: `stale:${i}`,
        title,
        body: this.webBody(topic, texts.slots, author, random),
        theme,
        village,
        targetGroups: topic.for,
        author,
        channel: 'web',
        campaign: null,
        createdAt,
        departmentSlug: this.departmentOf(theme),
        assignee: null,
      })
      this.live(idea, this.realFrame(createdAt), i % 2 === 0 ? 'planned' : 'progress', texts, random, {
        votes: this.ordinaryVotes(random),
        forgotten: true,
        firstAnswer: random.between(1, 5),
        notFemke: true,
        pace: 0.3,
      })
      // A plan that was never worked out: it stopped at "planned" or "in progress".
      if (idea.status === 'done') throw new Error('demo: a stale idea may not be done')
    })
  }

  /** Two ideas about the same thing; staff merged the second into the first. */
  private duplicate() {
    const topic = TOPICS.find((t) => t.key === 'grofvuil')
    if (!topic) return
    const random = randomFor('duplicate')
    const createdAt = this.w.memberMoment(this.now - 128 * DAY - random.between(2, 30) * HOUR, random)
    const home = 'Zuidbroek'
    const original = this.authorFor('resident', home, random, createdAt)
    const texts = this.textsOf(
      topic,
      { v: home, v2: 'Noordbroek', p: 'het dorpshuis', s: 'de Hoofdstraat' },
      'afval',
      original,
    )
    const target = this.w.addIdea({
      fixedOrder: null,
      key: 'duplicate:original',
      title: topic.titles[0] ?? '',
      body: this.webBody(topic, texts.slots, original, random),
      theme: 'afval',
      village: null,
      targetGroups: topic.for,
      author: original,
      channel: 'web',
      campaign: null,
      createdAt,
      departmentSlug: this.departmentOf('afval'),
      assignee: null,
    })
    this.live(target, this.realFrame(createdAt), 'planned', texts, random, {
      votes: 7,
      forgotten: false,
      firstAnswer: random.between(2, 4),
    })
    const dupAt = this.w.memberMoment(createdAt + 9 * DAY + random.between(1, 8) * HOUR, random)
    const second = this.authorFor('resident', 'Muntendam', random, dupAt)
    const duplicate = this.w.addIdea({
      fixedOrder: null,
      key: 'duplicate:copy',
      title: topic.titles[1] ?? '',
      body:
        'Een oude bank of kast kwijtraken is lastig als je geen auto hebt. Ophalen kost elke keer geld.\n\n' +
        'Kan de gemeente grof afval een paar keer per jaar gratis ophalen?',
      theme: 'afval',
      village: null,
      targetGroups: ['resident'],
      author: second,
      channel: 'web',
      campaign: null,
      createdAt: dupAt,
      departmentSlug: this.departmentOf('afval'),
      assignee: null,
    })
    const mergeAt = officeTime(this.w, dupAt + 5 * DAY, random)
    // Two of its supporters had voted for the original already: they keep one vote there.
    for (const userId of [...target.votes.keys()].slice(0, 2)) {
      const person = this.w.person(userId)
      if (person) this.w.vote(duplicate, person, dupAt + (1 + random.next()) * HOUR)
    }
    const except = new Set([second.id, original.id, ...target.votes.keys()])
    for (let i = 0; i < 3; i++) {
      const voter = this.someone(random, 'Muntendam', except)
      if (!voter) break
      except.add(voter.id)
      this.w.vote(duplicate, voter, dupAt + random.between(3, 90) * HOUR)
    }
    this.w.comment(
      duplicate,
      dupAt + 20 * HOUR,
      this.w.byName.get('Gerrit Smit') ?? second,
      'Er staat al een idee over grof afval. Misschien kunnen jullie samen optrekken?',
    )
    const actor = this.colleagueFor('afval-en-reiniging', random)
    this.w.merge(
      duplicate,
      target,
      mergeAt,
      actor,
      `Dit idee gaat over hetzelfde als het idee “${target.title}”. We hebben ze samengevoegd, zodat alle stemmen bij elkaar tellen.`,
    )
  }

  private campaigns() {
    const today = localDay(this.now)
    const day = (n: number, hour = 0) => startOfLocalDay(today + n) + hour * HOUR
    const year = String(Number(localDate(this.now + 120 * DAY).slice(0, 4)))
    const creators: Record<string, Person> = {
      ideas: this.staff,
      voting: this.colleagueFor('beheer-openbare-ruimte', randomFor('campaign:creator')),
      outcome: this.colleagueFor('sociaal-domein', randomFor('campaign:creator')),
      upcoming: this.admin,
    }
    for (const c of CAMPAIGNS) {
      const random = randomFor(`campaign:${c.key}`)
      const createdBy = creators[c.key] ?? this.admin
      const ideasFrom = day(c.ideasFrom)
      const campaign: Campaign = {
        id: 0,
        title: fill(c.title, { year }),
        description: fill(c.description, { year }),
        theme: c.theme,
        targetGroups: c.targetGroups,
        ideasFrom,
        ideasUntil: day(c.ideasUntil),
        votingFrom: c.votingFrom === null ? null : day(c.votingFrom),
        votingUntil: c.votingUntil === null ? null : day(c.votingUntil),
        outcome: c.outcome,
        outcomePublishedAt: c.outcomeDay === null ? null : Math.min(this.now, day(c.outcomeDay, 11)),
        openedNotifiedAt: ideasFrom <= this.now ? ideasFrom : null,
        createdBy,
        createdAt: Math.min(this.now, day(c.createdDay, 10)),
      }
      this.w.campaigns.push(campaign)
      this.w.record(
        createdBy,
        'campaign.created',
        'campaign',
        () => campaign.id,
        campaign.createdAt,
        () => ({
          title: campaign.title,
        }),
      )
      if (campaign.outcomePublishedAt !== null) {
        this.w.record(
          createdBy,
          'campaign.outcome_published',
          'campaign',
          () => campaign.id,
          campaign.outcomePublishedAt,
        )
      }
      for (const [i, def] of c.ideas.entries()) this.campaignIdea(campaign, def, i, random)
    }
  }

  private campaignIdea(campaign: Campaign, def: DemoCampaignIdea, i: number, random: Random) {
    const createdAt = this.w.memberMoment(campaign.ideasFrom + def.day * DAY + random.between(8, 14) * HOUR, random)
    if (createdAt > this.now) return
    const author = this.authorFor(def.group, def.village, random, createdAt)
    const department = this.departmentOf(campaign.theme)
    const slots = {
      v: def.village,
      v2: random.pick(NEIGHBOURS[def.village] ?? ['Hoogezand']),
      p: 'het dorpshuis',
      s: 'de Hoofdstraat',
      department: this.departmentName(department),
      org: author.name,
      subject: def.subject,
    }
    const idea = this.w.addIdea({
      fixedOrder: null,
      key: `campaign:${campaign.title}:${i}`,
      title: def.title,
      body: def.body,
      theme: campaign.theme,
      village: def.village,
      targetGroups: campaign.targetGroups,
      author,
      channel: 'web',
      campaign,
      createdAt,
      departmentSlug: department,
      assignee: null,
    })
    const texts: Texts = {
      slots,
      review: def.review,
      plan: def.plan,
      work: def.work,
      closure: def.closure,
      declines: def.declines ?? [],
      team: def.team ?? this.departmentName(department),
      helpers: def.helpers ?? false,
    }
    const voting =
      campaign.votingFrom !== null && campaign.votingUntil !== null
        ? ([campaign.votingFrom, campaign.votingUntil] as [number, number])
        : undefined
    this.live(idea, this.realFrame(createdAt), def.fate, texts, random, {
      // Votes count only in the voting phase: before it, there are none.
      votes: voting && voting[0] > this.now ? 0 : def.votes,
      forgotten: false,
      firstAnswer: random.between(2, 6),
      notFemke: true,
      ...(voting ? { votingWindow: voting } : {}),
    })
  }

  /** A comment hidden by three reports (awaiting review), a reported one still visible, and a blocked member. */
  private moderation() {
    const w = this.w
    const random = randomFor('moderation')
    const hosts = this.ideas(
      (i) => i.fixedOrder === null && i.campaign === null && i.status !== 'merged' && i.createdAt < this.now - 45 * DAY,
    )
    const host = (n: number) => {
      const idea = hosts[n % hosts.length]
      if (!idea) throw new Error('demo: no idea to comment on')
      return idea
    }
    const member = (except: Set<number>, village: string | null) => {
      const found = this.someone(random, village, except)
      if (!found) throw new Error('demo: nobody to write')
      except.add(found.id)
      return found
    }
    const stamp = (at: number) => Math.min(this.now - MINUTE, at)

    // 1. Three people reported an insult; it is hidden until staff look at it.
    // A recent "no" gets the angriest reactions.
    const heated = hosts.findLast((i) => i.status === 'declined') ?? host(0)
    const taken = new Set([heated.author.id])
    const angry = this.newMember('resident', heated.village ?? 'Hoogezand', random, this.now - 60 * DAY)
    taken.add(angry.id)
    const insultAt = stamp(this.now - 3 * DAY + random.between(0, 6) * HOUR)
    const insult = w.comment(
      heated,
      insultAt,
      angry,
      'Typisch weer. Jullie op het gemeentehuis luisteren nooit, stelletje zakkenvullers. Schaam je!',
    )
    insult.hidden = 'reports'
    const reasons = [
      ['offensive', null],
      ['offensive', 'Hier worden mensen uitgescholden.'],
      ['other', 'Dit is niet netjes.'],
    ] as const
    reasons.forEach(([reason, note], i) => {
      w.report({
        subject: { type: 'comment', comment: insult },
        reporter: member(taken, null),
        reason,
        note,
        at: stamp(insultAt + (2 + i * 9) * HOUR),
        resolved: null,
      })
    })

    // 2. One report about a phone number: still visible, waiting for a look.
    const chatty = host(3)
    const neighbour = this.newMember('resident', chatty.village ?? 'Sappemeer', random, this.now - 20 * DAY)
    const phoneAt = stamp(this.now - 30 * HOUR)
    const phone = w.comment(
      chatty,
      phoneAt,
      neighbour,
      'Weet iemand een goede klusjesman in de buurt? Bel me even op 06-12345678.',
    )
    w.report({
      subject: { type: 'comment', comment: phone },
      reporter: member(new Set([neighbour.id, chatty.author.id]), null),
      reason: 'personal_data',
      note: 'Hier staat een telefoonnummer in.',
      at: stamp(phoneAt + 3 * HOUR),
      resolved: null,
    })

    // 3. An advertiser: one comment hidden by a moderator, then blocked (the rest hidden with the block).
    const spammer = w.addPerson({
      name: 'Zonnepanelen Voordeel Noord',
      group: 'entrepreneur',
      village: null,
      createdAt: this.now - 40 * DAY,
    })
    const ads = [
      'Bespaar nu op uw energierekening! Zonnepanelen vanaf 2.999 euro. Bel vandaag nog voor een gratis offerte.',
      'Ook last van een hoge energierekening? Wij leggen zonnepanelen in één dag. Kijk op onze website voor de actie.',
      'Laatste kans: deze week 20 procent korting op zonnepanelen voor inwoners van Midden-Groningen!',
    ]
    const adComments = ads.map((body, i) =>
      w.comment(host(6 + i * 5), officeTime(w, this.now - (31 - i * 9) * DAY, random), spammer, body),
    )
    const [first] = adComments
    if (!first) return
    const moderator = this.staff
    const hiddenAt = officeTime(w, first.at + 2 * DAY, random)
    const firstReporters = new Set([spammer.id])
    const resolved = { at: hiddenAt, resolution: 'hidden' as const, resolver: moderator }
    for (const hours of [5, 27]) {
      w.report({
        subject: { type: 'comment', comment: first },
        reporter: member(firstReporters, null),
        reason: 'spam',
        note: null,
        at: first.at + hours * HOUR,
        resolved,
      })
    }
    first.hidden = 'moderator'
    w.record(
      moderator,
      'comment.hidden',
      'comment',
      () => first.id,
      hiddenAt,
      () => ({ reason: 'Reclame hoort hier niet.' }),
    )
    const blockedAt = officeTime(w, this.now - 9 * DAY, random)
    spammer.blockedAt = blockedAt
    w.membersChanged()
    for (const ad of adComments.slice(1)) ad.hidden = 'blocked'
    w.record(
      moderator,
      'user.blocked',
      'user',
      () => spammer.id,
      blockedAt,
      () => ({
        reason: 'Plaatst steeds reclame voor zijn eigen bedrijf, ook na een waarschuwing.',
        ideas: 0,
        comments: adComments.length - 1,
      }),
    )
  }

  private ideas(where: (idea: Idea) => boolean): Idea[] {
    return this.w.ideas.filter(where).sort((a, b) => a.createdAt - b.createdAt)
  }

  /** The demo resident supports a few ideas near home, so her account has something to show. */
  private anoukVotes() {
    const random = randomFor('anouk')
    const near = this.ideas(
      (i) =>
        i.fixedOrder === null &&
        i.campaign === null &&
        (i.village === 'Sappemeer' || i.village === 'Hoogezand' || i.village === 'Kolham') &&
        i.author !== this.anouk &&
        i.votes.size < MAX_ORDINARY_VOTES &&
        i.createdAt < this.now - 3 * DAY,
    )
    for (const idea of random.sample(near, 6)) {
      const closed = Math.min(
        ...idea.changes.filter((c) => ['done', 'declined', 'merged'].includes(c.to)).map((c) => c.at),
      )
      const at = this.w.memberMoment(this.w.later(idea.createdAt, random.between(0.5, 3)), random)
      if (at < closed && at <= this.now) this.w.vote(idea, this.anouk, at)
    }
  }

  /** Each member signed up before they first did anything. */
  private settleSignups() {
    const first = new Map<number, number>()
    const seen = (id: number, at: number) => first.set(id, Math.min(first.get(id) ?? at, at))
    for (const idea of this.w.ideas) {
      seen(idea.author.id, idea.createdAt)
      for (const [id, at] of idea.votes) seen(id, at)
      for (const [id, at] of idea.followers) seen(id, at)
      for (const c of idea.comments) seen(c.author.id, c.at)
    }
    for (const r of this.w.ratings) seen(r.user.id, r.at)
    for (const h of this.w.helpers) seen(h.user.id, h.at)
    for (const f of this.w.followups) seen(f.user.id, f.at)
    for (const r of this.w.reports) seen(r.reporter.id, r.at)
    for (const person of this.w.people) {
      if (person.role !== 'member' || person.hasPassword || !person.online) continue
      const earliest = first.get(person.id)
      const random = randomFor(`signup:${person.name}`)
      const before = earliest ?? this.now - random.between(5, 300) * DAY
      const margin = this.w.compressed(before) ? random.between(1, 60) * MINUTE : random.between(1, 45) * DAY
      person.createdAt = Math.min(person.createdAt, Math.max(this.now - 500 * DAY, before - margin))
    }
  }

  /** Guards for what the e2e journeys and the app rely on. */
  private check() {
    let popular = 0
    for (const idea of this.w.ideas) {
      if (idea.fixedOrder !== null) continue
      if (!titleAllowed(idea.title)) throw new Error(`demo title uses a reserved word: ${idea.title}`)
      if (!bodyAllowed(idea.body)) throw new Error(`demo text uses a reserved word: ${idea.title}`)
      if (idea.votes.size > MAX_ORDINARY_VOTES) popular++
    }
    // The list sorted by votes shows twenty ideas; the hand-written ones journeys look for must stay on it.
    if (popular > FAVOURITES + 2) throw new Error(`demo has ${popular} ideas with many votes`)
  }
}

/** Office hours at or after a moment, never after now (then the moment itself). */
function officeTime(w: World, at: number, random: Random): number {
  const snapped = w.staffMoment(at, random)
  return Number.isFinite(snapped) ? snapped : Math.min(at, w.now)
}

/** How long the first answer took, in (nominal) days: mostly within the norm of ten working days. */
function firstAnswerDelay(random: Random): number {
  return random.weighted([
    [random.between(0.5, 5), 45],
    [random.between(5, 12), 35],
    [random.between(12, 18), 12],
    [random.between(18, 35), 8],
  ] as const)
}

function scoreFor(
  occasion: { type: 'status_change'; change: StatusChange } | { type: 'official_answer'; comment: Comment },
  late: boolean,
  random: Random,
): number {
  let options: number[]
  if (occasion.type === 'official_answer') options = [4, 3, 4, 5, 3, 4]
  else {
    const { to, referredTo } = occasion.change
    options =
      to === 'planned'
        ? [5, 4, 4, 5, 4, 3, 5]
        : to === 'in_progress'
          ? [4, 4, 5, 4, 3, 5]
          : to === 'done'
            ? [5, 5, 4, 4, 5, 4, 3]
            : to === 'declined'
              ? referredTo
                ? [3, 2, 4, 3, 2, 4]
                : [1, 2, 2, 3, 1, 4, 2]
              : [3, 4, 4, 5, 3, 4, 2]
  }
  const score = random.pick(options)
  return late && random.chance(0.5) ? Math.max(1, score - 1) : score
}

/** Words the e2e journeys type or search for stay out of generated titles (see demo-topics.ts). */
const TITLE_RESERVED = ['afvalbak', 'langs', 'water', 'brug', 'nieuwe', 'schommel', 'speeltuin', 'papier', 'oversteken']
const TEXT_RESERVED = ['papier', 'oversteken', 'zwembadglijbaan']

function words(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  )
}

/** A village's name may appear, even one that starts like a reserved word (Waterhuizen): it matches one word at most. */
const VILLAGE_WORDS = new Set(DISTRICTS.flatMap((d) => words(d)))

export function titleAllowed(title: string): boolean {
  return !words(title).some((w) => !VILLAGE_WORDS.has(w) && TITLE_RESERVED.some((r) => w.startsWith(r)))
}

export function bodyAllowed(body: string): boolean {
  return !words(body).some((w) => TEXT_RESERVED.some((r) => w.startsWith(r)))
}

export type { Frame }
