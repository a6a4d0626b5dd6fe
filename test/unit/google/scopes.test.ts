import { describe, expect, it } from 'vitest'
import { nameGrantedScopes } from '../../../packages/static-signin/src/google/scopes.ts'

describe('nameGrantedScopes', () => {
  it.each([
    [
      "Google's long forms, in Google's order",
      [
        'https://www.googleapis.com/auth/userinfo.profile',
        'https://www.googleapis.com/auth/userinfo.email',
        'openid',
      ],
      ['profile', 'email', 'openid'],
    ],
    [
      'short and long forms of the same grant',
      ['email', 'https://www.googleapis.com/auth/userinfo.email', 'openid', 'profile'],
      ['email', 'openid', 'profile'],
    ],
    [
      'another API scope, kept as it is',
      ['openid', 'https://www.googleapis.com/auth/drive.file'],
      ['openid', 'https://www.googleapis.com/auth/drive.file'],
    ],
    ['empty entries from doubled spaces', ['openid', '', 'email'], ['openid', 'email']],
  ])('names %s', (_, scopes, names) => {
    expect(nameGrantedScopes(scopes)).toEqual(names)
  })
})
