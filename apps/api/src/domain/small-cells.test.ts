import { describe, expect, it } from 'vitest'
import { foldSmallCells } from './small-cells'

describe('foldSmallCells', () => {
  it('shows counts of at least the minimum, with no "other" line when nothing is small', () => {
    expect(foldSmallCells([5, 12, 30], 5)).toEqual({ shown: [true, true, true], other: null })
  })

  it('folds small counts into one "other" line when together they reach the minimum', () => {
    expect(foldSmallCells([10, 2, 3, 7], 5)).toEqual({ shown: [true, false, false, true], other: 5 })
  })

  it('folds the smallest count shown in too when "other" would stay under the minimum', () => {
    expect(foldSmallCells([10, 2, 7], 5)).toEqual({ shown: [true, false, false], other: 9 })
    expect(foldSmallCells([5, 4], 5)).toEqual({ shown: [false, false], other: 9 })
  })

  it('shows nothing at all under the minimum in total, and copes with no counts', () => {
    expect(foldSmallCells([1, 3], 5)).toEqual({ shown: [false, false], other: null })
    expect(foldSmallCells([4], 5)).toEqual({ shown: [false], other: null })
    expect(foldSmallCells([], 5)).toEqual({ shown: [], other: null })
  })

  it('puts everyone on "other" when every count is small but the total is not', () => {
    expect(foldSmallCells([2, 2, 2], 5)).toEqual({ shown: [false, false, false], other: 6 })
  })
})
