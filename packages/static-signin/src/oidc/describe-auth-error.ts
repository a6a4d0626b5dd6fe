import { AuthError } from './auth-error.ts'
import { clip, describeAppError, unwrap, type AuthErrorDescription } from './describe-app-error.ts'

export type { AuthErrorDescription } from './describe-app-error.ts'

// Comes with the sign-in engine (see use-session.ts): the page's own chunk describes only its own
// failures (describe-app-error.ts).

const PROVIDER_ERRORS: Record<string, [string, string]> = {
  access_denied: [
    'Sign-in cancelled',
    'You cancelled signing in or did not allow access. Nothing was shared with this app.',
  ],
  login_required: ['Please sign in again', 'Your session with the provider has ended.'],
  interaction_required: ['Please sign in again', 'The provider needs you to confirm it is you.'],
  consent_required: ['Please sign in again', 'The provider needs you to approve access again.'],
  account_selection_required: [
    'Please sign in again',
    'The provider needs you to choose an account.',
  ],
  invalid_grant: [
    'This sign-in has expired',
    'The sign-in was already used or took too long. Please start again.',
  ],
  admin_policy_enforced: [
    'Blocked by your organisation',
    'Your organisation’s administrator does not allow this app.',
  ],
  org_internal: [
    'Not available for this account',
    'This app is limited to accounts of one organisation.',
  ],
}

/** Configuration mistakes, with the fix addressed to the site owner (README, Troubleshooting). */
const OWNER = 'The site owner must '
const GENERIC_FIX =
  'The provider does not accept this app’s configuration. The site owner needs to fix it.'
const CONFIGURATION_FIXES: Record<string, string> = {
  invalid_client: `${OWNER}check VITE_OIDC_CLIENT_ID and VITE_OIDC_CLIENT_SECRET against the OAuth client, then rebuild.`,
  deleted_client: `${OWNER}create a new OAuth client and set VITE_OIDC_CLIENT_ID and VITE_OIDC_CLIENT_SECRET.`,
  redirect_uri_mismatch: `${OWNER}register this site as an authorized redirect URI of the OAuth client.`,
  origin_mismatch: `${OWNER}register this site as an authorized JavaScript origin of the OAuth client.`,
  unauthorized_client: GENERIC_FIX,
  invalid_scope: GENERIC_FIX,
  unsupported_response_type: GENERIC_FIX,
}

/** Google's token endpoint refuses a Web application client without its secret, even with PKCE. */
const MISSING_SECRET_FIX = `${OWNER}set VITE_OIDC_CLIENT_SECRET to the OAuth client's secret, then rebuild.`

function readString(value: unknown, name: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const field = (value as Record<string, unknown>)[name]
  return typeof field === 'string' ? field : undefined
}

function describeProviderError(
  code: string,
  description: string | undefined,
): AuthErrorDescription {
  const detail = clip(description ? `${code}: ${description}` : code)
  const known = PROVIDER_ERRORS[code]
  if (known) return { title: known[0], message: known[1], detail }
  if (code === 'invalid_request' && /client_secret is missing/i.test(description ?? '')) {
    return { title: 'Sign-in is misconfigured', message: MISSING_SECRET_FIX, detail }
  }
  const fix = CONFIGURATION_FIXES[code]
  if (fix) return { title: 'Sign-in is misconfigured', message: fix, detail }
  return { title: 'Sign-in failed', message: 'The provider refused the sign-in.', detail }
}

/**
 * Turns anything a sign-in step threw into a readable description. Provider-supplied text
 * (`error_description`, response bodies) only ever lands in `detail`, clipped, as plain text
 * (RFC 6749 §4.1.2.1: it is attacker-controlled).
 */
export function describeAuthError(error: unknown): AuthErrorDescription {
  const inner = unwrap(error)
  if (inner instanceof AuthError) return describeAppError(inner)
  const name = readString(inner, 'name')
  const message = readString(inner, 'message') ?? ''
  const providerCode = readString(inner, 'error')
  if (name === 'ErrorResponse' && providerCode) {
    return describeProviderError(providerCode, readString(inner, 'error_description'))
  }
  if (name === 'ErrorTimeout') {
    return {
      title: 'The sign-in provider did not answer',
      message: 'It took too long to respond. Check your connection and try again.',
      detail: clip(message),
    }
  }
  if (/ in id_token|ID Token is missing/.test(message)) {
    // The library's own ID token checks (nonce, sub) failed.
    return {
      title: 'Sign-in response rejected',
      message: 'The sign-in response could not be trusted.',
      detail: clip(message),
    }
  }
  if (/No matching state found|No state in response|State does not match/.test(message)) {
    return {
      title: 'This sign-in link is no longer valid',
      message:
        'It was already used, has expired, or was not started in this browser tab. Please sign in again.',
      detail: clip(message),
    }
  }
  if (inner instanceof TypeError) {
    return {
      title: 'Cannot reach the sign-in provider',
      message: 'The network request failed. Check your connection and try again.',
      detail: clip(message),
    }
  }
  if (/Invalid response Content-Type|\(\d{3}\)/.test(message)) {
    return {
      title: 'The sign-in provider had a problem',
      message: 'It answered with an error instead of a sign-in. Please try again in a moment.',
      detail: clip(message),
    }
  }
  return {
    title: 'Sign-in failed',
    message: 'Something went wrong while signing you in.',
    detail: message ? clip(message) : undefined,
  }
}
