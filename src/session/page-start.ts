import { describeRedirectUris, isAuthorizationCallback } from '../oidc/callback-url.ts'
import { describeCurrentPath, readReturnTo } from '../oidc/return-to.ts'
import { SessionHint } from './session-hint.ts'

/** What this page load is, known before any sign-in code has loaded. */
export interface PageStart {
  /** An authorization response at the redirect URI, still to be redeemed. */
  isCallback: boolean
  /** This browser had a session: one silent sign-in will try to restore it. */
  isRestoring: boolean
}

/**
 * Reads the page load from the address and the session hint, and cleans the address first: a
 * response arriving at any page other than the redirect URI is never redeemed, only its parameters
 * are removed, and "<base>" without its slash becomes "<base>", so the router has its basename.
 * Must run before the router reads the address.
 */
export function readPageStart(clientId: string, basePath: string): PageStart {
  const { signIn } = describeRedirectUris(window.location.origin, basePath)
  const isCallback = isAuthorizationCallback(window.location, signIn)
  const here = describeCurrentPath(window.location)
  const cleaned = readReturnTo(here, basePath)
  if (!isCallback && cleaned !== here)
    window.history.replaceState(window.history.state, '', cleaned)
  const isRestoring = !isCallback && new SessionHint(localStorage, clientId).read() !== undefined
  return { isCallback, isRestoring }
}
