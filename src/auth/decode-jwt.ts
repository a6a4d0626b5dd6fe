import { AuthError } from './auth-error.ts'

/**
 * Decodes the payload of a compact JWS without verifying its signature. This is sound only for an
 * ID token received directly from the token endpoint over TLS (OIDC Core §3.1.3.7 step 6).
 */
export function decodeJwtPayload(token: string): Record<string, unknown> {
  const parts = token.split('.')
  const payload = parts[1]
  if (parts.length !== 3 || payload === undefined || payload === '') {
    throw new AuthError('id_token_invalid', 'The ID token is not a JWT.')
  }
  let parsed: unknown
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/')
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    throw new AuthError('id_token_invalid', 'The ID token payload cannot be decoded.')
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new AuthError('id_token_invalid', 'The ID token payload is not a JSON object.')
  }
  return parsed as Record<string, unknown>
}
