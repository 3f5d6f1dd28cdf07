import { TARGET_GROUPS, type TargetGroup } from '@meedenken/shared'

// Target groups are stored as a bit set: one integer column, indexable, no join table.
const BIT: Record<TargetGroup, number> = { resident: 1, entrepreneur: 2, organisation: 4 }

export function toMask(groups: readonly TargetGroup[]): number {
  return groups.reduce((mask, g) => mask | BIT[g], 0)
}

export function fromMask(mask: number): TargetGroup[] {
  return TARGET_GROUPS.filter((g) => (mask & BIT[g]) !== 0)
}

/** Every mask value that includes the group, so a filter can be an indexed `IN (…)`. */
export function masksIncluding(group: TargetGroup): number[] {
  return [0, 1, 2, 3, 4, 5, 6, 7].filter((m) => (m & BIT[group]) !== 0)
}
