/** Parameters an authorization response adds to the redirect URI. */
const RESPONSE_PARAMETERS = [
  'code',
  'state',
  'iss',
  'error',
  'error_description',
  'error_uri',
  'session_state',
  'scope',
  'authuser',
  'hd',
  'prompt',
]

/**
 * True when `location` is an authorization response at the app's redirect URI — on that exact path,
 * with a `state` and either a `code` or an `error` (the shape react-oidc-context also looks for).
 */
export function isAuthorizationCallback(
  location: Pick<Location, 'href'>,
  redirectUri: string,
): boolean {
  const url = new URL(location.href)
  const expected = new URL(redirectUri)
  if (url.origin !== expected.origin || url.pathname !== expected.pathname) return false
  const params = url.searchParams
  return params.has('state') && (params.has('code') || params.has('error'))
}

/**
 * The same URL without the authorization response parameters, as a path for history.replaceState
 * (RFC 9700 §4.2.4: the code and state must not linger in the address bar or history).
 * A URL too damaged to parse becomes its bare path.
 */
export function removeCallbackParameters(href: string): string {
  const url = new URL(href)
  let params: URLSearchParams
  try {
    params = new URLSearchParams(url.search)
  } catch {
    return url.pathname
  }
  for (const name of RESPONSE_PARAMETERS) params.delete(name)
  const search = params.toString()
  return `${url.pathname}${search ? `?${search}` : ''}${url.hash}`
}
