/**
 * Why a generation ended, where its late results care: `account-switch` (another account replaced
 * this one, account-switch.ts) forgets them; anything else (a sign-out, expiry, a refused answer)
 * revokes them (store-gate.ts).
 */
export type GenerationEnd = 'account-switch' | 'other'

/**
 * One session's lifetime in this tab, from the epoch it started at (sign-out-epoch.ts) until it
 * ends: a sign-out here or in another tab, expiry, a refused answer, or another account. Every
 * operation takes the generation it started in, and every write goes through
 * {@link Generation.isLive}, so a result that comes back after the session ended cannot be
 * written: there is no other way to write.
 */
export class Generation {
  readonly epoch: number
  #end: GenerationEnd | undefined

  constructor(epoch: number) {
    this.epoch = epoch
  }

  /** Still the session this tab holds, and no sign-out anywhere since it began. */
  isLive(sharedEpoch: number): boolean {
    return this.#end === undefined && this.epoch >= sharedEpoch
  }

  /**
   * Ended by an account switch, and no sign-out anywhere since it began: tokens that still arrive
   * for it are forgotten, never revoked. At Google, revoking any token withdraws the whole grant
   * the account gave this app: the person did not sign out, and that account may be signed in
   * elsewhere with scopes it granted. A sign-out since then revokes them after all.
   */
  wasSwitchedAway(sharedEpoch: number): boolean {
    return this.#end === 'account-switch' && this.epoch >= sharedEpoch
  }

  end(cause: GenerationEnd = 'other'): void {
    this.#end ??= cause
  }
}
