/**
 * A small seeded PRNG (mulberry32) and the few distributions the generator needs. Own code
 * rather than Math.random: the same seed must give the same database on every machine.
 */
export type Rng = {
  /** Uniform in [0, 1). */
  next: () => number
  /** Uniform integer in [min, max]. */
  int: (min: number, max: number) => number
  chance: (p: number) => boolean
  pick: <T>(items: readonly T[]) => T
  /** Standard normal (Box–Muller). */
  normal: () => number
  /** Exponential with the given mean. */
  exponential: (mean: number) => number
}

export function mulberry32(seed: number): Rng {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.floor(next() * items.length)]
      if (item === undefined) throw new Error('pick from an empty list')
      return item
    },
    normal: () => {
      const u = 1 - next()
      const v = next()
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
    },
    exponential: (mean) => -Math.log(1 - next()) * mean,
  }
}

/** Picks an index by weight in O(log n): cumulative weights and a binary search. */
export function weightedPicker(weights: readonly number[]): (rng: Rng) => number {
  const cumulative = new Float64Array(weights.length)
  let total = 0
  weights.forEach((w, i) => {
    total += w
    cumulative[i] = total
  })
  return (rng) => {
    const target = rng.next() * total
    let lo = 0
    let hi = cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((cumulative[mid] ?? 0) > target) hi = mid
      else lo = mid + 1
    }
    return lo
  }
}

/** A weighted choice among labelled values, e.g. `{ web: 85, phone: 4 }`. */
export function weightedChoice<T extends string>(table: Record<T, number>): (rng: Rng) => T {
  const keys = Object.keys(table) as T[]
  const pick = weightedPicker(keys.map((k) => table[k]))
  return (rng) => keys[pick(rng)] as T
}
