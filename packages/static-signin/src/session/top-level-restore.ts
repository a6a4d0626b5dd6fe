import { isInteractionNeeded } from '../oidc/is-interaction-needed.ts'

/**
 * The top-level restore: where the hidden iframe cannot restore a session (the browser withholds
 * the provider's cookies from it), one round trip of the whole page to the provider with
 * `prompt=none`, where those cookies are first-party. These are its rules; restore-or-join.ts
 * takes it, session-keeper.ts carries it out.
 */

export { RESTORE_URL_STATE } from './page-start.ts'

/** What a top-level restore's request carries to the provider and back. */
export interface RestoreRequestState {
  returnTo: string
  /** The sign-out epoch it was started in: a sign-out anywhere before the answer refuses it. */
  epoch: number
  isRestoring: true
  /** The iframe failed on this load: if this round trip succeeds, the browser needs this path. */
  learnsTopLevel: boolean
  /** The account asked for (`login_hint`). */
  loginHint: string | undefined
}

/** The request state of a top-level restore, or undefined for any other sign-in. */
export function readRestoreState(state: unknown): RestoreRequestState | undefined {
  return typeof state === 'object' &&
    state !== null &&
    (state as Partial<RestoreRequestState>).isRestoring === true
    ? (state as RestoreRequestState)
    : undefined
}

/**
 * The provider answered a top-level restore with "the person has to act" (`login_required` and the
 * like): the session there has ended. Not an error to show: the ordinary signed-out page, and no
 * further attempt, since the same browser would get the same answer.
 */
export function isEndedAtProvider(error: unknown): boolean {
  return readEndedAtProvider(error) !== undefined
}

/** The request of a top-level restore that ended at the provider ({@link isEndedAtProvider}). */
export function readEndedAtProvider(error: unknown): RestoreRequestState | undefined {
  // react-oidc-context hands the library's error on as `innerError`.
  const inner = (error as { innerError?: unknown } | null)?.innerError ?? error
  return isInteractionNeeded(inner)
    ? readRestoreState((inner as { state?: unknown }).state)
    : undefined
}

/**
 * The iframe failed the way withheld cookies make it fail: the provider saw no session
 * (`login_required`, or `interaction_required` and the like), or the frame never answered
 * (a page refusing to be framed). Only a top-level round trip can tell that from a session that
 * really ended. A failed code exchange or a network error is not this.
 */
export function isIframeShutOut(error: unknown): boolean {
  return isInteractionNeeded(error) || isIframeTimeout(error)
}

/**
 * The frame never answered. Withheld cookies can do that, but so can a slow network or a renewal
 * page missing from the client's redirect URIs: the round trip is made, but nothing is learnt.
 */
export function isIframeTimeout(error: unknown): boolean {
  return error instanceof Error && error.name === 'ErrorTimeout' && /iframe/i.test(error.message)
}

/**
 * A top-level restore this tab started and that has not come back, within RECENT_LEAVE_MS: the
 * person pressed Back at the provider, or the answer was lost. The next load must not leave again
 * on its own (no loop); it offers a click instead. Kept in sessionStorage: this tab only.
 */
export const RECENT_LEAVE_MS = 2 * 60 * 1000

export class LeaveMark {
  readonly #storage: Storage
  readonly #key: string

  constructor(storage: Storage, clientId: string) {
    this.#storage = storage
    this.#key = `static-signin.left-to-restore:${clientId}`
  }

  /** True when this tab left to restore less than RECENT_LEAVE_MS before `now`. */
  isRecent(now: number): boolean {
    try {
      const age = now - Number(this.#storage.getItem(this.#key) ?? Number.NaN)
      return age >= 0 && age < RECENT_LEAVE_MS
    } catch {
      return false
    }
  }

  set(now: number): void {
    try {
      this.#storage.setItem(this.#key, String(now))
    } catch {
      // storage refused: the loop guard of this tab is the callback itself, which never restores
    }
  }

  /** The answer came back (this page is the callback): the round trip is over. */
  clear(): void {
    try {
      this.#storage.removeItem(this.#key)
    } catch {
      // nothing to clear
    }
  }
}
