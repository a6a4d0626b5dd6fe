import { ErrorResponse, ErrorTimeout } from 'oidc-client-ts'
import { describe, expect, it } from 'vitest'
import { chooseAlert, type AlertInput } from '../../../src/components/choose-alert.ts'
import { describeAuthError } from '../../../packages/static-signin/src/oidc/describe-auth-error.ts'
import { AuthError } from '../../../packages/static-signin/src/oidc/auth-error.ts'

type Input = Omit<AlertInput, 'describeError'>

const IDLE: AlertInput['keeping'] = {
  phase: 'idle',
  renewalError: undefined,
  endReason: undefined,
  signOutResult: undefined,
  isStaying: false,
  invitation: undefined,
}
const INVITED = { name: 'Ada Lovelace', learnsTopLevel: true }
const SESSION = { expiresAt: 1_900_000_000 }
const denied = new ErrorResponse({ error: 'access_denied' })
const loginRequired = new ErrorResponse({ error: 'login_required' })
const timedOut = new ErrorTimeout('IFrame timed out without a response')
const revoked = { isRevoked: true } as const
const siteDataBlocked = new AuthError('site_data_blocked', 'Blocked.')
const unsupported = new AuthError('browser_unsupported', 'Too old.')

describe('chooseAlert', () => {
  it.each<[string, Input, string]>([
    ['nothing to say', { error: undefined, session: undefined, keeping: IDLE }, 'none'],
    ['signed in and well', { error: undefined, session: SESSION, keeping: IDLE }, 'none'],
    ['a sign-in failure', { error: denied, session: undefined, keeping: IDLE }, 'auth-error'],
    [
      'a sign-in failure outranks a failed renewal',
      { error: denied, session: SESSION, keeping: { ...IDLE, phase: 'failed' } },
      'auth-error',
    ],
    [
      'renewal gave up while signed in',
      { error: undefined, session: SESSION, keeping: { ...IDLE, phase: 'failed' } },
      'renewal-failed',
    ],
    [
      'renewal gave up, but the tokens have no expiry to count down to',
      {
        error: undefined,
        session: { expiresAt: undefined },
        keeping: { ...IDLE, phase: 'failed' },
      },
      'none',
    ],
    [
      'failed phase with no session left',
      { error: undefined, session: undefined, keeping: { ...IDLE, phase: 'failed' } },
      'none',
    ],
    [
      'the session ended by itself',
      { error: undefined, session: undefined, keeping: { ...IDLE, endReason: 'expired' } },
      'session-ended',
    ],
    [
      'an end reason is outranked by being signed in again',
      { error: undefined, session: SESSION, keeping: { ...IDLE, endReason: 'expired' } },
      'none',
    ],
    [
      'an end reason outranks the sign-out result',
      {
        error: undefined,
        session: undefined,
        keeping: { ...IDLE, endReason: 'signed-out-elsewhere', signOutResult: revoked },
      },
      'session-ended',
    ],
    [
      'another tab signed in where this one cannot join silently',
      { error: undefined, session: undefined, keeping: { ...IDLE, invitation: INVITED } },
      'continue',
    ],
    [
      'an offer to continue outranks the end reason it explains',
      {
        error: undefined,
        session: undefined,
        keeping: { ...IDLE, endReason: 'expired', invitation: INVITED },
      },
      'continue',
    ],
    [
      'a sign-in failure outranks the offer',
      { error: denied, session: undefined, keeping: { ...IDLE, invitation: INVITED } },
      'auth-error',
    ],
    [
      'signed out by the person',
      { error: undefined, session: undefined, keeping: { ...IDLE, signOutResult: revoked } },
      'signed-out',
    ],
    [
      'a browser that refuses site data',
      { error: siteDataBlocked, session: undefined, keeping: IDLE },
      'browser-refused',
    ],
    [
      'a browser that lacks a feature',
      { error: unsupported, session: undefined, keeping: IDLE },
      'browser-refused',
    ],
  ])('%s → %s', (_, input, kind) => {
    expect(chooseAlert({ ...input, describeError: describeAuthError }).kind).toBe(kind)
  })

  it.each<[string, unknown, boolean, string | undefined]>([
    ['cookies withheld from the iframe', loginRequired, true, 'Please sign in again'],
    ['the iframe timed out', timedOut, false, 'The sign-in provider did not answer'],
    [
      'a rejected renewal response',
      new AuthError('id_token_invalid', 'bad aud'),
      false,
      'Sign-in response rejected',
    ],
  ])('a failed renewal says why: %s', (_, renewalError, isInteractionNeeded, cause) => {
    const alert = chooseAlert({
      describeError: describeAuthError,
      error: undefined,
      session: SESSION,
      keeping: { ...IDLE, phase: 'failed', renewalError, isStaying: true },
    })
    expect(alert).toEqual({
      kind: 'renewal-failed',
      expiresAt: SESSION.expiresAt,
      isInteractionNeeded,
      cause,
      isBusy: true,
    })
  })

  it('describes the sign-in failure as text for the alert', () => {
    const alert = chooseAlert({
      describeError: describeAuthError,
      error: denied,
      session: undefined,
      keeping: IDLE,
    })
    expect(alert.kind === 'auth-error' && alert.description.title).toBe('Sign-in cancelled')
  })
})
