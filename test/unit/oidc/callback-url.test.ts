import { describe, expect, it } from 'vitest'
import {
  isAuthorizationCallback,
  removeCallbackParameters,
} from '../../../packages/static-signin/src/oidc/callback-url.ts'

const redirectUri = 'https://app.example/'

describe('isAuthorizationCallback', () => {
  it.each([
    ['https://app.example/?code=c&state=s', true],
    ['https://app.example/?error=access_denied&state=s', true],
    ['https://app.example/?code=c', false],
    ['https://app.example/?state=s', false],
    ['https://app.example/account?code=c&state=s', false],
    ['https://other.example/?code=c&state=s', false],
    ['https://app.example/', false],
  ])('%s → %s', (href, result) => {
    expect(isAuthorizationCallback({ href }, redirectUri)).toBe(result)
  })
})

describe('removeCallbackParameters', () => {
  it.each([
    ['https://app.example/?code=c&state=s&iss=x', '/'],
    ['https://app.example/?error=access_denied&error_description=x&error_uri=y&state=s', '/'],
    ['https://app.example/?code=c&state=s&junk=1#frag', '/'],
    ['https://app.example/sub/?code=%E0%A4%A&state=s', '/sub/'],
  ])('%s → %s', (href, path) => {
    expect(removeCallbackParameters(href)).toBe(path)
  })
})
