/** Where the provider sends people back, as registered with it. */
export interface RedirectUris {
  /** `<origin><base>`: the site root, a page every static host serves. */
  signIn: string
  /** `<origin><base>silent-renew.html`: a static file from public/. */
  silentRenew: string
}

/** The two redirect URIs of this deployment. They are a public interface: people register them. */
export function describeRedirectUris(origin: string, basePath: string): RedirectUris {
  const signIn = new URL(basePath, origin).href
  return { signIn, silentRenew: new URL('silent-renew.html', signIn).href }
}

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
 * The address to show once a callback has been processed: its path alone. The redirect URI has no
 * query or fragment of its own, so everything there came with the response — `code`, `state`,
 * `iss`, `error*`, or an attacker's junk — and must not linger in the address bar or history
 * (RFC 9700 §4.2.4).
 */
export function removeCallbackParameters(href: string): string {
  return new URL(href).pathname
}
