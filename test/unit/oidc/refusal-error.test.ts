import { describe, expect, it } from 'vitest'
import { describeAuthError } from '../../../packages/static-signin/src/oidc/describe-auth-error.ts'
import { createRefusalError } from '../../../packages/static-signin/src/oidc/refusal-error.ts'

describe('createRefusalError, as the person reads it', () => {
  it('site data blocked: why signing in needs it, and how to allow it in each browser', () => {
    const description = describeAuthError(
      createRefusalError({ kind: 'site-data-blocked', detail: 'localStorage: SecurityError: no' }),
    )
    expect(description.title).toBe('Signing in needs site data')
    expect(description.message).toMatch(/^This browser blocks cookies and site data for this site/)
    expect(description.message).toContain('then reload the page')
    expect(description.message).toContain(
      'Chrome: Settings › Privacy and security › Site settings › Additional content settings › On-device site data',
    )
    expect(description.message).toContain('Edge: Settings › Cookies and site permissions')
    expect(description.message).toContain('Firefox: Settings › Privacy & Security')
    expect(description.message).toContain('Safari: Settings › Privacy, and turn off')
    expect(description.detail).toBe('localStorage: SecurityError: no')
  })

  it.each([
    [['BroadcastChannel'], 'BroadcastChannel'],
    [['BroadcastChannel', 'crypto.subtle'], 'BroadcastChannel and crypto.subtle'],
    [
      ['fetch', 'AbortController', 'AbortSignal.timeout'],
      'fetch, AbortController and AbortSignal.timeout',
    ],
  ])('features missing %j: one sentence that names them', (missing, names) => {
    const description = describeAuthError(
      createRefusalError({ kind: 'features-missing', missing, isInsecure: false }),
    )
    expect(description).toEqual({
      title: 'Signing in is not possible in this browser',
      message: `This browser can’t sign you in: it lacks ${names}. Update it, or use a current version of Chrome, Edge, Firefox or Safari.`,
      detail: undefined,
    })
  })

  it('a page not on HTTPS: the technical details say why crypto.subtle is missing', () => {
    const description = describeAuthError(
      createRefusalError({
        kind: 'features-missing',
        missing: ['crypto.subtle'],
        isInsecure: true,
      }),
    )
    expect(description.detail).toMatch(/not loaded over HTTPS/)
  })
})
