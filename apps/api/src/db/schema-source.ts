import type {
  Channel,
  DeclineReason,
  DistrictBoundary,
  EmailFrequency,
  HiddenReason,
  IdeaStatus,
  Locale,
  NotificationKind,
  NotificationReason,
  PhotoFormat,
  ReportReason,
  Role,
  TargetGroup,
} from '@meedenken/shared'
import { sql } from 'drizzle-orm'
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core'
import { answeredLastSql, openStatusSql, updateStatusSql } from './queue-sql'
import type { SchemaFacade } from './schema-facade'

/**
 * Every table, written once against a column facade: schema.ts builds them for SQLite,
 * schema.pg.ts for PostgreSQL, and each engine's drizzle-kit generates its migrations from
 * them (decision 022). The body is checked against SQLite's facade (TypeScript cannot type
 * one function body per dialect); PostgreSQL's facade builds the same keys at runtime.
 * Only what both engines share belongs here: search and triggers are hand-written per
 * engine in the migrations.
 */
export function defineTables(c: SchemaFacade) {
  const { table, id, integer, time, bigint, text, real, bytes, index, uniqueIndex, primaryKey, nowMs } = c
  const createdAt = () => time('created_at').notNull()

  const departments = table('departments', {
    id: id(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
  })

  const themes = table('themes', {
    id: id(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
    description: text('description').notNull().default(''),
    departmentId: integer('department_id').references(() => departments.id),
    position: integer('position').notNull().default(0),
    // Archived: no longer offered for new ideas, but kept on old ones, in the figures and the open data.
    archivedAt: time('archived_at'),
  })

  const districts = table('districts', {
    id: id(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    // Archived: no longer offered for new ideas or accounts, but kept where it was chosen.
    archivedAt: time('archived_at'),
    // The district's outline as a GeoJSON Polygon or MultiPolygon (WGS84), loaded by an admin:
    // a point chosen for an idea then suggests its district.
    boundary: text('boundary', { mode: 'json' }).$type<DistrictBoundary>(),
  })

  const users = table(
    'users',
    {
      id: id(),
      // null once the account is deleted: the address must not stay behind (AVG/GDPR).
      email: text('email'),
      emailVerifiedAt: time('email_verified_at'),
      passwordHash: text('password_hash'),
      displayName: text('display_name').notNull(),
      role: text('role').$type<Role>().notNull().default('member'),
      targetGroup: text('target_group').$type<TargetGroup>(),
      districtId: integer('district_id').references(() => districts.id),
      locale: text('locale').$type<Locale>().notNull().default('nl'),
      emailFrequency: text('email_frequency').$type<EmailFrequency>().notNull().default('daily'),
      lastDigestAt: time('last_digest_at'),
      // For staff: the team they work in, for the "my department" inbox.
      departmentId: integer('department_id').references(() => departments.id),
      blockedAt: time('blocked_at'),
      deletedAt: time('deleted_at'),
      createdAt: createdAt(),
      updatedAt: time('updated_at').notNull(),
    },
    (t) => [uniqueIndex('users_email_unique').on(t.email)],
  )

  const ideas = table(
    'ideas',
    {
      id: id(),
      title: text('title').notNull(),
      body: text('body').notNull(),
      // Rendered and sanitised once at write time, so reads never run the markdown parser.
      bodyHtml: text('body_html').notNull(),
      themeId: c
        .integer('theme_id')
        .notNull()
        .references(() => themes.id),
      districtId: integer('district_id').references(() => districts.id),
      // Bit set of target groups (resident 1, entrepreneur 2, organisation 4).
      targetMask: integer('target_mask').notNull().default(0),
      authorId: c
        .integer('author_id')
        .notNull()
        .references(() => users.id),
      channel: text('channel').$type<Channel>().notNull().default('web'),
      status: text('status').$type<IdeaStatus>().notNull().default('new'),
      // 1 while moderation or a block hides the idea; lists only read visible rows.
      hidden: integer('hidden').notNull().default(0),
      hiddenReason: text('hidden_reason').$type<HiddenReason>(),
      voteCount: integer('vote_count').notNull().default(0),
      commentCount: integer('comment_count').notNull().default(0),
      followerCount: integer('follower_count').notNull().default(0),
      // Stored "hot" score, as Reddit's: log10(activity) + created/45000 s. It only changes
      // when activity changes, so ordering by it needs no per-request arithmetic.
      hotScore: real('hot_score').notNull().default(0),
      departmentId: integer('department_id').references(() => departments.id),
      assigneeId: integer('assignee_id').references(() => users.id),
      campaignId: integer('campaign_id').references((): AnySQLiteColumn => campaigns.id),
      mergedIntoId: integer('merged_into_id'),
      // The author's target group when the idea came in: statistics do not shift when they change it.
      authorGroup: text('author_group').$type<TargetGroup>(),
      // When the first answer is due under the norm that applied when the idea came in.
      responseDueAt: time('response_due_at'),
      // The first public answer (official comment or status change): the response norm's clock stops.
      firstResponseAt: time('first_response_at'),
      firstResponseWorkingDays: integer('first_response_working_days'),
      doneAt: time('done_at'),
      followupAskedAt: time('followup_asked_at'),
      // The last public update (status change, official answer, progress update): for "stale".
      lastPublicUpdateAt: time('last_public_update_at'),
      // An optional place (WGS84 degrees) and the address it was chosen by, if any. Both or neither.
      latitude: real('latitude'),
      longitude: real('longitude'),
      placeLabel: text('place_label'),
      createdAt: createdAt(),
      updatedAt: time('updated_at').notNull(),
    },
    (t) => [
      index('ideas_hot').on(t.hidden, t.hotScore, t.id),
      index('ideas_top').on(t.hidden, t.voteCount, t.id),
      index('ideas_new').on(t.hidden, t.createdAt, t.id),
      index('ideas_discussed').on(t.hidden, t.commentCount, t.id),
      index('ideas_updated').on(t.hidden, t.updatedAt, t.id),
      // For narrow filter combinations the planner finds the few matching rows here and sorts
      // them; for broad ones it walks a sort index above. ANALYZE statistics guide the choice.
      // The full combination (theme + district + status) carries every sort key, so a filtered
      // list sorts its matches from this index alone and reads only the cards it shows.
      index('ideas_theme_filter').on(
        t.hidden,
        t.themeId,
        t.districtId,
        t.status,
        t.hotScore,
        t.voteCount,
        t.createdAt,
        t.commentCount,
        t.updatedAt,
      ),
      index('ideas_district_filter').on(t.hidden, t.districtId, t.status),
      // "Voor wie": a target group is a set of masks (target-mask.ts). Without this index a
      // group with a status, or a group few ideas have, walked a sort index through every row
      // (99 and 148 ms at 100k ideas, its count 28 ms); with it, under a millisecond.
      index('ideas_target_filter').on(t.hidden, t.targetMask, t.status, t.themeId, t.districtId),
      index('ideas_status_filter').on(t.hidden, t.status, t.themeId),
      // "Populair nu" within one status. Decided ideas sit at the end of the trending order, so
      // walking ideas_hot for "Gerealiseerd" or "Afgewezen" passed every open idea first (85–95 ms
      // at 100k ideas on SQLite, 81 ms with a target group on PostgreSQL); this reads them in order.
      index('ideas_status_hot').on(t.hidden, t.status, t.hotScore, t.id),
      index('ideas_author').on(t.authorId),
      // Staff inbox: unanswered ideas oldest first, overall, per department and per colleague.
      // Status, theme and group at the end let the scorecard count overdue ideas from the index alone.
      index('ideas_unanswered').on(t.hidden, t.firstResponseAt, t.createdAt, t.status, t.themeId, t.authorGroup),
      // Hidden and status at the end let a department's or a colleague's unanswered ideas be
      // counted from the index alone: at 100k ideas a department's count read ~5,000 rows
      // (11.6 ms warm, 40 ms cold on PostgreSQL), now 1.5 ms as an index-only scan.
      index('ideas_department_queue').on(t.departmentId, t.firstResponseAt, t.createdAt, t.hidden, t.status),
      index('ideas_assignee_queue').on(t.assigneeId, t.firstResponseAt, t.createdAt, t.hidden, t.status),
      index('ideas_stale').on(t.status, t.lastPublicUpdateAt),
      // A department's open ideas in queue order; its stale ones; all stale ones by last update.
      index('ideas_department_open')
        .on(t.departmentId, sql.raw(`(${answeredLastSql()})`), t.id)
        .where(sql.raw(openStatusSql())),
      index('ideas_department_stale').on(t.departmentId, t.lastPublicUpdateAt).where(sql.raw(updateStatusSql())),
      index('ideas_stale_queue').on(t.lastPublicUpdateAt, t.id).where(sql.raw(updateStatusSql())),
      index('ideas_followup_due').on(t.followupAskedAt, t.doneAt),
      // Only ideas in a campaign: a vote on any other idea then has one index entry less to move.
      index('ideas_campaign').on(t.campaignId, t.hidden, t.hotScore, t.id).where(sql`${t.campaignId} is not null`),
      // The map view: only ideas with a place, so the index stays small when few have one.
      index('ideas_on_map').on(t.hidden, t.id).where(sql`${t.latitude} is not null`),
    ],
  )

  /**
   * Photos of an idea (at most a few), added by its author or by staff at intake. The upload
   * itself is never kept: only re-encoded variants without metadata (photo_files), so no
   * photo carries where or with what it was taken.
   */
  const photos = table(
    'photos',
    {
      id: id(),
      ideaId: c
        .integer('idea_id')
        .notNull()
        .references(() => ideas.id, { onDelete: 'cascade' }),
      uploaderId: integer('uploader_id').references(() => users.id, { onDelete: 'set null' }),
      position: integer('position').notNull().default(0),
      altText: text('alt_text').notNull(),
      width: integer('width').notNull(),
      height: integer('height').notNull(),
      hidden: integer('hidden').notNull().default(0),
      hiddenReason: text('hidden_reason').$type<HiddenReason>(),
      createdAt: createdAt(),
    },
    (t) => [index('photos_idea').on(t.ideaId, t.position, t.id), index('photos_uploader').on(t.uploaderId)],
  )

  /** One encoded size of a photo. Its key (a hash of its bytes) is its URL, so it may be cached forever. */
  const photoFiles = table(
    'photo_files',
    {
      key: text('key').primaryKey(),
      photoId: c
        .integer('photo_id')
        .notNull()
        .references(() => photos.id, { onDelete: 'cascade' }),
      format: text('format').$type<PhotoFormat>().notNull(),
      width: integer('width').notNull(),
      height: integer('height').notNull(),
      size: integer('size').notNull(),
      // The bytes, when the database store holds them; null when the files-on-disk store does.
      data: bytes('data'),
    },
    (t) => [index('photo_files_photo').on(t.photoId, t.format, t.width)],
  )

  const votes = table(
    'votes',
    {
      ideaId: c
        .integer('idea_id')
        .notNull()
        .references(() => ideas.id, { onDelete: 'cascade' }),
      userId: c
        .integer('user_id')
        .notNull()
        .references(() => users.id, { onDelete: 'cascade' }),
      createdAt: createdAt(),
    },
    // One vote per member per idea, enforced by the database rather than by hope.
    (t) => [primaryKey({ columns: [t.ideaId, t.userId] }), index('votes_user').on(t.userId, t.ideaId)],
  )

  const comments = table(
    'comments',
    {
      id: id(),
      ideaId: c
        .integer('idea_id')
        .notNull()
        .references(() => ideas.id, { onDelete: 'cascade' }),
      authorId: c
        .integer('author_id')
        .notNull()
        .references(() => users.id),
      parentId: integer('parent_id'),
      body: text('body').notNull(),
      bodyHtml: text('body_html').notNull(),
      official: integer('official').notNull().default(0),
      hidden: integer('hidden').notNull().default(0),
      hiddenReason: text('hidden_reason').$type<HiddenReason>(),
      deletedAt: time('deleted_at'),
      createdAt: createdAt(),
      updatedAt: time('updated_at').notNull(),
    },
    (t) => [
      // Top-level comments of an idea in order (parent_id IS NULL), and the replies to them.
      index('comments_idea').on(t.ideaId, t.parentId, t.createdAt, t.id),
      index('comments_parent').on(t.parentId, t.createdAt, t.id),
      index('comments_author').on(t.authorId),
      // The municipality's latest answer on an idea page, without reading every comment of the idea.
      index('comments_official')
        .on(t.ideaId, t.createdAt, t.id)
        .where(sql`${t.official} = 1 and ${t.hidden} = 0 and ${t.deletedAt} is null`),
    ],
  )

  const followers = table(
    'followers',
    {
      ideaId: c
        .integer('idea_id')
        .notNull()
        .references(() => ideas.id, { onDelete: 'cascade' }),
      userId: c
        .integer('user_id')
        .notNull()
        .references(() => users.id, { onDelete: 'cascade' }),
      createdAt: createdAt(),
    },
    (t) => [primaryKey({ columns: [t.ideaId, t.userId] }), index('followers_user').on(t.userId)],
  )

  const statusChanges = table(
    'status_changes',
    {
      id: id(),
      ideaId: c
        .integer('idea_id')
        .notNull()
        .references(() => ideas.id, { onDelete: 'cascade' }),
      fromStatus: text('from_status').$type<IdeaStatus>(),
      toStatus: text('to_status').$type<IdeaStatus>().notNull(),
      explanation: text('explanation').notNull(),
      declineReason: text('decline_reason').$type<DeclineReason>(),
      referredTo: text('referred_to'),
      closureWhatChanged: text('closure_what_changed'),
      closureSince: text('closure_since'),
      closureTeam: text('closure_team'),
      closureLink: text('closure_link'),
      actorId: integer('actor_id').references(() => users.id),
      createdAt: createdAt(),
    },
    (t) => [
      index('status_changes_idea').on(t.ideaId, t.createdAt),
      // "Jij zei, wij deden": completed ideas, newest first.
      index('status_changes_to').on(t.toStatus, t.createdAt),
    ],
  )

  /** Small key/value store for installation settings and one-off markers (demo data loaded). */
  const settings = table('settings', {
    key: text('key').primaryKey(),
    value: text('value').notNull(),
    updatedAt: time('updated_at').notNull().default(nowMs),
  })

  /**
   * The version of what idea lists show, one row, moved by triggers on `ideas` and on the
   * author fields of `users` (migration 0020): a list answered at version N is right for as
   * long as the version is N, in every process (decision 017).
   */
  const listVersion = table('list_version', {
    id: id(),
    version: bigint('version').notNull(),
  })

  const sessions = table(
    'sessions',
    {
      id: id(),
      // SHA-256 of the cookie's token: a stolen database holds no usable session.
      tokenHash: text('token_hash').notNull().unique(),
      userId: c
        .integer('user_id')
        .notNull()
        .references(() => users.id, { onDelete: 'cascade' }),
      createdAt: createdAt(),
      lastSeenAt: time('last_seen_at').notNull(),
      expiresAt: time('expires_at').notNull(),
    },
    (t) => [index('sessions_user').on(t.userId)],
  )

  /** Single-use links sent by mail: e-mail verification (24 h) and password reset (1 h). */
  const accountTokens = table(
    'account_tokens',
    {
      id: id(),
      userId: c
        .integer('user_id')
        .notNull()
        .references(() => users.id, { onDelete: 'cascade' }),
      purpose: text('purpose').$type<'verify_email' | 'reset_password'>().notNull(),
      tokenHash: text('token_hash').notNull().unique(),
      expiresAt: time('expires_at').notNull(),
      usedAt: time('used_at'),
      createdAt: createdAt(),
    },
    (t) => [index('account_tokens_user').on(t.userId, t.purpose)],
  )

  const mailOutbox = table(
    'mail_outbox',
    {
      id: id(),
      // Kept so the mail can be erased with the account; null for mail to no account.
      userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
      toAddress: text('to_address').notNull(),
      subject: text('subject').notNull(),
      text: text('text').notNull(),
      // Extra mail headers as JSON (List-Unsubscribe for one-click unsubscribe).
      headers: text('headers', { mode: 'json' }).$type<Record<string, string>>(),
      status: text('status').$type<'pending' | 'sending' | 'sent' | 'failed'>().notNull().default('pending'),
      attempts: integer('attempts').notNull().default(0),
      nextAttemptAt: time('next_attempt_at').notNull(),
      lastError: text('last_error'),
      createdAt: createdAt(),
      sentAt: time('sent_at'),
    },
    (t) => [index('mail_outbox_due').on(t.status, t.nextAttemptAt), index('mail_outbox_user').on(t.userId)],
  )

  /** Fixed-window counters, in the database so several server processes share them. */
  const rateLimits = table(
    'rate_limits',
    {
      key: text('key').primaryKey(),
      windowStart: time('window_start').notNull(),
      count: integer('count').notNull(),
    },
    (t) => [index('rate_limits_window').on(t.windowStart)],
  )

  /** Every staff and admin action: who, what, when, and before/after where it applies. */
  const auditLog = table(
    'audit_log',
    {
      id: id(),
      actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
      action: text('action').notNull(),
      subjectType: text('subject_type').notNull(),
      subjectId: integer('subject_id'),
      details: text('details', { mode: 'json' }).$type<Record<string, unknown>>(),
      createdAt: createdAt(),
    },
    (t) => [index('audit_log_created').on(t.createdAt), index('audit_log_actor').on(t.actorId, t.createdAt)],
  )

  /** Staff-only notes on an idea. Never part of any public or member response. */
  const ideaNotes = table(
    'idea_notes',
    {
      id: id(),
      ideaId: c
        .integer('idea_id')
        .notNull()
        .references(() => ideas.id, { onDelete: 'cascade' }),
      authorId: integer('author_id').references(() => users.id, { onDelete: 'set null' }),
      body: text('body').notNull(),
      createdAt: createdAt(),
    },
    (t) => [index('idea_notes_idea').on(t.ideaId, t.createdAt)],
  )

  /** Every hand-off of an idea to a department or colleague. */
  const ideaAssignments = table(
    'idea_assignments',
    {
      id: id(),
      ideaId: c
        .integer('idea_id')
        .notNull()
        .references(() => ideas.id, { onDelete: 'cascade' }),
      fromDepartmentId: integer('from_department_id').references(() => departments.id),
      toDepartmentId: integer('to_department_id').references(() => departments.id),
      fromAssigneeId: integer('from_assignee_id').references(() => users.id, { onDelete: 'set null' }),
      toAssigneeId: integer('to_assignee_id').references(() => users.id, { onDelete: 'set null' }),
      actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
      note: text('note'),
      createdAt: createdAt(),
    },
    (t) => [index('idea_assignments_idea').on(t.ideaId, t.createdAt)],
  )

  /** In-app notifications; the e-mail side reads the same rows. */
  const notifications = table(
    'notifications',
    {
      id: id(),
      userId: c
        .integer('user_id')
        .notNull()
        .references(() => users.id, { onDelete: 'cascade' }),
      kind: text('kind').$type<NotificationKind>().notNull(),
      // Why this person was told (their idea, their vote, they follow it, their department…): the mail says so.
      reason: text('reason').$type<NotificationReason>(),
      ideaId: integer('idea_id').references(() => ideas.id, { onDelete: 'cascade' }),
      statusChangeId: integer('status_change_id').references(() => statusChanges.id, { onDelete: 'cascade' }),
      commentId: integer('comment_id').references(() => comments.id, { onDelete: 'cascade' }),
      campaignId: integer('campaign_id').references((): AnySQLiteColumn => campaigns.id, { onDelete: 'cascade' }),
      progressUpdateId: integer('progress_update_id'),
      readAt: time('read_at'),
      // When the mail about it went into the outbox (or it was skipped: "never").
      mailedAt: time('mailed_at'),
      createdAt: createdAt(),
    },
    (t) => [
      index('notifications_user').on(t.userId, t.createdAt),
      index('notifications_unread').on(t.userId, t.readAt),
      index('notifications_unmailed').on(t.mailedAt, t.userId),
    ],
  )

  /**
   * What the staff reminder job has told staff about an idea: that it is new, overdue, or stale
   * since a given last public update (a later update starts a new episode; otherwise `since` is 0).
   * The primary key is the claim: of several processes running the job, one inserts the row and
   * tells staff in the same transaction; the others insert nothing and tell nobody.
   */
  const staffAlerts = table(
    'staff_alerts',
    {
      ideaId: c
        .integer('idea_id')
        .notNull()
        .references(() => ideas.id, { onDelete: 'cascade' }),
      kind: text('kind').$type<'new_idea' | 'overdue' | 'stale'>().notNull(),
      since: time('since').notNull(),
      createdAt: createdAt(),
    },
    (t) => [primaryKey({ columns: [t.ideaId, t.kind, t.since] })],
  )

  /** One report per person per idea or comment: three distinct reporters hide it for review. */
  const reports = table(
    'reports',
    {
      id: id(),
      subjectType: text('subject_type').$type<'idea' | 'comment' | 'photo'>().notNull(),
      subjectId: integer('subject_id').notNull(),
      reporterId: c
        .integer('reporter_id')
        .notNull()
        .references(() => users.id, { onDelete: 'cascade' }),
      reason: text('reason').$type<ReportReason>().notNull(),
      note: text('note'),
      createdAt: createdAt(),
      resolvedAt: time('resolved_at'),
      resolution: text('resolution').$type<'hidden' | 'restored'>(),
      resolverId: integer('resolver_id').references(() => users.id, { onDelete: 'set null' }),
    },
    (t) => [
      uniqueIndex('reports_one_per_reporter').on(t.subjectType, t.subjectId, t.reporterId),
      index('reports_open').on(t.resolvedAt, t.createdAt),
      // A reporter's earlier reports: whether moderators overruled them (their weight), and erasure.
      index('reports_by_reporter').on(t.reporterId, t.resolution),
    ],
  )

  /**
   * Satisfaction with how the municipality handled an idea, asked after each status change
   * or official answer (the occasion). One per person per occasion, changeable. The rater's
   * target group and district are kept with it, so statistics survive account deletion,
   * when user_id and remark are erased.
   */
  const ratings = table(
    'ratings',
    {
      id: id(),
      ideaId: c
        .integer('idea_id')
        .notNull()
        .references(() => ideas.id, { onDelete: 'cascade' }),
      userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
      occasionType: text('occasion_type').$type<'status_change' | 'official_answer'>().notNull(),
      occasionId: integer('occasion_id').notNull(),
      score: integer('score').notNull(),
      remark: text('remark'),
      raterGroup: text('rater_group').$type<TargetGroup>(),
      raterDistrictId: integer('rater_district_id'),
      createdAt: createdAt(),
      updatedAt: time('updated_at').notNull(),
    },
    (t) => [
      uniqueIndex('ratings_one_per_occasion').on(t.occasionType, t.occasionId, t.userId),
      index('ratings_idea').on(t.ideaId, t.createdAt),
      index('ratings_user').on(t.userId),
    ],
  )

  /** "Heeft de verandering geholpen?" some weeks after an idea is done. One answer per person. */
  const followupAnswers = table(
    'followup_answers',
    {
      id: id(),
      ideaId: c
        .integer('idea_id')
        .notNull()
        .references(() => ideas.id, { onDelete: 'cascade' }),
      userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
      answer: text('answer').$type<'yes' | 'partly' | 'no'>().notNull(),
      remark: text('remark'),
      raterGroup: text('rater_group').$type<TargetGroup>(),
      createdAt: createdAt(),
      updatedAt: time('updated_at').notNull(),
    },
    (t) => [uniqueIndex('followup_one_per_person').on(t.ideaId, t.userId), index('followup_user').on(t.userId)],
  )

  /**
   * Counters behind the public scorecard, per theme × month × target group × metric, kept in
   * the same transaction as the event they count, so the scorecard never scans the big
   * tables. They can always be rebuilt from the raw rows (stats/rebuild.ts).
   */
  const statsCounters = table(
    'stats_counters',
    {
      themeId: integer('theme_id').notNull(),
      month: text('month').notNull(),
      targetGroup: text('target_group').notNull(),
      metric: text('metric').notNull(),
      count: integer('count').notNull().default(0),
    },
    (t) => [
      primaryKey({ columns: [t.month, t.themeId, t.targetGroup, t.metric] }),
      // The scorecard reads a year of counters: from this index alone, without the table.
      index('stats_counters_read').on(t.month, t.themeId, t.targetGroup, t.metric, t.count),
    ],
  )

  /**
   * A question the municipality puts to the public ("meedenkvraag"), with phases: ideas can
   * be sent in during the ideas phase, votes only count during the voting phase (when there
   * is one), and the outcome is published at the end.
   */
  const campaigns = table(
    'campaigns',
    {
      id: id(),
      title: text('title').notNull(),
      description: text('description').notNull(),
      descriptionHtml: text('description_html').notNull(),
      themeId: c
        .integer('theme_id')
        .notNull()
        .references(() => themes.id),
      targetMask: integer('target_mask').notNull().default(0),
      ideasFrom: time('ideas_from').notNull(),
      ideasUntil: time('ideas_until').notNull(),
      votingFrom: time('voting_from'),
      votingUntil: time('voting_until'),
      outcome: text('outcome'),
      outcomeHtml: text('outcome_html'),
      outcomePublishedAt: time('outcome_published_at'),
      openedNotifiedAt: time('opened_notified_at'),
      createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
      createdAt: createdAt(),
      updatedAt: time('updated_at').notNull(),
    },
    (t) => [
      index('campaigns_ideas_from').on(t.ideasFrom),
      index('campaigns_open_notice').on(t.openedNotifiedAt, t.ideasFrom),
    ],
  )

  /** "Ik denk mee": members offering to help shape a planned or running idea. */
  const ideaHelpers = table(
    'idea_helpers',
    {
      ideaId: c
        .integer('idea_id')
        .notNull()
        .references(() => ideas.id, { onDelete: 'cascade' }),
      userId: c
        .integer('user_id')
        .notNull()
        .references(() => users.id, { onDelete: 'cascade' }),
      note: text('note'),
      createdAt: createdAt(),
    },
    (t) => [primaryKey({ columns: [t.ideaId, t.userId] }), index('idea_helpers_user').on(t.userId)],
  )

  /** Progress updates staff post on planned and running ideas; they reach every follower. */
  const progressUpdates = table(
    'progress_updates',
    {
      id: id(),
      ideaId: c
        .integer('idea_id')
        .notNull()
        .references(() => ideas.id, { onDelete: 'cascade' }),
      authorId: integer('author_id').references(() => users.id, { onDelete: 'set null' }),
      body: text('body').notNull(),
      bodyHtml: text('body_html').notNull(),
      createdAt: createdAt(),
    },
    (t) => [
      index('progress_updates_idea').on(t.ideaId, t.createdAt),
      // A member's own updates, for the data export and erasure.
      index('progress_updates_author').on(t.authorId),
    ],
  )

  /**
   * Changes the browser shows live (vote counts, new comments, unread notifications). Every
   * server process reads new rows from here, so an event written by one process reaches
   * the browsers connected to any other. Old rows are pruned.
   */
  const liveEvents = table(
    'live_events',
    {
      id: id(),
      kind: text('kind').$type<'votes' | 'comments' | 'notifications'>().notNull(),
      ideaId: integer('idea_id'),
      userId: integer('user_id'),
      value: integer('value'),
      createdAt: createdAt(),
    },
    (t) => [index('live_events_created').on(t.createdAt)],
  )

  /**
   * Staff corrections of an idea's title, text, theme or district (an intake typo, a wrong
   * theme). The idea page shows each with its reason; before and after are in the audit log.
   */
  const ideaCorrections = table(
    'idea_corrections',
    {
      id: id(),
      ideaId: c
        .integer('idea_id')
        .notNull()
        .references(() => ideas.id, { onDelete: 'cascade' }),
      actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
      reason: text('reason').notNull(),
      // Which of title, body, themeId, districtId changed.
      fields: text('fields', { mode: 'json' }).$type<string[]>().notNull(),
      createdAt: createdAt(),
    },
    (t) => [index('idea_corrections_idea').on(t.ideaId, t.createdAt)],
  )

  /** Answer texts staff keep per department; {naam} and {titel} are filled in per idea. */
  const answerTemplates = table(
    'answer_templates',
    {
      id: id(),
      departmentId: c
        .integer('department_id')
        .notNull()
        .references(() => departments.id, { onDelete: 'cascade' }),
      title: text('title').notNull(),
      body: text('body').notNull(),
      createdAt: createdAt(),
      updatedAt: time('updated_at').notNull(),
    },
    (t) => [index('answer_templates_department').on(t.departmentId, t.title)],
  )

  return {
    departments,
    themes,
    districts,
    users,
    ideas,
    photos,
    photoFiles,
    votes,
    comments,
    followers,
    statusChanges,
    settings,
    listVersion,
    sessions,
    accountTokens,
    mailOutbox,
    rateLimits,
    auditLog,
    ideaNotes,
    ideaAssignments,
    notifications,
    staffAlerts,
    reports,
    ratings,
    followupAnswers,
    statsCounters,
    campaigns,
    ideaHelpers,
    progressUpdates,
    liveEvents,
    ideaCorrections,
    answerTemplates,
  }
}
