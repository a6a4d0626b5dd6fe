import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  DeviceClock,
  describeOffset,
  MAX_CLOCK_OFFSET_MS,
} from '../../../packages/static-signin/src/oidc/device-clock.ts'
import { authErrorThrownBy } from '../auth-error-of.ts'

const PROVIDER_NOW_S = 1_800_000_000
const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** The device's clock reads the provider's time plus `offsetMs` when the token arrives. */
function learnAt(clock: DeviceClock, offsetMs: number): void {
  vi.setSystemTime(PROVIDER_NOW_S * 1000 + offsetMs)
  clock.learn(PROVIDER_NOW_S, Date.now())
}

describe('DeviceClock', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('reads the device clock until it has learnt anything', () => {
    vi.setSystemTime(PROVIDER_NOW_S * 1000)
    const clock = new DeviceClock()
    expect(clock.offsetMs).toBe(0)
    expect(clock.now()).toBe(PROVIDER_NOW_S * 1000)
  })

  it.each([
    ['10 minutes behind', -10 * MINUTE],
    ['10 minutes ahead', 10 * MINUTE],
    ['2 hours behind', -2 * HOUR],
    ['2 hours ahead', 2 * HOUR],
    ['exactly the bound behind', -MAX_CLOCK_OFFSET_MS],
    ['exactly the bound ahead', MAX_CLOCK_OFFSET_MS],
  ])('corrects a device clock %s, and keeps correcting as time runs on', (_, offsetMs) => {
    const clock = new DeviceClock()
    learnAt(clock, offsetMs)
    expect(clock.offsetMs).toBe(offsetMs)
    expect(clock.now()).toBe(PROVIDER_NOW_S * 1000)
    vi.setSystemTime(Date.now() + 5 * MINUTE)
    expect(clock.now()).toBe(PROVIDER_NOW_S * 1000 + 5 * MINUTE)
  })

  it('follows the newest evidence: a clock set right mid-session is corrected no more', () => {
    const clock = new DeviceClock()
    learnAt(clock, -2 * HOUR)
    learnAt(clock, 0)
    expect(clock.offsetMs).toBe(0)
  })

  it.each([
    [-3 * DAY, 'about 3 days behind'],
    [3 * DAY, 'about 3 days ahead'],
    [-(DAY + HOUR), 'about 25 hours behind'],
    [MAX_CLOCK_OFFSET_MS + 1000, 'about 24 hours ahead'],
    [56 * 365 * DAY, 'about 56 years ahead'],
  ])('refuses an offset of %i ms, saying "%s" and what to do', (offsetMs, words) => {
    const clock = new DeviceClock()
    learnAt(clock, 10 * MINUTE)
    const error = authErrorThrownBy(() => {
      learnAt(clock, offsetMs)
    })
    expect(error.code).toBe('device_clock_wrong')
    expect(error.message).toBe(
      `This device’s clock is ${words}. Set its date and time to update automatically, then try again.`,
    )
    expect(error.detail).toContain('2027-01-15T08:00:00.000Z')
    expect(clock.offsetMs).toBe(10 * MINUTE) // nothing learnt from it
  })

  it('explains an absurd iat without failing itself', () => {
    const error = authErrorThrownBy(() => {
      new DeviceClock().learn(1e300, Date.now())
    })
    expect(error.code).toBe('device_clock_wrong')
    expect(error.message).toMatch(/years behind/)
    expect(error.detail).toContain('ms after 1970')
  })
})

describe('describeOffset', () => {
  it.each([
    [0, 'about 1 minute'],
    [-40_000, 'about 1 minute'],
    [10 * MINUTE, 'about 10 minutes'],
    [119 * MINUTE, 'about 119 minutes'],
    [2 * HOUR, 'about 2 hours'],
    [-36 * HOUR, 'about 36 hours'],
    [2 * DAY, 'about 2 days'],
    [3 * DAY - MINUTE, 'about 3 days'],
    [800 * DAY, 'about 2 years'],
  ])('reads %i ms as "%s"', (ms, words) => {
    expect(describeOffset(ms)).toBe(words)
  })
})
