import { CALENDAR_SCOPE } from '../google/wire-format.ts'

/**
 * The scope logic of Google's granular consent and incremental authorization, as the local
 * provider applies it to oidc-provider's grants (which hold the short forms it was asked for).
 */

/** Granted with the sign-in itself: Google shows no checkbox for them. */
const SIGN_IN_SCOPES = new Set(['openid', 'email', 'profile'])

/** Google names `email` and `profile` by their long forms in a token response (docs/google-facts.md). */
const LONG_FORMS: Readonly<Record<string, string>> = {
  email: 'https://www.googleapis.com/auth/userinfo.email',
  profile: 'https://www.googleapis.com/auth/userinfo.profile',
}

const split = (scope: string | undefined) => (scope ?? '').split(' ').filter(Boolean)

/** The one scope beyond sign-in the provider offers; others asked for are ignored, not granted. */
const CONSENTABLE_SCOPES = new Set([CALENDAR_SCOPE])

export const isSignInScope = (scope: string) => SIGN_IN_SCOPES.has(scope)

/** The scopes requested that the account has not granted yet (those the provider knows). */
export function missingScopes(requested: string | undefined, granted: string): string[] {
  const has = new Set(split(granted))
  return [...new Set(split(requested))].filter(
    (scope) => (isSignInScope(scope) || CONSENTABLE_SCOPES.has(scope)) && !has.has(scope),
  )
}

/** The scopes a consent screen asks about, one checkbox each: the missing ones beyond sign-in. */
export function scopesToConsent(requested: string | undefined, granted: string): string[] {
  return missingScopes(requested, granted).filter((scope) => !isSignInScope(scope))
}

/**
 * What a token carries with `include_granted_scopes=true`: the part of this request that was
 * granted, plus everything the account granted the client before.
 */
export function includeGrantedScopes(issued: string, granted: string): string {
  return [...new Set([...split(issued), ...split(granted)])].join(' ')
}

/** A token response's `scope` as Google writes it: long forms, plus a hostile extra if any. */
export function toGoogleScope(scope: string, extra?: string): string {
  return [...split(scope).map((name) => LONG_FORMS[name] ?? name), ...split(extra)].join(' ')
}

/** The short names oidc-provider knows, for scope values the provider itself wrote in long form. */
export function fromGoogleScope(scope: string): string {
  const short = Object.fromEntries(Object.entries(LONG_FORMS).map(([name, long]) => [long, name]))
  return split(scope)
    .map((name) => short[name] ?? name)
    .join(' ')
}
