import { sql } from 'drizzle-orm'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { rawRows } from '../db/raw-sql'
import { mergeIdeas } from '../features/staff/staff.data'
import { setVote } from '../features/votes/votes.data'
import { makeIdea, makeTheme, makeUser } from '../test/fixtures'
import { createTestApp } from '../test/test-app'
import { renderMarkdown } from '../text/markdown'

const ALLOWED: Record<string, string[]> = {
  p: [],
  br: [],
  strong: [],
  em: [],
  ul: [],
  ol: ['start'],
  li: [],
  a: ['href', 'rel'],
}

/** Every tag in rendered output, with its attribute names and the href if there is one. */
function tags(html: string) {
  return [...html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/g)].map((m) => ({
    closing: m[1] === '/',
    name: (m[2] ?? '').toLowerCase(),
    // The sanitiser writes every value in double quotes (escaping any inside), so name="…" pairs are exact.
    attributes: [...(m[3] ?? '').matchAll(/\s([^\s="]+)="[^"]*"/g)].map((a) => (a[1] ?? '').toLowerCase()),
    href: /\shref="([^"]*)"/.exec(m[3] ?? '')?.[1] ?? null,
  }))
}

// Markdown-ish pieces, so the generator reaches the interesting corners of the parser.
const PIECES = [
  '**',
  '*',
  '_',
  '`',
  '[',
  ']',
  '(',
  ')',
  '<',
  '>',
  '"',
  "'",
  '\n',
  '\n\n',
  '- ',
  '1. ',
  '# ',
  '> ',
  'javascript:',
  'JaVaScRiPt:',
  'data:',
  'vbscript:',
  'https://example.org',
  'mailto:a@b.nl',
  '//evil.example',
  '<script>',
  '</script>',
  '<img src=x onerror=alert(1)>',
  'onclick=',
  '&#106;avascript:',
  '&lt;',
  '\u0000',
  '\u202E',
]
const markdownish = fc
  .array(
    fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 4 })),
    {
      maxLength: 40,
    },
  )
  .map((parts) => parts.join(''))

describe('property: rendered markdown', () => {
  it('only ever contains the allowed tags, attributes and link schemes', () => {
    fc.assert(
      fc.property(markdownish, (source) => {
        for (const tag of tags(renderMarkdown(source))) {
          expect(Object.keys(ALLOWED), tag.name).toContain(tag.name)
          if (tag.closing) continue
          for (const attribute of tag.attributes)
            expect(ALLOWED[tag.name], `${tag.name}[${attribute}]`).toContain(attribute)
          if (tag.href !== null) expect(tag.href).toMatch(/^(https?:|mailto:)/i)
        }
      }),
      { numRuns: 2000 },
    )
  })
})

describe('property: counters equal rows', async () => {
  const ctx = createTestApp()
  const theme = await makeTheme(ctx.db)
  const members = (await Promise.all(Array.from({ length: 6 }, () => makeUser(ctx.db)))).map((u) => u.id)
  const staff = (await makeUser(ctx.db, { role: 'staff' })).id

  type Step = { op: 'vote' | 'unvote'; user: number; idea: number } | { op: 'merge'; source: number; target: number }
  const step: fc.Arbitrary<Step> = fc.oneof(
    {
      weight: 8,
      arbitrary: fc.record({
        op: fc.constantFrom('vote' as const, 'unvote' as const),
        user: fc.nat(5),
        idea: fc.nat(3),
      }),
    },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('merge' as const), source: fc.nat(3), target: fc.nat(3) }) },
  )

  it('keeps every vote and follower count equal to its rows through random votes, unvotes and merges', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 60 }), async (steps) => {
        const ideas: number[] = []
        for (let i = 0; i < 4; i++) {
          ideas.push((await makeIdea(ctx.db, { authorId: members[0] ?? 0, themeId: theme.id })).id)
        }
        let now = Date.parse('2026-11-02T10:00:00Z')
        for (const s of steps) {
          now += 1000
          if (s.op === 'merge') {
            await mergeIdeas(
              ctx.db,
              {
                sourceId: ideas[s.source] ?? 0,
                targetId: ideas[s.target] ?? 0,
                actorId: staff,
                explanation: 'Samengevoegd in de eigenschapstest.',
              },
              now,
            )
          } else {
            await setVote(ctx.db, ideas[s.idea] ?? 0, members[s.user] ?? 0, s.op === 'vote', now)
          }
        }
        for (const id of ideas) {
          const [row] = (
            await rawRows(
              ctx.db,
              sql`select vote_count, follower_count,
                (select count(*) from votes where idea_id = ideas.id) as vote_rows,
                (select count(*) from followers where idea_id = ideas.id) as follower_rows
               from ideas where id = ${id}`,
            )
          ).map(([votes, followers, voteRows, followerRows]) => ({ votes, followers, voteRows, followerRows }))
          if (!row) throw new Error(`idea ${id} is gone`)
          expect(row.votes).toBe(row.voteRows)
          expect(row.followers).toBe(row.followerRows)
        }
      }),
      { numRuns: 150 },
    )
  })
})
