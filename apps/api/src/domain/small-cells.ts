/**
 * Which counts of a breakdown may be shown, and what goes on one "other" line instead.
 *
 * The total is public next to the breakdown (it is the idea's vote count), so hiding a
 * small count is not enough: "total minus the lines shown" gives it back, and a hidden
 * count that still names its category (a group, a village) says where a lone voter comes
 * from. So:
 * - below `min` people in all, nothing is broken down at all;
 * - each count of at least `min` is shown under its own name;
 * - the smaller ones are added up, unnamed, on one "other" line;
 * - if that line would hold fewer than `min` people (total minus the lines shown would
 *   then reveal a small number), the smallest count shown joins it as well. That count is
 *   at least `min`, so one step is always enough, and "other" then always holds at least
 *   `min` people from at least two categories: showing its number reveals nothing more.
 */
export type Folded = {
  /** Per count: shown under its own name, or not. */
  shown: boolean[]
  /** The people on the "other" line, or null when there is no such line. */
  other: number | null
}

export function foldSmallCells(counts: readonly number[], min: number): Folded {
  const total = counts.reduce((sum, n) => sum + n, 0)
  if (total < min) return { shown: counts.map(() => false), other: null }
  const shown = counts.map((n) => n >= min)
  let other = counts.reduce((sum, n, i) => (shown[i] ? sum : sum + n), 0)
  if (other > 0 && other < min) {
    let smallest = -1
    for (const [i, n] of counts.entries()) {
      if (shown[i] && (smallest === -1 || n < (counts[smallest] as number))) smallest = i
    }
    // total ≥ min and other < min, so at least one count is shown.
    shown[smallest] = false
    other += counts[smallest] as number
  }
  return { shown, other: other > 0 ? other : null }
}
