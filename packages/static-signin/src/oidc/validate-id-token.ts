import { AuthError } from './auth-error.ts'
import { decodeJwtPayload } from './decode-jwt.ts'
import { describeAcceptedIssuers } from '../google/metadata.ts'

/** Claims of an ID token that passed {@link validateIdTokenClaims}. */
export interface ValidatedIdTokenClaims extends Record<string, unknown> {
  iss: string
  sub: string
  aud: string | string[]
  exp: number
  iat: number
}

export interface IdTokenClaimExpectations {
  issuer: string
  clientId: string
  /** When set, the ID token's `nonce` must equal it. */
  nonce?: string | undefined
}

export interface IdTokenTimeExpectations {
  /** The provider's current time, seconds since the epoch. */
  now: number
  /** Allowed clock difference, seconds. */
  clockToleranceSeconds: number
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
 * Validates the ID token claims that oidc-client-ts does not check (OIDC Core §3.1.3.7), all but
 * those judged against the current time: `iss`, `aud` (+ `azp`), `sub`, `exp` and `iat` present
 * with `exp` after `iat`, and `nonce` when expected. Then call {@link validateIdTokenTimes}.
 * The signature is not checked: the token comes straight from the token endpoint over TLS (step 6).
 * @throws AuthError with code `id_token_invalid`, the failed check in `detail`.
 */
export function validateIdTokenClaims(
  idToken: string | undefined,
  expected: IdTokenClaimExpectations,
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
  if (!isNumericDate(iat)) fail('The ID token has no issue time (iat).')
  if (exp <= iat) fail('The ID token expired as soon as it was issued (exp is not after iat).')
  if (expected.nonce !== undefined && nonce !== expected.nonce) {
    fail('The ID token does not answer this sign-in request (nonce).')
  }
  return claims as ValidatedIdTokenClaims
}

/**
 * Judges `exp` and `iat` against the provider's current time, within the tolerance (OIDC Core
 * §3.1.3.7 steps 9 and 10).
 * @throws AuthError with code `id_token_invalid`, the failed check in `detail`.
 */
export function validateIdTokenTimes(
  claims: ValidatedIdTokenClaims,
  expected: IdTokenTimeExpectations,
): void {
  if (claims.exp + expected.clockToleranceSeconds <= expected.now) {
    fail('The ID token has expired (exp).')
  }
  if (claims.iat - expected.clockToleranceSeconds > expected.now) {
    fail(
      'The ID token claims to be issued in the future (iat), even allowing for this device’s clock.',
    )
  }
}
