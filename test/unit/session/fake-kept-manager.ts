import { User } from 'oidc-client-ts'
import { vi } from 'vitest'
import { AuthError } from '../../../packages/static-signin/src/oidc/auth-error.ts'
import type { SessionMessage } from '../../../packages/static-signin/src/session/session-channel.ts'

export const SUB = '42'

/** A promise the test settles, when it chooses. */
export class Deferred<T> {
  resolve!: (value: T) => void
  reject!: (error: unknown) => void
  readonly promise = new Promise<T>((resolve, reject) => {
    this.resolve = resolve
    this.reject = reject
  })
}

let serial = 0

/**
 * Tokens as the library stores them; `state` is what the sign-in request carried, if any, and
 * `tokens` the provider's choice where a test needs one (the same access token, a refresh token,
 * the granted scope).
 */
export function issueUser(
  lifetimeSeconds: number,
  sub = SUB,
  state?: unknown,
  tokens: { access_token?: string; refresh_token?: string; scope?: string } = {},
): User {
  serial += 1
  return new User({
    access_token: tokens.access_token ?? `at-${String(serial)}`,
    refresh_token: tokens.refresh_token,
    scope: tokens.scope,
    token_type: 'Bearer',
    profile: { sub, iss: 'i', aud: 'a', exp: 0, iat: 0 },
    expires_at: Math.floor(Date.now() / 1000) + lifetimeSeconds,
    userState: state,
  })
}

type Outcome = User | Error

/**
 * The keeper's view of a SecureUserManager. Silent sign-ins and userinfo calls wait for the test
 * (`answerSilent`, `answerProfile`) unless an automatic answer is set; every store goes through
 * the keeper's gate, as SecureUserManager.storeUser does.
 */
export class FakeKeptManager {
  user: User | null = null
  /** The page is on its way to the provider (SecureUserManager.isLeaving). */
  isLeaving = false
  readonly loaded = new Set<(user: User) => void>()
  readonly unloaded = new Set<() => void>()
  readonly callbackFailed = new Set<(error: unknown) => void>()
  gate: ((user: User) => void) | undefined
  /** Answers every silent sign-in at once, when set. */
  autoSilent: (() => Outcome) | undefined = () => issueUser(20)
  readonly silentCalls: Deferred<Outcome>[] = []
  readonly profileCalls: Deferred<Record<string, unknown> | Error>[] = []
  autoProfile: (() => Record<string, unknown> | Error) | undefined = () => ({ name: 'Ada' })
  /** Silent sign-ins running at the same moment, at most. */
  maxConcurrentSilent = 0
  #concurrentSilent = 0
  /** Every access token stored, in order. */
  readonly stored: string[] = []

  readonly events = {
    addUserLoaded: (cb: (user: User) => void) => (
      this.loaded.add(cb),
      () => this.loaded.delete(cb)
    ),
    removeUserLoaded: (cb: (user: User) => void) => this.loaded.delete(cb),
    addUserUnloaded: (cb: () => void) => (this.unloaded.add(cb), () => this.unloaded.delete(cb)),
    removeUserUnloaded: (cb: () => void) => this.unloaded.delete(cb),
  }

  /** Each silent sign-in asked for: a renewal when the tab held tokens, else a restore or join. */
  readonly silentLog: { isRenewal: boolean }[] = []
  /** Resolved the first time tokens are stored. */
  readonly firstStore = new Deferred<undefined>()

  readonly signinSilent = vi.fn<(args?: unknown) => Promise<User | null>>(async () => {
    this.silentLog.push({ isRenewal: this.user !== null })
    this.#concurrentSilent += 1
    this.maxConcurrentSilent = Math.max(this.maxConcurrentSilent, this.#concurrentSilent)
    try {
      let outcome: Outcome
      if (this.autoSilent) {
        outcome = this.autoSilent()
      } else {
        const call = new Deferred<Outcome>()
        this.silentCalls.push(call)
        outcome = await call.promise
      }
      if (outcome instanceof Error) throw outcome
      this.store(outcome)
      return outcome
    } finally {
      this.#concurrentSilent -= 1
    }
  })

  /** What redeeming the boot script's early restore stores, or throws (a fresh user by default). */
  earlyOutcome: () => Outcome = () => issueUser(20)
  /** The answers redeemed from an early restore, in order. */
  readonly earlyRedeemed: string[] = []
  readonly signinSilentWith = vi.fn(async (response: Promise<string>) => {
    this.earlyRedeemed.push(await response)
    const outcome = this.earlyOutcome()
    if (outcome instanceof Error) throw outcome
    this.store(outcome)
    return outcome
  })
  /** Each early restore prepared: its URL names the account and a serial, its state the serial. */
  readonly createEarlyRestoreRequest = vi.fn((loginHint: string) => {
    serial += 1
    return Promise.resolve({
      url: `https://provider.test/auth?prompt=none&login_hint=${loginHint}&n=${String(serial)}`,
      state: `early-${String(serial)}`,
    })
  })
  readonly discardPendingSignin = vi.fn<(state: string) => Promise<void>>(() => Promise.resolve())

  readonly fetchDisplayClaims = vi.fn<(user: User) => Promise<Record<string, unknown>>>(
    async () => {
      let outcome: Record<string, unknown> | Error
      if (this.autoProfile) {
        outcome = this.autoProfile()
      } else {
        const call = new Deferred<Record<string, unknown> | Error>()
        this.profileCalls.push(call)
        outcome = await call.promise
      }
      if (outcome instanceof Error) throw outcome
      return outcome
    },
  )

  readonly replaceProfile = vi.fn((user: User, claims: Record<string, unknown>) => {
    user.profile = { ...user.profile, ...claims }
    this.user = user
    this.loaded.forEach((cb) => {
      cb(user)
    })
    return Promise.resolve()
  })

  /**
   * The page is leaving from here on. (The library's promise never settles while it leaves; this
   * one does, so a test can await the step that made the redirect.)
   */
  readonly signinRedirect = vi.fn<(args?: unknown) => Promise<void>>(() => {
    this.isLeaving = true
    return Promise.resolve()
  })
  readonly revokeToken = vi.fn(() => Promise.resolve())
  /** Discovery: nothing to fetch unless a test holds it. */
  readonly prepare = vi.fn(() => Promise.resolve({}))
  readonly discardPendingSignins = vi.fn(() => Promise.resolve())
  readonly getUser = () => Promise.resolve(this.user)
  readonly removeUser = vi.fn(() => {
    this.user = null
    this.unloaded.forEach((cb) => {
      cb()
    })
    return Promise.resolve()
  })

  readonly setStoreGate = (gate: ((user: User) => void) | undefined) => {
    this.gate = gate
  }

  readonly addCallbackFailed = (listener: (error: unknown) => void) => {
    this.callbackFailed.add(listener)
    return () => this.callbackFailed.delete(listener)
  }

  /** Stores a user the way the library does: through the gate, then the `userLoaded` event. */
  store(user: User): void {
    this.gate?.(user)
    this.user = user
    this.stored.push(user.access_token)
    this.firstStore.resolve(undefined)
    this.loaded.forEach((cb) => {
      cb(user)
    })
  }

  /** Settles the oldest waiting silent sign-in. */
  answerSilent(outcome: Outcome): void {
    const call = this.silentCalls.shift()
    if (!call) throw new Error('no silent sign-in is waiting')
    call.resolve(outcome)
  }

  answerProfile(outcome: Record<string, unknown> | Error): void {
    const call = this.profileCalls.shift()
    if (!call) throw new Error('no userinfo call is waiting')
    call.resolve(outcome)
  }
}

export const unauthorized = () => new AuthError('userinfo_unauthorized', 'no')

/** The other tabs, as the keeper hears them: messages delivered when the test says. */
export class FakeChannel {
  readonly posted: SessionMessage[] = []
  readonly #listeners = new Set<(message: SessionMessage) => void>()

  post(message: SessionMessage): void {
    this.posted.push(message)
  }

  listen(listener: (message: SessionMessage) => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /** Another tab says something. */
  deliver(message: SessionMessage): void {
    this.#listeners.forEach((listener) => {
      listener(message)
    })
  }
}
