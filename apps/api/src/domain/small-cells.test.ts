import { describe, expect, it } from 'vitest'
import { suppressSmallCells } from './small-cells'

describe('suppressSmallCells', () => {
  it('shows counts of at least the minimum', () => {
    expect(suppressSmallCells([5, 12, 30], 5)).toEqual([5, 12, 30])
  })

  it('hides a small count and, so it cannot be worked out from the total, the next smallest too', () => {
    expect(suppressSmallCells([10, 2, 7], 5)).toEqual([10, null, null])
  })

  it('needs no second hidden count when two are already hidden', () => {
    expect(suppressSmallCells([10, 2, 3, 7], 5)).toEqual([10, null, null, 7])
  })

  it('hides everything when every count is small, and copes with no counts at all', () => {
    expect(suppressSmallCells([1, 4], 5)).toEqual([null, null])
    expect(suppressSmallCells([3], 5)).toEqual([null])
    expect(suppressSmallCells([], 5)).toEqual([])
  })
})
