/**
 * Hides every count of fewer than `min` people. The total is published next to the
 * counts, so a single hidden count could be worked out as "total minus the rest": when
 * exactly one count is hidden, the smallest count still shown is hidden as well.
 */
export function suppressSmallCells(counts: readonly number[], min: number): (number | null)[] {
  const shown: (number | null)[] = counts.map((n) => (n < min ? null : n))
  if (shown.filter((n) => n === null).length !== 1) return shown
  let smallest = -1
  for (const [i, n] of shown.entries()) {
    if (n !== null && (smallest === -1 || n < (shown[smallest] as number))) smallest = i
  }
  if (smallest !== -1) shown[smallest] = null
  return shown
}
