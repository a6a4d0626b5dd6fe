import type { RenewalPlan } from './renewal-plan.ts'

/** What the clock says must happen now. */
export type DueAction = 'renew' | 'expire' | undefined

/**
 * Where one token's renewal stands, read against the wall clock (not against long timers, which
 * a sleeping device or a throttled tab delays): the attempts made, and when the next one is due.
 * Plain state, no timers: the keeper asks {@link due} on a short interval, as oidc-client-ts's
 * own Timer polls.
 */
export class RenewalSchedule {
  readonly plan: RenewalPlan
  /** The access token this schedule renews. */
  readonly accessToken: string
  #attempts = 0
  #hasGivenUp = false
  #nextAttemptAt: number

  constructor(plan: RenewalPlan, accessToken: string) {
    this.plan = plan
    this.accessToken = accessToken
    this.#nextAttemptAt = plan.renewAt
  }

  /** `expire` once the token is dead; `renew` when an attempt is due and one is left. */
  due(now: number): DueAction {
    if (now >= this.plan.expiresAt) return 'expire'
    return now >= this.#nextAttemptAt ? 'renew' : undefined
  }

  /** An attempt starts: none is due until it has failed. */
  startAttempt(): void {
    this.#attempts += 1
    this.#nextAttemptAt = Infinity
  }

  /** The attempt failed: plans the next one. @returns false when no attempt is left. */
  failAttempt(now: number): boolean {
    const delay = this.plan.retryDelays[this.#attempts - 1]
    if (delay === undefined) {
      this.#hasGivenUp = true
      return false
    }
    this.#nextAttemptAt = now + delay
    return true
  }

  /**
   * The attempt could not reach the provider at all (the device is offline): it says nothing about
   * the session, so it does not count, and the next one is due as soon as it may run.
   */
  abandonAttempt(): void {
    this.#attempts -= 1
    this.#nextAttemptAt = this.plan.renewAt
  }

  /** Every attempt failed: the person was asked to act. */
  get hasGivenUp(): boolean {
    return this.#hasGivenUp
  }
}
