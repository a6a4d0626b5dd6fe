import { AuthError } from './auth-error.ts'
import { decodeJwtPayload } from './decode-jwt.ts'

/**
 * How long an access token may live, in seconds, as this app reads a token response:
 * - `expires_in` absent (RFC 6749 §5.1 only RECOMMENDS it): {@link DEFAULT_SECONDS}, Google's
 *   hour; renewal then runs 5 minutes before that, and a 401 from userinfo still ends it early;
 * - below {@link MIN_SECONDS} or above {@link MAX_SECONDS}: rejected. A session that expires the
 *   instant it starts, or one that claims to outlive a day, is a broken provider, not a lifetime.
 */
export const TOKEN_LIFETIME = { DEFAULT_SECONDS: 3600, MIN_SECONDS: 10, MAX_SECONDS: 86_400 }

/** A token response that passed {@link checkTokenResponse}, with `expires_in` always a number. */
export interface CheckedTokenResponse {
  access_token: string
  token_type: string
  id_token: string
  expires_in: number
  scope?: string
  refresh_token?: string
}

function reject(detail: string): never {
  throw new AuthError(
    'token_response_invalid',
    'The sign-in response could not be trusted.',
    detail,
  )
}

function readLifetime(value: unknown): number {
  if (value === undefined) return TOKEN_LIFETIME.DEFAULT_SECONDS
  // Some providers send the number as a string of digits; anything else is not a lifetime.
  const seconds =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\d+$/.test(value)
        ? +value
        : NaN
  const { MIN_SECONDS, MAX_SECONDS } = TOKEN_LIFETIME
  if (!Number.isInteger(seconds) || seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
    reject(
      `expires_in is ${JSON.stringify(value)}; expected whole seconds from ${MIN_SECONDS} to ${MAX_SECONDS}.`,
    )
  }
  return seconds
}

function checkIdTokenShape(value: unknown): string {
  if (typeof value !== 'string' || value === '') {
    reject('The token response carries no id_token.')
  }
  if (!/^[\w-]+\.[\w-]+\.[\w-]*$/.test(value)) reject('The id_token is not a compact JWT.')
  if (typeof decodeJwtPayload(value, true).alg !== 'string') reject('The id_token has no alg.')
  decodeJwtPayload(value)
  return value
}

/**
 * Accepts a token endpoint response (code exchange, refresh) only when it is a complete OpenID
 * Connect token response (RFC 6749 §5.1, OIDC Core §3.1.3.3): a non-empty `access_token`,
 * `token_type` Bearer in any letter case (RFC 6749 §5.1 says case-insensitive), a well-formed
 * `id_token` (its claims are checked later by validateIdTokenClaims and validateIdTokenTimes), a sane `expires_in` (see
 * {@link TOKEN_LIFETIME}), and a `scope`, when present, that still holds `openid`.
 * @returns only the token response members (RFC 6749 §5.1, OIDC Core §3.1.3.3), with `expires_in`
 *   as a number of seconds; anything else the provider added is dropped.
 * @throws AuthError `token_response_invalid`, the failed check in `detail`.
 */
export function checkTokenResponse(response: unknown): CheckedTokenResponse {
  if (typeof response !== 'object' || response === null || Array.isArray(response)) {
    reject('The token response is not a JSON object.')
  }
  const fields = response as Record<string, unknown>
  const { access_token, token_type, id_token, scope } = fields
  if (typeof access_token !== 'string' || access_token === '') {
    reject('The token response carries no access_token.')
  }
  if (typeof token_type !== 'string' || token_type.toLowerCase() !== 'bearer') {
    reject(`token_type is ${JSON.stringify(token_type)}; only Bearer tokens are supported.`)
  }
  if (scope !== undefined && (typeof scope !== 'string' || !scope.split(' ').includes('openid'))) {
    reject(`The granted scope ${JSON.stringify(scope)} does not include "openid".`)
  }
  const idToken = checkIdTokenShape(id_token)
  // oidc-client-ts merges the whole JSON onto its own response object, whose other fields
  // (`userState`, `url_state`, `profile`, …) carry this tab's state: hand it the token fields only.
  return {
    ...(typeof scope === 'string' ? { scope } : {}),
    ...(typeof fields.refresh_token === 'string' ? { refresh_token: fields.refresh_token } : {}),
    access_token,
    token_type,
    id_token: idToken,
    expires_in: readLifetime(fields.expires_in),
  }
}
