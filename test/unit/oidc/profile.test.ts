import { describe, expect, it } from 'vitest'
import {
  pickDisplayClaims,
  readPersonProfile,
} from '../../../packages/static-signin/src/oidc/profile.ts'

describe('pickDisplayClaims', () => {
  it('never lets userinfo overwrite protocol claims', () => {
    const picked = pickDisplayClaims({
      sub: 'x',
      iss: 'x',
      aud: 'x',
      exp: 1,
      hd: 'evil.example',
      email: 'a@b.c',
      name: 'A',
    })
    expect(picked).toEqual({ email: 'a@b.c', name: 'A' })
  })
})

describe('readPersonProfile', () => {
  it('reads Google claims, including email_verified as a string', () => {
    expect(
      readPersonProfile({
        sub: '1',
        iss: 'i',
        aud: 'a',
        exp: 1,
        iat: 1,
        name: 'Ada',
        email: 'ada@example.com',
        email_verified: 'true' as unknown as boolean,
        picture: 'https://lh3.googleusercontent.com/a/x',
        hd: 'example.com',
      }),
    ).toEqual({
      sub: '1',
      name: 'Ada',
      email: 'ada@example.com',
      emailVerified: true,
      pictureUrl: 'https://lh3.googleusercontent.com/a/x',
      hostedDomain: 'example.com',
    })
  })

  it.each([['javascript:alert(1)'], ['data:image/svg+xml,<svg/>'], ['not a url']])(
    'drops the picture URL %s',
    (picture) => {
      expect(
        readPersonProfile({ sub: '1', iss: 'i', aud: 'a', exp: 1, iat: 1, picture }).pictureUrl,
      ).toBeUndefined()
    },
  )
})
