import { ErrorTimeout } from 'oidc-client-ts'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { AuthError } from '../../../packages/static-signin/src/oidc/auth-error.ts'
import { SignOutEpoch } from '../../../packages/static-signin/src/session/sign-out-epoch.ts'
import { Deferred, FakeChannel, FakeKeptManager, issueUser, SUB } from './fake-kept-manager.ts'
import { setUpKeeperHarness } from './keeper-harness.ts'

// The order of events that a real device and several tabs produce: sign-outs that cross other
// messages, writes after an await, a renewal answered with the same token, the network going away.

const harness = setUpKeeperHarness()
const { createKeeper, signedIn } = harness
let manager: FakeKeptManager
let channel: FakeChannel

beforeEach(() => {
  ;({ manager, channel } = harness)
})

const flush = () => vi.advanceTimersByTimeAsync(0)
/** Another tab of this browser: its own view of the shared epoch. */
const otherTab = () => new SignOutEpoch(localStorage, 'client')

function setOnline(isOnline: boolean, { isAnnounced = true } = {}): void {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(isOnline)
  if (isOnline && isAnnounced) window.dispatchEvent(new Event('online'))
}

describe('sign-out wins across tabs, whatever the arrival order', () => {
  it('a signed-in said before this tab signed out is stale: no silent sign-in joins it', async () => {
    const keeper = createKeeper()
    const saidBefore = { type: 'signed-in', epoch: otherTab().read() } as const
    await keeper.signOut()
    channel.deliver(saidBefore) // crossed the sign-out on its way
    await flush()
    expect(manager.signinSilent).not.toHaveBeenCalled()
    expect(manager.user).toBeNull()
  })

  it('a signed-out from before this session began does not end it', async () => {
    const old = otherTab().advance()
    const keeper = await signedIn()
    channel.deliver({ type: 'signed-out', epoch: old })
    await flush()
    expect(manager.user).not.toBeNull()
    expect(keeper.getSnapshot().endReason).toBeUndefined()
  })

  it('a callback for a request made before a sign-out in another tab is refused, all its tokens revoked', () => {
    const requestEpoch = otherTab().read()
    otherTab().advance() // signed out elsewhere while this page was at the provider or loading
    const keeper = createKeeper(true)
    const late = issueUser(
      3600,
      SUB,
      { returnTo: '/', epoch: requestEpoch },
      { refresh_token: 'rt-late' },
    )
    expect(() => {
      manager.store(late)
    }).toThrow(/signed out/)
    expect(manager.revokeToken).toHaveBeenCalledWith('rt-late', 'refresh_token')
    expect(manager.revokeToken).toHaveBeenCalledWith(late.access_token, 'access_token')
    expect(keeper.getSnapshot()).toMatchObject({ endReason: 'signed-out-elsewhere' })
  })

  it('a callback for a request made after the last sign-out is accepted', () => {
    otherTab().advance()
    const keeper = createKeeper(true)
    const user = issueUser(3600, SUB, { returnTo: '/', epoch: otherTab().read() })
    manager.store(user)
    expect(manager.user).toBe(user)
    expect(keeper.getSnapshot().endReason).toBeUndefined()
  })

  it('a tab that missed the signed-out message catches up within a second', async () => {
    const keeper = await signedIn()
    otherTab().advance() // the message never arrives
    await vi.advanceTimersByTimeAsync(1_000)
    expect(manager.user).toBeNull()
    expect(manager.revokeToken).toHaveBeenCalled()
    expect(keeper.getSnapshot().endReason).toBe('signed-out-elsewhere')
  })

  it('a renewal answered after a sign-out elsewhere, before its message, is refused at the store', async () => {
    const keeper = await signedIn(20)
    manager.autoSilent = undefined
    void keeper.renewNow()
    await flush()
    otherTab().advance() // the message is still on its way
    const late = issueUser(3600)
    manager.answerSilent(late)
    await flush()
    expect(manager.user?.access_token).not.toBe(late.access_token)
    expect(manager.revokeToken).toHaveBeenCalledWith(late.access_token, 'access_token')
  })
})

describe('a sign-out heard by its message before its epoch reaches this tab’s storage', () => {
  it('a renewal answered then is revoked, not merely forgotten', async () => {
    const keeper = await signedIn(3600)
    manager.autoSilent = undefined
    void keeper.renewNow()
    await flush()
    const signedOutAt = otherTab().read() + 1 // the other tab's storage write is still on its way
    channel.deliver({ type: 'signed-out', epoch: signedOutAt })
    await flush()
    expect(otherTab().read()).toBeLessThan(signedOutAt)
    const late = issueUser(3600)
    manager.answerSilent(late)
    await flush()
    expect(manager.stored).not.toContain(late.access_token)
    expect(manager.revokeToken).toHaveBeenCalledWith(late.access_token, 'access_token')
  })
})

describe('late tokens of a session that ended without a sign-out', () => {
  it('a renewal answered after the session ended at expiry is forgotten, never revoked (at Google that would withdraw the whole grant)', async () => {
    const keeper = await signedIn(3600)
    manager.autoSilent = undefined
    void keeper.renewNow()
    await flush()
    vi.setSystemTime(Date.now() + 2 * 3600_000) // asleep through expiry: the session ends here
    await vi.advanceTimersByTimeAsync(1_000)
    expect(manager.user).toBeNull()
    const late = issueUser(3600)
    manager.answerSilent(late) // the renewal started before expiry
    await flush()
    expect(manager.stored).not.toContain(late.access_token)
    expect(manager.revokeToken).not.toHaveBeenCalledWith(late.access_token, 'access_token')
  })
})

describe('a page that decided before a sign-out elsewhere', () => {
  it.each([
    ['the hint already cleared', true],
    ['the hint not yet seen cleared', false],
  ])('a restore decided before it does not run (%s)', async (_, isHintCleared) => {
    harness.hint.write(SUB)
    const keeper = createKeeper() // decides to restore
    otherTab().advance()
    if (isHintCleared) harness.hint.clear()
    await keeper.restoreOnce('/')
    expect(manager.signinSilent).not.toHaveBeenCalled()
    expect(channel.posted).toEqual([])
    expect(keeper.getSnapshot().phase).toBe('idle')
  })

  it('a restore whose hint was read just before a sign-out, and its epoch just after, does not run', async () => {
    harness.hint.write(SUB)
    const read = harness.hint.read.bind(harness.hint)
    vi.spyOn(harness.hint, 'read').mockImplementationOnce(() => {
      const hint = read()
      harness.hint.clear() // another tab signs out right after this read
      otherTab().advance()
      return hint
    })
    const keeper = createKeeper()
    expect(keeper.getSnapshot().phase).toBe('restoring')
    await keeper.restoreOnce('/')
    expect(manager.signinSilent).not.toHaveBeenCalled()
    expect(keeper.getSnapshot().phase).toBe('idle')
  })

  it('a callback page that missed the message is not stuck: its refusal says why, and it can join later', async () => {
    const requestEpoch = otherTab().read()
    const keeper = createKeeper(true)
    otherTab().advance() // the message is lost
    expect(() => {
      manager.store(issueUser(3600, SUB, { returnTo: '/', epoch: requestEpoch }))
    }).toThrow(/signed out/)
    manager.callbackFailed.forEach((listener) => {
      listener(new Error('callback failed'))
    })
    expect(keeper.getSnapshot()).toMatchObject({
      phase: 'idle',
      endReason: 'signed-out-elsewhere',
    })
    channel.deliver({ type: 'signed-in', epoch: otherTab().read() })
    await flush()
    expect(manager.user).not.toBeNull()
  })

  it('a callback page still waiting for its code exchange catches up on a missed sign-out', async () => {
    const keeper = createKeeper(true)
    otherTab().advance()
    await vi.advanceTimersByTimeAsync(1_000)
    expect(keeper.getSnapshot()).toMatchObject({
      phase: 'idle',
      endReason: 'signed-out-elsewhere',
    })
  })
})

describe('a tab waiting offline to sign in again', () => {
  async function waitingOffline() {
    const keeper = await signedIn(20)
    setOnline(false)
    await vi.advanceTimersByTimeAsync(21_000)
    expect(keeper.getSnapshot().endReason).toBe('offline')
    return keeper
  }

  it.each([
    ['hears', true],
    ['misses', false],
  ])('%s a sign-out elsewhere: it says so and never signs in again', async (_, isHeard) => {
    const keeper = await waitingOffline()
    const epoch = otherTab().advance()
    harness.hint.clear()
    if (isHeard) channel.deliver({ type: 'signed-out', epoch })
    await vi.advanceTimersByTimeAsync(1_000)
    expect(keeper.getSnapshot().endReason).toBe('signed-out-elsewhere')
    setOnline(true)
    await vi.advanceTimersByTimeAsync(3_000)
    expect(manager.signinSilent).not.toHaveBeenCalled()
    expect(keeper.getSnapshot().endReason).toBe('signed-out-elsewhere')
  })
})

describe('tokens refused after the store gate', () => {
  it('are not taken for new tokens by the next profile reload: the ladder stays given up', async () => {
    const keeper = await signedIn(20)
    // Each answer passes the store gate, then fails the ID token checks that come after it.
    manager.autoSilent = () => {
      manager.gate?.(issueUser(3600))
      return new AuthError('id_token_invalid', 'The sign-in response could not be trusted.')
    }
    await vi.advanceTimersByTimeAsync(10_000 + 2_000 + 2_000 + 100)
    expect(keeper.getSnapshot().phase).toBe('failed')
    const attempts = manager.signinSilent.mock.calls.length
    await keeper.reloadProfile() // userLoaded again, with the same tokens
    await vi.advanceTimersByTimeAsync(3_000)
    expect(keeper.getSnapshot().phase).toBe('failed')
    expect(manager.signinSilent).toHaveBeenCalledTimes(attempts)
  })
})

describe('every write after an await is for its own generation', () => {
  it('a sign-out whose revocation answers after this tab joined a new session does not clear it', async () => {
    const keeper = await signedIn()
    const revocation = new Deferred<undefined>()
    manager.revokeToken.mockImplementationOnce(() => revocation.promise)
    const signingOut = keeper.signOut()
    await flush()
    channel.deliver({ type: 'signed-in', epoch: otherTab().read() }) // signed in again elsewhere
    await flush()
    expect(manager.user).not.toBeNull()
    revocation.resolve(undefined)
    await signingOut
    expect(manager.user).not.toBeNull()
    expect(keeper.getSnapshot()).toMatchObject({ signOutResult: undefined, phase: 'idle' })
    expect(keeper.getSnapshot().lastTokens?.source).toBe('other-tab')
  })
})

describe('a renewal answered with the same access token', () => {
  it('renews: the phase returns to idle and the next renewal is planned from the new expiry', async () => {
    const keeper = await signedIn(20)
    const same = manager.user?.access_token ?? ''
    manager.autoSilent = () => issueUser(20, SUB, undefined, { access_token: same })
    await vi.advanceTimersByTimeAsync(10_000) // halfway: the first renewal
    expect(manager.signinSilent).toHaveBeenCalledTimes(1)
    expect(keeper.getSnapshot().phase).toBe('idle')
    await vi.advanceTimersByTimeAsync(10_000) // halfway through the renewed lifetime
    expect(manager.signinSilent).toHaveBeenCalledTimes(2)
    expect(keeper.getSnapshot().endReason).toBeUndefined()
    expect(manager.user).not.toBeNull()
  })
})

describe('the network goes away', () => {
  it('no renewal attempt runs offline; it runs as soon as the network is back', async () => {
    await signedIn(20)
    setOnline(false)
    await vi.advanceTimersByTimeAsync(12_000)
    expect(manager.signinSilent).not.toHaveBeenCalled()
    setOnline(true)
    await flush()
    expect(manager.signinSilent).toHaveBeenCalledOnce()
  })

  it('an attempt that failed because the network went away does not count', async () => {
    const keeper = await signedIn(20)
    manager.autoSilent = () => {
      setOnline(false)
      return new ErrorTimeout('no network')
    }
    await vi.advanceTimersByTimeAsync(10_000)
    expect(manager.signinSilent).toHaveBeenCalledOnce()
    expect(keeper.getSnapshot()).toMatchObject({ phase: 'idle', renewalError: undefined })
    manager.autoSilent = () => issueUser(3600)
    setOnline(true)
    await flush()
    expect(manager.signinSilent).toHaveBeenCalledTimes(2)
    expect(manager.user?.expires_at).toBeGreaterThan(Date.now() / 1000 + 3000)
  })

  it('tokens that expire offline are dropped; new ones come silently once the network is back', async () => {
    const keeper = await signedIn(20)
    setOnline(false)
    await vi.advanceTimersByTimeAsync(21_000)
    expect(manager.user).toBeNull()
    expect(manager.signinSilent).not.toHaveBeenCalled()
    expect(keeper.getSnapshot().endReason).toBe('offline')
    setOnline(true, { isAnnounced: false }) // back from the back/forward cache: no online event
    await vi.advanceTimersByTimeAsync(1_000)
    expect(manager.signinSilent).toHaveBeenCalledWith({
      login_hint: SUB,
      silentRequestTimeoutInSeconds: 5,
    })
    expect(manager.user).not.toBeNull()
    expect(keeper.getSnapshot()).toMatchObject({ phase: 'idle', endReason: undefined })
  })
})
