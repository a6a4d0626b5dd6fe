import { jwtDecode } from 'jwt-decode'
import { AuthError } from './auth-error.ts'

/**
 * Decodes the payload of a compact JWS without verifying its signature. This is sound only for an
 * ID token received directly from the token endpoint over TLS (OIDC Core §3.1.3.7 step 6).
 * Uses jwt-decode, which oidc-client-ts already ships.
 */
export function decodeJwtPayload(token: string): Record<string, unknown> {
  let payload: unknown
  try {
    payload = jwtDecode(token)
  } catch {
    throw new AuthError('id_token_invalid', 'The ID token cannot be decoded.')
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new AuthError('id_token_invalid', 'The ID token payload is not a JSON object.')
  }
  return payload as Record<string, unknown>
}

/** Decodes the (unprotected) header of a compact JWS; a token whose header is not JSON is rejected. */
export function decodeJwtHeader(token: string): Record<string, unknown> {
  let header: unknown
  try {
    header = jwtDecode(token, { header: true })
  } catch {
    throw new AuthError('id_token_invalid', 'The ID token cannot be decoded.')
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) {
    throw new AuthError('id_token_invalid', 'The ID token header is not a JSON object.')
  }
  return header as Record<string, unknown>
}
