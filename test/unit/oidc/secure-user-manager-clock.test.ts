import { User } from 'oidc-client-ts'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createUserManager } from '../../../packages/static-signin/src/oidc/create-user-manager.ts'
import { authErrorOf } from '../auth-error-of.ts'
import {
  arriveWithCallback,
  installFakeProvider,
  ISSUER,
  makeIdToken,
  pendingSignIns,
  redirectUris,
  SUBJECT,
  testConfig,
  validClaims,
} from '../fake-provider.ts'

const NONCE = 'nonce-clock'
const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const config = { ...testConfig, useRefreshTokens: true }
const newManager = () => createUserManager(config, redirectUris, { session: sessionStorage })

// The provider's clock is the true one; the device reads it plus an offset.
const START_S = 1_800_000_000
let providerNowS = START_S
let issued = 0
/** Time runs on (both the wall and the monotonic clock move), then the device clock reads `offsetMs` off. */
function setClocks(offsetMs: number, advanceS = 0): void {
  providerNowS += advanceS
  vi.advanceTimersByTime(advanceS * 1000)
  vi.setSystemTime(providerNowS * 1000 + offsetMs)
}

const claimsNow = (nonce: string) => ({
  ...validClaims(nonce),
  iat: providerNowS,
  exp: providerNowS + 3600,
})

function tokenResponse(nonce: string, claims: Record<string, unknown> = {}): Response {
  issued += 1
  const body = {
    access_token: `at-${String(issued)}`,
    token_type: 'Bearer',
    expires_in: 3599,
    scope: 'openid email profile',
    refresh_token: 'rt-1',
    id_token: makeIdToken({ ...claimsNow(nonce), ...claims }),
  }
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } })
}

async function signInWithClockOff(offsetMs: number, claims: Record<string, unknown> = {}) {
  const calls = installFakeProvider(NONCE, { token: (n) => tokenResponse(n, claims) })
  setClocks(offsetMs)
  await arriveWithCallback(NONCE)
  const manager = newManager()
  return { calls, manager, result: manager.signinCallback() }
}

const userinfoCalls = (calls: string[][]) => calls.filter(([, url]) => url === `${ISSUER}/userinfo`)

describe('SecureUserManager with a device clock that is off', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date', 'performance'] })
    providerNowS = START_S
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it.each([
    ['10 minutes behind', -10 * MINUTE],
    ['10 minutes ahead', 10 * MINUTE],
    ['2 hours behind', -2 * HOUR],
    ['2 hours ahead', 2 * HOUR],
  ])(
    'signs in with the device clock %s, the token lifetime on the device’s clock',
    async (_, offsetMs) => {
      const { manager, result } = await signInWithClockOff(offsetMs)
      expect((await result)?.profile.sub).toBe(SUBJECT)
      const user = await manager.getUser()
      expect(user?.expires_at).toBe(Math.floor(Date.now() / 1000) + 3599) // device-now + expires_in
    },
  )

  it.each([
    [-3 * DAY, 'about 3 days behind'],
    [3 * DAY, 'about 3 days ahead'],
    [30 * HOUR, 'about 30 hours ahead'],
    [-(DAY + 5 * MINUTE), 'about 24 hours behind'],
  ])(
    'refuses a sign-in with the device clock %i ms off: "%s", nothing kept',
    async (offsetMs, words) => {
      const { calls, manager, result } = await signInWithClockOff(offsetMs)
      const error = await authErrorOf(result)
      expect(error.code).toBe('device_clock_wrong')
      expect(error.message).toContain(`clock is ${words}`)
      expect(error.message).toContain('date and time to update automatically')
      expect(await manager.getUser()).toBeNull()
      expect(userinfoCalls(calls)).toHaveLength(0)
      expect(pendingSignIns()).toEqual([])
    },
  )

  it.each([
    ['exp equal to iat', { exp: START_S }, /not after iat/],
    ['exp before iat', { exp: START_S - 3600 }, /not after iat/],
    ['no iat', { iat: undefined }, /iat/],
    ['another audience, 3 days away', { aud: 'other', iat: START_S - 3 * 86_400 }, /aud/],
  ])('still refuses an ID token with %s, whatever the clock', async (_, claims, detail) => {
    const { calls, manager, result } = await signInWithClockOff(-2 * HOUR, claims)
    const error = await authErrorOf(result)
    expect(error.code).toBe('id_token_invalid')
    expect(error.detail).toMatch(detail)
    expect(await manager.getUser()).toBeNull()
    expect(userinfoCalls(calls)).toHaveLength(0)
  })

  it('renews after a correction, as time runs on, and relearns at the next code exchange once the clock is set right', async () => {
    const { manager, result } = await signInWithClockOff(-2 * HOUR)
    await result
    setClocks(-2 * HOUR, 1800)
    expect((await manager.signinSilent())?.access_token).toBe(`at-${String(issued)}`)
    setClocks(0, 60) // the person fixed the clock mid-session
    // A refresh grant is no evidence of time: judged by the offset learnt, its token is refused...
    expect((await authErrorOf(manager.signinSilent())).detail).toMatch(/expired/)
    // ...until a code exchange (the iframe, or "Stay signed in") relearns the clock.
    await arriveWithCallback(NONCE)
    const renewed = await manager.signinCallback()
    expect(renewed?.access_token).toBe(`at-${String(issued)}`)
    expect((await manager.signinSilent())?.access_token).toBe(`at-${String(issued)}`)
  })

  it('a device that slept (the wall clock ran on, the monotonic clock did not) renews with a refresh grant as usual', async () => {
    const { manager, result } = await signInWithClockOff(0)
    await result
    providerNowS += 1800 // asleep for half an hour: performance.now() stood still
    vi.setSystemTime(providerNowS * 1000)
    expect((await manager.signinSilent())?.access_token).toBe(`at-${String(issued)}`)
    // And a stale token after the sleep is still refused.
    providerNowS += 1800
    vi.setSystemTime(providerNowS * 1000)
    const stale = { iat: providerNowS - 5400, exp: providerNowS - 1800 }
    installFakeProvider(NONCE, { token: (n) => tokenResponse(n, stale) })
    expect((await authErrorOf(manager.signinSilent())).detail).toMatch(/expired/)
  })

  it.each([
    ['a refresh grant', 'refresh'],
    ['a second code exchange', 'code'],
  ])(
    'refuses an expired token in %s once the clock is learnt: an old iat teaches it nothing',
    async (_, path) => {
      const { manager, result } = await signInWithClockOff(0)
      await result
      const stale = { iat: providerNowS - 86_000, exp: providerNowS - 82_400 } // a day old
      installFakeProvider(NONCE, { token: (n) => tokenResponse(n, stale) })
      let attempt: Promise<unknown>
      if (path === 'refresh') {
        attempt = manager.signinSilent()
      } else {
        await arriveWithCallback(NONCE)
        attempt = manager.signinCallback()
      }
      expect((await authErrorOf(attempt)).detail).toMatch(/expired/)
      expect((await manager.getUser())?.access_token).not.toBe(`at-${String(issued)}`)
    },
  )

  it('judges a token that did not just come from the token endpoint by the offset learnt before', async () => {
    const { manager, result } = await signInWithClockOff(-2 * HOUR)
    await result
    const store = (target: ReturnType<typeof newManager>, claims: Record<string, unknown>) =>
      target.storeUser(
        new User({
          access_token: 'at-stored',
          token_type: 'Bearer',
          id_token: makeIdToken({ ...claimsNow(NONCE), ...claims }),
          profile: { sub: SUBJECT, iss: ISSUER, aud: 'x', exp: 0, iat: 0 },
        }),
      )
    await store(manager, {}) // issued now: two hours ahead of this device, as learnt
    const stale = { iat: providerNowS - 3600, exp: providerNowS - 600 } // fine by the device's clock
    expect((await authErrorOf(store(manager, stale))).detail).toMatch(/expired/)
    // A tab that has learnt nothing reads the device's clock, and the fresh token is "future".
    expect((await authErrorOf(store(newManager(), {}))).detail).toMatch(/future/)
  })
})
