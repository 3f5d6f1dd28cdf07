import { z } from 'zod'
import { Timestamp } from './common'
import { EmailFrequency, TargetGroup } from './enums'
import { CAMPAIGN_DESCRIPTION, CAMPAIGN_OUTCOME, CAMPAIGN_TITLE, PROGRESS_UPDATE } from './limits'

export const CAMPAIGN_PHASES = ['upcoming', 'ideas', 'between', 'voting', 'outcome'] as const
export const CampaignPhase = z.enum(CAMPAIGN_PHASES)
export type CampaignPhase = z.infer<typeof CampaignPhase>

const Id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

export const Campaign = z
  .object({
    id: z.number().int(),
    title: z.string(),
    description: z.string(),
    descriptionHtml: z.string(),
    themeId: z.number().int(),
    targetGroups: z.array(TargetGroup),
    ideasFrom: Timestamp,
    ideasUntil: Timestamp,
    votingFrom: Timestamp.nullable(),
    votingUntil: Timestamp.nullable(),
    phase: CampaignPhase,
    outcome: z.string().nullable(),
    outcomeHtml: z.string().nullable(),
    outcomePublishedAt: Timestamp.nullable(),
    ideaCount: z.number().int(),
  })
  .meta({ id: 'Campaign', description: 'A question the municipality puts to the public (meedenkvraag)' })
export type Campaign = z.infer<typeof Campaign>

export const CampaignBody = z
  .object({
    title: z.string().trim().min(CAMPAIGN_TITLE.min).max(CAMPAIGN_TITLE.max),
    description: z.string().trim().min(CAMPAIGN_DESCRIPTION.min).max(CAMPAIGN_DESCRIPTION.max),
    themeId: Id,
    targetGroups: z.array(TargetGroup).min(1).max(3),
    ideasFrom: z.iso.datetime({ offset: true }),
    ideasUntil: z.iso.datetime({ offset: true }),
    votingFrom: z.iso.datetime({ offset: true }).nullable().optional(),
    votingUntil: z.iso.datetime({ offset: true }).nullable().optional(),
  })
  .meta({ id: 'CampaignBody' })
export type CampaignBody = z.input<typeof CampaignBody>

export const OutcomeBody = z
  .object({ outcome: z.string().trim().min(CAMPAIGN_OUTCOME.min).max(CAMPAIGN_OUTCOME.max) })
  .meta({ id: 'OutcomeBody' })

export const CampaignList = z.object({ items: z.array(Campaign) }).meta({ id: 'CampaignList' })
export const CampaignResponse = z.object({ campaign: Campaign })

export const HelpBody = z.object({ note: z.string().trim().max(500).optional() }).meta({ id: 'HelpBody' })
export const HelpState = z.object({ helperCount: z.number().int(), isHelping: z.boolean() }).meta({ id: 'HelpState' })

export const Helper = z
  .object({
    userId: z.number().int(),
    displayName: z.string(),
    email: z.string().nullable(),
    note: z.string().nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: 'Helper', description: 'Staff only: e-mail addresses are never shown to other members' })

export const ProgressUpdate = z
  .object({
    id: z.number().int(),
    body: z.string(),
    bodyHtml: z.string(),
    authorName: z.string(),
    createdAt: Timestamp,
  })
  .meta({ id: 'ProgressUpdate' })
export type ProgressUpdate = z.infer<typeof ProgressUpdate>

export const NewProgressUpdate = z
  .object({ body: z.string().trim().min(PROGRESS_UPDATE.min).max(PROGRESS_UPDATE.max) })
  .meta({ id: 'NewProgressUpdate' })

export const UnsubscribeBody = z.object({ u: z.coerce.number().int().positive(), t: z.string().min(10).max(200) })

export const EmailPreference = EmailFrequency
