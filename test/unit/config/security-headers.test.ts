import { describe, expect, it } from 'vitest'
import { describeApiBase } from '../../../packages/static-signin/src/google/api-base.ts'
import { buildContentSecurityPolicy } from '../../../packages/static-signin/src/hosting/security-headers.ts'

const connectSrc = (issuer: string) =>
  buildContentSecurityPolicy(issuer)
    .split('; ')
    .find((directive) => directive.startsWith('connect-src '))

describe('the API origin in the Content-Security-Policy', () => {
  it('for Google, connect-src gains exactly Google’s API host, and nothing else', () => {
    expect(describeApiBase('https://accounts.google.com', false)).toBe('https://www.googleapis.com')
    expect(connectSrc('https://accounts.google.com')).toBe(
      'connect-src https://oauth2.googleapis.com https://openidconnect.googleapis.com https://www.googleapis.com',
    )
  })

  it('for the local provider, the API is its issuer’s origin, already allowed', () => {
    expect(describeApiBase('http://127.0.0.1:4500/oidc', true)).toBe('http://127.0.0.1:4500')
    expect(connectSrc('http://127.0.0.1:4500/oidc')).toBe('connect-src http://127.0.0.1:4500')
  })

  it('for any other provider there is no Google API: no origin to call, none added', () => {
    expect(describeApiBase('https://login.example.com/tenant', false)).toBeUndefined()
    expect(describeApiBase('http://127.0.0.1:4500/oidc', false)).toBeUndefined()
    expect(connectSrc('https://login.example.com/tenant')).toBe(
      'connect-src https://login.example.com',
    )
  })
})
