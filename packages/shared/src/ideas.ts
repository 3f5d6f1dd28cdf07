import { z } from 'zod'
import { Cursor, PageLimit, pageOf, QueryId, Timestamp } from './common'
import { Channel, DeclineReason, IdeaSort, IdeaStatus, TargetGroup } from './enums'
import { COMMENT_BODY, IDEA_BODY, IDEA_TITLE, SEARCH_MAX } from './limits'
import { IdeaPhoto } from './photos'
import { IdeaPlace, placeSchema } from './places'
import { EXCERPT_LENGTH } from './text'

export const IdeaAuthor = z
  .object({
    id: z.number().int().nullable().meta({ description: 'null once the author deleted their account' }),
    displayName: z.string(),
    targetGroup: TargetGroup.nullable(),
  })
  .meta({ id: 'IdeaAuthor' })

const IdeaFields = z.object({
  id: z.number().int(),
  title: z.string(),
  status: IdeaStatus,
  themeId: z.number().int(),
  districtId: z.number().int().nullable(),
  targetGroups: z.array(TargetGroup),
  channel: Channel,
  voteCount: z.number().int(),
  commentCount: z.number().int(),
  followerCount: z.number().int(),
  hasVoted: z.boolean(),
  author: IdeaAuthor,
  mergedIntoId: z.number().int().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
})

export const Idea = IdeaFields.extend({
  excerpt: z.string().meta({
    description: `The start of the text as plain words, at most ${EXCERPT_LENGTH} characters (… when cut). The whole text is in GET /api/ideas/{id}.`,
  }),
}).meta({ id: 'Idea', description: 'An improvement proposed to the municipality, as shown in a list.' })
export type Idea = z.infer<typeof Idea>

export const Closure = z
  .object({
    whatChanged: z.string(),
    since: z.iso.date(),
    team: z.string(),
    link: z.url().nullable(),
  })
  .meta({ id: 'Closure', description: '"Jij zei, wij deden": what changed when the idea was done.' })
export type Closure = z.infer<typeof Closure>

export const TimelineEntry = z
  .object({
    id: z.number().int(),
    fromStatus: IdeaStatus.nullable(),
    toStatus: IdeaStatus,
    explanation: z.string(),
    declineReason: DeclineReason.nullable(),
    referredTo: z.string().nullable(),
    closure: Closure.nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: 'TimelineEntry', description: 'One public status change with its explanation.' })
export type TimelineEntry = z.infer<typeof TimelineEntry>

/** How long the author may still correct a comment. */
export const COMMENT_EDIT_WINDOW_MS = 15 * 60_000

export const CommentAuthor = z
  .object({
    id: z.number().int().nullable(),
    displayName: z.string(),
    targetGroup: TargetGroup.nullable(),
    isStaff: z.boolean().meta({ description: 'Written by a civil servant' }),
  })
  .meta({ id: 'CommentAuthor' })

const CommentBase = z.object({
  id: z.number().int(),
  ideaId: z.number().int(),
  parentId: z.number().int().nullable(),
  body: z.string().meta({ description: 'Empty once deleted' }),
  bodyHtml: z.string(),
  official: z.boolean().meta({ description: "Marked by staff as the municipality's answer" }),
  deleted: z.boolean(),
  hidden: z.boolean().meta({ description: 'Hidden by moderation; the text is withheld' }),
  edited: z.boolean(),
  author: CommentAuthor.nullable().meta({ description: 'null once the comment is deleted' }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
})

export const Comment = CommentBase.extend({ replies: z.array(CommentBase) }).meta({ id: 'Comment' })
export type Comment = z.infer<typeof Comment>
export type Reply = z.infer<typeof CommentBase>

/** How many of an idea's corrections by staff its page shows, newest first. */
export const IDEA_CORRECTIONS_SHOWN = 3

export const IdeaCorrection = z
  .object({
    reason: z.string().meta({ description: 'Why the municipality changed the title, text, theme or district' }),
    createdAt: Timestamp,
  })
  .meta({ id: 'IdeaCorrection', description: 'A correction by the municipality ("Aangepast door de gemeente")' })
export type IdeaCorrection = z.infer<typeof IdeaCorrection>

export const IdeaDetail = IdeaFields.extend({
  body: z.string().meta({ description: 'The text as written, in the small markdown subset.' }),
  bodyHtml: z.string().meta({ description: 'The body rendered to sanitised HTML.' }),
  timeline: z.array(TimelineEntry),
  isFollowing: z.boolean(),
  officialAnswer: CommentBase.nullable().meta({ description: "The municipality's latest official answer" }),
  responseNormDays: z.number().int().meta({ description: 'Working days within which the first answer is promised' }),
  waitingWorkingDays: z
    .number()
    .int()
    .nullable()
    .meta({ description: 'Working days waited so far for a first answer; null once answered' }),
  daysSinceUpdate: z
    .number()
    .int()
    .nullable()
    .meta({ description: 'For planned or in-progress ideas: days since the last public update' }),
  campaignId: z.number().int().nullable(),
  helperCount: z.number().int(),
  isHelping: z.boolean(),
  progressUpdates: z
    .array(z.object({ id: z.number().int(), bodyHtml: z.string(), authorName: z.string(), createdAt: Timestamp }))
    .meta({ description: 'Newest first' }),
  corrections: z
    .array(IdeaCorrection)
    .meta({ description: `Corrections by the municipality, newest first (at most ${IDEA_CORRECTIONS_SHOWN})` }),
  place: IdeaPlace.nullable().meta({ description: 'Its point on the map, if it has one' }),
  photos: z.array(IdeaPhoto).meta({ description: 'Its photos in order; hidden ones left out' }),
}).meta({ id: 'IdeaDetail' })
export type IdeaDetail = z.infer<typeof IdeaDetail>

/** `?theme=4`: plain decimal ids only; anything else is a 422 naming the field. */
const idFilter = QueryId

export const IdeaListQuery = z.object({
  status: IdeaStatus.optional(),
  theme: idFilter.optional(),
  district: idFilter.optional(),
  targetGroup: TargetGroup.optional(),
  q: z.string().trim().max(SEARCH_MAX).optional(),
  campaign: idFilter.optional(),
  sort: IdeaSort.optional().meta({ description: 'Default: relevance with q, otherwise trending' }),
  cursor: Cursor.optional(),
  limit: PageLimit,
})
export type IdeaListQuery = z.input<typeof IdeaListQuery>

/** The same filters and search as the list, to say how many ideas they find. */
export const IdeaCountQuery = IdeaListQuery.pick({
  status: true,
  theme: true,
  district: true,
  targetGroup: true,
  q: true,
  campaign: true,
})
export type IdeaCountQuery = z.input<typeof IdeaCountQuery>

/** Counting stops at this many: "meer dan 1.000 ideeën" says enough, and stays cheap at 100,000. */
export const IDEA_COUNT_CAP = 1000

export const IdeaCount = z
  .object({
    count: z
      .number()
      .int()
      .meta({ description: `How many ideas match, at most ${IDEA_COUNT_CAP}` }),
    more: z.boolean().meta({ description: `True when more than ${IDEA_COUNT_CAP} match` }),
  })
  .meta({ id: 'IdeaCount' })
export type IdeaCount = z.infer<typeof IdeaCount>

export const IdeaPage = pageOf(Idea).meta({ id: 'IdeaPage' })
export type IdeaPage = z.infer<typeof IdeaPage>

export const IdeaResponse = z.object({ idea: IdeaDetail })

const TargetGroups = z
  .array(TargetGroup)
  .max(3)
  .refine((groups) => new Set(groups).size === groups.length)

const Id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

export const NewIdea = z
  .object({
    title: z.string().trim().min(IDEA_TITLE.min).max(IDEA_TITLE.max),
    body: z.string().trim().min(IDEA_BODY.min).max(IDEA_BODY.max),
    themeId: Id,
    districtId: Id.nullable().optional(),
    targetGroups: TargetGroups.optional(),
    campaignId: Id.nullable().optional(),
    place: placeSchema
      .nullable()
      .optional()
      .meta({ description: 'An optional point in the Netherlands; null removes it' }),
  })
  .meta({ id: 'NewIdea' })
export type NewIdea = z.input<typeof NewIdea>

export const IdeaUpdate = NewIdea.omit({ campaignId: true }).partial().meta({ id: 'IdeaUpdate' })
export type IdeaUpdate = z.input<typeof IdeaUpdate>

export const PreviewBody = z.object({ body: z.string().max(IDEA_BODY.max) }).meta({ id: 'PreviewBody' })
export const PreviewResponse = z.object({ html: z.string() })

export const SimilarQuery = z.object({ title: z.string().trim().max(IDEA_TITLE.max) })
export const SimilarIdeas = z
  .object({
    items: z.array(
      z.object({ id: z.number().int(), title: z.string(), status: IdeaStatus, voteCount: z.number().int() }),
    ),
  })
  .meta({ id: 'SimilarIdeas' })

export const VoteState = z.object({ voteCount: z.number().int(), hasVoted: z.boolean() }).meta({ id: 'VoteState' })
export const FollowState = z
  .object({ followerCount: z.number().int(), isFollowing: z.boolean() })
  .meta({ id: 'FollowState' })

export const NewComment = z
  .object({
    body: z.string().trim().min(COMMENT_BODY.min).max(COMMENT_BODY.max),
    parentId: Id.nullable().optional(),
    official: z.boolean().optional().meta({ description: 'Staff only' }),
  })
  .meta({ id: 'NewComment' })
export type NewComment = z.input<typeof NewComment>

export const CommentUpdate = z
  .object({ body: z.string().trim().min(COMMENT_BODY.min).max(COMMENT_BODY.max) })
  .meta({ id: 'CommentUpdate' })

export const CommentListQuery = z.object({ cursor: Cursor.optional(), limit: PageLimit })
export const CommentPage = pageOf(Comment).meta({ id: 'CommentPage' })
export type CommentPage = z.infer<typeof CommentPage>

export const IdeaWithComments = IdeaResponse.extend({
  comments: CommentPage.meta({
    description: 'The first page of comments, as GET /api/ideas/{id}/comments gives it, so a page needs one request',
  }),
}).meta({ id: 'IdeaWithComments' })
export type IdeaWithComments = z.infer<typeof IdeaWithComments>
export const CommentResponse = z.object({ comment: Comment })
