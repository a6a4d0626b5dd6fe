import { describe, expect, it } from 'vitest'
import {
  readEmailVerified,
  readStringClaim,
} from '../../../packages/static-signin/src/google/claims.ts'

describe('readEmailVerified', () => {
  it.each([
    [true, true],
    ['true', true],
    [false, false],
    ['false', false],
    ['TRUE', undefined],
    [1, undefined],
    [undefined, undefined],
    [null, undefined],
  ])('%j → %j', (value, result) => {
    expect(readEmailVerified(value)).toBe(result)
  })
})

describe('readStringClaim', () => {
  it.each([
    [{ name: 'Ada' }, 'Ada'],
    [{ name: '' }, undefined],
    [{ name: 42 }, undefined],
    [{}, undefined],
  ])('%j → %j', (claims, result) => {
    expect(readStringClaim(claims, 'name')).toBe(result)
  })
})
