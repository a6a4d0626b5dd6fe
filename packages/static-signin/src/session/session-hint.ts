/**
 * A non-secret note that this browser had a signed-in session: the account's `sub`, used as
 * `login_hint` to restore the session silently on reload and in new tabs. Never a token.
 * Kept in localStorage so every tab of the app sees it.
 */
export class SessionHint {
  readonly #storage: Storage
  readonly #key: string

  constructor(storage: Storage, clientId: string) {
    this.#storage = storage
    this.#key = `static-signin.hint:${clientId}`
  }

  read(): string | undefined {
    try {
      const value = this.#storage.getItem(this.#key)
      return value !== null && /^[\x21-\x7e]{1,255}$/.test(value) ? value : undefined
    } catch {
      return undefined // storage disabled: no restore, nothing else lost
    }
  }

  write(subject: string): void {
    try {
      this.#storage.setItem(this.#key, subject)
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
