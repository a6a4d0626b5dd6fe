/** Query parameters of an authorization response, never worth carrying to the return path. */
const CALLBACK_PARAMETERS = [
  'code',
  'state',
  'iss',
  'error',
  'error_description',
  'error_uri',
  'session_state',
]

const PROBE_ORIGIN = 'https://return-to.invalid'

/**
 * Accepts a "return to" path only when it is a same-origin path under the app's base path; anything
 * else — other origins, `//host`, backslashes, schemes such as `javascript:` — yields the home page.
 * Guards the sign-in round trip against open redirection (RFC 9700 §4.11.1).
 * @param value untrusted, typically the state carried through the authorization request
 * @param basePath the app's base path, starting and ending with "/"
 */
export function readReturnTo(value: unknown, basePath: string): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) return basePath
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is rejected
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return basePath
  let url: URL
  try {
    url = new URL(value, PROBE_ORIGIN)
  } catch {
    return basePath
  }
  if (url.origin !== PROBE_ORIGIN || !url.pathname.startsWith(basePath)) return basePath
  // Dot segments can normalise into a scheme-relative URL (`/.//evil.example` → `//evil.example`):
  // judge the path that would be used, not the one that came in.
  if (url.pathname.startsWith('//')) return basePath
  for (const name of CALLBACK_PARAMETERS) url.searchParams.delete(name)
  return `${url.pathname}${url.search}${url.hash}`
}

/** The path a person is on, as a candidate for {@link readReturnTo}. */
export function describeCurrentPath(
  location: Pick<Location, 'pathname' | 'search' | 'hash'>,
): string {
  return `${location.pathname}${location.search}${location.hash}`
}

/** Reads the return path carried in the sign-in request's state (see {@link readReturnTo}). */
export function readReturnToFromState(state: unknown, basePath: string): string {
  const value =
    typeof state === 'object' && state !== null
      ? (state as Record<string, unknown>).returnTo
      : undefined
  return readReturnTo(value, basePath)
}

/** True when the sign-in request's state marks a top-level "Stay signed in" redirect. */
export function readIsStayingSignedIn(state: unknown): boolean {
  return (
    typeof state === 'object' &&
    state !== null &&
    (state as { isStayingSignedIn?: unknown }).isStayingSignedIn === true
  )
}
