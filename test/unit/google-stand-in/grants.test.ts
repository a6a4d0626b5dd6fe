import { describe, expect, it } from 'vitest'
import {
  formatCallbackScope,
  formatTokenScope,
  parseRequestedScopes,
  scopesOfToken,
  scopesToConsent,
} from '../../google/grants.ts'
import { CALENDAR_SCOPE, CALLBACK_SCOPE, GRANTED_SCOPE } from '../../google/wire-format.ts'

const EMAIL = 'https://www.googleapis.com/auth/userinfo.email'
const PROFILE = 'https://www.googleapis.com/auth/userinfo.profile'
const SIGN_IN = ['openid', EMAIL, PROFILE]

describe('the stand-in’s scope logic', () => {
  it('reads short and long forms as one scope each, and keeps unknown ones apart', () => {
    expect(parseRequestedScopes(`openid email profile ${EMAIL} ${CALENDAR_SCOPE} drive`)).toEqual({
      scopes: ['openid', EMAIL, PROFILE, CALENDAR_SCOPE],
      shortForms: ['email', 'profile'],
      unknown: ['drive'],
    })
  })

  it('answers a plain sign-in with the recorded token and redirect scopes, byte for byte', () => {
    const { scopes, shortForms } = parseRequestedScopes('openid email profile')
    const granted = scopesOfToken(scopes, new Set(), false)
    expect(formatTokenScope(granted)).toBe(GRANTED_SCOPE)
    expect(formatCallbackScope(shortForms, granted)).toBe(CALLBACK_SCOPE)
  })

  it.each([
    ['nothing granted yet', [], false, [CALENDAR_SCOPE]],
    ['the scope already granted', [CALENDAR_SCOPE], false, []],
    ['the scope granted, prompt=consent', [CALENDAR_SCOPE], true, [CALENDAR_SCOPE]],
  ])('offers consent for non-sign-in scopes only: %s', (_, granted, isForced, offered) => {
    const requested = [...SIGN_IN, CALENDAR_SCOPE]
    expect(scopesToConsent(requested, new Set(granted), isForced)).toEqual(offered)
  })

  it.each([
    // what the account granted (earlier and now) · include_granted_scopes · what the token carries
    ['calendar granted earlier, asked again', [CALENDAR_SCOPE], false, true],
    [
      'calendar granted earlier, a plain sign-in with include_granted_scopes',
      [CALENDAR_SCOPE],
      true,
      true,
    ],
    ['calendar granted earlier, a plain sign-in without it', [CALENDAR_SCOPE], false, false],
    ['calendar unticked', [], true, false],
  ] as const)('%s', (name, granted, includeGranted, hasCalendar) => {
    const asked = name.includes('asked again') ? [...SIGN_IN, CALENDAR_SCOPE] : SIGN_IN
    const scopes = scopesOfToken(asked, new Set([...SIGN_IN, ...granted]), includeGranted)
    expect(new Set(scopes)).toEqual(new Set(hasCalendar ? [...SIGN_IN, CALENDAR_SCOPE] : SIGN_IN))
  })

  it('never grants a scope only because the account granted it, unless include_granted_scopes', () => {
    const scopes = scopesOfToken(['openid'], new Set([...SIGN_IN, CALENDAR_SCOPE]), false)
    expect(scopes).toEqual(['openid'])
  })

  it('lists an added scope in the token response and the redirect, and a hostile extra only in the token response', () => {
    const scopes = [...SIGN_IN, CALENDAR_SCOPE]
    expect(formatTokenScope(scopes, 'https://mail.google.com/').split(' ')).toEqual([
      CALENDAR_SCOPE,
      PROFILE,
      EMAIL,
      'openid',
      'https://mail.google.com/',
    ])
    expect(formatCallbackScope(['email', 'profile'], scopes)).toBe(
      `email profile ${CALENDAR_SCOPE} ${EMAIL} openid ${PROFILE}`,
    )
  })
})
