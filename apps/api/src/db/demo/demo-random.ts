/**
 * A small seeded random generator for the demo (sfc32, seeded through splitmix32), so the
 * same seed gives the same demo on every machine. Never Math.random: the demo must be
 * reproducible from the clock moment alone.
 */
export type Random = {
  /** A number in [0, 1). */
  next(): number
  /** A whole number in [min, max], both included. */
  int(min: number, max: number): number
  /** A number in [min, max). */
  between(min: number, max: number): number
  chance(p: number): boolean
  pick<T>(items: readonly T[]): T
  /** A value chosen with the given weights (need not add up to 1). */
  weighted<T>(options: readonly (readonly [T, number])[]): T
  /** `n` different items, in random order. */
  sample<T>(items: readonly T[], n: number): T[]
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x9e3779b9) >>> 0
    let z = state
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
    return (z ^ (z >>> 16)) >>> 0
  }
}

/** A stable 32-bit number for a text, so each idea can have its own stream of choices. */
export function seedOf(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0
  return hash
}

export function seededRandom(seed: number | string): Random {
  const init = splitmix32(typeof seed === 'string' ? seedOf(seed) : seed)
  let a = init()
  let b = init()
  let c = init()
  let d = init()
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0
    d = (d + 1) >>> 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) >>> 0
    c = ((c << 21) | (c >>> 11)) >>> 0
    c = (c + t) >>> 0
    return t / 4_294_967_296
  }
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    between: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list')
      return items[Math.floor(next() * items.length)] as (typeof items)[number]
    },
    weighted: (options) => {
      const total = options.reduce((sum, [, w]) => sum + w, 0)
      let roll = next() * total
      for (const [value, weight] of options) {
        roll -= weight
        if (roll < 0) return value
      }
      const last = options.at(-1)
      if (!last) throw new Error('weighted choice from an empty list')
      return last[0]
    },
    sample: (items, n) => {
      const copy = [...items]
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1))
        ;[copy[i], copy[j]] = [copy[j] as (typeof copy)[number], copy[i] as (typeof copy)[number]]
      }
      return copy.slice(0, Math.max(0, n))
    },
  }
  // A few draws first: sfc32 needs them to mix a fresh state.
  for (let i = 0; i < 12; i++) next()
  return random
}
