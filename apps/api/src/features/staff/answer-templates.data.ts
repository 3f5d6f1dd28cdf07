import type { AnswerTemplate, FilledAnswerTemplate } from '@meedenken/shared'
import { asc, eq } from 'drizzle-orm'
import { recordAudit } from '../../audit/audit.data'
import type { Db } from '../../db/open'
import { answerTemplates, departments, ideas, users } from '../../db/schema'
import { oneRow } from '../../db/statements'

type Row = typeof answerTemplates.$inferSelect

function toTemplate(row: Row): AnswerTemplate {
  return {
    id: row.id,
    departmentId: row.departmentId,
    title: row.title,
    body: row.body,
    updatedAt: new Date(row.updatedAt).toISOString(),
  }
}

/** By department, then title: the list staff manage. */
export async function listTemplates(db: Db, departmentId?: number): Promise<AnswerTemplate[]> {
  return (
    await db
      .select()
      .from(answerTemplates)
      .where(departmentId === undefined ? undefined : eq(answerTemplates.departmentId, departmentId))
      .orderBy(asc(answerTemplates.departmentId), asc(answerTemplates.title), asc(answerTemplates.id))
  ).map(toTemplate)
}

export async function departmentExists(db: Db, id: number): Promise<boolean> {
  return (
    (await db.select({ id: departments.id }).from(departments).where(eq(departments.id, id)).limit(1))[0] !== undefined
  )
}

type TemplateInput = { departmentId: number; title: string; body: string }

export async function createTemplate(
  db: Db,
  actorId: number,
  input: TemplateInput,
  now: number,
): Promise<AnswerTemplate> {
  return await db.transaction(async (tx) => {
    const row = oneRow(
      await tx
        .insert(answerTemplates)
        .values({ ...input, createdAt: now, updatedAt: now })
        .returning(),
    )
    await recordAudit(
      tx,
      {
        actorId,
        action: 'answer_template.created',
        subjectType: 'answer_template',
        subjectId: row.id,
        details: { title: row.title, departmentId: row.departmentId },
      },
      now,
    )
    return toTemplate(row)
  })
}

export async function updateTemplate(
  db: Db,
  actorId: number,
  id: number,
  input: TemplateInput,
  now: number,
): Promise<AnswerTemplate | null> {
  return await db.transaction(async (tx) => {
    const [before] = await tx.select().from(answerTemplates).where(eq(answerTemplates.id, id)).limit(1)
    if (!before) return null
    const row = oneRow(
      await tx
        .update(answerTemplates)
        .set({ ...input, updatedAt: now })
        .where(eq(answerTemplates.id, id))
        .returning(),
    )
    await recordAudit(
      tx,
      {
        actorId,
        action: 'answer_template.changed',
        subjectType: 'answer_template',
        subjectId: id,
        details: {
          before: { title: before.title, departmentId: before.departmentId, body: before.body },
          after: { title: row.title, departmentId: row.departmentId, body: row.body },
        },
      },
      now,
    )
    return toTemplate(row)
  })
}

export async function deleteTemplate(db: Db, actorId: number, id: number, now: number): Promise<boolean> {
  return await db.transaction(async (tx) => {
    const [row] = await tx.delete(answerTemplates).where(eq(answerTemplates.id, id)).returning()
    if (!row) return false
    await recordAudit(
      tx,
      {
        actorId,
        action: 'answer_template.deleted',
        subjectType: 'answer_template',
        subjectId: id,
        details: { title: row.title, departmentId: row.departmentId },
      },
      now,
    )
    return true
  })
}

/** What the placeholders stand for; the name of a deleted account is not known any more. */
const NAME_UNKNOWN = 'deelnemer'

/**
 * Fills `{naam}` and `{titel}` in, as a civil servant would by hand. Only these two words
 * in braces are placeholders; anything else in braces stays as written.
 */
export function fillTemplate(body: string, values: { naam: string; titel: string }): string {
  return body.replace(/\{(naam|titel)\}/g, (_, key: 'naam' | 'titel') => values[key])
}

/**
 * Every template, filled in for one idea: its resident's name and its title. The idea's
 * department comes first. Null when there is no such idea.
 */
export async function templatesForIdea(db: Db, ideaId: number): Promise<FilledAnswerTemplate[] | null> {
  const [idea] = await db
    .select({
      title: ideas.title,
      departmentId: ideas.departmentId,
      authorName: users.displayName,
      authorDeletedAt: users.deletedAt,
    })
    .from(ideas)
    .innerJoin(users, eq(users.id, ideas.authorId))
    .where(eq(ideas.id, ideaId))
    .limit(1)
  if (!idea) return null
  const values = { naam: idea.authorDeletedAt === null ? idea.authorName : NAME_UNKNOWN, titel: idea.title }
  const all = await listTemplates(db)
  const own = (t: AnswerTemplate) => (t.departmentId === idea.departmentId ? 0 : 1)
  return [...all].sort((a, b) => own(a) - own(b)).map((t) => ({ ...t, text: fillTemplate(t.body, values) }))
}
