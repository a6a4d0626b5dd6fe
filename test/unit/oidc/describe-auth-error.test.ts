import { ErrorResponse, ErrorTimeout } from 'oidc-client-ts'
import { describe, expect, it } from 'vitest'
import { AuthError } from '../../../packages/static-signin/src/oidc/auth-error.ts'
import { describeAuthError } from '../../../packages/static-signin/src/oidc/describe-auth-error.ts'
import { DeviceClock } from '../../../packages/static-signin/src/oidc/device-clock.ts'
import {
  validateIdTokenClaims,
  validateIdTokenTimes,
} from '../../../packages/static-signin/src/oidc/validate-id-token.ts'
import { authErrorThrownBy } from '../auth-error-of.ts'
import { makeIdToken } from '../fake-provider.ts'

const wrapped = (innerError: unknown) => ({
  name: 'Error',
  message: 'Sign-in failed',
  source: 'signinCallback',
  innerError,
})

describe('describeAuthError', () => {
  it.each([
    ['access_denied', 'Sign-in cancelled'],
    ['login_required', 'Please sign in again'],
    ['interaction_required', 'Please sign in again'],
    ['invalid_grant', 'This sign-in has expired'],
    ['admin_policy_enforced', 'Blocked by your organisation'],
    ['redirect_uri_mismatch', 'Sign-in is misconfigured'],
    ['invalid_client', 'Sign-in is misconfigured'],
    ['something_new', 'Sign-in failed'],
  ])('explains the provider error %s', (error, title) => {
    expect(
      describeAuthError(wrapped(new ErrorResponse({ error, error_description: 'why' }))),
    ).toMatchObject({
      title,
      detail: `${error}: why`,
    })
  })

  it.each([
    ['invalid_request', 'client_secret is missing.', /VITE_OIDC_CLIENT_SECRET/],
    ['invalid_client', 'Unauthorized', /VITE_OIDC_CLIENT_ID and VITE_OIDC_CLIENT_SECRET/],
    ['invalid_client', 'The OAuth client was not found.', /VITE_OIDC_CLIENT_ID/],
    ['deleted_client', 'The OAuth client was deleted.', /create a new OAuth client/],
    ['redirect_uri_mismatch', 'Bad Request', /authorized redirect URI/],
    ['origin_mismatch', '', /authorized JavaScript origin/],
  ])("tells the site owner how to fix Google's %s (%s)", (error, description, fix) => {
    const result = describeAuthError(
      wrapped(new ErrorResponse({ error, error_description: description })),
    )
    expect(result.title).toBe('Sign-in is misconfigured')
    expect(result.message).toMatch(fix)
  })

  it('does not blame the client secret for other invalid_request answers', () => {
    const result = describeAuthError(
      wrapped(new ErrorResponse({ error: 'invalid_request', error_description: 'Missing scope' })),
    )
    expect(result.message).not.toMatch(/SECRET/)
  })

  it('keeps provider markup as text and clips it', () => {
    const description = `<img src=x onerror=alert(1)>${'x'.repeat(500)}`
    const result = describeAuthError(
      wrapped(new ErrorResponse({ error: 'access_denied', error_description: description })),
    )
    expect(result.detail?.startsWith('access_denied: <img src=x onerror=alert(1)>')).toBe(true)
    expect(result.detail?.length).toBeLessThanOrEqual(301)
  })

  it.each<[AuthError, string, string]>([
    [
      new AuthError('issuer_mismatch', 'From elsewhere.', 'iss is x'),
      'Sign-in response rejected',
      'From elsewhere.',
    ],
    [new AuthError('timeout', 'Too slow.'), 'The sign-in provider did not answer', 'Too slow.'],
    [
      new AuthError('userinfo_subject_mismatch', 'Other account.'),
      'Your profile could not be loaded',
      'Other account.',
    ],
  ])('uses the message of an AuthError %#', (error, title, message) => {
    expect(describeAuthError(wrapped(error))).toMatchObject({ title, message })
  })

  it('names the device’s clock, how far off it is and what to do', () => {
    const nowS = Math.floor(Date.now() / 1000)
    const error = authErrorThrownBy(() => {
      new DeviceClock().learn(nowS + 3 * 86_400, nowS * 1000)
    })
    expect(describeAuthError(wrapped(error))).toEqual({
      title: 'Your device’s clock looks wrong',
      message:
        'This device’s clock is about 3 days behind. Set its date and time to update automatically, then try again.',
      detail: expect.stringMatching(
        /^The provider issued the ID token at \S+Z; this device’s clock read \S+Z\.$/,
      ) as unknown,
    })
  })

  it('explains an ID token from the future, once the clock is corrected, without blaming the device', () => {
    const error = authErrorThrownBy(() => {
      validateIdTokenTimes(
        validateIdTokenClaims(makeIdToken({ iss: 'i', aud: 'c', sub: 's', iat: 4000, exp: 7000 }), {
          issuer: 'i',
          clientId: 'c',
        }),
        { now: 3000, clockToleranceSeconds: 300 },
      )
    })
    expect(describeAuthError(wrapped(error))).toEqual({
      title: 'Sign-in response rejected',
      message: 'The sign-in response could not be trusted.',
      detail:
        'The ID token claims to be issued in the future (iat), even allowing for this device’s clock.',
    })
  })

  it.each<[unknown, string]>([
    [new ErrorTimeout('Network timed out'), 'The sign-in provider did not answer'],
    [new Error('No matching state found in storage'), 'This sign-in link is no longer valid'],
    [new Error('No state in response'), 'This sign-in link is no longer valid'],
    [
      new Error('nonce in id_token does not match nonce in client storage'),
      'Sign-in response rejected',
    ],
    [new Error('ID Token is missing a subject claim'), 'Sign-in response rejected'],
    [new TypeError('Failed to fetch'), 'Cannot reach the sign-in provider'],
    [
      new Error('Invalid response Content-Type: text/html, from URL: x'),
      'The sign-in provider had a problem',
    ],
    [new Error('Internal Server Error (500)'), 'The sign-in provider had a problem'],
    [new Error('weird'), 'Sign-in failed'],
    ['a string', 'Sign-in failed'],
    [null, 'Sign-in failed'],
  ])('describes %s', (error, title) => {
    const result = describeAuthError(wrapped(error))
    expect(result.title).toBe(title)
    expect(result.message.length).toBeGreaterThan(10)
  })
})
