import { ErrorResponse } from 'oidc-client-ts'
import { describe, expect, it, vi } from 'vitest'
import { AuthError, type SessionSnapshot } from 'static-signin'
import { createTestSession, type TestSessionSpec } from 'static-signin/testing'
import { SUB } from '../session/fake-kept-manager.ts'
import { setUpKeeperHarness } from '../session/keeper-harness.ts'

// The test kit against the real session keeper: each state's `keeping` is what the keeper reports
// when it gets there (when and how the last tokens came aside, which the kit fills with "now").

const harness = setUpKeeperHarness()

/** A snapshot, with only whether tokens were kept of `lastTokens`. */
const shape = (snapshot: SessionSnapshot) => ({
  ...snapshot,
  lastTokens: snapshot.lastTokens === undefined ? 'none' : 'kept',
})
const kit = (spec: TestSessionSpec) => shape(createTestSession(spec).keeping)

describe('the test kit’s states, as the session keeper reports them', () => {
  it('starting: a restore, or a callback', () => {
    expect(shape(harness.createKeeper(true).getSnapshot())).toEqual(
      kit({ state: 'starting', via: 'callback' }),
    )
    harness.stopKeeper()
    harness.hint.write(SUB)
    harness.manager.autoSilent = undefined // the restore stays under way
    expect(shape(harness.createKeeper().getSnapshot())).toEqual(kit({ state: 'starting' }))
  })

  it('signed in, then signed out', async () => {
    const keeper = await harness.signedIn(3600)
    expect(shape(keeper.getSnapshot())).toEqual(kit({ state: 'signed-in' }))
    await keeper.signOut()
    expect(shape(keeper.getSnapshot())).toEqual(kit({ state: 'signed-out' }))
  })

  it('renewing, renewal failed, then ended', async () => {
    const loginRequired = new ErrorResponse({ error: 'login_required' })
    harness.manager.autoSilent = undefined
    const keeper = await harness.signedIn(20)
    await vi.advanceTimersByTimeAsync(10_100)
    expect(shape(keeper.getSnapshot())).toEqual(kit({ state: 'renewing' }))
    harness.manager.autoSilent = () => loginRequired
    harness.manager.silentCalls.shift()?.resolve(loginRequired)
    await vi.advanceTimersByTimeAsync(4_000)
    expect(shape(keeper.getSnapshot())).toEqual(
      kit({ state: 'renewal-failed', error: loginRequired }),
    )
    await vi.advanceTimersByTimeAsync(6_100)
    expect(shape(keeper.getSnapshot())).toEqual(kit({ state: 'ended', reason: 'expired' }))
  })

  it('a restore that failed', async () => {
    const error = new AuthError('id_token_invalid', 'The ID token is not for this app.')
    harness.hint.write(SUB)
    harness.manager.autoSilent = () => error
    const keeper = harness.createKeeper()
    await keeper.restoreOnce('/') // what the engine does once the page is up
    expect(shape(keeper.getSnapshot())).toEqual(kit({ state: 'error', error, during: 'restore' }))
  })
})
