import type { User } from 'oidc-client-ts'
import { planRenewal } from './renewal-plan.ts'
import { RenewalSchedule } from './renewal-schedule.ts'
import { readIsStayingSignedIn } from '../oidc/return-to.ts'
import type { KeptManager } from './kept-manager.ts'
import { reloadProfile, type ProfileReloadHost } from './profile-reload.ts'
import { restoreOrJoin, type StartHost } from './restore-or-join.ts'
import { renewNow, stayLoggedIn, tickRenewal, type RenewalHost } from './renewal-attempts.ts'
import type { SessionChannel } from './session-channel.ts'
import type { SessionHint } from './session-hint.ts'
import {
  CLEARED,
  type EndReason,
  type SessionSnapshot,
  type TokenSource,
} from './session-snapshot.ts'
import { signOut } from './sign-out.ts'
import { SilentFlight, type Flight } from './silent-flight.ts'
import { createSupersededError } from './superseded.ts'
import { mirrorOtherTab, type TabMirrorHost } from './tab-mirror.ts'
import { watchWallClock } from './wall-clock.ts'

export interface SessionKeeperOptions {
  hint: SessionHint
  channel: Pick<SessionChannel, 'post' | 'listen'>
  /** The page was loaded as an authorization callback: no restore, the callback signs in. */
  isCallback: boolean
  /** Time box of a silent sign-in not tied to a token's lifetime (restore, other tab, "Renew now"). */
  silentTimeoutSeconds: number
}

/**
 * The one owner of the session (plain TypeScript; React reads it through useSyncExternalStore).
 * Every operation captures the session's generation when it starts; sign-out, the end of a
 * session and another tab's sign-out start a new one, and a result that arrives for an older
 * generation is refused at the store (see `SecureUserManager.setStoreGate`): never stored,
 * announced or broadcast, its access token revoked. At most one silent sign-in runs at a time
 * ({@link SilentFlight}); later callers join it. It also:
 * - renews before expiry, reading the wall clock every second, a bounded number of times, then
 *   reports `failed` so the app can offer a top-level "Stay signed in" ({@link tickRenewal});
 * - drops the tokens at expiry: no call is ever made with an expired token;
 * - restores the session once at start-up when this browser had one (hint = `sub`, never a token;
 *   {@link restoreOrJoin});
 * - mirrors sign-in and sign-out across tabs ({@link mirrorOtherTab}) and reloads the profile
 *   ({@link reloadProfile}), both through the same generations.
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
  /** The narrow view of this keeper that renewal, profile reloading and tab mirroring work through. */
  readonly #host: ProfileReloadHost & RenewalHost & StartHost & TabMirrorHost

  constructor(manager: KeptManager, options: SessionKeeperOptions) {
    this.#manager = manager
    this.#options = options
    this.#host = {
      manager,
      hint: options.hint,
      readGeneration: () => this.#generation,
      hasUser: () => this.#hasUser,
      readSnapshot: () => this.#snapshot,
      readSchedule: () => this.#schedule,
      isSilentSignInRunning: () => this.#flight.running !== undefined,
      renew: (user, timeoutSeconds = options.silentTimeoutSeconds) =>
        this.#renew(user, timeoutSeconds),
      joinOtherTab: () => restoreOrJoin(this.#host, 'other-tab'),
      signInSilently: (source, loginHint) =>
        this.#silentSignIn(source, options.silentTimeoutSeconds, loginHint),
      end: this.#end,
      reject: this.#reject,
      startNewGeneration: this.#newGeneration,
      update: this.#update,
    }
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
    const stopListening = this.#options.channel.listen(
      (message) => void mirrorOtherTab(message, this.#host),
    )
    const stopClock = watchWallClock(() => {
      tickRenewal(this.#host)
    })
    return () => {
      manager.events.removeUserLoaded(onLoaded)
      manager.events.removeUserUnloaded(onUnloaded)
      manager.setStoreGate(undefined)
      stopCallback()
      stopListening()
      stopClock()
    }
  }

  /** The one time-boxed silent sign-in at start-up; a no-op unless this browser had a session. */
  async restoreOnce(): Promise<void> {
    if (this.#snapshot.phase !== 'restoring' || this.#hasRestoreStarted) return
    this.#hasRestoreStarted = true
    const generation = this.#generation
    await restoreOrJoin(this.#host, 'restore')
    if (generation === this.#generation) this.#update({ phase: 'idle' })
  }

  /** The callback was processed and the return path restored: the app may show its pages. */
  completeCallback(): void {
    if (this.#snapshot.phase === 'callback') this.#update({ phase: 'idle' })
  }

  /** "Renew now"; see {@link renewNow}. */
  renewNow(): Promise<void> {
    return renewNow(this.#host)
  }

  /** "Stay signed in"; see {@link stayLoggedIn}. */
  stayLoggedIn(returnTo: string): Promise<void> {
    return stayLoggedIn(this.#host, returnTo)
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

  /** Loads the profile again; see {@link reloadProfile} for the 401 ladder. */
  reloadProfile(): Promise<void> {
    return reloadProfile(this.#host)
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
    throw createSupersededError()
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
    // A new session shows its ID token's claims at once; userinfo confirms them meanwhile.
    if (wasSignedOut) void reloadProfile(this.#host)
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
      if (generation !== this.#generation) throw createSupersededError()
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

  readonly #end = async (reason: EndReason): Promise<void> => {
    this.#newGeneration()
    await this.#manager.removeUser()
    this.#update({ ...CLEARED, endReason: reason })
  }

  /** Ends the session as a failed sign-in: forgets and revokes its tokens, and shows `error`. */
  readonly #reject = async (error: unknown): Promise<void> => {
    this.#newGeneration()
    this.#options.hint.clear()
    const user = await this.#manager.getUser()
    await this.#manager.removeUser()
    if (user) this.#manager.revokeToken(user.access_token, 'access_token').catch(() => undefined)
    this.#update({ ...CLEARED, startError: error })
  }

  /** The session ends here, at once: whatever starts from now on sees no session. */
  readonly #newGeneration = (): void => {
    this.#generation += 1
    this.#schedule = undefined
    this.#hasUser = false
    this.#hasRestoreStarted = true
    this.#update(CLEARED)
  }

  readonly #update = (changes: Partial<SessionSnapshot>): void => {
    this.#snapshot = { ...this.#snapshot, ...changes }
    this.#listeners.forEach((listener) => {
      listener()
    })
  }
}
