import { describe, expect, it } from 'vitest'
import {
  checkAuthorizationResponse,
  MAX_CALLBACK_URL_LENGTH,
} from '../../../packages/static-signin/src/oidc/check-authorization-response.ts'

const google = { issuer: 'https://accounts.google.com', isIssRequired: false }
const strict = { issuer: 'http://127.0.0.1:4400', isIssRequired: true }
const at = (query: string) => `https://app.example/?${query}`

describe('checkAuthorizationResponse', () => {
  it.each([
    ['Google without iss (not advertised)', 'code=c&state=s', google],
    ['Google with its iss', 'code=c&state=s&iss=https%3A%2F%2Faccounts.google.com', google],
    ['Google with the legacy iss', 'code=c&state=s&iss=accounts.google.com', google],
    [
      'an advertising provider with its iss',
      'code=c&state=s&iss=http%3A%2F%2F127.0.0.1%3A4400',
      strict,
    ],
    ['an error response', 'error=access_denied&error_description=No+thanks&state=s', google],
  ])('accepts %s and returns the state', (_, query, expected) => {
    expect(checkAuthorizationResponse(at(query), expected)).toEqual({
      state: 's',
      problem: undefined,
    })
  })

  it.each([
    ['another iss', 'code=c&state=s&iss=https%3A%2F%2Fevil.example', google, 'issuer_mismatch'],
    [
      'a missing iss when the provider advertises it',
      'code=c&state=s',
      strict,
      'authorization_response_invalid',
    ],
    ['a duplicated state', 'code=c&state=s&state=t', google, 'authorization_response_invalid'],
    ['a duplicated code', 'code=c&code=d&state=s', google, 'authorization_response_invalid'],
    [
      'a duplicated iss',
      'code=c&state=s&iss=accounts.google.com&iss=accounts.google.com',
      google,
      'authorization_response_invalid',
    ],
    [
      'undecodable percent-encoding',
      'code=%E0%A4%A&state=s',
      google,
      'authorization_response_invalid',
    ],
    [
      'an oversized query',
      `code=c&state=s&pad=${'a'.repeat(MAX_CALLBACK_URL_LENGTH)}`,
      google,
      'authorization_response_invalid',
    ],
  ])('rejects %s', (_, query, expected, code) => {
    expect(checkAuthorizationResponse(at(query), expected).problem?.code).toBe(code)
  })

  it.each([
    ['another iss', 'code=c&state=s&iss=https%3A%2F%2Fevil.example'],
    ['a duplicated state (the first one)', 'code=c&state=s&state=t'],
    ['undecodable percent-encoding elsewhere', 'code=%E0%A4%A&state=s'],
  ])(
    'names the state of a rejected response with %s, so its stored request is discarded',
    (_, query) => {
      const check = checkAuthorizationResponse(at(query), google)
      expect(check.problem).toBeDefined()
      expect(check.state).toBe('s')
    },
  )

  it('reads nothing of an oversized response', () => {
    const query = `state=s&pad=${'a'.repeat(MAX_CALLBACK_URL_LENGTH)}`
    expect(checkAuthorizationResponse(at(query), google).state).toBeUndefined()
  })
})
