import type { Campaign, TargetGroup } from '@meedenken/shared'
import { and, count, desc, eq, inArray, isNull, lte, sql } from 'drizzle-orm'
import { recordAudit } from '../../audit/audit.data'
import type { Db } from '../../db/open'
import { campaigns, ideas } from '../../db/schema'
import { oneRow } from '../../db/statements'
import { campaignPhase } from '../../domain/campaign-phase'
import { fromMask, toMask } from '../../domain/target-mask'
import { notifyUsers } from '../../notify/notify.data'
import { renderMarkdown } from '../../text/markdown'

type Row = typeof campaigns.$inferSelect

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())

function toCampaign(row: Row, ideaCount: number, now: number): Campaign {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    descriptionHtml: row.descriptionHtml,
    themeId: row.themeId,
    targetGroups: fromMask(row.targetMask),
    ideasFrom: new Date(row.ideasFrom).toISOString(),
    ideasUntil: new Date(row.ideasUntil).toISOString(),
    votingFrom: iso(row.votingFrom),
    votingUntil: iso(row.votingUntil),
    phase: campaignPhase(row, now),
    outcome: row.outcomePublishedAt ? row.outcome : null,
    outcomeHtml: row.outcomePublishedAt ? row.outcomeHtml : null,
    outcomePublishedAt: iso(row.outcomePublishedAt),
    ideaCount,
  }
}

async function ideaCounts(db: Db, ids: number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .select({ campaignId: ideas.campaignId, n: count() })
    .from(ideas)
    .where(and(inArray(ideas.campaignId, ids), eq(ideas.hidden, 0)))
    .groupBy(ideas.campaignId)

  return new Map(rows.map((r) => [r.campaignId ?? 0, r.n]))
}

/** All campaigns, the ones people can take part in now first. */
export async function listCampaigns(db: Db, now: number): Promise<Campaign[]> {
  const rows = await db.select().from(campaigns).orderBy(desc(campaigns.ideasFrom)).limit(200)
  const counts = await ideaCounts(
    db,
    rows.map((r) => r.id),
  )
  const rank = { ideas: 0, voting: 1, between: 2, upcoming: 3, outcome: 4 } as const
  return rows
    .map((r) => toCampaign(r, counts.get(r.id) ?? 0, now))
    .sort((a, b) => rank[a.phase] - rank[b.phase] || b.ideasFrom.localeCompare(a.ideasFrom))
}

export async function findCampaign(db: Db, id: number, now: number): Promise<Campaign | null> {
  const [row] = await db.select().from(campaigns).where(eq(campaigns.id, id)).limit(1)
  return row ? toCampaign(row, (await ideaCounts(db, [id])).get(id) ?? 0, now) : null
}

export type CampaignValues = {
  title: string
  description: string
  themeId: number
  targetGroups: TargetGroup[]
  ideasFrom: number
  ideasUntil: number
  votingFrom: number | null
  votingUntil: number | null
}

export async function saveCampaign(
  db: Db,
  id: number | null,
  values: CampaignValues,
  actorId: number,
  now: number,
): Promise<number | null> {
  return await db.transaction(async (tx) => {
    const row = {
      title: values.title,
      description: values.description,
      descriptionHtml: renderMarkdown(values.description),
      themeId: values.themeId,
      targetMask: toMask(values.targetGroups),
      ideasFrom: values.ideasFrom,
      ideasUntil: values.ideasUntil,
      votingFrom: values.votingFrom,
      votingUntil: values.votingUntil,
      updatedAt: now,
    }
    if (id === null) {
      const created = oneRow(
        await tx
          .insert(campaigns)
          .values({ ...row, createdBy: actorId, createdAt: now })
          .returning({ id: campaigns.id }),
      ).id
      await recordAudit(
        tx,
        {
          actorId,
          action: 'campaign.created',
          subjectType: 'campaign',
          subjectId: created,
          details: { title: values.title },
        },
        now,
      )
      return created
    }
    const changed = await tx.update(campaigns).set(row).where(eq(campaigns.id, id)).returning({ id: campaigns.id })
    if (changed.length === 0) return null
    await recordAudit(
      tx,
      { actorId, action: 'campaign.changed', subjectType: 'campaign', subjectId: id, details: { title: values.title } },
      now,
    )
    return id
  })
}

export async function publishOutcome(
  db: Db,
  id: number,
  outcome: string,
  actorId: number,
  now: number,
): Promise<boolean> {
  return await db.transaction(async (tx) => {
    const changed = (
      await tx
        .update(campaigns)
        .set({ outcome, outcomeHtml: renderMarkdown(outcome), outcomePublishedAt: now, updatedAt: now })
        .where(eq(campaigns.id, id))
        .returning({ id: campaigns.id })
    ).length
    if (changed === 1)
      await recordAudit(
        tx,
        { actorId, action: 'campaign.outcome_published', subjectType: 'campaign', subjectId: id },
        now,
      )
    return changed === 1
  })
}

/**
 * When a campaign opens, every member of an invited target group hears about it, once.
 * One INSERT…SELECT per campaign; the marker is set in the same transaction.
 */
export async function announceOpenedCampaigns(db: Db, now: number): Promise<number> {
  const due = await db
    .select({ id: campaigns.id, targetMask: campaigns.targetMask })
    .from(campaigns)
    .where(and(isNull(campaigns.openedNotifiedAt), lte(campaigns.ideasFrom, now)))

  let notified = 0
  for (const campaign of due) {
    await db.transaction(
      async (tx) => {
        const claimed = await tx
          .update(campaigns)
          .set({ openedNotifiedAt: now })
          .where(and(eq(campaigns.id, campaign.id), isNull(campaigns.openedNotifiedAt)))
          .returning({ id: campaigns.id })
        if (claimed.length !== 1) return
        const names = fromMask(campaign.targetMask)
        if (names.length === 0) return
        notified += await notifyUsers(
          tx,
          sql`select id as user_id from users
            where role = 'member' and target_group in (${sql.join(
              names.map((n) => sql`${n}`),
              sql`, `,
            )}) and deleted_at is null and blocked_at is null and email_verified_at is not null`,
          { kind: 'campaign_opened', campaignId: campaign.id },
          now,
        )
      },
      { behavior: 'immediate' },
    )
  }
  return notified
}
