import { describe, expect, it } from 'vitest'
import {
  checkTokenResponse,
  TOKEN_LIFETIME,
} from '../../../packages/static-signin/src/oidc/check-token-response.ts'
import { authErrorThrownBy } from '../auth-error-of.ts'
import { makeIdToken } from '../fake-provider.ts'

const ID_TOKEN = makeIdToken({ sub: '42' })
/** Google's token response, as recorded in docs/google-wire-format.md. */
const google = {
  access_token: 'ya29.a0AfH6SMB',
  expires_in: 3599,
  scope:
    'https://www.googleapis.com/auth/userinfo.profile https://www.googleapis.com/auth/userinfo.email openid',
  token_type: 'Bearer',
  id_token: ID_TOKEN,
}
const without = (name: string) =>
  Object.fromEntries(Object.entries(google).filter(([field]) => field !== name))

describe('checkTokenResponse', () => {
  it.each([
    ["Google's own response", google, 3599],
    ['token_type in lower case', { ...google, token_type: 'bearer' }, 3599],
    ['token_type in upper case', { ...google, token_type: 'BEARER' }, 3599],
    ['no scope (the requested one was granted)', without('scope'), 3599],
    ['expires_in as a string of digits', { ...google, expires_in: '3600' }, 3600],
    ['no expires_in: the default lifetime', without('expires_in'), TOKEN_LIFETIME.DEFAULT_SECONDS],
    ['the shortest lifetime', { ...google, expires_in: TOKEN_LIFETIME.MIN_SECONDS }, 10],
    ['a whole day', { ...google, expires_in: 86_400 }, 86_400],
    ['a refresh token beside', { ...google, refresh_token: '1//0g' }, 3599],
  ])('accepts %s', (_, response, lifetime) => {
    const checked = checkTokenResponse(response)
    expect(checked.expires_in).toBe(lifetime)
    expect(checked.id_token).toBe(ID_TOKEN)
    expect(checked.access_token).toBe(google.access_token)
  })

  it("hands on only the token response's own members", () => {
    const checked = checkTokenResponse({
      ...google,
      refresh_token: 'rt',
      userState: { returnTo: '//evil.example' },
      url_state: 'x',
      profile: { sub: 'mallory' },
      session_state: 's',
    })
    expect(Object.keys(checked).sort()).toEqual([
      'access_token',
      'expires_in',
      'id_token',
      'refresh_token',
      'scope',
      'token_type',
    ])
  })

  it.each([
    ['a JSON array', [google], /not a JSON object/],
    ['null', null, /not a JSON object/],
    ['no access_token', without('access_token'), /no access_token/],
    ['an empty access_token', { ...google, access_token: '' }, /no access_token/],
    ['a numeric access_token', { ...google, access_token: 42 }, /no access_token/],
    ['no token_type', without('token_type'), /token_type is undefined/],
    ['token_type MAC', { ...google, token_type: 'MAC' }, /token_type is "MAC"/],
    ['token_type DPoP', { ...google, token_type: 'DPoP' }, /only Bearer/],
    ['no id_token', without('id_token'), /no id_token/],
    ['an empty id_token', { ...google, id_token: '' }, /no id_token/],
    ['an id_token that is not a JWT', { ...google, id_token: 'opaque-token' }, /compact JWT/],
    ['an id_token of two segments', { ...google, id_token: 'eyJ.eyJ' }, /compact JWT/],
    [
      'an id_token with a header that is not JSON',
      { ...google, id_token: 'bm90.e30.c2ln' },
      /decoded/,
    ],
    [
      'an id_token whose header has no alg',
      { ...google, id_token: `e30.${ID_TOKEN.split('.')[1]}.` },
      /no alg/,
    ],
    [
      'an id_token whose payload is not an object',
      { ...google, id_token: 'eyJhbGciOiJSUzI1NiJ9.WzFd.c2ln' },
      /JSON object/,
    ],
    ['a scope without openid', { ...google, scope: 'email profile' }, /does not include "openid"/],
    ['a scope that only looks like openid', { ...google, scope: 'openidx email' }, /"openid"/],
    ['a scope that is not a string', { ...google, scope: ['openid'] }, /"openid"/],
    ['expires_in 0', { ...google, expires_in: 0 }, /expires_in is 0/],
    ['a negative expires_in', { ...google, expires_in: -3600 }, /expires_in is -3600/],
    ['expires_in below the minimum', { ...google, expires_in: 9 }, /from 10 to 86400/],
    ['expires_in above a day', { ...google, expires_in: 86_401 }, /expires_in is 86401/],
    ['a fractional expires_in', { ...google, expires_in: 3599.5 }, /3599.5/],
    ['a non-numeric expires_in', { ...google, expires_in: 'an hour' }, /"an hour"/],
    ['a numeric string with a sign', { ...google, expires_in: '-1' }, /"-1"/],
    ['expires_in null', { ...google, expires_in: null }, /expires_in is null/],
    ['expires_in true', { ...google, expires_in: true }, /expires_in is true/],
  ])('rejects %s', (_, response, detail) => {
    const error = authErrorThrownBy(() => checkTokenResponse(response))
    expect(['token_response_invalid', 'id_token_invalid']).toContain(error.code)
    expect(`${error.detail ?? ''} ${error.message}`).toMatch(detail)
  })
})
