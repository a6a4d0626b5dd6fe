import { describe, expect, it } from 'vitest'
import { addScope } from '../../../packages/static-signin/src/google/add-scope.ts'
import {
  hasGrantedScope,
  listAskedScopes,
  readGrantedScopes,
} from '../../../packages/static-signin/src/google/granted-scopes.ts'
import { CALENDAR_EVENTS_SCOPE } from '../../../packages/static-signin/src/google/scopes.ts'

const ASKED = listAskedScopes('openid email profile', [CALENDAR_EVENTS_SCOPE])
const EMAIL = 'https://www.googleapis.com/auth/userinfo.email'
const PROFILE = 'https://www.googleapis.com/auth/userinfo.profile'
const DRIVE = 'https://www.googleapis.com/auth/drive'

describe('readGrantedScopes', () => {
  it.each([
    [
      'a sign-in, Google’s long forms',
      [PROFILE, EMAIL, 'openid'],
      ['profile', 'email', 'openid'],
      [],
    ],
    [
      'the calendar granted, in any order',
      [CALENDAR_EVENTS_SCOPE, 'openid', EMAIL, PROFILE],
      [CALENDAR_EVENTS_SCOPE, 'openid', 'email', 'profile'],
      [],
    ],
    ['the calendar unticked', ['openid', EMAIL, PROFILE], ['openid', 'email', 'profile'], []],
    [
      'a scope this app never asks for, kept out of what it knows',
      ['openid', DRIVE, EMAIL],
      ['openid', 'email'],
      [DRIVE],
    ],
    ['empty entries from doubled spaces', ['openid', '', EMAIL], ['openid', 'email'], []],
  ])('sorts %s', (_, granted, known, unexpected) => {
    expect(readGrantedScopes(granted, ASKED)).toEqual({ known, unexpected })
  })
})

describe('hasGrantedScope', () => {
  it('is true only when the calendar scope is among the granted ones', () => {
    expect(hasGrantedScope(['openid', CALENDAR_EVENTS_SCOPE], CALENDAR_EVENTS_SCOPE, ASKED)).toBe(
      true,
    )
    expect(hasGrantedScope(['openid', EMAIL, PROFILE], CALENDAR_EVENTS_SCOPE, ASKED)).toBe(false)
  })

  it('does not trust a lookalike of the scope (prefix, suffix or the wider calendar scope)', () => {
    for (const lookalike of [
      `${CALENDAR_EVENTS_SCOPE}x`,
      'https://www.googleapis.com/auth/calendar.events',
      'calendar.events.readonly',
    ]) {
      expect(hasGrantedScope(['openid', lookalike], CALENDAR_EVENTS_SCOPE, ASKED)).toBe(false)
    }
  })

  it('never opens a feature on a scope this app does not ask for, even if granted', () => {
    expect(hasGrantedScope(['openid', DRIVE], DRIVE, ASKED)).toBe(false)
  })
})

describe('addScope', () => {
  it('asks for the sign-in scopes plus the feature’s, each once', () => {
    expect(addScope('openid email profile', CALENDAR_EVENTS_SCOPE)).toBe(
      `openid email profile ${CALENDAR_EVENTS_SCOPE}`,
    )
    expect(addScope(`openid ${CALENDAR_EVENTS_SCOPE}`, CALENDAR_EVENTS_SCOPE)).toBe(
      `openid ${CALENDAR_EVENTS_SCOPE}`,
    )
  })
})
