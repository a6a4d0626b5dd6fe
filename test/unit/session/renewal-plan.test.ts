import { describe, expect, it } from 'vitest'
import { planRenewal } from '../../../packages/static-signin/src/session/renewal-plan.ts'

const EXP = 10_000_000

describe('planRenewal', () => {
  it.each([
    ['Google’s hour-long token', 3_600_000, EXP - 300_000, [5_000, 15_000], 10],
    ['a 20-second test token', 20_000, EXP - 10_000, [1_000, 2_000], 1],
    ['a 30-second test token', 30_000, EXP - 15_000, [1_500, 3_000], 1.5],
    ['a 10-minute token', 600_000, EXP - 300_000, [5_000, 15_000], 10],
    ['an already expired token', -5_000, EXP, [0, 0], 1],
  ])('plans %s', (_, lifetime, renewAt, retryDelays, attemptTimeoutSeconds) => {
    expect(planRenewal(EXP, lifetime)).toEqual({
      renewAt,
      retryDelays,
      attemptTimeoutSeconds,
      expiresAt: EXP,
    })
  })

  it.each([[20_000], [30_000], [3_600_000]])(
    'leaves time to warn the person after every attempt failed (lifetime %i ms)',
    (lifetime) => {
      const plan = planRenewal(EXP, lifetime)
      const worstCase =
        plan.renewAt +
        plan.attemptTimeoutSeconds * 1000 * (plan.retryDelays.length + 1) +
        plan.retryDelays.reduce((a, b) => a + b, 0)
      expect(EXP - worstCase).toBeGreaterThanOrEqual(Math.min(lifetime * 0.2, 240_000))
    },
  )
})
