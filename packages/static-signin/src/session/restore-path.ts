/** How a page load gets its tokens back: the hidden iframe, or one top-level round trip. */
export type RestorePath = 'iframe' | 'top-level'

/** Browsers change (a setting, an update): the iframe is tried again this long after it last failed. */
export const RECHECK_IFRAME_AFTER_MS = 7 * 24 * 3600 * 1000

/**
 * What this browser taught the app about restoring: a timestamp saying "here the iframe failed and
 * a top-level `prompt=none` succeeded". That is the one sign that the browser withholds the
 * provider's cookies from the iframe (Safari, Firefox, Brave, private windows); with it, later page
 * loads skip the iframe and its wait. Kept in localStorage, for every tab; not a secret, not a token.
 */
export class RestorePathMemory {
  readonly #storage: Storage
  readonly #key: string

  constructor(storage: Storage, clientId: string) {
    this.#storage = storage
    this.#key = `static-signin.restore-path:${clientId}`
  }

  /** The path to take first at `now`: top-level while the lesson is fresh, else the iframe again. */
  read(now: number): RestorePath {
    let learnedAt: number
    try {
      learnedAt = Number(this.#storage.getItem(this.#key) ?? Number.NaN)
    } catch {
      return 'iframe' // storage refused: nothing learnt, the iframe is the default
    }
    // A lesson from "the future" means the clock was set back: it cannot be dated, so re-check.
    const age = now - learnedAt
    return Number.isFinite(age) && age >= 0 && age < RECHECK_IFRAME_AFTER_MS
      ? 'top-level'
      : 'iframe'
  }

  /** The iframe failed and the top-level round trip then succeeded, at `now`. */
  learnTopLevel(now: number): void {
    try {
      this.#storage.setItem(this.#key, String(now))
    } catch {
      // not kept: the next load tries the iframe first, which only costs its wait
    }
  }

  /** The iframe worked: this browser sends the provider's cookies to it (again). */
  learnIframe(): void {
    try {
      this.#storage.removeItem(this.#key)
    } catch {
      // nothing to forget
    }
  }
}
