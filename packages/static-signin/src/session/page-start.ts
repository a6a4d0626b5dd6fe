import type { BrowserRefusal } from '../config/probe-browser.ts'

/** What this page load is, known before any sign-in code has loaded (session/read-page-start.ts). */
export interface PageStart {
  /** An authorization response at the redirect URI, still to be redeemed. */
  isCallback: boolean
  /**
   * The callback's address as the page loaded, for a callback: it is redeemed from this address
   * even if the app's router has moved away from it before the sign-in engine arrived.
   */
  callbackUrl?: string | undefined
  /** This browser had a session: one silent sign-in will try to restore it. */
  isRestoring: boolean
  /** The callback is a top-level restore's answer (its state ends `;restore`): "Restoring…". */
  isRestoreReturn: boolean
  /** The address carried an authorization response, cleaned away: this load never leaves on its own. */
  wasOpenedWithResponse: boolean
  /** Why this browser cannot sign in at all (site data blocked, a feature missing), if it cannot. */
  refusal: BrowserRefusal | undefined
}

/** A page load with nothing to finish: no callback, no session to restore (and the prerender's). */
export const FRESH_START: PageStart = {
  isCallback: false,
  isRestoring: false,
  isRestoreReturn: false,
  wasOpenedWithResponse: false,
  refusal: undefined,
}

/**
 * Added to a top-level restore's `state` (oidc-client-ts `url_state`), so the page it returns to
 * can say "Restoring" before any sign-in code has loaded (top-level-restore.ts).
 */
export const RESTORE_URL_STATE = 'restore'
