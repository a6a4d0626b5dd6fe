/**
 * One session's lifetime in this tab, from the epoch it started at (sign-out-epoch.ts) until it
 * ends: a sign-out here or in another tab, expiry, a refused answer, or another account. Every
 * operation takes the generation it started in, and every write goes through
 * {@link Generation.isLive}, so a result that comes back after the session ended cannot be
 * written: there is no other way to write.
 */
export class Generation {
  readonly epoch: number
  #hasEnded = false

  constructor(epoch: number) {
    this.epoch = epoch
  }

  /** Still the session this tab holds, and no sign-out anywhere since it began. */
  isLive(sharedEpoch: number): boolean {
    return !this.#hasEnded && this.epoch >= sharedEpoch
  }

  end(): void {
    this.#hasEnded = true
  }
}
