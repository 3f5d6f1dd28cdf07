import { COMMON_MATCHES } from '../../apps/api/src/features/ideas/search.data'

/** PostgreSQL's JSON plans (EXPLAIN (ANALYZE, FORMAT JSON)): what plans-pg.ts reads of them. */

/**
 * The tables whose sequential scan fails a row (BENCHMARKS.md). PostgreSQL chooses by cost: on
 * the 10k data set it may read all 2,000 users for a hash join where a nested loop of 20
 * lookups costs more; such scans of smaller tables show in the listing and in the time.
 */
const BIG_TABLES = new Set(['ideas', 'votes', 'comments'])

/** A node of PostgreSQL's JSON plan (the fields we read). */
export type PlanNode = {
  'Node Type': string
  'Relation Name'?: string
  'Index Name'?: string
  'Plan Rows'?: number
  'Actual Rows'?: number
  'Actual Loops'?: number
  'Rows Removed by Filter'?: number
  'Sort Method'?: string
  Plans?: PlanNode[]
}

export function walk(node: PlanNode, visit: (node: PlanNode, depth: number) => void, depth = 0): void {
  visit(node, depth)
  for (const child of node.Plans ?? []) walk(child, visit, depth + 1)
}

/** Every table the plan reads, with the node that reads it and its index. */
function scans(plan: PlanNode): string[] {
  const found: string[] = []
  walk(plan, (node) => {
    const type = node['Node Type']
    const index = node['Index Name']
    const relation = node['Relation Name']
    if (type === 'Bitmap Index Scan') found.push(`Bitmap Index Scan ${index}`)
    else if (relation) found.push(`${relation}: ${type}${index ? ` ${index}` : ''}`)
  })
  return found
}

export function sorts(plan: PlanNode): number {
  let n = 0
  walk(plan, (node) => {
    if (node['Node Type'].endsWith('Sort')) n++
  })
  return n
}

/** The root node, whether it sorts, and how each table is read. */
export function summarize(plan: PlanNode): string {
  const reads = scans(plan)
  const sorting = plan['Node Type'].endsWith('Sort') ? 0 : sorts(plan)
  return `${plan['Node Type']}${sorting ? ` · ${sorting} sort${sorting > 1 ? 's' : ''}` : ''}${reads.length ? ` · ${reads.join(', ')}` : ''}`
}

/** Does the node's subtree read a big table? */
function readsBigTable(node: PlanNode): string | null {
  let table: string | null = null
  walk(node, (n) => {
    if (!table && n['Relation Name'] && BIG_TABLES.has(n['Relation Name'])) table = n['Relation Name']
  })
  return table
}

/**
 * What is wrong with a plan: a sequential scan of a big table, or a sort of more rows of them
 * than the bounded sort the API chooses on purpose for a rare search term (COMMON_MATCHES;
 * docs/decisions/010-performance.md): a sort of every visible idea or of every match of a
 * common word. Rows are the actual ones (EXPLAIN ANALYZE), per loop times loops.
 */
export function pgPlanProblems(plan: PlanNode): string[] {
  const problems: string[] = []
  walk(plan, (node) => {
    const type = node['Node Type']
    const relation = node['Relation Name']
    if (type === 'Seq Scan' && relation && BIG_TABLES.has(relation)) {
      const rows = (node['Actual Rows'] ?? 0) + (node['Rows Removed by Filter'] ?? 0)
      problems.push(`Seq Scan on ${relation} (reads ${rows} rows)`)
    }
    if (type === 'Sort' || type === 'Incremental Sort') {
      const input = node.Plans?.[0]
      const sorted = (input?.['Actual Rows'] ?? input?.['Plan Rows'] ?? 0) * (input?.['Actual Loops'] ?? 1)
      const table = readsBigTable(node)
      if (table && sorted > COMMON_MATCHES) {
        problems.push(`${type} of ${sorted} rows of ${table} (${node['Sort Method'] ?? 'sort'})`)
      }
    }
  })
  return problems
}
