import { ErrorResponse } from 'oidc-client-ts'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { SessionHint } from '../../../packages/static-signin/src/session/session-hint.ts'
import { AuthError } from '../../../packages/static-signin/src/oidc/auth-error.ts'
import { FakeKeptManager, issueUser, SUB, unauthorized } from './fake-kept-manager.ts'
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
    const keeper = await signedIn(20)
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
    const keeper = await signedIn(20)
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
    const keeper = await signedIn(20)
    await vi.advanceTimersByTimeAsync(10_100)
    expect(manager.signinSilent).toHaveBeenCalledOnce()
    await keeper.signOut()
    await vi.advanceTimersByTimeAsync(5_000)
    expect(manager.signinSilent).toHaveBeenCalledOnce()
    expect(keeper.getSnapshot()).toMatchObject({ phase: 'idle', renewalError: undefined })
  })

  it('"Stay signed in" redirects at the top level with prompt=none, the hint and the route', async () => {
    const keeper = await signedIn(3600)
    await keeper.stayLoggedIn('/account?tab=1')
    expect(manager.signinRedirect).toHaveBeenCalledWith({
      prompt: 'none',
      login_hint: SUB,
      state: { returnTo: '/account?tab=1', isStayingSignedIn: true, epoch: 0 },
    })
  })

  it('restores a session this browser had, reporting it as restored', async () => {
    hint.write(SUB)
    const keeper = createKeeper()
    expect(keeper.getSnapshot().phase).toBe('restoring')
    await keeper.restoreOnce('/')
    await keeper.restoreOnce('/') // StrictMode runs effects twice: still one attempt
    expect(manager.signinSilent).toHaveBeenCalledOnce()
    expect(keeper.getSnapshot()).toMatchObject({ phase: 'idle', lastTokens: { source: 'restore' } })
  })

  it('where the iframe is shut out on a reload, leaves once at top level for the hinted account and stays "restoring"', async () => {
    hint.write(SUB)
    manager.autoSilent = () => new ErrorResponse({ error: 'login_required' })
    const keeper = createKeeper()
    await keeper.restoreOnce('/account?tab=1#top')
    await keeper.restoreOnce('/account?tab=1#top')
    expect(manager.signinRedirect).toHaveBeenCalledExactlyOnceWith({
      prompt: 'none',
      login_hint: SUB,
      state: {
        returnTo: '/account?tab=1#top',
        epoch: 0,
        isRestoring: true,
        learnsTopLevel: true,
        loginHint: SUB,
      },
      url_state: 'restore',
      redirectMethod: 'replace',
    })
    expect(keeper.getSnapshot()).toMatchObject({ phase: 'restoring', startError: undefined })
    expect(hint.read()).toBe(SUB)
  })

  it('does not restore on a callback page or without a hint', () => {
    expect(createKeeper().getSnapshot().phase).toBe('idle')
    hint.write(SUB)
    expect(createKeeper(true).getSnapshot().phase).toBe('callback')
  })

  it('after a userinfo 401, renews once and retries once; a second 401 ends the session', async () => {
    const keeper = await signedIn(3600)
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
    const keeper = await signedIn(3600)
    expect(hint.read()).toBe(SUB)
    await keeper.signOut()
    expect(hint.read()).toBeUndefined()
    expect(manager.revokeToken).toHaveBeenCalledWith(expect.stringMatching(/^at-/), 'access_token')
    expect(keeper.getSnapshot().signOutResult).toEqual({ isRevoked: true })
  })
})

describe('SessionKeeper: userinfo after a new session, off the critical path', () => {
  /** A callback page whose user is stored while its userinfo answer is held back. */
  function signInWithUserinfoHeld() {
    const keeper = createKeeper(true)
    manager.autoProfile = undefined
    manager.store(issueUser(3600))
    keeper.completeCallback()
    return keeper
  }
  const flush = () => vi.advanceTimersByTimeAsync(0)

  it('the session is there at once, from the ID token; userinfo is asked once, then shown', async () => {
    signInWithUserinfoHeld()
    await flush()
    expect(manager.user?.profile.sub).toBe(SUB)
    expect(manager.fetchDisplayClaims).toHaveBeenCalledOnce()
    expect(manager.replaceProfile).not.toHaveBeenCalled()
    manager.answerProfile({ name: 'Ada from userinfo' })
    await flush()
    expect(manager.user?.profile.name).toBe('Ada from userinfo')
  })

  it('userinfo for another account ends the session as an alert, revokes and forgets the hint', async () => {
    const keeper = signInWithUserinfoHeld()
    await flush()
    const token = manager.user?.access_token
    const error = new AuthError('userinfo_subject_mismatch', 'Another account.')
    manager.answerProfile(error)
    await flush()
    expect(manager.user).toBeNull()
    expect(keeper.getSnapshot().startError).toBe(error)
    expect(manager.revokeToken).toHaveBeenCalledWith(token, 'access_token')
    expect(hint.read()).toBeUndefined()
    expect(manager.replaceProfile).not.toHaveBeenCalled()
  })

  it('any other userinfo failure keeps the session, with the ID token’s claims and a hint', async () => {
    const keeper = signInWithUserinfoHeld()
    await flush()
    const error = new AuthError('userinfo_failed', 'No profile.')
    manager.answerProfile(error)
    await flush()
    expect(manager.user?.profile.sub).toBe(SUB)
    expect(keeper.getSnapshot()).toMatchObject({ profileError: error, startError: undefined })
  })

  it('a sign-out before userinfo answers: the late answer is dropped', async () => {
    const keeper = signInWithUserinfoHeld()
    await flush()
    await keeper.signOut()
    manager.answerProfile(new AuthError('userinfo_subject_mismatch', 'Another account.'))
    await flush()
    expect(manager.replaceProfile).not.toHaveBeenCalled()
    expect(keeper.getSnapshot()).toMatchObject({
      startError: undefined,
      signOutResult: { isRevoked: true },
    })
  })

  it('a renewal of the same session asks userinfo nothing', async () => {
    const keeper = await signedIn(20)
    await keeper.renewNow()
    await flush()
    expect(manager.fetchDisplayClaims).not.toHaveBeenCalled()
  })
})
