import { cpuSnapshot, othersCores, processCpuMs } from './cpu'
import { measure, type Request } from './load'

/** A server to load, and what to ask it. */
export type Target = {
  url: string
  pid: number
  connections: number
  sequence: ((context: Record<string, unknown>) => Request)[]
  /** Waits until the server answers at once again (after slow rows it may still be busy). */
  drain?: () => Promise<void>
  /** CPU time of the server's database processes so far, in ms (PostgreSQL's; none for SQLite, which runs inside the server). */
  dbCpuMs?: () => number
}

/** One short burst of load on one server. */
export type Burst = {
  /** Answered requests per second. */
  perSecond: number
  /** 2xx answers per second (for votes: votes per second). */
  okPerSecond: number
  requests: number
  ok: number
  seconds: number
  p50: number
  p99: number
  /** The server's own CPU time (user + system, /proc) per answered request, in ms. */
  cpuMsPerRequest: number
  /** Its database server's CPU time per answered request, in ms (0 on SQLite). */
  dbCpuMsPerRequest: number
  non2xx: number
  errors: number
  /** Cores other processes on the machine kept busy meanwhile. */
  othersCores: number
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

export type Summary = {
  perSecond: number
  okPerSecond: number
  p50: number
  p99: number
  cpuMsPerRequest: number
  dbCpuMsPerRequest: number
  /** Lowest and highest requests per second of the bursts. */
  min: number
  max: number
  p99Min: number
  p99Max: number
  requests: number
  ok: number
  non2xx: number
  errors: number
  othersCores: number
}

/** Medians over the bursts (rates, latencies, CPU per request), totals of the counts. */
export function summarize(bursts: readonly Burst[]): Summary {
  const of = (pick: (b: Burst) => number) => bursts.map(pick)
  const rates = of((b) => b.perSecond)
  const p99s = of((b) => b.p99)
  const sum = (pick: (b: Burst) => number) => bursts.reduce((s, b) => s + pick(b), 0)
  return {
    perSecond: median(rates),
    okPerSecond: median(of((b) => b.okPerSecond)),
    p50: median(of((b) => b.p50)),
    p99: median(p99s),
    cpuMsPerRequest: median(of((b) => b.cpuMsPerRequest)),
    dbCpuMsPerRequest: median(of((b) => b.dbCpuMsPerRequest)),
    min: Math.min(...rates),
    max: Math.max(...rates),
    p99Min: Math.min(...p99s),
    p99Max: Math.max(...p99s),
    requests: sum((b) => b.requests),
    ok: sum((b) => b.ok),
    non2xx: sum((b) => b.non2xx),
    errors: sum((b) => b.errors),
    othersCores: median(of((b) => b.othersCores)),
  }
}

/**
 * One burst: `seconds` of load from this process (autocannon), with the server's CPU time
 * read from /proc before and after. `ours` are the pids whose CPU is not "other processes".
 */
export async function burst(target: Target, seconds: number, ours: readonly number[]): Promise<Burst> {
  await target.drain?.()
  const machine = cpuSnapshot(ours)
  const cpu = processCpuMs(target.pid)
  const dbCpu = target.dbCpuMs?.() ?? 0
  const r = await measure({ url: target.url, connections: target.connections, seconds, sequence: target.sequence })
  const cpuMs = processCpuMs(target.pid) - cpu
  const dbCpuMs = (target.dbCpuMs?.() ?? 0) - dbCpu
  const answered = r.requests
  return {
    perSecond: r.requestsPerSecond,
    okPerSecond: r.ok / (r.seconds || seconds),
    requests: answered,
    ok: r.ok,
    seconds: r.seconds,
    p50: r.p50,
    p99: r.p99,
    cpuMsPerRequest: answered > 0 ? cpuMs / answered : 0,
    dbCpuMsPerRequest: answered > 0 ? dbCpuMs / answered : 0,
    non2xx: r.non2xx,
    errors: r.errors,
    othersCores: othersCores(machine, cpuSnapshot(ours)),
  }
}

export type Interleaved = {
  floor: Burst[]
  /** Per target, in the order given: its warm-up and its measured bursts. */
  targets: { warmup: Burst | null; bursts: Burst[] }[]
}

/**
 * Each target is warmed up, then `rounds` times: a burst of the floor, then a burst of each
 * target. The ratio of their medians compares things measured at the same moment, so a
 * host that slows down for a while moves both sides alike; the floor's bursts show by how
 * much it moved.
 */
export async function interleaved(options: {
  floor: Target
  targets: Target[]
  rounds: number
  seconds: number
  /** The floor's bursts (default: as long as the rows'). */
  floorSeconds?: number
  warmupSeconds: number
  ours: readonly number[]
  onBurst?: () => void
}): Promise<Interleaved> {
  const warmups: (Burst | null)[] = []
  for (const target of options.targets) {
    warmups.push(options.warmupSeconds > 0 ? await burst(target, options.warmupSeconds, options.ours) : null)
  }
  const floor: Burst[] = []
  const bursts: Burst[][] = options.targets.map(() => [])
  for (let round = 0; round < options.rounds; round++) {
    floor.push(await burst(options.floor, options.floorSeconds ?? options.seconds, options.ours))
    options.onBurst?.()
    for (const [i, target] of options.targets.entries()) {
      bursts[i]?.push(await burst(target, options.seconds, options.ours))
      options.onBurst?.()
    }
  }
  return { floor, targets: options.targets.map((_, i) => ({ warmup: warmups[i] ?? null, bursts: bursts[i] ?? [] })) }
}
