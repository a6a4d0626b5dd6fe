import type { User } from 'oidc-client-ts'
import { planRenewal, type RenewalPlan } from './renewal-plan.ts'
import type { SecureUserManager } from './secure-user-manager.ts'
import type { SessionChannel, SessionMessage } from './session-channel.ts'
import type { SessionHint } from './session-hint.ts'
import { signOut, type SignOutManager, type SignOutResult } from './sign-out.ts'

/** What the keeper needs from the manager (an interface, so tests can pass a fake). */
export type KeptManager = SignOutManager &
  Pick<SecureUserManager, 'signinSilent' | 'signinRedirect' | 'reloadProfile'> & {
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
  endReason: EndReason | undefined
  signOutResult: SignOutResult | undefined
}

export interface SessionKeeperOptions {
  hint: SessionHint
  channel: SessionChannel
  /** The page was loaded as an authorization callback: no restore, the callback signs in. */
  isCallback: boolean
  /** Time box of a silent sign-in not tied to a token's lifetime (restore, other tab, "Renew now"). */
  silentTimeoutSeconds: number
}

/**
 * Keeps a signed-in session alive without the person noticing, and tells them honestly when it
 * cannot (plain TypeScript; React reads it through useSyncExternalStore):
 * - renews before expiry (iframe with `prompt=none` + `login_hint`, or refresh token), a bounded
 *   number of times, then reports `failed` so the app can offer a top-level "Stay signed in";
 * - drops the tokens at expiry: no call is ever made with an expired token;
 * - restores the session once at start-up when this browser had one (hint = `sub`, never a token);
 * - mirrors sign-in and sign-out across tabs without passing tokens between them.
 */
export class SessionKeeper {
  readonly #manager: KeptManager
  readonly #options: SessionKeeperOptions
  readonly #listeners = new Set<() => void>()
  #snapshot: SessionSnapshot
  #timers: ReturnType<typeof setTimeout>[] = []
  #hasUser = false
  #pendingSource: { source: TokenSource; startedAt: number } | undefined
  #hasRestoreStarted = false

  constructor(manager: KeptManager, options: SessionKeeperOptions) {
    this.#manager = manager
    this.#options = options
    const shouldRestore = !options.isCallback && options.hint.read() !== undefined
    this.#snapshot = {
      phase: options.isCallback ? 'callback' : shouldRestore ? 'restoring' : 'idle',
      lastTokens: undefined,
      renewalError: undefined,
      endReason: undefined,
      signOutResult: undefined,
    }
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  readonly getSnapshot = (): SessionSnapshot => this.#snapshot

  /** Listens to the manager, the other tabs and the page's visibility; returns the stop function. */
  start(): () => void {
    const events = this.#manager.events
    const onLoaded = (user: User) => {
      this.#onTokens(user)
    }
    const onUnloaded = () => {
      this.#onNoTokens()
    }
    events.addUserLoaded(onLoaded)
    events.addUserUnloaded(onUnloaded)
    const stopListening = this.#options.channel.listen((message) => void this.#onMessage(message))
    const onVisible = () => {
      if (document.visibilityState === 'visible') void this.#catchUp()
    }
    document.addEventListener('visibilitychange', onVisible)
    return () => {
      events.removeUserLoaded(onLoaded)
      events.removeUserUnloaded(onUnloaded)
      stopListening()
      document.removeEventListener('visibilitychange', onVisible)
      this.#clearTimers()
    }
  }

  /** The one time-boxed silent sign-in at start-up; a no-op unless this browser had a session. */
  async restoreOnce(): Promise<void> {
    if (this.#snapshot.phase !== 'restoring' || this.#hasRestoreStarted) return
    this.#hasRestoreStarted = true
    try {
      await this.#silentSignIn('restore', this.#options.silentTimeoutSeconds)
    } catch {
      // login_required or a timeout: the ordinary signed-out view, and no more attempts on reload.
      this.#options.hint.clear()
    }
    this.#update({ phase: 'idle' })
  }

  /** The callback was processed and the return path restored: the app may show its pages. */
  completeCallback(): void {
    if (this.#snapshot.phase === 'callback') this.#update({ phase: 'idle' })
  }

  /** "Renew now": one attempt, its failure shown but not fatal while the token is still valid. */
  async renewNow(): Promise<void> {
    const user = await this.#manager.getUser()
    if (!user) return
    this.#update({ phase: 'renewing', renewalError: undefined })
    try {
      await this.#renew(user, this.#options.silentTimeoutSeconds)
      this.#update({ phase: 'idle' })
    } catch (error: unknown) {
      this.#update({ phase: 'failed', renewalError: error })
    }
  }

  /** "Stay signed in": a top-level redirect with `prompt=none` and the hint (first-party cookies). */
  async stayLoggedIn(returnTo: string): Promise<void> {
    const user = await this.#manager.getUser()
    await this.#manager.signinRedirect({
      prompt: 'none',
      login_hint: user?.profile.sub ?? this.#options.hint.read(),
      state: { returnTo, isStayingSignedIn: true },
    })
  }

  /** Forgets the tokens here and in every other tab, then revokes them at the provider. */
  async signOut(): Promise<void> {
    this.#options.hint.clear()
    this.#options.channel.post({ type: 'signed-out' })
    const result = await signOut(this.#manager)
    this.#update({
      signOutResult: result,
      endReason: undefined,
      renewalError: undefined,
      phase: 'idle',
    })
  }

  /**
   * Loads the profile again. A 401 (token revoked or expired at the provider) gets one silent
   * renewal and one retry; if that fails too, the session ends.
   */
  async reloadProfile(): Promise<void> {
    try {
      await this.#manager.reloadProfile()
      return
    } catch (error: unknown) {
      if ((error as { code?: unknown }).code !== 'userinfo_unauthorized') {
        this.#update({ renewalError: error })
        return
      }
    }
    try {
      const user = await this.#manager.getUser()
      if (user) await this.#renew(user, this.#options.silentTimeoutSeconds)
      await this.#manager.reloadProfile()
    } catch {
      await this.#end('unauthorized')
    }
  }

  #onTokens(user: User): void {
    const pending = this.#pendingSource
    this.#pendingSource = undefined
    const source: TokenSource =
      pending?.source ?? (readIsStayingSignedIn(user.state) ? 'redirect' : 'sign-in')
    const wasSignedOut = !this.#hasUser
    this.#hasUser = true
    this.#options.hint.write(user.profile.sub)
    if (wasSignedOut && source !== 'other-tab') this.#options.channel.post({ type: 'signed-in' })
    this.#schedule(user)
    const isSameTokens =
      this.#snapshot.lastTokens !== undefined && pending === undefined && !wasSignedOut
    this.#update({
      phase: ['restoring', 'callback'].includes(this.#snapshot.phase)
        ? this.#snapshot.phase
        : 'idle',
      lastTokens: isSameTokens
        ? this.#snapshot.lastTokens
        : { at: Date.now(), source, durationMs: pending ? Date.now() - pending.startedAt : 0 },
      renewalError: undefined,
      endReason: undefined,
      signOutResult: undefined,
    })
  }

  #onNoTokens(): void {
    this.#hasUser = false
    this.#clearTimers()
  }

  async #onMessage(message: SessionMessage): Promise<void> {
    if (message.type === 'signed-out') {
      if (!this.#hasUser) return
      // This tab's tokens are its own: revoke them too, not only forget them.
      this.#clearTimers()
      await signOut(this.#manager)
      this.#update({ phase: 'idle', endReason: 'signed-out-elsewhere' })
      return
    }
    if (!this.#hasUser && this.#snapshot.phase === 'idle') {
      // Another tab signed in: get this tab its own tokens, silently (none cross tabs).
      await this.#silentSignIn('other-tab', this.#options.silentTimeoutSeconds).catch(
        () => undefined,
      )
    }
  }

  #schedule(user: User): void {
    this.#clearTimers()
    const expiresAt = (user.expires_at ?? 0) * 1000
    const plan = planRenewal(expiresAt, expiresAt - Date.now())
    this.#timers.push(
      setTimeout(() => void this.#renewWithRetries(plan), Math.max(0, plan.renewAt - Date.now())),
      setTimeout(() => void this.#end('expired'), Math.max(0, expiresAt - Date.now())),
    )
  }

  async #renewWithRetries(plan: RenewalPlan): Promise<void> {
    this.#update({ phase: 'renewing' })
    let lastError: unknown
    for (let attempt = 0; attempt <= plan.retryDelays.length; attempt += 1) {
      if (attempt > 0) await sleep(plan.retryDelays[attempt - 1] ?? 0)
      const user = await this.#manager.getUser()
      if (!user || Date.now() >= plan.expiresAt) {
        // Signed out meanwhile, or too late: expiry handling takes over, nothing failed.
        this.#update({ phase: 'idle' })
        return
      }
      try {
        await this.#renew(user, plan.attemptTimeoutSeconds)
        return
      } catch (error: unknown) {
        lastError = error
      }
    }
    this.#update({ phase: 'failed', renewalError: lastError })
  }

  async #renew(user: User, timeoutSeconds: number): Promise<void> {
    const source: TokenSource = user.refresh_token ? 'refresh-token' : 'iframe'
    await this.#silentSignIn(source, timeoutSeconds)
  }

  async #silentSignIn(source: TokenSource, timeoutSeconds: number): Promise<void> {
    this.#pendingSource = { source, startedAt: Date.now() }
    try {
      await this.#manager.signinSilent({
        login_hint: this.#options.hint.read(),
        silentRequestTimeoutInSeconds: timeoutSeconds,
      })
    } finally {
      this.#pendingSource = undefined
    }
  }

  /** After the tab slept or was throttled: end an expired session at once, renew a due one. */
  async #catchUp(): Promise<void> {
    const user = await this.#manager.getUser()
    if (!user) return
    if (user.expired) await this.#end('expired')
    else this.#schedule(user)
  }

  async #end(reason: EndReason): Promise<void> {
    this.#clearTimers()
    await this.#manager.removeUser()
    this.#update({ phase: 'idle', endReason: reason })
  }

  #clearTimers(): void {
    this.#timers.forEach((timer) => {
      clearTimeout(timer)
    })
    this.#timers = []
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

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
