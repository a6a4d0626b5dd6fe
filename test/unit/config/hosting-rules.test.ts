import { describe, expect, it } from 'vitest'
import {
  CACHE_IMMUTABLE,
  CACHE_REVALIDATE,
  chooseCacheControl,
  describeHostingRules,
  isServableBase,
} from '../../../packages/static-signin/src/hosting/hosting-rules.ts'
import { PAGE_PATHS } from '../../../src/pages-list.ts'
import { buildSecurityHeaders } from '../../../packages/static-signin/src/hosting/security-headers.ts'

const ISSUER = 'https://accounts.google.com'

describe('describeHostingRules', () => {
  it('names the home page alone by default, and the 404 page and the hashed prefix', () => {
    expect(describeHostingRules(ISSUER, '/')).toMatchObject({ pages: ['/'], notFound: '/404.html' })
  })

  it('names every page given, the 404 page and the hashed prefix under the base', () => {
    expect(describeHostingRules(ISSUER, '/some/path/', PAGE_PATHS)).toEqual({
      base: '/some/path/',
      securityHeaders: buildSecurityHeaders(ISSUER),
      hashedPrefix: '/some/path/assets/',
      pages: ['/some/path/', '/some/path/account/', '/some/path/sign-in/'],
      notFound: '/some/path/404.html',
    })
  })

  it.each([
    ['/assets/index-abc123.js', CACHE_IMMUTABLE],
    ['/assets/roboto-latin-500-normal-7RbcRiD8.woff2', CACHE_IMMUTABLE],
    ['/', CACHE_REVALIDATE],
    ['/account/', CACHE_REVALIDATE],
    ['/account/index.html', CACHE_REVALIDATE],
    ['/404.html', CACHE_REVALIDATE],
    ['/silent-renew.html', CACHE_REVALIDATE],
    ['/silent-renew.js', CACHE_REVALIDATE],
    ['/favicon.svg', CACHE_REVALIDATE],
    ['/no/such/page', CACHE_REVALIDATE],
  ])('caches %s as %s', (path, cacheControl) => {
    expect(chooseCacheControl(describeHostingRules(ISSUER, '/'), path)).toBe(cacheControl)
  })

  it('does not mistake a page named like the assets folder for a hashed file', () => {
    const rules = describeHostingRules(ISSUER, '/app/')
    expect(chooseCacheControl(rules, '/assets/x.js')).toBe(CACHE_REVALIDATE)
    expect(chooseCacheControl(rules, '/app/assets/x.js')).toBe(CACHE_IMMUTABLE)
  })
})

describe('isServableBase', () => {
  it.each([
    ['/', true],
    ['/some/path/', true],
    ['/my-app.v2/', true],
    ['', false],
    ['some/path/', false],
    ['/some/path', false],
    ['//evil.example/', false],
    ['/a b/', false],
    ['./', false],
    ['/x/../', false],
    ['/./', false],
    ['/.well-known/', true],
  ])('%j → %s', (base, ok) => {
    expect(isServableBase(base)).toBe(ok)
  })
})
