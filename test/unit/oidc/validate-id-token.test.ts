import { describe, expect, it } from 'vitest'
import { AuthError } from '../../../packages/static-signin/src/oidc/auth-error.ts'
import { authErrorThrownBy } from '../auth-error-of.ts'
import {
  CLOCK_TOLERANCE_SECONDS,
  validateIdTokenClaims,
  validateIdTokenTimes,
} from '../../../packages/static-signin/src/oidc/validate-id-token.ts'
import { makeIdToken } from '../fake-provider.ts'

const NOW = 1_800_000_000
const TOL = CLOCK_TOLERANCE_SECONDS
const expected = {
  issuer: 'https://accounts.google.com',
  clientId: 'app.apps.googleusercontent.com',
  now: NOW,
  clockToleranceSeconds: TOL,
}
const good = {
  iss: 'https://accounts.google.com',
  aud: expected.clientId,
  sub: '42',
  iat: NOW,
  exp: NOW + 3600,
}

/** Both checks, as SecureUserManager runs them, with the provider's time known. */
function validateIdToken(
  idToken: string | undefined,
  expectations: typeof expected & { nonce?: string },
) {
  const claims = validateIdTokenClaims(idToken, expectations)
  validateIdTokenTimes(claims, expectations)
  return claims
}

function check(claims: Record<string, unknown>, nonce?: string) {
  return validateIdToken(makeIdToken(claims), { ...expected, nonce })
}

describe('validateIdToken', () => {
  it.each([
    ['a well-formed Google token', good],
    ['the legacy issuer without scheme', { ...good, iss: 'accounts.google.com' }],
    [
      'aud as an array with azp',
      { ...good, aud: [expected.clientId, 'other'], azp: expected.clientId },
    ],
    ['aud as a one-element array', { ...good, aud: [expected.clientId] }],
    ['azp equal to the client ID', { ...good, azp: expected.clientId }],
    ['exp just inside the tolerance', { ...good, iat: NOW - 3600, exp: NOW - TOL + 1 }],
    ['iat just inside the tolerance', { ...good, iat: NOW + TOL }],
  ])('accepts %s', (_, claims) => {
    expect(check(claims).sub).toBe('42')
  })

  it.each([
    ['another issuer', { ...good, iss: 'https://evil.example' }, 'issued by'],
    ['no issuer', { ...good, iss: undefined }, 'issued by'],
    ['another audience', { ...good, aud: 'someone-else' }, 'aud'],
    ['an array without our client', { ...good, aud: ['a', 'b'], azp: 'a' }, 'aud'],
    ['several audiences and no azp', { ...good, aud: [expected.clientId, 'other'] }, 'azp'],
    ['azp naming another party', { ...good, azp: 'other' }, 'azp'],
    ['no subject', { ...good, sub: undefined }, 'sub'],
    ['an empty subject', { ...good, sub: '' }, 'sub'],
    ['a subject over 255 characters', { ...good, sub: 'x'.repeat(256) }, 'sub'],
    ['no expiry', { ...good, exp: undefined }, 'exp'],
    ['expiry as a string', { ...good, exp: String(NOW + 60) }, 'exp'],
    ['exp exactly at the tolerance edge', { ...good, iat: NOW - 3600, exp: NOW - TOL }, 'expired'],
    ['exp equal to iat', { ...good, exp: NOW }, 'not after iat'],
    ['exp before iat', { ...good, exp: NOW - 1 }, 'not after iat'],
    ['exp without iat', { ...good, iat: undefined, exp: NOW + 60 }, 'iat'],
    ['no iat', { ...good, iat: undefined }, 'iat'],
    ['iat beyond the tolerance in the future', { ...good, iat: NOW + TOL + 1 }, 'future'],
  ])('rejects %s', (_, claims, reason) => {
    const error = authErrorThrownBy(() => check(claims))
    expect(error.code).toBe('id_token_invalid')
    expect(error.detail).toContain(reason)
  })

  it('leaves the times to the caller’s clock, but not the order of exp and iat', () => {
    const claimsOnly = (claims: Record<string, unknown>) =>
      validateIdTokenClaims(makeIdToken(claims), expected)
    const threeDaysAgo = { ...good, iat: NOW - 3 * 86_400, exp: NOW - 3 * 86_400 + 3600 }
    expect(claimsOnly(threeDaysAgo).iat).toBe(NOW - 3 * 86_400)
    expect(authErrorThrownBy(() => check(threeDaysAgo)).detail).toContain('expired')
    expect(authErrorThrownBy(() => claimsOnly({ ...good, exp: NOW })).detail).toContain(
      'not after iat',
    )
  })

  it('requires the nonce when one is expected', () => {
    expect(check({ ...good, nonce: 'n-1' }, 'n-1').sub).toBe('42')
    expect(() => check({ ...good, nonce: 'n-2' }, 'n-1')).toThrow(AuthError)
    expect(() => check(good, 'n-1')).toThrow(AuthError)
  })

  it.each([
    ['no token', undefined],
    ['two segments', 'a.b'],
    ['a payload that is not base64 JSON', 'a.!!!.c'],
    ['a JSON array payload', `x.${btoa('[1]')}.y`],
  ])('rejects %s as not a JWT', (_, token) => {
    expect(() => validateIdToken(token, expected)).toThrow(AuthError)
  })

  it('accepts only the configured issuer for non-Google providers', () => {
    const local = { ...expected, issuer: 'http://127.0.0.1:4400' }
    const token = makeIdToken({ ...good, iss: 'accounts.google.com' })
    expect(() => validateIdToken(token, local)).toThrow(/trusted/)
  })
})
