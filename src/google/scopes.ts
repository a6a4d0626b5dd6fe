/**
 * Google answers a request for `openid email profile` with the long forms of the last two
 * (docs/google-facts.md, "The token response"), in any order. These are the same grants.
 */
const SHORT_NAMES: Record<string, string> = {
  'https://www.googleapis.com/auth/userinfo.email': 'email',
  'https://www.googleapis.com/auth/userinfo.profile': 'profile',
}

/** Names granted scopes as a person reads them: Google's long forms shortened, duplicates removed. */
export function nameGrantedScopes(scopes: string[]): string[] {
  return [...new Set(scopes.map((scope) => SHORT_NAMES[scope] ?? scope))].filter(Boolean)
}
