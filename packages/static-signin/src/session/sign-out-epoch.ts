/**
 * How many times anyone signed out of the app in this browser: an ordering every tab shares
 * (localStorage). A session starts at the epoch it reads, every message between tabs carries it,
 * and a sign-out advances it before it tells anyone. So a result or a message from before a
 * sign-out is known as such wherever and whenever it arrives, even in a tab that was not
 * listening yet. Where storage fails, the epoch is this tab's alone and tabs fall back to the
 * order in which their messages arrive.
 */
export class SignOutEpoch {
  readonly #storage: Storage | undefined
  readonly #key: string
  /** This tab's own view: never behind what it wrote or read. */
  #known = 0

  constructor(storage: Storage | undefined, clientId: string) {
    this.#storage = storage
    this.#key = `static-signin.epoch:${clientId}`
  }

  read(): number {
    try {
      const stored = Number(this.#storage?.getItem(this.#key) ?? '0')
      if (Number.isSafeInteger(stored) && stored > this.#known) this.#known = stored
      // Storage cleared while this tab was open: put the order back, so it never goes backwards.
      else if (stored !== this.#known) this.#storage?.setItem(this.#key, String(this.#known))
    } catch {
      // storage refused: this tab's own epoch stands
    }
    return this.#known
  }

  /**
   * A sign-out: every session that started before now is over. The new epoch is at least the
   * time now, so a tab that kept an older count through cleared storage still sees it as later.
   * @returns the new epoch.
   */
  advance(): number {
    const next = Math.max(this.read() + 1, Date.now())
    this.#known = next
    try {
      this.#storage?.setItem(this.#key, String(next))
    } catch {
      // the other tabs still learn of it from the message
    }
    return next
  }
}

/** The epoch a sign-in request carried in its state (0 for one made before epochs existed). */
export function readEpochFromState(state: unknown): number {
  const epoch =
    typeof state === 'object' && state !== null ? (state as { epoch?: unknown }).epoch : undefined
  return typeof epoch === 'number' && Number.isSafeInteger(epoch) && epoch >= 0 ? epoch : 0
}
