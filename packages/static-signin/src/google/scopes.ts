/**
 * Google answers a request for `openid email profile` with the long forms of the last two
 * (docs/google-facts.md, "The token response"), in any order. These are the same grants.
 */
const SHORT_NAMES: Record<string, string> = {
  'https://www.googleapis.com/auth/userinfo.email': 'email',
  'https://www.googleapis.com/auth/userinfo.profile': 'profile',
}

/**
 * Read-only access to the events of the person's calendars: what "Your next events" needs, and
 * asked for only when the person uses it. A *sensitive* scope: a public app needs Google's
 * verification (https://developers.google.com/identity/protocols/oauth2/scopes#calendar).
 */
export const CALENDAR_EVENTS_SCOPE = 'https://www.googleapis.com/auth/calendar.events.readonly'

/** A scope as this app compares it: Google's long forms of `email` and `profile` shortened. */
export function nameScope(scope: string): string {
  return SHORT_NAMES[scope] ?? scope
}

/** Names granted scopes as a person reads them: Google's long forms shortened, duplicates removed. */
export function nameGrantedScopes(scopes: string[]): string[] {
  return [...new Set(scopes.map(nameScope))].filter(Boolean)
}
