import type { SignOutResult } from './sign-out.ts'

/** How the current tokens were obtained. */
export type TokenSource =
  'sign-in' | 'restore' | 'iframe' | 'refresh-token' | 'redirect' | 'other-tab'

/**
 * Why a session ended without the person asking. `offline`: the tokens expired while the device
 * was offline; new ones are fetched silently when the network returns.
 */
export type EndReason = 'expired' | 'offline' | 'signed-out-elsewhere' | 'unauthorized'

/** What the app can read about how the session is kept (React reads it through useSyncExternalStore). */
export interface SessionSnapshot {
  /**
   * `callback`: the page is an authorization response still being processed; `restoring`: the one
   * silent sign-in at start-up; `failed`: renewal gave up and the person must act.
   */
  phase: 'idle' | 'callback' | 'restoring' | 'renewing' | 'failed'
  lastTokens: { at: number; source: TokenSource; durationMs: number } | undefined
  renewalError: unknown
  /** Reloading the profile failed, the session itself still holds. */
  profileError: unknown
  /** Restoring or joining a session failed for a reason other than "the provider session ended". */
  startError: unknown
  endReason: EndReason | undefined
  signOutResult: SignOutResult | undefined
  /** "Stay signed in" is on its way to the provider. */
  isStaying: boolean
  /**
   * The session can be had with one click, "Continue as <name>": another tab signed in, or this
   * page came back from a restore, where the iframe cannot restore (restore-or-join.ts).
   * `learnsTopLevel`: the iframe failed here, so success teaches that this browser needs the click.
   */
  invitation: { name: string | undefined; learnsTopLevel: boolean } | undefined
}

/** The snapshot of a tab with no session in progress (what came before is kept in `lastTokens`). */
export const CLEARED = {
  phase: 'idle',
  renewalError: undefined,
  profileError: undefined,
  startError: undefined,
  endReason: undefined,
  signOutResult: undefined,
  isStaying: false,
  invitation: undefined,
} as const satisfies Omit<SessionSnapshot, 'lastTokens'>
