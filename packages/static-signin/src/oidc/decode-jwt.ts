import { jwtDecode } from 'jwt-decode'
import { AuthError } from './auth-error.ts'

/**
 * Decodes the payload (or, with `isHeader`, the header) of a compact JWS without verifying its
 * signature. This is sound only for an ID token received directly from the token endpoint over TLS
 * (OIDC Core §3.1.3.7 step 6). Uses jwt-decode, which oidc-client-ts already ships.
 * @throws AuthError `id_token_invalid` unless that part is a JSON object.
 */
export function decodeJwtPayload(token: string, isHeader = false): Record<string, unknown> {
  let part: unknown
  try {
    part = jwtDecode(token, { header: isHeader })
  } catch {
    part = undefined
  }
  if (typeof part !== 'object' || part === null || Array.isArray(part)) {
    throw new AuthError('id_token_invalid', 'The ID token cannot be decoded as a JSON object.')
  }
  return part as Record<string, unknown>
}
