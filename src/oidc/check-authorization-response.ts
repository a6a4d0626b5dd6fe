import { AuthError } from './auth-error.ts'
import { GOOGLE_ISSUER, GOOGLE_LEGACY_ISSUER } from '../google/metadata.ts'

/** Longest callback URL worth parsing; a real one is well under 2 KB. */
export const MAX_CALLBACK_URL_LENGTH = 8192

/** Parameters that must appear at most once in an authorization response (RFC 6749 §3.1). */
const SINGLE_PARAMETERS = ['code', 'state', 'iss', 'error', 'error_description', 'error_uri']

export interface AuthorizationResponseExpectations {
  issuer: string
  /** The provider advertises `authorization_response_iss_parameter_supported` (RFC 9207 §3). */
  isIssRequired: boolean
}

function reject(message: string, detail: string): never {
  throw new AuthError('authorization_response_invalid', message, detail)
}

function decodeComponent(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '))
  } catch {
    return reject(
      'The sign-in response was damaged on its way back.',
      'Undecodable percent-encoding.',
    )
  }
}

/**
 * Checks an authorization response URL before any code is redeemed: size, well-formed and
 * non-duplicated parameters, and the RFC 9207 `iss` parameter — accepted when absent (Google sends
 * it without advertising it) unless the provider advertises it, rejected when it names another issuer.
 * @returns the `state` value, so that the caller can discard the matching stored request.
 * @throws AuthError (`authorization_response_invalid` or `issuer_mismatch`).
 */
export function checkAuthorizationResponse(
  url: string,
  expected: AuthorizationResponseExpectations,
): string | undefined {
  if (url.length > MAX_CALLBACK_URL_LENGTH) {
    reject('The sign-in response is too large to be genuine.', `${url.length} characters.`)
  }
  const query = new URL(url).search.slice(1)
  const values = new Map<string, string[]>()
  for (const pair of query.split('&')) {
    if (pair === '') continue
    const [rawName = '', ...rest] = pair.split('=')
    const name = decodeComponent(rawName)
    const value = decodeComponent(rest.join('='))
    values.set(name, [...(values.get(name) ?? []), value])
  }
  for (const name of SINGLE_PARAMETERS) {
    if ((values.get(name)?.length ?? 0) > 1) {
      reject('The sign-in response was tampered with.', `The parameter "${name}" appears twice.`)
    }
  }
  const state = values.get('state')?.[0]
  const iss = values.get('iss')?.[0]
  if (iss === undefined) {
    if (expected.isIssRequired) {
      reject('The sign-in response did not say who sent it.', 'The iss parameter is missing.')
    }
    return state
  }
  const accepted =
    expected.issuer === GOOGLE_ISSUER ? [GOOGLE_ISSUER, GOOGLE_LEGACY_ISSUER] : [expected.issuer]
  if (!accepted.includes(iss)) {
    throw new AuthError(
      'issuer_mismatch',
      'The sign-in response came from an unexpected provider.',
      `iss is "${iss}", expected ${expected.issuer} (RFC 9207).`,
    )
  }
  return state
}
