import { probeBrowser } from '../config/probe-browser.ts'
import { describeRedirectUris, isAuthorizationCallback } from '../oidc/callback-url.ts'
import { describeCurrentPath, readReturnTo } from '../oidc/return-to.ts'
import { RESTORE_URL_STATE, type PageStart } from './page-start.ts'
import { SessionHint } from './session-hint.ts'

/**
 * Reads what this page load is from the address and the session hint, once, as the page boots and
 * before anything renders. It cleans the address first: a response arriving at any page other than
 * the redirect URI is never redeemed, only its parameters are removed, and "<base>" without its
 * slash becomes "<base>", so the router has its basename. A browser that cannot sign in (storage
 * refused, a feature missing) reads no storage and redeems nothing: a response is only cleaned away.
 */
export function readPageStart(clientId: string, basePath: string): PageStart {
  const refusal = probeBrowser()
  const { signIn } = describeRedirectUris(window.location.origin, basePath)
  const isCallback = !refusal && isAuthorizationCallback(window.location, signIn)
  const here = describeCurrentPath(window.location)
  const cleaned = readReturnTo(here, basePath)
  const state = new URLSearchParams(window.location.search).get('state') ?? ''
  if (!isCallback && cleaned !== here)
    window.history.replaceState(window.history.state, '', cleaned)
  // Any hint: one older than the last sign-out is known as stale by the engine, which then restores
  // nothing and removes it. Checking its epoch here would cost the first paint's bundle bytes.
  const isRestoring =
    !refusal && !isCallback && new SessionHint(localStorage, clientId).read() !== undefined
  return {
    isCallback,
    callbackUrl: isCallback ? window.location.href : undefined,
    isRestoring,
    isRestoreReturn: isCallback && state.endsWith(`;${RESTORE_URL_STATE}`),
    wasOpenedWithResponse: !isCallback && cleaned !== here && state !== '',
    refusal,
  }
}
