import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import path from 'node:path'
import { DEPARTMENTS, DISTRICTS, THEMES } from '../../apps/api/src/db/demo/demo-content'
import { type Db, migrationsFolder, openDatabase } from '../../apps/api/src/db/open'
import { hotScoreOf } from '../../apps/api/src/domain/hot-score'
import { toMask } from '../../apps/api/src/domain/target-mask'
import { dueAt, workingDaysBetween } from '../../apps/api/src/domain/working-days'
import { ensureStats } from '../../apps/api/src/stats/rebuild'
import { renderMarkdown } from '../../apps/api/src/text/markdown'
import {
  type CHANNELS,
  DECLINE_REASONS,
  DEFAULT_RESPONSE_NORM_DAYS,
  type IDEA_STATUSES,
  STATUS_TRANSITIONS,
  type TARGET_GROUPS,
} from '../../packages/shared/src/constants'
import {
  CLOSURE_WHAT_CHANGED,
  commentText,
  ideaText,
  paragraphsHtml,
  personName,
  REFERRED_TO,
  STATUS_EXPLANATIONS,
} from './content'
import { dataDir } from './paths'
import { mulberry32, type Rng, weightedChoice, weightedPicker } from './prng'
import type { Progress } from './progress'

type IdeaStatus = (typeof IDEA_STATUSES)[number]
type TargetGroup = (typeof TARGET_GROUPS)[number]
type Client = Db['$client']

/** Raise when the generated data changes meaning: an existing database is then rebuilt. */
export const GENERATOR_VERSION = 2
const SEED = 0x6d65_6564
const MARKER_KEY = 'bench_dataset'
const DAY = 86_400_000
// Fixed dates, so the same seed gives the same rows whatever day the benchmark runs.
const END = Date.UTC(2026, 10, 1)
const START = END - 730 * DAY

export type Scale = { name: 'full' | 'quick'; ideas: number; votes: number; comments: number; members: number }

export const SCALES: Record<Scale['name'], Scale> = {
  full: { name: 'full', ideas: 100_000, votes: 1_000_000, comments: 300_000, members: 20_000 },
  quick: { name: 'quick', ideas: 10_000, votes: 100_000, comments: 30_000, members: 2_000 },
}

export type Dataset = {
  file: string
  built: boolean
  buildSeconds: number | null
  counts: Record<string, number>
}

const STAFF_PER_DEPARTMENT = 3

/** Paths an idea's status may take; each step is checked against STATUS_TRANSITIONS. */
const PATHS: [IdeaStatus[], number][] = [
  [['new'], 30],
  [['new', 'under_review'], 12],
  [['new', 'under_review', 'planned'], 5],
  [['new', 'planned'], 3],
  [['new', 'under_review', 'in_progress'], 2],
  [['new', 'under_review', 'planned', 'in_progress'], 5],
  [['new', 'in_progress'], 2],
  [['new', 'under_review', 'planned', 'in_progress', 'done'], 7],
  [['new', 'under_review', 'done'], 3],
  [['new', 'in_progress', 'done'], 2],
  [['new', 'planned', 'in_progress', 'done'], 2],
  [['new', 'in_progress', 'planned', 'in_progress', 'done'], 0.3],
  [['new', 'under_review', 'declined'], 7],
  [['new', 'declined'], 5],
  [['new', 'under_review', 'planned', 'declined'], 1],
  [['new', 'declined', 'under_review', 'planned'], 0.5],
  // Merged is reached through the merge action, from any status but merged.
  [['new', 'merged'], 2],
  [['new', 'under_review', 'merged'], 1],
]

for (const [steps] of PATHS) {
  for (let i = 1; i < steps.length; i++) {
    const from = steps[i - 1] as IdeaStatus
    const to = steps[i] as IdeaStatus
    if (to === 'merged' ? from === 'merged' : !STATUS_TRANSITIONS[from].includes(to)) {
      throw new Error(`generator path ${steps.join(' → ')} breaks STATUS_TRANSITIONS at ${from} → ${to}`)
    }
  }
}

const CLOSED: ReadonlySet<IdeaStatus> = new Set(['done', 'declined', 'merged'])

/** Population-like weights for the 22 districts, in the order of DISTRICTS. */
const DISTRICT_WEIGHTS = [30, 12, 5, 5, 6, 7, 2, 4, 3, 3, 4, 3, 2, 2, 1, 1, 1, 1, 1, 3, 1, 1]
const THEME_WEIGHTS: Record<string, number> = {
  afval: 16,
  'wegen-en-verkeer': 26,
  groen: 20,
  dienstverlening: 9,
  'zorg-en-welzijn': 10,
  ondernemen: 8,
  'sport-en-cultuur': 11,
}

/** A hash of the migration set: a changed or added migration means a rebuilt database. */
export function migrationsHash(): string {
  const hash = createHash('sha256')
  const files = readdirSync(migrationsFolder)
    .filter((f) => f.endsWith('.sql'))
    .sort()
  for (const f of files) hash.update(f).update(readFileSync(path.join(migrationsFolder, f)))
  hash.update(readFileSync(path.join(migrationsFolder, 'meta/_journal.json')))
  return hash.digest('hex').slice(0, 16)
}

function markerFor(scale: Scale): string {
  return JSON.stringify({ generator: GENERATOR_VERSION, seed: SEED, scale, migrations: migrationsHash() })
}

export function datasetFile(scale: Scale): string {
  return path.join(dataDir, `bench-${scale.name}.db`)
}

function removeDatabase(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true })
}

export function readMarker(file: string): string | null {
  if (!existsSync(file)) return null
  try {
    const db = openDatabase(file, { migrate: false })
    try {
      const row = db.$client.prepare('select value from settings where key = ?').get(MARKER_KEY) as
        | { value: string }
        | undefined
      return row?.value ?? null
    } finally {
      db.$client.close()
    }
  } catch {
    return null
  }
}

export function tableCounts(client: Client): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const table of ['users', 'ideas', 'votes', 'comments', 'followers', 'status_changes']) {
    counts[table] = (client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n
  }
  return counts
}

/** Reuses the database when generator, scale and migrations are unchanged; builds it otherwise. */
export async function ensureDataset(
  scale: Scale,
  progress: Progress,
  options: { rebuild?: boolean } = {},
): Promise<Dataset> {
  const file = datasetFile(scale)
  const marker = markerFor(scale)
  if (!options.rebuild && readMarker(file) === marker) {
    const db = openDatabase(file, { migrate: false })
    const counts = tableCounts(db.$client)
    db.$client.close()
    return { file, built: false, buildSeconds: null, counts }
  }
  removeDatabase(file)
  const building = `${file}.building`
  removeDatabase(building)
  const started = performance.now()
  const counts = await buildDatabase(building, scale, marker, progress)
  renameSync(building, file)
  return { file, built: true, buildSeconds: (performance.now() - started) / 1000, counts }
}

type Row = unknown[]

/**
 * An insert for the given columns. Columns the table no longer has are left out (with a
 * warning), and a required column the generator does not know fails loudly: the schema
 * moves on while the benchmark must keep producing exactly what the migrations define.
 */
function inserter(client: Client, table: string, columns: string[], progress: Progress): (row: Row) => void {
  const info = client.pragma(`table_info(${table})`) as {
    name: string
    notnull: number
    dflt_value: unknown
    pk: number
  }[]
  const existing = new Set(info.map((c) => c.name))
  const missing = info.filter((c) => c.notnull && c.dflt_value === null && !c.pk && !columns.includes(c.name))
  if (missing.length > 0) {
    throw new Error(`bench generator: ${table} has required columns it does not fill: ${missing.map((c) => c.name)}`)
  }
  const used = columns.filter((c) => existing.has(c))
  const dropped = columns.filter((c) => !existing.has(c))
  if (dropped.length > 0) progress.log(`  note: ${table} has no column ${dropped.join(', ')}; left out`)
  const statement = client.prepare(
    `insert into ${table} (${used.join(', ')}) values (${used.map(() => '?').join(', ')})`,
  )
  if (dropped.length === 0) return (row) => statement.run(row)
  const positions = used.map((c) => columns.indexOf(c))
  return (row) => statement.run(positions.map((p) => row[p]))
}

type Member = { id: number; group: TargetGroup; deleted: boolean; districtName: string | null }

type CommentRecord = {
  ideaId: number
  authorId: number
  parent: number // index into the comment records, or -1
  official: boolean
  hidden: boolean
  deleted: boolean
  createdAt: number
  body: string
}

async function buildDatabase(
  file: string,
  scale: Scale,
  marker: string,
  progress: Progress,
): Promise<Record<string, number>> {
  const db = openDatabase(file)
  const client = db.$client
  // Bulk-load settings: no journal, no fsync, a big cache. The file is renamed into place
  // only when complete, so a crash mid-way leaves nothing that looks reusable.
  client.pragma('journal_mode = DELETE')
  client.pragma('journal_mode = OFF')
  client.pragma('synchronous = OFF')
  client.pragma('foreign_keys = OFF')
  client.pragma('locking_mode = EXCLUSIVE')
  client.pragma('cache_size = -400000')

  // Secondary indexes and the FTS triggers go during the load and come back after it,
  // from the very SQL the migrations wrote, so the schema ends exactly as migrated.
  const loaded = ['users', 'ideas', 'votes', 'comments', 'followers', 'status_changes']
  const deferred = client
    .prepare(
      `select type, name, sql from sqlite_master where type in ('index', 'trigger') and sql is not null
        and tbl_name in (${loaded.map(() => '?').join(', ')}) order by rowid`,
    )
    .all(...loaded) as { type: string; name: string; sql: string }[]
  for (const d of deferred) client.exec(`drop ${d.type} "${d.name}"`)

  const rng = mulberry32(SEED)
  const transaction = client.transaction(() => generate(client, rng, scale, progress))
  transaction()

  progress.phase('indexes and triggers', deferred.length)
  deferred.forEach((d, i) => {
    client.exec(d.sql)
    progress.tick(i + 1)
  })
  progress.phase('full-text index', 1)
  client.exec(`insert into ideas_fts(ideas_fts) values ('rebuild')`)
  progress.tick(1)
  progress.phase('scorecard counters and statistics', 2)
  await ensureStats(db)
  progress.tick(1)
  client.exec('ANALYZE')
  progress.tick(2)
  client.prepare('insert into settings (key, value, updated_at) values (?, ?, ?)').run(MARKER_KEY, marker, END)
  progress.done()

  const problems = consistencyProblems(client)
  if (problems.length > 0) throw new Error(`generated data is inconsistent:\n  ${problems.join('\n  ')}`)
  const counts = tableCounts(client)
  client.pragma('locking_mode = NORMAL')
  client.pragma('journal_mode = WAL')
  client.close()
  const schema = schemaDifferences(file)
  if (schema.length > 0) throw new Error(`benchmark schema differs from the migrations:\n  ${schema.join('\n  ')}`)
  return counts
}

function generate(client: Client, rng: Rng, scale: Scale, progress: Progress): void {
  // Reference data: the demo's departments, themes and districts of Midden-Groningen.
  const insertDepartment = inserter(client, 'departments', ['id', 'slug', 'name', 'name_en'], progress)
  DEPARTMENTS.forEach((d, i) => {
    insertDepartment([i + 1, d.slug, d.name, d.nameEn])
  })
  const departmentOf = new Map<string, number>(DEPARTMENTS.map((d, i) => [d.slug, i + 1]))
  const insertTheme = inserter(
    client,
    'themes',
    ['id', 'slug', 'name', 'name_en', 'description', 'department_id', 'position'],
    progress,
  )
  THEMES.forEach((t, i) => {
    insertTheme([i + 1, t.slug, t.name, t.nameEn, t.description, departmentOf.get(t.department) ?? null, i])
  })
  const insertDistrict = inserter(client, 'districts', ['id', 'slug', 'name'], progress)
  DISTRICTS.forEach((name, i) => {
    insertDistrict([i + 1, name.toLowerCase().replace(/[^a-z0-9]+/g, '-'), name])
  })

  // People: staff per department, two admins, then the members.
  progress.phase('users', scale.members)
  const insertUser = inserter(
    client,
    'users',
    [
      'id',
      'email',
      'email_verified_at',
      'password_hash',
      'display_name',
      'role',
      'target_group',
      'district_id',
      'locale',
      'department_id',
      'blocked_at',
      'deleted_at',
      'created_at',
      'updated_at',
    ],
    progress,
  )
  const staffByDepartment = new Map<number, number[]>()
  let userId = 0
  for (const [slug, departmentId] of departmentOf) {
    for (let s = 0; s < STAFF_PER_DEPARTMENT; s++) {
      userId++
      const name = `${personName(rng, null, '')} (gemeente)`
      insertUser([
        userId,
        `medewerker${userId}@${slug}.bench.example`,
        START - 200 * DAY,
        null,
        name,
        'staff',
        null,
        null,
        'nl',
        departmentId,
        null,
        null,
        START - 200 * DAY,
        START - 200 * DAY,
      ])
      staffByDepartment.set(departmentId, [...(staffByDepartment.get(departmentId) ?? []), userId])
    }
  }
  for (let a = 0; a < 2; a++) {
    userId++
    insertUser([
      userId,
      `beheerder${a + 1}@bench.example`,
      START - 200 * DAY,
      null,
      `Beheerder ${a + 1} (gemeente)`,
      'admin',
      null,
      null,
      'nl',
      departmentOf.get('klantcontact') ?? null,
      null,
      null,
      START - 200 * DAY,
      START - 200 * DAY,
    ])
  }
  const pickGroup = weightedChoice({ resident: 82, entrepreneur: 11, organisation: 7 })
  const pickDistrict = weightedPicker(DISTRICTS.map((_, i) => DISTRICT_WEIGHTS[i] ?? 1))
  const members: Member[] = []
  for (let m = 0; m < scale.members; m++) {
    userId++
    const group = pickGroup(rng)
    const districtIndex = rng.chance(0.92) ? pickDistrict(rng) : null
    const districtName = districtIndex === null ? null : (DISTRICTS[districtIndex] ?? null)
    const createdAt = START - 180 * DAY + Math.floor(rng.next() * (END - START))
    const deleted = rng.chance(0.005)
    const blocked = !deleted && rng.chance(0.002)
    insertUser(
      deleted
        ? // Erased accounts keep their ideas and comments under a neutral name (see deleteAccount).
          [
            userId,
            null,
            createdAt,
            null,
            'Verwijderde deelnemer',
            'member',
            null,
            null,
            'nl',
            null,
            null,
            END - DAY,
          ].concat([createdAt, END - DAY])
        : [
            userId,
            `lid${userId}@bench.example`,
            createdAt + 600_000,
            null,
            personName(rng, group, districtName ?? 'Midden-Groningen'),
            'member',
            group,
            districtIndex === null ? null : districtIndex + 1,
            rng.chance(0.96) ? 'nl' : 'en',
            null,
            blocked ? END - 10 * DAY : null,
            null,
            createdAt,
            createdAt,
          ],
    )
    members.push({ id: userId, group, deleted, districtName })
    if (m % 1000 === 0) progress.tick(m)
  }
  progress.tick(scale.members)

  // Some people write and vote a lot, most a little (a Zipf-like spread over a shuffled order).
  const rank = members.map((_, i) => i)
  for (let i = rank.length - 1; i > 0; i--) {
    const j = rng.int(0, i)
    ;[rank[i], rank[j]] = [rank[j] ?? 0, rank[i] ?? 0]
  }
  const activity = members.map((_, i) => 1 / ((rank[i] ?? 0) + 10) ** 0.8)
  const pickAuthor = weightedPicker(activity)
  const pickVoter = weightedPicker(members.map((m, i) => (m.deleted ? 0 : (activity[i] ?? 0))))
  const active = members.filter((m) => !m.deleted).map((m) => m.id)
  const maxVoters = Math.floor(active.length * 0.25)

  // Ideas: creation times over two years, a little denser lately, in id order.
  const n = scale.ideas
  const created = new Float64Array(n)
  for (let i = 0; i < n; i++) created[i] = START + (END - START - DAY) * rng.next() ** 0.85
  created.sort()
  for (let i = 0; i < n; i++) created[i] = Math.floor(created[i] ?? 0)

  const pickPath = weightedPicker(PATHS.map(([, w]) => w))
  const pickTheme = weightedPicker(THEMES.map((t) => THEME_WEIGHTS[t.slug] ?? 5))
  const channelWeights: Record<(typeof CHANNELS)[number], number> = { web: 84, email: 6, phone: 4, desk: 4, letter: 2 }
  const pickChannel = weightedChoice(channelWeights)

  // Each idea's plan: status history first, because votes stop when an idea closes.
  type Plan = {
    themeIndex: number
    steps: { to: IdeaStatus; at: number }[]
    status: IdeaStatus
    closedAt: number
    hidden: boolean
    mergedInto: number | null
  }
  const plans: Plan[] = []
  const openByTheme: number[][] = THEMES.map(() => [])
  for (let i = 0; i < n; i++) {
    const createdAt = created[i] ?? START
    const themeIndex = pickTheme(rng)
    const path = PATHS[pickPath(rng)]?.[0] ?? ['new']
    const steps: { to: IdeaStatus; at: number }[] = []
    let at = createdAt
    for (let s = 1; s < path.length; s++) {
      at += Math.floor(rng.exponential(s === 1 ? 10 * DAY : 25 * DAY)) + 3_600_000
      if (at >= END) break
      steps.push({ to: path[s] as IdeaStatus, at })
    }
    let mergedInto: number | null = null
    if (steps.at(-1)?.to === 'merged') {
      const candidates = openByTheme[themeIndex] ?? []
      if (candidates.length === 0) steps.pop()
      else mergedInto = candidates[Math.max(0, candidates.length - 1 - rng.int(0, 500))] ?? null
    }
    const status = steps.at(-1)?.to ?? 'new'
    const hidden = rng.chance(0.003)
    if (status !== 'merged' && !hidden) openByTheme[themeIndex]?.push(i + 1)
    plans.push({
      themeIndex,
      steps,
      status,
      closedAt: CLOSED.has(status) ? (steps.at(-1)?.at ?? END) : END,
      hidden,
      mergedInto,
    })
  }

  const voteCounts = allocate(
    rng,
    scale.votes,
    plans.map((p, i) => {
      if (p.status === 'merged') return 0
      const ageDays = (p.closedAt - (created[i] ?? 0)) / DAY
      const statusBoost = p.status === 'done' || p.status === 'planned' || p.status === 'in_progress' ? 1.6 : 1
      return Math.exp(1.25 * rng.normal()) * Math.min(1, ageDays / 45) ** 0.7 * statusBoost
    }),
    maxVoters,
  )
  const commentCounts = allocate(
    rng,
    scale.comments,
    plans.map(
      (p, i) => ((voteCounts[i] ?? 0) + 3) ** 0.7 * Math.exp(0.7 * rng.normal()) * (p.status === 'merged' ? 0.2 : 1),
    ),
    Math.max(50, Math.floor(scale.comments / 600)),
  )

  const insertIdea = inserter(
    client,
    'ideas',
    [
      'id',
      'title',
      'body',
      'body_html',
      'theme_id',
      'district_id',
      'target_mask',
      'author_id',
      'channel',
      'status',
      'hidden',
      'hidden_reason',
      'vote_count',
      'comment_count',
      'follower_count',
      'hot_score',
      'department_id',
      'assignee_id',
      'merged_into_id',
      'author_group',
      'response_due_at',
      'first_response_at',
      'first_response_working_days',
      'done_at',
      'followup_asked_at',
      'last_public_update_at',
      'created_at',
      'updated_at',
    ],
    progress,
  )
  const insertVote = inserter(client, 'votes', ['idea_id', 'user_id', 'created_at'], progress)
  const insertFollower = inserter(client, 'followers', ['idea_id', 'user_id', 'created_at'], progress)
  const insertStatusChange = inserter(
    client,
    'status_changes',
    [
      'id',
      'idea_id',
      'from_status',
      'to_status',
      'explanation',
      'decline_reason',
      'referred_to',
      'closure_what_changed',
      'closure_since',
      'closure_team',
      'closure_link',
      'actor_id',
      'created_at',
    ],
    progress,
  )

  const comments: CommentRecord[] = []
  let statusChangeId = 0
  let sampleChecked = 0
  progress.phase('ideas, votes, followers, status changes', n)
  for (let i = 0; i < n; i++) {
    const id = i + 1
    const plan = plans[i] as Plan
    const createdAt = created[i] ?? START
    const theme = THEMES[plan.themeIndex]
    const departmentId = theme ? (departmentOf.get(theme.department) ?? null) : null
    const staff = staffByDepartment.get(departmentId ?? 0) ?? [1]
    const author = members[pickAuthor(rng)] as Member
    const districtIndex = rng.chance(0.85) ? pickDistrict(rng) : null
    const districtName = districtIndex === null ? null : (DISTRICTS[districtIndex] ?? null)
    const { title, body } = ideaText(rng, theme?.slug ?? 'afval', districtName)
    const bodyHtml = paragraphsHtml(body)
    if (sampleChecked < 50) {
      sampleChecked++
      if (renderMarkdown(body) !== bodyHtml) throw new Error(`body_html differs from renderMarkdown for: ${body}`)
    }

    // Comments: times over the idea's open life, replies to earlier top-level comments.
    const total = commentCounts[i] ?? 0
    const limit = plan.status === 'merged' ? plan.closedAt : END
    const times = Array.from(
      { length: total },
      () => createdAt + 300_000 + Math.floor((limit - createdAt - 300_000) * rng.next() ** 1.8),
    ).sort((a, b) => a - b)
    const firstStep = plan.steps[0]
    const official = total > 0 && rng.chance(plan.steps.length > 0 ? 0.35 : 0.05) ? rng.int(0, total - 1) : -1
    const topLevel: number[] = []
    let visibleComments = 0
    // Times of the visible comments: each is a term of the hot score, as a vote is.
    const visibleTimes: number[] = []
    let lastComment = createdAt
    let firstOfficial: number | null = null
    times.forEach((at, c) => {
      const isOfficial = c === official
      const time = isOfficial && firstStep ? Math.min(limit - 1, firstStep.at + 3_600_000) : at
      const parent = !isOfficial && topLevel.length > 0 && rng.chance(0.3) ? rng.pick(topLevel) : -1
      const hidden = !isOfficial && rng.chance(0.004)
      const deleted = !isOfficial && !hidden && rng.chance(0.006)
      const record: CommentRecord = {
        ideaId: id,
        authorId: isOfficial
          ? rng.pick(staff)
          : parent >= 0 && rng.chance(0.3)
            ? author.id
            : (members[pickAuthor(rng)]?.id ?? author.id),
        parent,
        official: isOfficial,
        hidden,
        deleted,
        // A reply comes after what it answers.
        createdAt: parent >= 0 ? Math.max(time, (comments[parent]?.createdAt ?? 0) + 60_000) : time,
        body: commentText(rng, isOfficial ? 'official' : parent >= 0 ? 'reply' : 'comment'),
      }
      if (parent < 0) topLevel.push(comments.length)
      comments.push(record)
      if (!hidden && !deleted) {
        visibleComments++
        visibleTimes.push(record.createdAt)
      }
      lastComment = Math.max(lastComment, record.createdAt)
      if (isOfficial) firstOfficial = Math.min(firstOfficial ?? Number.POSITIVE_INFINITY, record.createdAt)
    })

    // Voters: distinct members, never the author, votes while the idea was open.
    const voters = chooseVoters(rng, voteCounts[i] ?? 0, author.id, members, pickVoter, active)
    const voteTimes = new Map<number, number>()
    for (const voter of voters) {
      const at = createdAt + 60_000 + Math.floor((plan.closedAt - createdAt - 60_000) * rng.next() ** 2)
      voteTimes.set(voter, at)
      insertVote([id, voter, at])
    }
    // Followers: the author (unless the account is gone), every voter, and a few who only follow.
    const follow = new Map<number, number>(voteTimes)
    if (!author.deleted) follow.set(author.id, createdAt)
    const extra = rng.chance(0.2) ? rng.int(1, 3) : 0
    for (let e = 0; e < extra; e++) {
      const who = members[pickVoter(rng)]
      if (who && !follow.has(who.id)) follow.set(who.id, createdAt + Math.floor((END - createdAt) * rng.next()))
    }
    const followerIds = [...follow.keys()].sort((a, b) => a - b)
    for (const f of followerIds) insertFollower([id, f, follow.get(f)])

    let previous: IdeaStatus = 'new'
    let doneAt: number | null = null
    for (const step of plan.steps) {
      statusChangeId++
      const declineReason = step.to === 'declined' ? rng.pick(DECLINE_REASONS) : null
      const done = step.to === 'done'
      if (done) doneAt = step.at
      insertStatusChange([
        statusChangeId,
        id,
        previous,
        step.to,
        rng.pick(STATUS_EXPLANATIONS[step.to] ?? ['Dit idee heeft een nieuwe status gekregen.']),
        declineReason,
        declineReason === 'not_municipal_task' ? rng.pick(REFERRED_TO) : null,
        done ? rng.pick(CLOSURE_WHAT_CHANGED) : null,
        done ? new Date(step.at).toISOString().slice(0, 10) : null,
        done ? (theme ? `Team ${theme.name}` : 'Team gemeente') : null,
        done && rng.chance(0.3) ? `https://www.midden-groningen.example/nieuws/${id}` : null,
        rng.pick(staff),
        step.at,
      ])
      previous = step.to
    }

    const answers = [...plan.steps.map((s) => s.at), ...(firstOfficial === null ? [] : [firstOfficial])]
    const firstResponse = answers.length > 0 ? Math.min(...answers) : null
    const lastPublic = answers.length > 0 ? Math.max(...answers) : null
    const group = author.deleted ? null : author.group
    const groups: TargetGroup[] = group === null || rng.chance(0.1) ? [] : [group]
    if (groups.length > 0 && group !== 'resident' && rng.chance(0.15)) groups.push('resident')
    const mask = toMask(groups)
    const voteCount = voters.length
    insertIdea([
      id,
      title,
      body,
      bodyHtml,
      plan.themeIndex + 1,
      districtIndex === null ? null : districtIndex + 1,
      mask,
      author.id,
      pickChannel(rng),
      plan.status,
      plan.hidden ? 1 : 0,
      plan.hidden ? (rng.chance(0.5) ? 'reports' : 'moderator') : null,
      voteCount,
      visibleComments,
      followerIds.length,
      hotScoreOf(createdAt, [...voteTimes.values(), ...visibleTimes], plan.status),
      departmentId,
      plan.status !== 'new' && rng.chance(0.4) ? rng.pick(staff) : null,
      plan.mergedInto,
      author.group,
      dueAt(createdAt, DEFAULT_RESPONSE_NORM_DAYS),
      firstResponse,
      firstResponse === null ? null : workingDaysBetween(createdAt, firstResponse),
      doneAt,
      null,
      lastPublic,
      createdAt,
      Math.max(createdAt, lastComment, ...plan.steps.map((s) => s.at)),
    ])
    if (i % 500 === 0) progress.tick(i)
  }
  progress.tick(n)

  // Comments in time order, as a live site would number them; parents before replies.
  progress.phase('comments', comments.length)
  const order = comments
    .map((_, i) => i)
    .sort((a, b) => (comments[a]?.createdAt ?? 0) - (comments[b]?.createdAt ?? 0) || a - b)
  const commentId = new Int32Array(comments.length)
  order.forEach((c, position) => {
    commentId[c] = position + 1
  })
  const insertComment = inserter(
    client,
    'comments',
    [
      'id',
      'idea_id',
      'author_id',
      'parent_id',
      'body',
      'body_html',
      'official',
      'hidden',
      'hidden_reason',
      'deleted_at',
      'created_at',
      'updated_at',
    ],
    progress,
  )
  order.forEach((c, position) => {
    const r = comments[c] as CommentRecord
    const edited = !r.deleted && rng.chance(0.03)
    const updatedAt = r.deleted ? r.createdAt + 3_600_000 : edited ? r.createdAt + 300_000 : r.createdAt
    insertComment([
      position + 1,
      r.ideaId,
      r.authorId,
      r.parent >= 0 ? commentId[r.parent] : null,
      r.deleted ? '' : r.body,
      r.deleted ? '' : paragraphsHtml(r.body),
      r.official ? 1 : 0,
      r.hidden ? 1 : 0,
      r.hidden ? 'reports' : null,
      r.deleted ? updatedAt : null,
      r.createdAt,
      updatedAt,
    ])
    if (position % 2000 === 0) progress.tick(position)
  })
  progress.tick(comments.length)
}

/**
 * Splits `total` over the items in proportion to their weights, each at most `cap`, the
 * sum exact: whole parts first, the remainder one at a time by weight.
 */
function allocate(rng: Rng, total: number, weights: number[], cap: number): Int32Array {
  const counts = new Int32Array(weights.length)
  const sum = weights.reduce((a, b) => a + b, 0)
  let given = 0
  weights.forEach((w, i) => {
    const c = Math.min(cap, Math.floor((w / sum) * total))
    counts[i] = c
    given += c
  })
  const pick = weightedPicker(weights)
  let guard = 0
  while (given < total) {
    const i = pick(rng)
    if ((counts[i] ?? 0) < cap && (weights[i] ?? 0) > 0) {
      counts[i] = (counts[i] ?? 0) + 1
      given++
    }
    if (++guard > total * 50) throw new Error('cannot allocate: caps too low for the total')
  }
  return counts
}

function chooseVoters(
  rng: Rng,
  k: number,
  authorId: number,
  members: Member[],
  pickVoter: (rng: Rng) => number,
  active: number[],
): number[] {
  const chosen = new Set<number>()
  let attempts = 0
  while (chosen.size < k && attempts < k * 20) {
    attempts++
    const who = members[pickVoter(rng)]
    if (who && who.id !== authorId) chosen.add(who.id)
  }
  // Very popular ideas exhaust the keen voters: the rest come from everyone, in turn.
  let j = rng.int(0, active.length - 1)
  while (chosen.size < k) {
    const who = active[j % active.length] ?? authorId
    if (who !== authorId) chosen.add(who)
    j++
  }
  return [...chosen].sort((a, b) => a - b)
}

/**
 * Checks the counters the app keeps against the rows they count. Empty when all is exact.
 * Used after the build and after the vote benchmark.
 */
export function consistencyProblems(client: Client): string[] {
  const problems: string[] = []
  const check = (label: string, query: string) => {
    const row = client.prepare(query).get() as { n: number }
    if (row.n > 0) problems.push(`${row.n} ideas: ${label}`)
  }
  check(
    'vote_count ≠ COUNT(votes)',
    'select count(*) as n from ideas i where vote_count != (select count(*) from votes v where v.idea_id = i.id)',
  )
  check(
    'follower_count ≠ COUNT(followers)',
    'select count(*) as n from ideas i where follower_count != (select count(*) from followers f where f.idea_id = i.id)',
  )
  check(
    'comment_count ≠ COUNT(visible comments)',
    `select count(*) as n from ideas i where comment_count !=
      (select count(*) from comments c where c.idea_id = i.id and c.hidden = 0 and c.deleted_at is null)`,
  )
  // The hot score: the idea coming in, every vote and every visible comment, each a term
  // at its own time, as the app keeps it (hotScoreOf over the rows, against the column).
  const events = client.prepare(
    `select i.status, i.created_at as createdAt, i.hot_score as hotScore,
       (select json_group_array(created_at) from (select created_at from votes where idea_id = i.id
          union all select created_at from comments where idea_id = i.id and hidden = 0 and deleted_at is null)) as times
     from ideas i`,
  )
  let offScore = 0
  for (const row of events.iterate() as Iterable<{
    status: string
    createdAt: number
    hotScore: number
    times: string
  }>) {
    const expected = hotScoreOf(row.createdAt, JSON.parse(row.times) as number[], row.status)
    if (Math.abs(row.hotScore - expected) > 1e-9) offScore++
  }
  if (offScore > 0)
    problems.push(`${offScore} ideas: hot_score ≠ hotScoreOf(created_at, votes and visible comments, status)`)
  check(
    'status ≠ last status change',
    `select count(*) as n from ideas i where status != coalesce((select to_status from status_changes s
      where s.idea_id = i.id order by s.created_at desc, s.id desc limit 1), 'new')`,
  )
  return problems
}

/**
 * The schema of a database against a freshly migrated one: every table, index, trigger
 * and the FTS shadow tables, by name and SQL text. Empty when identical.
 */
export function schemaDifferences(file: string): string[] {
  const read = (db: Db) =>
    new Map(
      (
        db.$client
          .prepare(`select type, name, tbl_name, sql from sqlite_master where name not like 'sqlite_stat%'`)
          .all() as { type: string; name: string; tbl_name: string; sql: string | null }[]
      ).map((r) => [`${r.type} ${r.name}`, `${r.tbl_name}: ${r.sql ?? ''}`]),
    )
  const fresh = openDatabase(':memory:')
  const bench = openDatabase(file, { migrate: false })
  try {
    const a = read(fresh)
    const b = read(bench)
    const differences: string[] = []
    for (const [key, sql] of a) {
      if (!b.has(key)) differences.push(`missing ${key}`)
      else if (b.get(key) !== sql) differences.push(`different ${key}`)
    }
    for (const key of b.keys()) if (!a.has(key)) differences.push(`extra ${key}`)
    const migrations = (db: Db) =>
      JSON.stringify(db.$client.prepare('select hash, created_at from __drizzle_migrations order by id').all())
    if (migrations(fresh) !== migrations(bench)) differences.push('__drizzle_migrations rows differ')
    return differences
  } finally {
    fresh.$client.close()
    bench.$client.close()
  }
}
