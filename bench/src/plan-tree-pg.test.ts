import { describe, expect, it } from 'vitest'
import { type PlanNode, pgPlanProblems, summarize } from './plan-tree-pg'

/** Plans as EXPLAIN (ANALYZE, FORMAT JSON) gives them on the 100,000-idea data set (trimmed). */
const similarRanked: PlanNode = {
  'Node Type': 'Limit',
  Plans: [
    {
      'Node Type': 'Sort',
      'Sort Method': 'top-N heapsort',
      Plans: [
        {
          'Node Type': 'Bitmap Heap Scan',
          'Relation Name': 'ideas',
          'Actual Rows': 7023,
          'Actual Loops': 1,
          Plans: [{ 'Node Type': 'Bitmap Index Scan', 'Index Name': 'ideas_title_search', 'Actual Rows': 7287 }],
        },
      ],
    },
  ],
}

const listPage: PlanNode = {
  'Node Type': 'Limit',
  Plans: [
    {
      'Node Type': 'Nested Loop',
      Plans: [
        { 'Node Type': 'Index Scan', 'Relation Name': 'ideas', 'Index Name': 'ideas_hot', 'Actual Rows': 21 },
        { 'Node Type': 'Index Scan', 'Relation Name': 'users', 'Index Name': 'users_pkey', 'Actual Rows': 1 },
      ],
    },
  ],
}

describe('the PostgreSQL plan check', () => {
  it('names the root node, the sorts and how each table is read', () => {
    expect(summarize(listPage)).toBe('Limit · ideas: Index Scan ideas_hot, users: Index Scan users_pkey')
    expect(summarize(similarRanked)).toBe(
      'Limit · 1 sort · ideas: Bitmap Heap Scan, Bitmap Index Scan ideas_title_search',
    )
  })

  it('passes a page read from an index', () => {
    expect(pgPlanProblems(listPage)).toEqual([])
  })

  it('fails a sequential scan of ideas, votes or comments, with the rows it read', () => {
    const scan: PlanNode = {
      'Node Type': 'Seq Scan',
      'Relation Name': 'ideas',
      'Actual Rows': 2341,
      'Actual Loops': 3,
      'Rows Removed by Filter': 30993,
    }
    expect(pgPlanProblems({ 'Node Type': 'Limit', Plans: [scan] })).toEqual(['Seq Scan on ideas (reads 33334 rows)'])
  })

  it('leaves a sequential scan of a smaller table to the listing and the time', () => {
    const hashJoin: PlanNode = {
      'Node Type': 'Hash Join',
      Plans: [
        { 'Node Type': 'Index Scan', 'Relation Name': 'ideas', 'Index Name': 'ideas_pkey', 'Actual Rows': 20 },
        { 'Node Type': 'Hash', Plans: [{ 'Node Type': 'Seq Scan', 'Relation Name': 'users', 'Actual Rows': 2023 }] },
      ],
    }
    expect(pgPlanProblems(hashJoin)).toEqual([])
  })

  it('fails a sort of more ideas than a rare search word matches, not a bounded one', () => {
    expect(pgPlanProblems(similarRanked)).toEqual(['Sort of 7023 rows of ideas (top-N heapsort)'])
    const rare = structuredClone(similarRanked)
    const heap = rare.Plans?.[0]?.Plans?.[0]
    if (heap) heap['Actual Rows'] = 180
    expect(pgPlanProblems(rare)).toEqual([])
  })
})
