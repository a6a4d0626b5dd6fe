import { Generation } from './generation.ts'
import { CLEARED, type SessionSnapshot } from './session-snapshot.ts'
import type { SignOutEpoch } from './sign-out-epoch.ts'

/**
 * The session snapshot that the app reads, and the one generation allowed to write it. Every
 * write names the generation it was computed for, and is dropped unless that generation still
 * lives: not ended here, and not overtaken by a sign-out in any tab ({@link SignOutEpoch}).
 */
export class SessionState {
  readonly #epochs: SignOutEpoch
  readonly #listeners = new Set<() => void>()
  #snapshot: SessionSnapshot
  #generation: Generation

  constructor(initial: SessionSnapshot, epochs: SignOutEpoch) {
    this.#snapshot = initial
    this.#epochs = epochs
    this.#generation = new Generation(epochs.read())
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  readonly getSnapshot = (): SessionSnapshot => this.#snapshot

  get generation(): Generation {
    return this.#generation
  }

  /** The sign-out epoch every tab shares, now. */
  readEpoch(): number {
    return this.#epochs.read()
  }

  isLive(generation: Generation): boolean {
    return generation === this.#generation && generation.isLive(this.#epochs.read())
  }

  /** The one way to change the snapshot: only for a generation that still lives. */
  update(generation: Generation, changes: Partial<SessionSnapshot>): void {
    if (this.isLive(generation)) this.#write(changes)
  }

  /** Ends the current generation and shows no session; returns the one that follows. */
  endGeneration(epoch = this.#epochs.read()): Generation {
    this.#replaceGeneration(epoch)
    this.#write(CLEARED)
    return this.#generation
  }

  /**
   * A session starts from nothing (a join): a generation of its own, at the epoch it was announced
   * in. Sign-outs before it do not concern it, any after it refuse it, and whatever the signed-out
   * state still had in flight (a revocation's answer) can no longer write over it.
   */
  beginGeneration(epoch: number): Generation {
    this.#replaceGeneration(epoch)
    return this.#generation
  }

  #replaceGeneration(epoch: number): void {
    this.#generation.end()
    this.#generation = new Generation(Math.max(epoch, this.#generation.epoch))
  }

  #write(changes: Partial<SessionSnapshot>): void {
    this.#snapshot = { ...this.#snapshot, ...changes }
    this.#listeners.forEach((listener) => {
      listener()
    })
  }
}
