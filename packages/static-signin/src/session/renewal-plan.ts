/** When and how hard to try renewing one access token. All times in milliseconds. */
export interface RenewalPlan {
  /** Start renewing at this time (epoch ms). */
  renewAt: number
  /** Waits before the 2nd, 3rd… attempt: the number of attempts is bounded by this list. */
  retryDelays: number[]
  /** How long one hidden-iframe attempt may take before it counts as failed, seconds. */
  attemptTimeoutSeconds: number
  /** The token is useless from this time on (epoch ms). */
  expiresAt: number
}

const MAX_LEAD = 5 * 60_000

/**
 * Plans the renewal of a token that expires at `expiresAt` and was valid for `lifetime` when
 * received. Renewal starts halfway through short-lived tokens and 5 minutes before expiry for
 * Google's hour-long ones, so that after three bounded attempts there is still time to warn the
 * person. Scales down for the short lifetimes the tests use.
 */
export function planRenewal(expiresAt: number, lifetime: number): RenewalPlan {
  const life = Math.max(lifetime, 0)
  return {
    renewAt: expiresAt - Math.min(MAX_LEAD, life / 2),
    retryDelays: [Math.min(5_000, life / 20), Math.min(15_000, life / 10)],
    attemptTimeoutSeconds: Math.min(10, Math.max(1, life / 20_000)),
    expiresAt,
  }
}
