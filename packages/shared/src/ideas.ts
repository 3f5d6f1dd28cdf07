import { z } from 'zod'
import { Cursor, PageLimit, pageOf, Timestamp } from './common'
import { Channel, DeclineReason, IdeaSort, IdeaStatus, TargetGroup } from './enums'

export const IDEA_TITLE = { min: 10, max: 120 } as const
export const IDEA_BODY = { min: 20, max: 5000 } as const

export const IdeaAuthor = z
  .object({
    id: z.number().int().nullable().meta({ description: 'null once the author deleted their account' }),
    displayName: z.string(),
    targetGroup: TargetGroup.nullable(),
  })
  .meta({ id: 'IdeaAuthor' })

export const Idea = z
  .object({
    id: z.number().int(),
    title: z.string(),
    body: z.string().meta({ description: 'The text as written, in the small markdown subset.' }),
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
  .meta({ id: 'Idea', description: 'An improvement proposed to the municipality.' })
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

export const IdeaDetail = Idea.extend({
  bodyHtml: z.string().meta({ description: 'The body rendered to sanitised HTML.' }),
  timeline: z.array(TimelineEntry),
}).meta({ id: 'IdeaDetail' })
export type IdeaDetail = z.infer<typeof IdeaDetail>

const idFilter = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER)

export const IdeaListQuery = z.object({
  status: IdeaStatus.optional(),
  theme: idFilter.optional(),
  district: idFilter.optional(),
  targetGroup: TargetGroup.optional(),
  q: z.string().trim().max(200).optional(),
  sort: IdeaSort.default('trending'),
  cursor: Cursor.optional(),
  limit: PageLimit,
})
export type IdeaListQuery = z.input<typeof IdeaListQuery>

export const IdeaPage = pageOf(Idea).meta({ id: 'IdeaPage' })
export type IdeaPage = z.infer<typeof IdeaPage>

export const IdeaResponse = z.object({ idea: IdeaDetail })
