import { describe, expect, it, vi } from 'vitest'
import { probeBrowser } from '../../../packages/static-signin/src/config/probe-browser.ts'
import { refuseStorage } from '../refuse-storage.ts'

describe('probeBrowser', () => {
  it('finds nothing to refuse in a browser that has everything', () => {
    expect(probeBrowser()).toBeUndefined()
    expect(localStorage.getItem('static-signin.probe')).toBeNull()
    expect(sessionStorage.getItem('static-signin.probe')).toBeNull()
  })

  it.each(['localStorage', 'sessionStorage'] as const)(
    'reports site data blocked when the %s getter itself throws',
    (name) => {
      refuseStorage(name)
      expect(() => window[name]).toThrow('denied') // the mock does what the browser does
      expect(probeBrowser()).toEqual({
        kind: 'site-data-blocked',
        detail: `${name}: SecurityError: denied`,
      })
    },
  )

  it('names both storages when both refuse', () => {
    refuseStorage('localStorage')
    refuseStorage('sessionStorage')
    expect(probeBrowser()).toMatchObject({
      detail: 'localStorage: SecurityError: denied; sessionStorage: SecurityError: denied',
    })
  })

  it('reports site data blocked when the storage is there but refuses a write', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    })
    expect(probeBrowser()).toMatchObject({ kind: 'site-data-blocked' })
  })

  it('names a missing BroadcastChannel, which the silent sign-in opens unconditionally', () => {
    vi.stubGlobal('BroadcastChannel', undefined)
    expect(probeBrowser()).toEqual({
      kind: 'features-missing',
      missing: ['BroadcastChannel'],
      isInsecure: false,
    })
  })

  it('names a missing crypto.subtle, and says when the page is not a secure context', () => {
    vi.stubGlobal('crypto', { getRandomValues: crypto.getRandomValues.bind(crypto) })
    vi.stubGlobal('isSecureContext', false)
    expect(probeBrowser()).toEqual({
      kind: 'features-missing',
      missing: ['crypto.subtle'],
      isInsecure: true,
    })
  })

  it('names every missing feature, and reports them before any storage problem', () => {
    vi.stubGlobal('crypto', undefined)
    vi.stubGlobal('TextEncoder', undefined)
    vi.stubGlobal('fetch', undefined)
    vi.stubGlobal('AbortController', undefined)
    vi.stubGlobal('AbortSignal', {})
    refuseStorage('localStorage')
    expect(probeBrowser()).toMatchObject({
      missing: [
        'crypto.subtle',
        'crypto.getRandomValues',
        'TextEncoder',
        'fetch',
        'AbortController',
        'AbortSignal.timeout',
      ],
    })
  })
})
