import { and, eq, sql } from 'drizzle-orm'
import type { Db } from '../../db/open'
import { followers, ideas } from '../../db/schema'

export type FollowOutcome = { ok: true; followerCount: number; isFollowing: boolean } | { ok: false }

/** Follow or unfollow; the counter moves only when a row was really added or removed. */
export async function setFollow(
  db: Db,
  ideaId: number,
  userId: number,
  follow: boolean,
  now: number,
): Promise<FollowOutcome> {
  return await db.transaction(
    async (tx) => {
      const [idea] = await tx
        .select({ hidden: ideas.hidden, followerCount: ideas.followerCount })
        .from(ideas)
        .where(eq(ideas.id, ideaId))
        .limit(1)
      if (!idea || idea.hidden) return { ok: false } as const
      const changed = (
        follow
          ? await tx
              .insert(followers)
              .values({ ideaId, userId, createdAt: now })
              .onConflictDoNothing()
              .returning({ ideaId: followers.ideaId })
          : await tx
              .delete(followers)
              .where(and(eq(followers.ideaId, ideaId), eq(followers.userId, userId)))
              .returning({ ideaId: followers.ideaId })
      ).length
      if (changed === 0) return { ok: true, followerCount: idea.followerCount, isFollowing: follow } as const
      const [row] = await tx
        .update(ideas)
        .set({ followerCount: sql`${ideas.followerCount} + ${follow ? 1 : -1}` })
        .where(eq(ideas.id, ideaId))
        .returning({ followerCount: ideas.followerCount })

      return { ok: true, followerCount: row?.followerCount ?? 0, isFollowing: follow } as const
    },
    { behavior: 'immediate' },
  )
}
