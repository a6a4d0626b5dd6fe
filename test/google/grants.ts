/**
 * What an account has granted the client, and what a request gets: the scope logic of Google's
 * granular consent and incremental authorization, as plain functions (docs/google-wire-format.md,
 * "Consent, granular consent and include_granted_scopes").
 */
import { CALENDAR_SCOPE } from './wire-format.ts'

const EMAIL = 'https://www.googleapis.com/auth/userinfo.email'
const PROFILE = 'https://www.googleapis.com/auth/userinfo.profile'

/** Google answers `email` and `profile` with their long forms; `openid` stays as it is. */
const LONG_FORMS: Readonly<Record<string, string>> = {
  email: EMAIL,
  profile: PROFILE,
  openid: 'openid',
  [EMAIL]: EMAIL,
  [PROFILE]: PROFILE,
}

/** The sign-in scopes, in the order Google lists them in a token response. */
const SIGN_IN_ORDER = [PROFILE, EMAIL, 'openid']

/** Each non-sign-in scope the stand-in knows, with the line Google's consent screen shows for it. */
export const CONSENT_DESCRIPTIONS: Readonly<Record<string, string>> = {
  [CALENDAR_SCOPE]: 'View events on all your calendars',
}

export interface RequestedScopes {
  /** Long forms, each once, in the order asked. */
  scopes: string[]
  /** `email` and `profile` as asked in short form: Google's redirect echoes them. */
  shortForms: string[]
  /** Scopes Google does not know: it refuses the request (`invalid_scope`). */
  unknown: string[]
}

export function parseRequestedScopes(scopeParameter: string | null): RequestedScopes {
  const requested: RequestedScopes = { scopes: [], shortForms: [], unknown: [] }
  for (const scope of (scopeParameter ?? '').split(' ').filter(Boolean)) {
    const longForm = LONG_FORMS[scope] ?? (scope in CONSENT_DESCRIPTIONS ? scope : undefined)
    if (longForm === undefined) requested.unknown.push(scope)
    else if (!requested.scopes.includes(longForm)) requested.scopes.push(longForm)
    if ((scope === 'email' || scope === 'profile') && !requested.shortForms.includes(scope)) {
      requested.shortForms.push(scope)
    }
  }
  return requested
}

export const isSignInScope = (scope: string) => SIGN_IN_ORDER.includes(scope)

/**
 * The scopes Google's consent screen offers, one checkbox each: the non-sign-in scopes asked for
 * that the account has not granted yet (all of them with `prompt=consent`).
 */
export function scopesToConsent(
  requested: readonly string[],
  granted: ReadonlySet<string>,
  isConsentForced = false,
): string[] {
  return requested.filter(
    (scope) => !isSignInScope(scope) && (isConsentForced || !granted.has(scope)),
  )
}

/**
 * What a token carries once the grant is settled: with `include_granted_scopes=true` everything
 * the account has granted the client, earlier grants included; without it, only the part of this
 * request that is granted. Sign-in scopes asked for are always granted (no checkbox).
 */
export function scopesOfToken(
  requested: readonly string[],
  granted: ReadonlySet<string>,
  includeGrantedScopes: boolean,
): string[] {
  const asked = requested.filter((scope) => isSignInScope(scope) || granted.has(scope))
  return includeGrantedScopes ? [...new Set([...asked, ...granted])] : asked
}

/**
 * The token response's `scope`: space-separated long forms. Google promises no order; the
 * stand-in puts non-sign-in scopes first, so a client that compares strings fails here too.
 */
export function formatTokenScope(scopes: readonly string[], extra?: string): string {
  const others = scopes.filter((scope) => !isSignInScope(scope)).sort()
  const signIn = SIGN_IN_ORDER.filter((scope) => scopes.includes(scope))
  return [...others, ...signIn, ...(extra === undefined ? [] : [extra])].join(' ')
}

/** The redirect's `scope`: the short forms as asked, then what was granted, as Google lists it. */
export function formatCallbackScope(
  shortForms: readonly string[],
  scopes: readonly string[],
): string {
  const others = scopes.filter((scope) => !isSignInScope(scope)).sort()
  const signIn = [EMAIL, 'openid', PROFILE].filter((scope) => scopes.includes(scope))
  const short = ['email', 'profile'].filter((scope) => shortForms.includes(scope))
  return [...short, ...others, ...signIn].join(' ')
}
