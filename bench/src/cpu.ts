import { readdirSync, readFileSync } from 'node:fs'

/**
 * How much CPU other processes took while we measured. The machine is shared: when other
 * test runs take a core, throughput and tail latency say more about them than about us,
 * and the report should say so instead of blaming the app.
 */
const TICKS_PER_SECOND = 100

function processTicks(pid: number | 'self', withChildren: boolean): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number)
    // Fields 14-17 of /proc/pid/stat (utime, stime, cutime, cstime), counted after the name.
    const [utime = 0, stime = 0, cutime = 0, cstime = 0] = fields.slice(11, 15)
    return utime + stime + (withChildren ? cutime + cstime : 0)
  } catch {
    return 0
  }
}

/** CPU time a process has used so far, in milliseconds (user + system, without children). */
export function processCpuMs(pid: number): number {
  return (processTicks(pid, false) * 1000) / TICKS_PER_SECOND
}

/** Every living process's parent, read from /proc once. */
function parents(): Map<number, number> {
  const map = new Map<number, number>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      // The ppid is the second field after the parenthesised command name.
      map.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]))
    } catch {
      // the process ended while we looked
    }
  }
  return map
}

/** The process and all its living descendants. */
function treeOf(roots: readonly number[], parentOf: Map<number, number>): number[] {
  const tree = new Set(roots)
  let grew = true
  while (grew) {
    grew = false
    for (const [pid, ppid] of parentOf) {
      if (tree.has(ppid) && !tree.has(pid)) {
        tree.add(pid)
        grew = true
      }
    }
  }
  return [...tree]
}

/**
 * CPU time of a process and everything under it, in milliseconds: each living process's own
 * time plus what its ended children used (the kernel adds a child's time to its parent's
 * when the parent reaps it). A PostgreSQL server is such a tree: the postmaster, a backend
 * per connection, and its background workers.
 */
export function processTreeCpuMs(pid: number): number {
  const ticks = treeOf([pid], parents()).reduce((sum, p) => sum + processTicks(p, true), 0)
  return (ticks * 1000) / TICKS_PER_SECOND
}

function busyTicks(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? ''
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = line.split(/\s+/).slice(1).map(Number)
  return user + nice + system + irq + softirq + steal
}

export type CpuSnapshot = { busy: number; own: number; at: number }

/** Busy ticks of the machine and of this process, its reaped children and our servers with everything under them. */
export function cpuSnapshot(pids: readonly number[] = []): CpuSnapshot {
  const tree = pids.length > 0 ? treeOf(pids, parents()) : []
  return {
    busy: busyTicks(),
    own: processTicks('self', true) + tree.reduce((sum, pid) => sum + processTicks(pid, true), 0),
    at: performance.now(),
  }
}

/** Average number of cores other processes kept busy between two snapshots. */
export function othersCores(a: CpuSnapshot, b: CpuSnapshot): number {
  const seconds = (b.at - a.at) / 1000
  if (seconds <= 0) return 0
  return Math.max(0, (b.busy - a.busy - (b.own - a.own)) / TICKS_PER_SECOND / seconds)
}

/**
 * Waits (up to `maxSeconds`) until other processes use less than `cores` cores over a
 * two-second window. Returns what they used in the last window.
 */
export async function waitForQuiet(maxSeconds: number, cores: number): Promise<number> {
  const deadline = Date.now() + maxSeconds * 1000
  for (;;) {
    const a = cpuSnapshot()
    await new Promise((r) => setTimeout(r, 2000))
    const used = othersCores(a, cpuSnapshot())
    if (used < cores || Date.now() > deadline) return used
  }
}

/** The load average of the last minute, five and fifteen minutes (/proc/loadavg). */
export function loadAverage(): [number, number, number] {
  const [one = 0, five = 0, fifteen = 0] = readFileSync('/proc/loadavg', 'utf8').split(' ').map(Number)
  return [one, five, fifteen]
}
