import type { User } from 'oidc-client-ts'
import { AuthError, readErrorCode } from './auth-error.ts'
import { isInteractionNeeded } from './is-quiet-failure.ts'
import { planRenewal } from './renewal-plan.ts'
import { RenewalSchedule } from './renewal-schedule.ts'
import type { SecureUserManager } from './secure-user-manager.ts'
import type { SessionChannel, SessionMessage } from './session-channel.ts'
import type { SessionHint } from './session-hint.ts'
import { signOut, type SignOutManager, type SignOutResult } from './sign-out.ts'
import { SilentFlight, type Flight } from './silent-flight.ts'

/** What the keeper needs from the manager (an interface, so tests can pass a fake). */
export type KeptManager = SignOutManager &
  Pick<
    SecureUserManager,
    | 'signinSilent'
    | 'signinRedirect'
    | 'fetchDisplayClaims'
    | 'replaceProfile'
    | 'discardPendingSignins'
    | 'setStoreGate'
    | 'addCallbackFailed'
  > & {
    events: Pick<
      SecureUserManager['events'],
      'addUserLoaded' | 'removeUserLoaded' | 'addUserUnloaded' | 'removeUserUnloaded'
    >
  }

/** How the current tokens were obtained. */
export type TokenSource =
  'sign-in' | 'restore' | 'iframe' | 'refresh-token' | 'redirect' | 'other-tab'

/** Why a session ended without the person asking. */
export type EndReason = 'expired' | 'signed-out-elsewhere' | 'unauthorized'

export interface SessionSnapshot {
  /**
   * `callback`: the page is an authorization response still being processed; `restoring`: the one
   * silent sign-in at start-up; `failed`: renewal gave up and the person must act.
   */
  phase: 'idle' | 'callback' | 'restoring' | 'renewing' | 'failed'
  lastTokens: { at: number; source: TokenSource; durationMs: number } | undefined
  renewalError: unknown
  /** Reloading the profile failed, the session itself still holds. */
  profileError: unknown
  /** Restoring or joining a session failed for a reason other than "the provider session ended". */
  startError: unknown
  endReason: EndReason | undefined
  signOutResult: SignOutResult | undefined
  /** "Stay signed in" is on its way to the provider. */
  isStaying: boolean
}

export interface SessionKeeperOptions {
  hint: SessionHint
  channel: Pick<SessionChannel, 'post' | 'listen'>
  /** The page was loaded as an authorization callback: no restore, the callback signs in. */
  isCallback: boolean
  /** Time box of a silent sign-in not tied to a token's lifetime (restore, other tab, "Renew now"). */
  silentTimeoutSeconds: number
}

/** The snapshot of a tab with no session in progress (what came before is kept in `lastTokens`). */
const CLEARED = {
  phase: 'idle',
  renewalError: undefined,
  profileError: undefined,
  startError: undefined,
  endReason: undefined,
  signOutResult: undefined,
  isStaying: false,
} as const satisfies Omit<SessionSnapshot, 'lastTokens'>

/** How often the wall clock is read for renewal and expiry. */
const TICK_MS = 1000

const superseded = () => new AuthError('superseded', 'You signed out while this was in progress.')
const isSuperseded = (error: unknown) => readErrorCode(error) === 'superseded'
const isUnauthorized = (error: unknown) => readErrorCode(error) === 'userinfo_unauthorized'

/**
 * The one owner of the session (plain TypeScript; React reads it through useSyncExternalStore).
 * Every operation captures the session's generation when it starts; sign-out, the end of a
 * session and another tab's sign-out start a new one, and a result that arrives for an older
 * generation is refused at the store (see {@link SecureUserManager.setStoreGate}): never stored,
 * announced or broadcast, its access token revoked. At most one silent sign-in runs at a time
 * ({@link SilentFlight}); later callers join it. It also:
 * - renews before expiry, reading the wall clock every second, a bounded number of times, then
 *   reports `failed` so the app can offer a top-level "Stay signed in";
 * - drops the tokens at expiry: no call is ever made with an expired token;
 * - restores the session once at start-up when this browser had one (hint = `sub`, never a token);
 * - mirrors sign-in and sign-out across tabs without passing tokens between them.
 */
export class SessionKeeper {
  readonly #manager: KeptManager
  readonly #options: SessionKeeperOptions
  readonly #listeners = new Set<() => void>()
  readonly #flight = new SilentFlight<Flight & { source: TokenSource }>()
  #snapshot: SessionSnapshot
  #generation = 0
  #schedule: RenewalSchedule | undefined
  #hasUser = false
  #hasRestoreStarted = false

  constructor(manager: KeptManager, options: SessionKeeperOptions) {
    this.#manager = manager
    this.#options = options
    const shouldRestore = !options.isCallback && options.hint.read() !== undefined
    this.#snapshot = {
      ...CLEARED,
      phase: options.isCallback ? 'callback' : shouldRestore ? 'restoring' : 'idle',
      lastTokens: undefined,
    }
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  readonly getSnapshot = (): SessionSnapshot => this.#snapshot

  /** Listens to the manager, the other tabs, the page's visibility and the clock; returns the stop function. */
  start(): () => void {
    const manager = this.#manager
    const onLoaded = (user: User) => {
      this.#onTokens(user)
    }
    const onUnloaded = () => {
      this.#hasUser = false
      this.#schedule = undefined
    }
    manager.events.addUserLoaded(onLoaded)
    manager.events.addUserUnloaded(onUnloaded)
    manager.setStoreGate((user) => {
      this.#checkStore(user)
    })
    const stopCallback = manager.addCallbackFailed(() => {
      if (this.#snapshot.phase === 'callback') this.#update({ phase: 'idle' })
    })
    const stopListening = this.#options.channel.listen((message) => void this.#onMessage(message))
    const onVisible = () => {
      if (document.visibilityState === 'visible') this.#tick()
    }
    document.addEventListener('visibilitychange', onVisible)
    const clock = setInterval(() => {
      this.#tick()
    }, TICK_MS)
    return () => {
      manager.events.removeUserLoaded(onLoaded)
      manager.events.removeUserUnloaded(onUnloaded)
      manager.setStoreGate(undefined)
      stopCallback()
      stopListening()
      document.removeEventListener('visibilitychange', onVisible)
      clearInterval(clock)
    }
  }

  /** The one time-boxed silent sign-in at start-up; a no-op unless this browser had a session. */
  async restoreOnce(): Promise<void> {
    if (this.#snapshot.phase !== 'restoring' || this.#hasRestoreStarted) return
    this.#hasRestoreStarted = true
    const generation = this.#generation
    await this.#startSilently('restore')
    if (generation === this.#generation) this.#update({ phase: 'idle' })
  }

  /** The callback was processed and the return path restored: the app may show its pages. */
  completeCallback(): void {
    if (this.#snapshot.phase === 'callback') this.#update({ phase: 'idle' })
  }

  /** "Renew now": one attempt (or the one already running), its failure shown but not fatal. */
  async renewNow(): Promise<void> {
    if (!this.#hasUser) return
    const generation = this.#generation
    const user = await this.#manager.getUser()
    if (!user || generation !== this.#generation) return
    this.#update({ phase: 'renewing', renewalError: undefined })
    try {
      await this.#renew(user, this.#options.silentTimeoutSeconds)
      if (generation === this.#generation) this.#update({ phase: 'idle' })
    } catch (error: unknown) {
      if (generation === this.#generation && !isSuperseded(error)) {
        this.#update({ phase: 'failed', renewalError: error })
      }
    }
  }

  /** "Stay signed in": a top-level redirect with `prompt=none` and this tab's account. */
  async stayLoggedIn(returnTo: string): Promise<void> {
    if (this.#snapshot.isStaying) return
    this.#update({ isStaying: true })
    try {
      const user = await this.#manager.getUser()
      await this.#manager.signinRedirect({
        prompt: 'none',
        login_hint: user?.profile.sub ?? this.#options.hint.read(),
        state: { returnTo, isStayingSignedIn: true },
      })
    } catch (error: unknown) {
      this.#update({ isStaying: false, phase: 'failed', renewalError: error })
    }
  }

  /** Forgets the tokens here and in every other tab, then revokes them at the provider. */
  async signOut(): Promise<void> {
    this.#newGeneration()
    this.#options.hint.clear()
    this.#options.channel.post({ type: 'signed-out' })
    await this.#manager.discardPendingSignins()
    const result = await signOut(this.#manager)
    this.#update({ ...CLEARED, signOutResult: result })
  }

  /**
   * Loads the profile again with the current access token. A 401 (revoked or expired at the
   * provider) gets one silent renewal and one retry; only a second 401 ends the session.
   * Nothing is written unless the session is still the one the request started with.
   */
  async reloadProfile(): Promise<void> {
    const generation = this.#generation
    const isCurrent = () => generation === this.#generation
    try {
      await this.#loadProfileOnce(generation)
      return
    } catch (error: unknown) {
      if (!isCurrent()) return
      if (!isUnauthorized(error)) {
        this.#update({ profileError: error })
        return
      }
    }
    try {
      const user = await this.#manager.getUser()
      if (!user || !isCurrent()) return
      await this.#renew(user, this.#options.silentTimeoutSeconds)
    } catch {
      if (isCurrent()) await this.#end('unauthorized')
      return
    }
    try {
      await this.#loadProfileOnce(generation)
    } catch (error: unknown) {
      if (!isCurrent()) return
      if (isUnauthorized(error)) await this.#end('unauthorized')
      else this.#update({ profileError: error })
    }
  }

  async #loadProfileOnce(generation: number): Promise<void> {
    const user = this.#hasUser ? await this.#manager.getUser() : null
    if (!user || generation !== this.#generation) return
    if (user.expired) {
      await this.#end('expired') // never send an expired token
      return
    }
    const claims = await this.#manager.fetchDisplayClaims(user)
    const current = await this.#manager.getUser()
    // Signed out, or renewed, meanwhile: this answer belongs to tokens that are gone.
    if (generation !== this.#generation || current?.access_token !== user.access_token) return
    await this.#manager.replaceProfile(current, claims)
    this.#update({ profileError: undefined })
  }

  /** The store gate: only the running silent sign-in of this generation, or this page's callback. */
  #checkStore(user: User): void {
    const running = this.#flight.running
    const isCurrent = running
      ? running.generation === this.#generation
      : this.#generation === 0 && this.#snapshot.phase === 'callback'
    if (isCurrent) return
    // Issued for a session that has ended: revoke it rather than let it live out its hour.
    this.#manager.revokeToken(user.access_token, 'access_token').catch(() => undefined)
    throw superseded()
  }

  #onTokens(user: User): void {
    const source: TokenSource =
      this.#flight.running?.source ?? (readIsStayingSignedIn(user.state) ? 'redirect' : 'sign-in')
    const startedAt = this.#flight.running?.startedAt
    const wasSignedOut = !this.#hasUser
    const isNewTokens = user.access_token !== this.#schedule?.accessToken
    this.#hasUser = true
    this.#options.hint.write(user.profile.sub)
    if (wasSignedOut && source !== 'other-tab') this.#options.channel.post({ type: 'signed-in' })
    if (!isNewTokens) return // the same tokens with a reloaded profile
    const expiresAt = (user.expires_at ?? 0) * 1000
    this.#schedule = new RenewalSchedule(
      planRenewal(expiresAt, expiresAt - Date.now()),
      user.access_token,
    )
    this.#update({
      phase: ['restoring', 'callback'].includes(this.#snapshot.phase)
        ? this.#snapshot.phase
        : 'idle',
      lastTokens: {
        at: Date.now(),
        source,
        durationMs: startedAt === undefined ? 0 : Date.now() - startedAt,
      },
      renewalError: undefined,
      startError: undefined,
      endReason: undefined,
      signOutResult: undefined,
      isStaying: false,
    })
  }

  async #onMessage(message: SessionMessage): Promise<void> {
    if (message.type === 'signed-in') {
      if (!this.#hasUser && this.#snapshot.phase === 'idle' && !this.#flight.running) {
        // Another tab signed in: get this tab its own tokens, silently (none cross tabs).
        await this.#startSilently('other-tab')
      }
      return
    }
    // Another tab signed out: that wins here too, whatever this tab is in the middle of.
    const hadUser = this.#hasUser
    const wasActive = hadUser || this.#snapshot.phase !== 'idle'
    const endReason = this.#snapshot.endReason
    this.#newGeneration()
    await this.#manager.discardPendingSignins()
    // This tab's tokens are its own: revoke them too, not only forget them.
    if (hadUser) await signOut(this.#manager)
    else await this.#manager.removeUser()
    this.#update({
      ...CLEARED,
      endReason: wasActive ? 'signed-out-elsewhere' : endReason,
    })
  }

  /** Restore or join: silent, except when the failure is more than "the provider session ended". */
  async #startSilently(source: 'restore' | 'other-tab'): Promise<void> {
    const generation = this.#generation
    try {
      await this.#silentSignIn(
        source,
        this.#options.silentTimeoutSeconds,
        this.#options.hint.read(),
      )
    } catch (error: unknown) {
      // Signed out meanwhile: whatever went wrong (its pending state is gone, too) no longer matters.
      if (generation !== this.#generation || isSuperseded(error)) return
      if (isInteractionNeeded(error)) {
        this.#options.hint.clear() // the ordinary signed-out view; no more attempts on reload
        return
      }
      this.#update({ startError: error })
    }
  }

  /** Reads the clock: ends an expired session, starts a renewal attempt that is due. */
  #tick(): void {
    const schedule = this.#schedule
    if (!schedule) return
    const due = schedule.due(Date.now())
    if (due === 'expire') void this.#end('expired')
    else if (due === 'renew' && !this.#flight.running) void this.#attemptRenewal(schedule)
  }

  async #attemptRenewal(schedule: RenewalSchedule): Promise<void> {
    schedule.startAttempt()
    const user = await this.#manager.getUser()
    if (!user || schedule !== this.#schedule) return
    this.#update({ phase: 'renewing' })
    try {
      await this.#renew(user, schedule.plan.attemptTimeoutSeconds)
    } catch (error: unknown) {
      // Signed out, or renewed another way meanwhile: this ladder is over, nothing failed.
      if (schedule !== this.#schedule || isSuperseded(error)) return
      if (!schedule.failAttempt(Date.now())) this.#update({ phase: 'failed', renewalError: error })
    }
  }

  /** A renewal of this tab's own session: its own account as `login_hint`, never the shared hint. */
  #renew(user: User, timeoutSeconds: number): Promise<void> {
    const source: TokenSource = user.refresh_token ? 'refresh-token' : 'iframe'
    return this.#silentSignIn(source, timeoutSeconds, user.profile.sub)
  }

  #silentSignIn(
    source: TokenSource,
    timeoutSeconds: number,
    loginHint: string | undefined,
  ): Promise<void> {
    const generation = this.#generation
    return this.#flight.run({ source, generation, startedAt: Date.now() }, async () => {
      // Queued behind an attempt of an older session: that session is over, so is this attempt.
      if (generation !== this.#generation) throw superseded()
      try {
        await this.#manager.signinSilent({
          login_hint: loginHint,
          silentRequestTimeoutInSeconds: timeoutSeconds,
        })
      } finally {
        await this.#manager.discardPendingSignins('si:s') // an abandoned iframe leaves its state
      }
    })
  }

  async #end(reason: EndReason): Promise<void> {
    this.#newGeneration()
    await this.#manager.removeUser()
    this.#update({ ...CLEARED, endReason: reason })
  }

  /** The session ends here, at once: whatever starts from now on sees no session. */
  #newGeneration(): void {
    this.#generation += 1
    this.#schedule = undefined
    this.#hasUser = false
    this.#hasRestoreStarted = true
    this.#update(CLEARED)
  }

  #update(changes: Partial<SessionSnapshot>): void {
    this.#snapshot = { ...this.#snapshot, ...changes }
    this.#listeners.forEach((listener) => {
      listener()
    })
  }
}

function readIsStayingSignedIn(state: unknown): boolean {
  return (
    typeof state === 'object' &&
    state !== null &&
    (state as { isStayingSignedIn?: unknown }).isStayingSignedIn === true
  )
}
