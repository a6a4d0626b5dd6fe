import { describe, expect, it } from 'vitest'
import {
  includeGrantedScopes,
  missingScopes,
  scopesToConsent,
  toGoogleScope,
} from '../../provider/granted-scopes.ts'

const CAL = 'https://www.googleapis.com/auth/calendar.events.readonly'

describe('the local provider’s consent', () => {
  it.each([
    ['openid email profile', '', ['openid', 'email', 'profile'], []],
    ['openid email profile', 'openid email profile', [], []],
    [`openid email profile ${CAL}`, 'openid email profile', [CAL], [CAL]],
    [`openid email profile ${CAL}`, `openid email profile ${CAL}`, [], []],
    // A scope it does not offer is never asked about, so it can never hold up a sign-in.
    ['openid email profile https://example.com/unknown', 'openid email profile', [], []],
    [`${CAL} ${CAL} openid`, 'openid', [CAL], [CAL]],
  ])(
    'asking %j with %j granted: missing %j, one checkbox for each of %j',
    (asked, granted, missing, boxes) => {
      expect(missingScopes(asked, granted)).toEqual(missing)
      expect(scopesToConsent(asked, granted)).toEqual(boxes)
    },
  )
})

describe('include_granted_scopes', () => {
  it('adds what the account granted before to what this request was granted', () => {
    expect(includeGrantedScopes('openid email profile', `openid email profile ${CAL}`)).toBe(
      `openid email profile ${CAL}`,
    )
  })

  it('adds nothing the account has not granted', () => {
    expect(includeGrantedScopes('openid email', 'openid email')).toBe('openid email')
  })
})

describe('the token response’s scope', () => {
  it('names email and profile in Google’s long forms and keeps the others as they are', () => {
    expect(toGoogleScope(`openid email profile ${CAL}`).split(' ')).toEqual([
      'openid',
      'https://www.googleapis.com/auth/userinfo.email',
      'https://www.googleapis.com/auth/userinfo.profile',
      CAL,
    ])
  })

  it('claims the hostile scenario’s extra scope, which nobody asked for', () => {
    expect(toGoogleScope('openid', 'https://mail.google.com/')).toBe(
      'openid https://mail.google.com/',
    )
  })
})
