import { ErrorResponse } from 'oidc-client-ts'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { SessionHint } from '../../../src/session/session-hint.ts'
import { FakeKeptManager, SUB, unauthorized } from './fake-kept-manager.ts'
import { setUpKeeperHarness } from './keeper-harness.ts'

const harness = setUpKeeperHarness()
const { createKeeper, signedIn } = harness
let manager: FakeKeptManager
let hint: SessionHint

beforeEach(() => {
  ;({ manager, hint } = harness)
})

describe('SessionKeeper', () => {
  it('renews halfway through a 20-second token with the subject as login_hint', async () => {
    const keeper = signedIn(20)
    await vi.advanceTimersByTimeAsync(9_900)
    expect(manager.signinSilent).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(200)
    expect(manager.signinSilent).toHaveBeenCalledWith({
      login_hint: SUB,
      silentRequestTimeoutInSeconds: 1,
    })
    await vi.advanceTimersByTimeAsync(0)
    expect(keeper.getSnapshot()).toMatchObject({ phase: 'idle', lastTokens: { source: 'iframe' } })
  })

  it('gives up after three failed attempts and asks the person, then drops the tokens at expiry', async () => {
    manager.autoSilent = () => new ErrorResponse({ error: 'login_required' })
    const keeper = signedIn(20)
    await vi.advanceTimersByTimeAsync(14_000)
    expect(manager.signinSilent).toHaveBeenCalledTimes(3)
    expect(keeper.getSnapshot().phase).toBe('failed')
    expect(keeper.getSnapshot().renewalError).toBeInstanceOf(ErrorResponse)

    await vi.advanceTimersByTimeAsync(6_100)
    expect(manager.signinSilent).toHaveBeenCalledTimes(3)
    expect(manager.removeUser).toHaveBeenCalledOnce()
    expect(keeper.getSnapshot()).toMatchObject({ phase: 'idle', endReason: 'expired' })
  })

  it('stops retrying without reporting a failure when the person signs out meanwhile', async () => {
    manager.autoSilent = () => new ErrorResponse({ error: 'login_required' })
    const keeper = signedIn(20)
    await vi.advanceTimersByTimeAsync(10_100)
    expect(manager.signinSilent).toHaveBeenCalledOnce()
    await keeper.signOut()
    await vi.advanceTimersByTimeAsync(5_000)
    expect(manager.signinSilent).toHaveBeenCalledOnce()
    expect(keeper.getSnapshot()).toMatchObject({ phase: 'idle', renewalError: undefined })
  })

  it('"Stay signed in" redirects at the top level with prompt=none, the hint and the route', async () => {
    const keeper = signedIn(3600)
    await keeper.stayLoggedIn('/account?tab=1')
    expect(manager.signinRedirect).toHaveBeenCalledWith({
      prompt: 'none',
      login_hint: SUB,
      state: { returnTo: '/account?tab=1', isStayingSignedIn: true },
    })
  })

  it('restores a session this browser had, reporting it as restored', async () => {
    hint.write(SUB)
    const keeper = createKeeper()
    expect(keeper.getSnapshot().phase).toBe('restoring')
    await keeper.restoreOnce()
    await keeper.restoreOnce() // StrictMode runs effects twice: still one attempt
    expect(manager.signinSilent).toHaveBeenCalledOnce()
    expect(keeper.getSnapshot()).toMatchObject({ phase: 'idle', lastTokens: { source: 'restore' } })
  })

  it('treats a failed restore as the ordinary signed-out state and forgets the hint', async () => {
    hint.write(SUB)
    manager.autoSilent = () => new ErrorResponse({ error: 'login_required' })
    const keeper = createKeeper()
    await keeper.restoreOnce()
    expect(keeper.getSnapshot()).toMatchObject({
      phase: 'idle',
      endReason: undefined,
      renewalError: undefined,
    })
    expect(hint.read()).toBeUndefined()
  })

  it('does not restore on a callback page or without a hint', () => {
    expect(createKeeper().getSnapshot().phase).toBe('idle')
    hint.write(SUB)
    expect(createKeeper(true).getSnapshot().phase).toBe('callback')
  })

  it('after a userinfo 401, renews once and retries once; a second 401 ends the session', async () => {
    const keeper = signedIn(3600)
    let answers: (Record<string, unknown> | Error)[] = [unauthorized()]
    manager.autoProfile = () => answers.shift() ?? { name: 'Ada' }
    await keeper.reloadProfile()
    expect(manager.signinSilent).toHaveBeenCalledOnce()
    expect(manager.fetchDisplayClaims).toHaveBeenCalledTimes(2)
    expect(keeper.getSnapshot().endReason).toBeUndefined()
    expect(manager.user?.profile.name).toBe('Ada')

    answers = [unauthorized(), unauthorized()]
    await keeper.reloadProfile()
    expect(manager.signinSilent).toHaveBeenCalledTimes(2)
    expect(manager.fetchDisplayClaims).toHaveBeenCalledTimes(4)
    expect(keeper.getSnapshot().endReason).toBe('unauthorized')
    expect(manager.user).toBeNull()
  })

  it('signing out forgets the hint and revokes the token', async () => {
    const keeper = signedIn(3600)
    expect(hint.read()).toBe(SUB)
    await keeper.signOut()
    expect(hint.read()).toBeUndefined()
    expect(manager.revokeToken).toHaveBeenCalledWith(expect.stringMatching(/^at-/), 'access_token')
    expect(keeper.getSnapshot().signOutResult).toEqual({ isRevoked: true })
  })
})
