import type { OidcMetadata } from 'oidc-client-ts'

/** Google's issuer, as it appears in `iss` of ID tokens and authorization responses. */
export const GOOGLE_ISSUER = 'https://accounts.google.com'

/** Older Google ID tokens carry the issuer without its scheme. */
export const GOOGLE_LEGACY_ISSUER = 'accounts.google.com'

/**
 * Google's discovery document, embedded so that nothing is fetched before the redirect: the members
 * oidc-client-ts reads. Source: https://accounts.google.com/.well-known/openid-configuration (the
 * whole document, with `plain`/`S256` PKCE and only `client_secret_post`/`_basic` client auth, is
 * in docs/google-facts.md and docs/google-wire-format.md).
 * There is deliberately no `end_session_endpoint`: Google has none.
 */
export const googleMetadata: Partial<OidcMetadata> = {
  issuer: GOOGLE_ISSUER,
  authorization_endpoint: 'https://accounts.google.com/o/oauth2/v2/auth',
  token_endpoint: 'https://oauth2.googleapis.com/token',
  userinfo_endpoint: 'https://openidconnect.googleapis.com/v1/userinfo',
  revocation_endpoint: 'https://oauth2.googleapis.com/revoke',
  jwks_uri: 'https://www.googleapis.com/oauth2/v3/certs',
}

/**
 * The `iss` values that name `issuer`: Google's with and without its scheme, any other issuer
 * exactly as configured. Used for the ID token and for the RFC 9207 response parameter alike.
 */
export function describeAcceptedIssuers(issuer: string): string[] {
  return issuer === GOOGLE_ISSUER ? [GOOGLE_ISSUER, GOOGLE_LEGACY_ISSUER] : [issuer]
}

/** True when the configured issuer is Google's. */
export function isGoogleIssuer(issuer: string): boolean {
  return issuer === GOOGLE_ISSUER
}
