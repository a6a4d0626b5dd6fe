import { AuthError } from './auth-error.ts'
import { describeAcceptedIssuers } from '../google/metadata.ts'

/** Longest callback URL worth parsing; a real one is well under 2 KB. */
export const MAX_CALLBACK_URL_LENGTH = 8192

/** Parameters that must appear at most once in an authorization response (RFC 6749 §3.1). */
const SINGLE_PARAMETERS = ['code', 'state', 'iss', 'error', 'error_description', 'error_uri']

export interface AuthorizationResponseExpectations {
  issuer: string
  /** The provider advertises `authorization_response_iss_parameter_supported` (RFC 9207 §3). */
  isIssRequired: boolean
}

/** What {@link checkAuthorizationResponse} found. */
export interface AuthorizationResponseCheck {
  /** The response's `state` (its first, when duplicated), to discard the matching stored request. */
  state: string | undefined
  /** Why the response must not be redeemed; undefined when it may be. */
  problem: AuthError | undefined
}

const invalid = (message: string, detail: string) =>
  new AuthError('authorization_response_invalid', message, detail)

function readParameters(query: string): { values: Map<string, string[]>; isDamaged: boolean } {
  const values = new Map<string, string[]>()
  let isDamaged = false
  for (const pair of query.split('&')) {
    if (pair === '') continue
    const [rawName = '', ...rest] = pair.split('=')
    try {
      const name = decodeURIComponent(rawName.replace(/\+/g, ' '))
      const value = decodeURIComponent(rest.join('=').replace(/\+/g, ' '))
      values.set(name, [...(values.get(name) ?? []), value])
    } catch {
      isDamaged = true
    }
  }
  return { values, isDamaged }
}

function findProblem(
  values: Map<string, string[]>,
  expected: AuthorizationResponseExpectations,
): AuthError | undefined {
  for (const name of SINGLE_PARAMETERS) {
    if ((values.get(name)?.length ?? 0) > 1) {
      return invalid(
        'The sign-in response was tampered with.',
        `The parameter "${name}" appears twice.`,
      )
    }
  }
  const iss = values.get('iss')?.[0]
  if (iss === undefined) {
    return expected.isIssRequired
      ? invalid('The sign-in response did not say who sent it.', 'The iss parameter is missing.')
      : undefined
  }
  if (describeAcceptedIssuers(expected.issuer).includes(iss)) return undefined
  return new AuthError(
    'issuer_mismatch',
    'The sign-in response came from an unexpected provider.',
    `iss is "${iss}", expected ${expected.issuer} (RFC 9207).`,
  )
}

/**
 * Checks an authorization response URL before any code is redeemed: size, well-formed and
 * non-duplicated parameters, and the RFC 9207 `iss` parameter — accepted when absent (Google sends
 * it without advertising it) unless the provider advertises it, rejected when it names another issuer.
 * Parses the URL once, and says both what is wrong and which stored request to discard.
 * @returns the `state` and, when the response must not be redeemed, the AuthError
 * (`authorization_response_invalid` or `issuer_mismatch`) to throw.
 */
export function checkAuthorizationResponse(
  url: string,
  expected: AuthorizationResponseExpectations,
): AuthorizationResponseCheck {
  if (url.length > MAX_CALLBACK_URL_LENGTH) {
    const problem = invalid(
      'The sign-in response is too large to be genuine.',
      `${url.length} characters.`,
    )
    return { state: undefined, problem }
  }
  const queryStart = url.indexOf('?')
  const query = queryStart < 0 ? '' : url.slice(queryStart + 1).split('#')[0]
  const { values, isDamaged } = readParameters(query ?? '')
  // Without the `;<url_state>` that oidc-client-ts appends (a top-level restore's "restore").
  const state = values.get('state')?.[0]?.split(';')[0]
  const problem = isDamaged
    ? invalid('The sign-in response was damaged on its way back.', 'Undecodable percent-encoding.')
    : findProblem(values, expected)
  return { state, problem }
}
