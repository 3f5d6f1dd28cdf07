/** The median of values given as a histogram of [value, count] pairs, without expanding it. */
export function medianOfHistogram(histogram: Array<readonly [number, number]>): number | null {
  const sorted = [...histogram].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0])
  const total = sorted.reduce((sum, [, n]) => sum + n, 0)
  if (total === 0) return null
  const valueAt = (rank: number) => {
    let seen = 0
    for (const [value, n] of sorted) {
      seen += n
      if (rank < seen) return value
    }
    return sorted.at(-1)?.[0] ?? 0
  }
  const middle = (total - 1) / 2
  return (valueAt(Math.floor(middle)) + valueAt(Math.ceil(middle))) / 2
}

/** "answer_days:n" counters as a histogram. */
export function answerDaysHistogram(entries: Iterable<readonly [string, number]>): Array<readonly [number, number]> {
  const result: Array<readonly [number, number]> = []
  for (const [metric, n] of entries) if (metric.startsWith('answer_days:')) result.push([Number(metric.slice(12)), n])
  return result
}
