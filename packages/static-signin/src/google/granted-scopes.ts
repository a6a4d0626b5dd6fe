import { nameScope } from './scopes.ts'

/** What a token response's `scope` grants, as far as this app is concerned. */
export interface GrantedScopes {
  /** Scopes this app asks for (sign-in or a feature) that were granted, short names for email/profile. */
  known: string[]
  /** Scopes in the response that this app never asks for: never used for any decision. */
  unexpected: string[]
}

/** Every scope the app may ask for: the configured sign-in scopes and its features' scopes. */
export function listAskedScopes(
  signInScope: string,
  featureScopes: readonly string[] = [],
): string[] {
  return [...signInScope.split(' '), ...featureScopes].filter(Boolean).map(nameScope)
}

/**
 * Sorts the scopes a token response says were granted (its `scope`, Google's long forms, any
 * order; docs/google-facts.md) into those this app asks for and the rest. A granted scope this app
 * never asks for is kept out of every decision rather than refused: with
 * `include_granted_scopes=true` Google legitimately returns every scope the person granted to this
 * client ID, which another app sharing the client may have asked for, so refusing would lock people
 * out of sign-in; trusting it would let a provider (or a confused deputy) widen what this app does
 * without the person ever being asked by this app. A feature opens only on its own scope, read from
 * what was granted, never from what was requested.
 */
export function readGrantedScopes(
  granted: readonly string[],
  asked: readonly string[],
): GrantedScopes {
  const names = [...new Set(granted.filter(Boolean).map(nameScope))]
  const askedNames = new Set(asked.map(nameScope))
  return {
    known: names.filter((name) => askedNames.has(name)),
    unexpected: names.filter((name) => !askedNames.has(name)),
  }
}

/** True when `scope` (one this app asks for) is among the scopes granted. */
export function hasGrantedScope(
  granted: readonly string[],
  scope: string,
  asked: readonly string[],
): boolean {
  return readGrantedScopes(granted, asked).known.includes(nameScope(scope))
}
