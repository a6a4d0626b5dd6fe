import { AuthError } from './auth-error.ts'
import { decodeJwtPayload } from './decode-jwt.ts'
import { describeAcceptedIssuers } from '../google/metadata.ts'

/** Claims of an ID token that passed {@link validateIdToken}. */
export interface ValidatedIdTokenClaims extends Record<string, unknown> {
  iss: string
  sub: string
  aud: string | string[]
  exp: number
  iat: number
}

export interface IdTokenExpectations {
  issuer: string
  clientId: string
  /** Seconds since the epoch. */
  now: number
  /** Allowed clock difference, seconds. */
  clockToleranceSeconds: number
  /** When set, the ID token's `nonce` must equal it. */
  nonce?: string | undefined
}

/** How far clocks may disagree; Google's own client libraries allow 300 s, as does oidc-client-ts. */
export const CLOCK_TOLERANCE_SECONDS = 300

function fail(message: string): never {
  throw new AuthError('id_token_invalid', 'The sign-in response could not be trusted.', message)
}

function isNumericDate(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value)
}

/**
 * Validates the ID token claims that oidc-client-ts does not check (OIDC Core §3.1.3.7):
 * `iss`, `aud` (+ `azp`), `exp`, `iat`, `sub`, and `nonce` when expected.
 * The signature is not checked: the token comes straight from the token endpoint over TLS (step 6).
 * @throws AuthError with code `id_token_invalid`, the failed check in `detail`.
 */
export function validateIdToken(
  idToken: string | undefined,
  expected: IdTokenExpectations,
): ValidatedIdTokenClaims {
  if (!idToken) fail('The token response carries no ID token.')
  const claims = decodeJwtPayload(idToken)
  const { iss, sub, aud, azp, exp, iat, nonce } = claims

  if (typeof iss !== 'string' || !describeAcceptedIssuers(expected.issuer).includes(iss)) {
    fail(`The ID token was issued by "${String(iss)}", not by ${expected.issuer}.`)
  }
  if (typeof sub !== 'string' || sub === '' || sub.length > 255) {
    fail('The ID token has no valid subject (sub).')
  }
  const audiences = typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud : []
  if (!audiences.every((a) => typeof a === 'string') || !audiences.includes(expected.clientId)) {
    fail('The ID token was not issued to this app (aud).')
  }
  if (audiences.length > 1 && azp === undefined) {
    fail('The ID token has several audiences but no authorized party (azp).')
  }
  if (azp !== undefined && azp !== expected.clientId) {
    fail('The ID token was issued to another party (azp).')
  }
  if (!isNumericDate(exp)) fail('The ID token has no expiry (exp).')
  if (exp + expected.clockToleranceSeconds <= expected.now) fail('The ID token has expired (exp).')
  if (!isNumericDate(iat)) fail('The ID token has no issue time (iat).')
  if (iat - expected.clockToleranceSeconds > expected.now) {
    fail('The ID token claims to be issued in the future (iat); check this device’s clock.')
  }
  if (expected.nonce !== undefined && nonce !== expected.nonce) {
    fail('The ID token does not answer this sign-in request (nonce).')
  }
  return claims as ValidatedIdTokenClaims
}
