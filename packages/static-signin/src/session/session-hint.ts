/** `<sub>` or `<sub> <epoch>`: the account, and the sign-out epoch its session began at. */
const HINT = /^([\x21-\x7e]{1,255})(?: (\d{1,15}))?$/

/**
 * A non-secret note that this browser had a signed-in session: the account's `sub`, used as
 * `login_hint` to restore the session silently on reload and in new tabs. Never a token.
 * Kept in localStorage so every tab of the app sees it.
 *
 * It carries the sign-out epoch of the session it was written for (sign-out-epoch.ts), and a hint
 * older than the last sign-out reads as none: a tab that writes it late (following another tab's
 * sign-in whose message reached it after a third tab signed out) cannot bring a signed-out
 * account back on the next load.
 */
export class SessionHint {
  readonly #storage: Storage
  readonly #key: string
  readonly #epochs: { read(): number } | undefined

  constructor(storage: Storage, clientId: string, epochs?: { read(): number }) {
    this.#storage = storage
    this.#key = `static-signin.hint:${clientId}`
    this.#epochs = epochs
  }

  read(): string | undefined {
    try {
      const match = HINT.exec(this.#storage.getItem(this.#key) ?? '')
      if (!match?.[1]) return undefined
      const epoch = match[2]
      if (epoch !== undefined && this.#epochs && Number(epoch) < this.#epochs.read()) {
        // Stale for good (epochs only grow): gone, so the next page load does not even look.
        this.#storage.removeItem(this.#key)
        return undefined
      }
      return match[1]
    } catch {
      return undefined // storage disabled: no restore, nothing else lost
    }
  }

  /** The hint for `subject`, whose session began at sign-out `epoch` (none: the one now). */
  write(subject: string, epoch = this.#epochs?.read()): void {
    try {
      this.#storage.setItem(
        this.#key,
        epoch === undefined ? subject : `${subject} ${String(epoch)}`,
      )
    } catch {
      // storage full or disabled: restore simply will not be attempted
    }
  }

  clear(): void {
    try {
      this.#storage.removeItem(this.#key)
    } catch {
      // nothing to clear
    }
  }
}
