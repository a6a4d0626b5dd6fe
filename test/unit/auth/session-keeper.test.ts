import { ErrorResponse, User } from 'oidc-client-ts'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AuthError } from '../../../src/auth/auth-error.ts'
import { SessionChannel } from '../../../src/auth/session-channel.ts'
import { SessionHint } from '../../../src/auth/session-hint.ts'
import { SessionKeeper } from '../../../src/auth/session-keeper.ts'

const SUB = '42'

function issueUser(lifetimeSeconds: number): User {
  return new User({
    access_token: `at-${String(Math.random())}`,
    token_type: 'Bearer',
    profile: { sub: SUB, iss: 'i', aud: 'a', exp: 0, iat: 0 },
    expires_at: Math.floor(Date.now() / 1000) + lifetimeSeconds,
  })
}

/** The keeper's view of a UserManager, with scripted silent sign-ins. */
class FakeManager {
  user: User | null = null
  readonly loaded = new Set<(user: User) => void>()
  readonly unloaded = new Set<() => void>()
  silentOutcome: () => User | Error = () => issueUser(20)
  readonly events = {
    addUserLoaded: (cb: (user: User) => void) => (
      this.loaded.add(cb),
      () => this.loaded.delete(cb)
    ),
    removeUserLoaded: (cb: (user: User) => void) => this.loaded.delete(cb),
    addUserUnloaded: (cb: () => void) => (this.unloaded.add(cb), () => this.unloaded.delete(cb)),
    removeUserUnloaded: (cb: () => void) => this.unloaded.delete(cb),
  }
  readonly signinSilent = vi.fn(() => {
    const outcome = this.silentOutcome()
    if (outcome instanceof Error) return Promise.reject(outcome)
    this.load(outcome)
    return Promise.resolve(outcome)
  })
  readonly signinRedirect = vi.fn(() => Promise.resolve())
  readonly revokeToken = vi.fn(() => Promise.resolve())
  readonly reloadProfile = vi.fn(() =>
    this.user ? Promise.resolve(this.user) : Promise.reject(new Error('no user')),
  )
  readonly getUser = () => Promise.resolve(this.user)
  readonly removeUser = vi.fn(() => {
    this.user = null
    this.unloaded.forEach((cb) => {
      cb()
    })
    return Promise.resolve()
  })

  load(user: User): void {
    this.user = user
    this.loaded.forEach((cb) => {
      cb(user)
    })
  }
}

let manager: FakeManager
let hint: SessionHint
let stop: (() => void) | undefined

function createKeeper(isCallback = false): SessionKeeper {
  const keeper = new SessionKeeper(manager, {
    hint,
    channel: new SessionChannel(`keeper-test-${String(Math.random())}`),
    isCallback,
    silentTimeoutSeconds: 5,
  })
  stop = keeper.start()
  return keeper
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
  vi.setSystemTime(new Date('2026-11-26T12:00:00Z')) // a whole second, like expires_at
  manager = new FakeManager()
  hint = new SessionHint(localStorage, 'client')
})

afterEach(() => {
  stop?.()
  vi.useRealTimers()
})

describe('SessionKeeper', () => {
  it('renews halfway through a 20-second token with the subject as login_hint', async () => {
    const keeper = createKeeper()
    manager.load(issueUser(20))
    await vi.advanceTimersByTimeAsync(9_900)
    expect(manager.signinSilent).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(200)
    expect(manager.signinSilent).toHaveBeenCalledWith({
      login_hint: SUB,
      silentRequestTimeoutInSeconds: 1,
    })
    expect(keeper.getSnapshot()).toMatchObject({ phase: 'idle', lastTokens: { source: 'iframe' } })
  })

  it('gives up after three failed attempts and asks the person, then drops the tokens at expiry', async () => {
    const keeper = createKeeper()
    manager.silentOutcome = () => new ErrorResponse({ error: 'login_required' })
    manager.load(issueUser(20))
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
    const keeper = createKeeper()
    manager.silentOutcome = () => new ErrorResponse({ error: 'login_required' })
    manager.load(issueUser(20))
    await vi.advanceTimersByTimeAsync(10_100)
    expect(manager.signinSilent).toHaveBeenCalledOnce()
    await keeper.signOut()
    await vi.advanceTimersByTimeAsync(5_000)
    expect(manager.signinSilent).toHaveBeenCalledOnce()
    expect(keeper.getSnapshot()).toMatchObject({ phase: 'idle', renewalError: undefined })
  })

  it('"Stay signed in" redirects at the top level with prompt=none, the hint and the route', async () => {
    const keeper = createKeeper()
    manager.load(issueUser(3600))
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
    manager.silentOutcome = () => new ErrorResponse({ error: 'login_required' })
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

  it('after a userinfo 401, renews once and retries once; a second failure ends the session', async () => {
    const keeper = createKeeper()
    manager.load(issueUser(3600))
    const unauthorized = new AuthError('userinfo_unauthorized', 'no')
    manager.reloadProfile.mockRejectedValueOnce(unauthorized)
    await keeper.reloadProfile()
    expect(manager.signinSilent).toHaveBeenCalledOnce()
    expect(manager.reloadProfile).toHaveBeenCalledTimes(2)
    expect(keeper.getSnapshot().endReason).toBeUndefined()

    manager.reloadProfile.mockRejectedValueOnce(unauthorized).mockRejectedValueOnce(unauthorized)
    await keeper.reloadProfile()
    expect(manager.signinSilent).toHaveBeenCalledTimes(2)
    expect(manager.reloadProfile).toHaveBeenCalledTimes(4)
    expect(keeper.getSnapshot().endReason).toBe('unauthorized')
    expect(manager.user).toBeNull()
  })

  it('signing out forgets the hint and revokes the token', async () => {
    const keeper = createKeeper()
    manager.load(issueUser(3600))
    expect(hint.read()).toBe(SUB)
    await keeper.signOut()
    expect(hint.read()).toBeUndefined()
    expect(manager.revokeToken).toHaveBeenCalledWith(expect.stringMatching(/^at-/), 'access_token')
    expect(keeper.getSnapshot().signOutResult).toEqual({ isRevoked: true })
  })
})
