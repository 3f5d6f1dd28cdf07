import { z } from 'zod'
import { Cursor, PageLimit, QueryId, Timestamp } from './common'
import { IdeaStatus, TargetGroup } from './enums'
import { Closure } from './ideas'

/** Figures based on fewer people than this are not shown ("te weinig reacties"). */
export const MIN_CELL_SIZE = 5

export const FOLLOWUP_ANSWERS = ['yes', 'partly', 'no'] as const
export const FollowupAnswer = z.enum(FOLLOWUP_ANSWERS)

export const RatingBody = z
  .object({
    occasionType: z.enum(['status_change', 'official_answer']),
    occasionId: z.number().int().positive(),
    score: z.number().int().min(1).max(5),
    remark: z.string().trim().max(1000).optional(),
  })
  .meta({ id: 'RatingBody' })
export type RatingBody = z.input<typeof RatingBody>

export const FollowupBody = z
  .object({ answer: FollowupAnswer, remark: z.string().trim().max(1000).optional() })
  .meta({ id: 'FollowupBody' })

export const Occasion = z
  .object({
    type: z.enum(['status_change', 'official_answer']),
    id: z.number().int(),
    status: IdeaStatus.nullable().meta({ description: 'For a status change: the new status' }),
    createdAt: Timestamp,
    myScore: z.number().int().nullable(),
    myRemark: z.string().nullable(),
  })
  .meta({ id: 'Occasion' })

export const Satisfaction = z
  .object({
    canRate: z.boolean().meta({ description: 'The author, voters and followers may rate' }),
    occasions: z.array(Occasion).meta({ description: 'Newest first' }),
    followup: z
      .object({ open: z.boolean(), myAnswer: FollowupAnswer.nullable(), myRemark: z.string().nullable() })
      .nullable(),
  })
  .meta({ id: 'Satisfaction' })
export type Satisfaction = z.infer<typeof Satisfaction>

export const StaffRating = z
  .object({
    occasionType: z.string(),
    occasionId: z.number().int(),
    score: z.number().int(),
    remark: z.string().nullable(),
    raterGroup: TargetGroup.nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: 'StaffRating' })

const OtherLine = z
  .number()
  .int()
  .nullable()
  .meta({
    description:
      'Everyone in groups of fewer than `suppressedBelow` people, counted together without naming the groups ' +
      '(with the smallest group shown when they alone would be too few); null when there is no such line',
  })

export const Breakdown = z
  .object({
    total: z.number().int(),
    byTargetGroup: z
      .array(z.object({ targetGroup: z.string(), count: z.number().int() }))
      .meta({ description: 'Only groups shown on their own; empty when fewer than `suppressedBelow` people voted' }),
    otherTargetGroups: OtherLine,
    byDistrict: z
      .array(z.object({ districtId: z.number().int().nullable(), count: z.number().int() }))
      .meta({ description: 'Only districts shown on their own (null: no district); empty when too few voted' }),
    otherDistricts: OtherLine,
    suppressedBelow: z.number().int(),
  })
  .meta({
    id: 'Breakdown',
    description:
      'Supporters by target group and by district. Groups under the minimum are never named: they are ' +
      'counted together on an "other" line of at least the minimum, and under the minimum in total nothing is broken down.',
  })
export type Breakdown = z.infer<typeof Breakdown>

/** The quarters the scorecard answers for: from the start of Unix time to a far but finite future. */
export const FIRST_QUARTER = '1970-Q1'
export const LAST_QUARTER = '2100-Q4'
/** The longest period one scorecard covers: ten years. */
export const MAX_SCORECARD_QUARTERS = 40

/**
 * A quarter such as "2026-Q3", with its year bounds in the pattern itself, so the OpenAPI
 * document, the API and the web app (which falls back to its default period) all refuse
 * the same values: a year before 1970 has no month start the clock can count from.
 */
export const Quarter = z
  .string()
  .regex(/^(?:19[7-9]\d|20\d\d|2100)-Q[1-4]$/)
  .meta({ description: `A quarter from ${FIRST_QUARTER} to ${LAST_QUARTER}`, example: '2026-Q3' })

/** Quarters counted from year 0: the difference of two is the number of quarters between them. */
function quarterNumber(quarter: string): number {
  return Number(quarter.slice(0, 4)) * 4 + Number(quarter.slice(6)) - 1
}

export const SCORECARD_RANGE_MESSAGES = {
  order: {
    nl: 'Kies bij Van een kwartaal dat niet later is dan bij Tot en met.',
    en: 'Choose a From quarter that is not later than the To quarter.',
  },
  span: {
    nl: `Kies een periode van hoogstens ${MAX_SCORECARD_QUARTERS / 4} jaar (${MAX_SCORECARD_QUARTERS} kwartalen).`,
    en: `Choose a period of at most ${MAX_SCORECARD_QUARTERS / 4} years (${MAX_SCORECARD_QUARTERS} quarters).`,
  },
} as const

/**
 * What is wrong with a period of two valid quarters, if anything: it runs backwards, or
 * it is longer than the scorecard covers. Not a refinement of ScorecardQuery: either end
 * may be left out, and the default that then stands in for it comes from the clock, so the
 * API checks the period after filling in the defaults. Always names "from", the field the
 * web form marks too.
 */
export function scorecardRangeProblem(from: string, to: string): keyof typeof SCORECARD_RANGE_MESSAGES | null {
  const span = quarterNumber(to) - quarterNumber(from) + 1
  if (span < 1) return 'order'
  if (span > MAX_SCORECARD_QUARTERS) return 'span'
  return null
}

export const ScorecardQuery = z.object({
  from: Quarter.optional(),
  to: Quarter.optional(),
  theme: QueryId.optional(),
})

const Pct = z.number().nullable().meta({ description: 'Percentage 0–100, null when suppressed or unknown' })

export const ScorecardCell = z
  .object({
    themeId: z.number().int().nullable().meta({ description: 'null: all themes' }),
    themeSlug: z.string().nullable().meta({ description: 'The theme as in the open data; null: all themes' }),
    quarter: z.string(),
    targetGroup: z.enum(['all', 'resident', 'entrepreneur', 'organisation', 'unknown']),
    received: z.number().int().nullable(),
    withinNormPct: Pct,
    medianAnswerDays: z.number().nullable().meta({ description: 'Median working days to the first answer' }),
    implementedPct: Pct,
    declinedPct: Pct,
    declineReasons: z.record(z.string(), z.number().int()).nullable(),
    satisfactionPct: Pct.meta({ description: 'Share of ratings 4 or 5' }),
    ratings: z.number().int().nullable(),
    followup: z
      .object({ yes: z.number().int(), partly: z.number().int(), no: z.number().int() })
      .nullable()
      .meta({ description: '"Did it help?" answers; zeros when nobody answered, null when 1 to 4 people did' }),
    followupSuppressed: z.boolean(),
    channels: z.record(z.string(), z.number().int()).nullable(),
    suppressed: z.boolean().meta({ description: 'Too few people: the idea figures are hidden' }),
    satisfactionSuppressed: z.boolean(),
  })
  .meta({ id: 'ScorecardCell' })
export type ScorecardCell = z.infer<typeof ScorecardCell>

export const Scorecard = z
  .object({
    quarters: z.array(z.string()),
    responseNormDays: z.number().int(),
    minCellSize: z.number().int(),
    cells: z.array(ScorecardCell),
    trend: z.array(
      z.object({
        month: z.string(),
        satisfactionPct: Pct,
        ratings: z.number().int().nullable(),
        suppressed: z.boolean(),
      }),
    ),
    answeredInTime: z.array(
      z.object({
        themeId: z.number().int(),
        withinNormPct: Pct,
        base: z.number().int().nullable(),
        suppressed: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'Scorecard' })
export type Scorecard = z.infer<typeof Scorecard>

export const RoadmapQuery = z.object({
  theme: QueryId.optional(),
  district: QueryId.optional(),
})

export const RoadmapItem = z
  .object({
    id: z.number().int(),
    title: z.string(),
    status: IdeaStatus,
    themeId: z.number().int(),
    districtId: z.number().int().nullable(),
    voteCount: z.number().int(),
    lastUpdateAt: Timestamp,
  })
  .meta({ id: 'RoadmapItem' })
export type RoadmapItem = z.infer<typeof RoadmapItem>

export const Roadmap = z
  .object({ planned: z.array(RoadmapItem), inProgress: z.array(RoadmapItem), done: z.array(RoadmapItem) })
  .meta({ id: 'Roadmap', description: 'Planned, in progress and recently done ideas (done: last 180 days)' })

export const YouSaidWeDidQuery = z.object({
  theme: QueryId.optional(),
  cursor: Cursor.optional(),
  limit: PageLimit,
})

export const YouSaidWeDidItem = z
  .object({
    ideaId: z.number().int(),
    title: z.string(),
    themeId: z.number().int(),
    districtId: z.number().int().nullable(),
    explanation: z.string(),
    closure: Closure,
    doneAt: Timestamp,
  })
  .meta({ id: 'YouSaidWeDidItem' })
export type YouSaidWeDidItem = z.infer<typeof YouSaidWeDidItem>

export const YouSaidWeDidPage = z
  .object({ items: z.array(YouSaidWeDidItem), nextCursor: z.string().nullable() })
  .meta({ id: 'YouSaidWeDidPage' })

export const DepartmentFigures = z
  .object({
    departmentId: z.number().int().nullable(),
    received: z.number().int(),
    withinNormPct: Pct,
    medianAnswerDays: z.number().nullable(),
    implementedPct: Pct,
    satisfactionPct: Pct,
    ratings: z.number().int(),
    overdue: z.number().int(),
    stale: z.number().int(),
    unanswered: z.number().int(),
  })
  .meta({ id: 'DepartmentFigures' })
export type DepartmentFigures = z.infer<typeof DepartmentFigures>

export const StaffDashboard = z
  .object({ quarter: z.string(), departments: z.array(DepartmentFigures) })
  .meta({ id: 'StaffDashboard' })
