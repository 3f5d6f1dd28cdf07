import type { IdeaStatus, Role, TargetGroup } from '@meedenken/shared'
import type { DbOrTx } from '../db/open'
import { departments, districts, ideas, themes, users } from '../db/schema'
import { oneRow } from '../db/statements'
import { hotScoreOf } from '../domain/hot-score'
import { toMask } from '../domain/target-mask'
import { renderMarkdown } from '../text/markdown'

let counter = 0
const next = () => ++counter

/** Test data written straight to the database, so each test states exactly what it needs. */
export async function makeDepartment(db: DbOrTx, name = `Afdeling ${next()}`) {
  return oneRow(
    await db
      .insert(departments)
      .values({ slug: `afdeling-${next()}`, name, nameEn: name })
      .returning(),
  )
}

export async function makeTheme(db: DbOrTx, values: { name?: string; departmentId?: number | null } = {}) {
  const n = next()
  return oneRow(
    await db
      .insert(themes)
      .values({
        slug: `thema-${n}`,
        name: values.name ?? `Thema ${n}`,
        nameEn: `Theme ${n}`,
        departmentId: values.departmentId ?? null,
      })
      .returning(),
  )
}

export async function makeDistrict(db: DbOrTx, name = `Dorp ${next()}`) {
  return oneRow(
    await db
      .insert(districts)
      .values({ slug: `dorp-${next()}`, name })
      .returning(),
  )
}

export async function makeUser(
  db: DbOrTx,
  values: {
    role?: Role
    targetGroup?: TargetGroup | null
    districtId?: number | null
    email?: string | null
    displayName?: string
  } = {},
) {
  const n = next()
  return oneRow(
    await db
      .insert(users)
      .values({
        email: values.email === undefined ? `deelnemer${n}@example.org` : values.email,
        emailVerifiedAt: 1,
        displayName: values.displayName ?? `Deelnemer ${n}`,
        role: values.role ?? 'member',
        targetGroup: values.targetGroup === undefined ? 'resident' : values.targetGroup,
        districtId: values.districtId ?? null,
        createdAt: 1,
        updatedAt: 1,
      })
      .returning(),
  )
}

export async function makeIdea(
  db: DbOrTx,
  values: {
    authorId: number
    themeId: number
    districtId?: number | null
    title?: string
    body?: string
    status?: IdeaStatus
    targetGroups?: TargetGroup[]
    voteCount?: number
    commentCount?: number
    createdAt?: number
    hidden?: boolean
  },
) {
  const n = next()
  const body = values.body ?? `Dit is de uitleg bij testidee nummer ${n}, lang genoeg.`
  const createdAt = values.createdAt ?? Date.parse('2026-10-01T10:00:00Z') + n * 60_000
  return oneRow(
    await db
      .insert(ideas)
      .values({
        title: values.title ?? `Testidee nummer ${n} voor de gemeente`,
        body,
        bodyHtml: renderMarkdown(body),
        themeId: values.themeId,
        districtId: values.districtId ?? null,
        targetMask: toMask(values.targetGroups ?? ['resident']),
        authorId: values.authorId,
        status: values.status ?? 'new',
        hidden: values.hidden ? 1 : 0,
        voteCount: values.voteCount ?? 0,
        commentCount: values.commentCount ?? 0,
        // Counts given without rows: as if every vote and comment came with the idea.
        hotScore: hotScoreOf(
          createdAt,
          Array.from({ length: (values.voteCount ?? 0) + (values.commentCount ?? 0) }, () => createdAt),
          values.status ?? 'new',
        ),
        createdAt,
        updatedAt: createdAt,
      })
      .returning(),
  )
}
