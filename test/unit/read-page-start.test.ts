import { describe, expect, it } from 'vitest'
import { readPageStart } from '../../packages/static-signin/src/session/read-page-start.ts'
import { SessionHint } from '../../packages/static-signin/src/session/session-hint.ts'

// What a page load is, read once before anything renders: the top-level restore's two inputs.

const start = (address: string) => {
  window.history.replaceState(null, '', address)
  return readPageStart('client', '/')
}

describe('readPageStart', () => {
  it('knows the answer to a top-level restore by its state, to say "Restoring"', () => {
    expect(start('/?code=c&state=abc%3Brestore')).toMatchObject({
      isCallback: true,
      isRestoreReturn: true,
    })
    expect(start('/?code=c&state=abc')).toMatchObject({ isCallback: true, isRestoreReturn: false })
  })

  it('marks a page opened with an answer somewhere else, which it cleans away: it never leaves on its own', () => {
    new SessionHint(localStorage, 'client').write('42')
    expect(start('/account/?error=login_required&state=forged')).toMatchObject({
      isCallback: false,
      isRestoring: true,
      wasOpenedWithResponse: true,
    })
    expect(window.location.search).toBe('')
    expect(start('/account/?tab=2')).toMatchObject({
      isRestoring: true,
      wasOpenedWithResponse: false,
    })
    // Cleaned for another reason (the base path without its slash): not an answer.
    window.history.replaceState(null, '', '/some/path')
    expect(readPageStart('client', '/some/path/')).toMatchObject({
      isRestoring: true,
      wasOpenedWithResponse: false,
    })
  })
})
