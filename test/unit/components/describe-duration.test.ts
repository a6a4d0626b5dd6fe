import { describe, expect, it } from 'vitest'
import { describeDuration } from '../../../src/components/describe-duration.ts'

describe('describeDuration', () => {
  it.each([
    [-5_000, '0 s'],
    [0, '0 s'],
    [1, '1 s'],
    [42_000, '42 s'],
    [59_001, '1 min 00 s'],
    [65_000, '1 min 05 s'],
    [3_599_000, '59 min 59 s'],
  ])('%i ms → %s', (ms, text) => {
    expect(describeDuration(ms)).toBe(text)
  })
})
