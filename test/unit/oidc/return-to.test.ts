import { describe, expect, it } from 'vitest'
import {
  readReturnTo,
  readReturnToFromState,
} from '../../../packages/static-signin/src/oidc/return-to.ts'

describe('readReturnTo', () => {
  it.each([
    ['/', '/'],
    ['/account', '/account'],
    ['/account?tab=1#keys', '/account?tab=1#keys'],
    ['/a/../account', '/account'],
    ['/account?code=x&state=y&tab=1', '/account?tab=1'],
  ])('keeps the same-origin path %s', (value, result) => {
    expect(readReturnTo(value, '/')).toBe(result)
  })

  it.each([
    ['//evil.example'],
    ['//evil.example/path'],
    ['/\\evil.example'],
    ['\\\\evil.example'],
    ['https://evil.example'],
    ['http://evil.example/'],
    ['javascript:alert(1)'],
    ['JaVaScRiPt:alert(1)'],
    ['/%0d%0a//evil.example'.replace('%0d%0a', '\r\n')],
    ['\t//evil.example'],
    ['/.//evil.example'],
    ['/%2e//evil.example'],
    ['/x/..//evil.example'],
    ['/././/evil.example/path'],
    ['evil.example'],
    [''],
    [42],
    [undefined],
    [{ toString: () => '/account' }],
  ])('falls back to the home page for %j', (value) => {
    expect(readReturnTo(value, '/')).toBe('/')
  })

  it('keeps encoded look-alikes as harmless same-origin paths', () => {
    expect(readReturnTo('/%2F%2Fevil.example', '/')).toBe('/%2F%2Fevil.example')
    expect(readReturnTo('/%5Cevil.example', '/')).toBe('/%5Cevil.example')
  })

  it('stays under the base path', () => {
    expect(readReturnTo('/app/account', '/app/')).toBe('/app/account')
    expect(readReturnTo('/other', '/app/')).toBe('/app/')
    expect(readReturnTo('/app/../other', '/app/')).toBe('/app/')
  })

  it('reads the path from the sign-in state', () => {
    expect(readReturnToFromState({ returnTo: '/account' }, '/')).toBe('/account')
    expect(readReturnToFromState({ returnTo: '//evil.example' }, '/')).toBe('/')
    expect(readReturnToFromState(null, '/')).toBe('/')
    expect(readReturnToFromState('/account', '/')).toBe('/')
  })
})
