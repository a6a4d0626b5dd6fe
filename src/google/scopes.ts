/**
 * Google answers a request for `openid email profile` with the long forms of the last two
 * (shared/docs/google-oauth.md, "Token response shape"), in any order. These are the same grants.
 */
const SHORT_NAMES: Record<string, string> = {
  'https://www.googleapis.com/auth/userinfo.email': 'email',
  'https://www.googleapis.com/auth/userinfo.profile': 'profile',
}

/**
 * Names granted scopes as a person reads them: Google's long forms shortened to the names the app
 * asked for, duplicates removed, `openid` first, then alphabetical.
 */
export function nameGrantedScopes(scopes: string[]): string[] {
  const names = new Set(scopes.filter((s) => s !== '').map((s) => SHORT_NAMES[s] ?? s))
  return [...names].sort((a, b) =>
    a === 'openid' ? -1 : b === 'openid' ? 1 : a.localeCompare(b, 'en'),
  )
}
