import type { User } from 'oidc-client-ts'
import type { AccessTokens } from '../oidc/authorized-fetch.ts'
import { lendAccessTokens, type TokenNeed } from './api-tokens.ts'
import { askForScope, type FeatureName, type ScopeRequest } from './ask-for-scope.ts'
import { chooseAnotherAccount } from './choose-account.ts'
import { readDeclinedRequest } from './declined-feature.ts'
import { planRenewal } from './renewal-plan.ts'
import { RenewalSchedule } from './renewal-schedule.ts'
import { readIsStayingSignedIn } from '../oidc/return-to.ts'
import type { Generation } from './generation.ts'
import { SessionState } from './session-state.ts'
import type { KeptManager } from './kept-manager.ts'
import { reloadProfile, type ProfileReloadHost } from './profile-reload.ts'
import { restoreOrJoin, type StartHost } from './restore-or-join.ts'
import type { RestorePathMemory } from './restore-path.ts'
import {
  readEndedAtProvider,
  readRestoreState,
  RESTORE_URL_STATE,
  type LeaveMark,
  type RestoreRequestState,
} from './top-level-restore.ts'
import { resumeAfterExpiry, type ResumeHost } from './resume-after-expiry.ts'
import { renewNow, stayLoggedIn, tickRenewal, type RenewalHost } from './renewal-attempts.ts'
import type { SessionChannel } from './session-channel.ts'
import type { SessionHint } from './session-hint.ts'
import { CLEARED, type EndReason, type TokenSource } from './session-snapshot.ts'
import { revokeQuietly, signOut } from './sign-out.ts'
import type { SignOutEpoch } from './sign-out-epoch.ts'
import { checkStore, type RunningFlight, type StoreGateHost } from './store-gate.ts'
import { SilentFlight, type Flight } from './silent-flight.ts'
import { createSupersededError } from './superseded.ts'
import { EarlyRestoreUnanswered, type EarlyRestore } from './early-restore.ts'
import { ErrorTimeout } from 'oidc-client-ts'
import { mirrorOtherTab, type TabMirrorHost } from './tab-mirror.ts'
import { watchDevice } from './watch-device.ts'

export interface SessionKeeperOptions {
  hint: SessionHint
  channel: Pick<SessionChannel, 'post' | 'listen'>
  /** The sign-out order that every tab of this browser shares. */
  epochs: SignOutEpoch
  /** The page was loaded as an authorization callback: no restore, the callback signs in. */
  isCallback: boolean
  /** What this browser has shown about restoring through the iframe (restore-path.ts). */
  restorePaths: Pick<RestorePathMemory, 'read' | 'learnTopLevel' | 'learnIframe'>
  /** This tab's mark of a top-level restore that has not come back (top-level-restore.ts). */
  leaveMark: Pick<LeaveMark, 'isRecent' | 'set' | 'clear'>
  /** The page was opened with an authorization response somewhere else: it never leaves on its own. */
  wasOpenedWithResponse: boolean
  /** Time box of a silent sign-in not tied to a token's lifetime (restore, other tab, "Renew now"). */
  silentTimeoutSeconds: number
  /** The restore the boot script opened before the scripts came, and the next load's (early-restore.ts). */
  earlyRestore?: Pick<EarlyRestore, 'prepare' | 'forget' | 'take' | 'discard'>
}

/** After an early restore that gave nothing, the usual one is tried only with this much time left. */
const MIN_FALLBACK_SECONDS = 3

/** How long after new tokens the next load's early restore is prepared (see #prepareEarlyRestore). */
export const PREPARE_EARLY_RESTORE_AFTER_MS = 1000

type Host = ProfileReloadHost & RenewalHost & StartHost & TabMirrorHost & ResumeHost & StoreGateHost

/**
 * The one owner of the session (plain TypeScript; React reads it through useSyncExternalStore).
 * Every operation takes the {@link Generation} it starts in; sign-out here or in another tab, the
 * end of a session and a refused answer start a new one. Every write goes through `update`, which
 * drops a write for a generation that has ended or that a sign-out anywhere has overtaken
 * ({@link SignOutEpoch}); a token result for such a generation is refused at the store (see
 * `SecureUserManager.setStoreGate`): never stored, announced or broadcast, every token it carries
 * revoked. At most one silent sign-in runs at a time ({@link SilentFlight}). It also:
 * - renews before expiry, reading the wall clock every second, a bounded number of times, then
 *   reports `failed` so the app can offer a top-level "Stay signed in" ({@link tickRenewal});
 *   an attempt made while offline does not count, and the next waits for the network;
 * - drops the tokens at expiry: no call is ever made with an expired token. When the device slept
 *   or was offline through the renewal window, it then gets new tokens silently, as a reload would
 *   ({@link resumeAfterExpiry});
 * - restores the session once at start-up when this browser had one (hint = `sub`, never a token;
 *   {@link restoreOrJoin});
 * - mirrors sign-in and sign-out across tabs ({@link mirrorOtherTab}), catching up on a sign-out it
 *   did not hear, and reloads the profile ({@link reloadProfile}).
 */
export class SessionKeeper {
  readonly #manager: KeptManager
  readonly #options: SessionKeeperOptions
  readonly #flight = new SilentFlight<Flight & RunningFlight>()
  readonly #state: SessionState
  #schedule: RenewalSchedule | undefined
  #hasUser = false
  #hasRestoreStarted = false
  /** Where a top-level restore comes back to (the address when it was decided). */
  #returnTo = '/'
  /** Tokens the store gate admitted: a `userLoaded` for one of them is new tokens, else a profile reload. */
  readonly #admitted = new WeakSet<User>()
  /** A feature whose access the person declined at the provider, for the session restored after. */
  #declined: { feature: FeatureName | undefined; generation: Generation } | undefined
  /** The narrow view of this keeper that the jobs it delegates work through. */
  readonly #host: Host

  constructor(manager: KeptManager, options: SessionKeeperOptions) {
    this.#manager = manager
    this.#options = options
    if (options.isCallback) options.leaveMark.clear() // whatever round trip this tab made is back
    const shouldRestore = !options.isCallback && options.hint.read() !== undefined
    const state = new SessionState(
      {
        ...CLEARED,
        phase: options.isCallback ? 'callback' : shouldRestore ? 'restoring' : 'idle',
        lastTokens: undefined,
      },
      options.epochs,
    )
    this.#state = state
    this.subscribe = state.subscribe
    this.getSnapshot = state.getSnapshot
    this.#host = {
      manager,
      hint: options.hint,
      readGeneration: () => state.generation,
      readEpoch: () => state.readEpoch(),
      isLeaving: () => manager.isLeaving,
      isLive: (generation) => state.isLive(generation),
      isOnline: () => typeof navigator === 'undefined' || navigator.onLine,
      hasUser: () => this.#hasUser,
      readSnapshot: state.getSnapshot,
      readSchedule: () => this.#schedule,
      isSilentSignInRunning: () => this.#flight.running !== undefined,
      readRunningFlight: () => this.#flight.running,
      renew: (user, timeoutSeconds = options.silentTimeoutSeconds) =>
        this.#renew(user, timeoutSeconds),
      // A new session, at the epoch it was announced in (the tab holds none: see tab-mirror.ts).
      joinOtherTab: async (epoch, name, sub) => {
        state.beginGeneration(epoch)
        // The announced account, not the shared hint: another tab's write of it may reach this
        // tab after its message does.
        if (sub !== undefined) options.hint.write(sub, epoch)
        await restoreOrJoin(this.#host, 'other-tab', name)
      },
      readRestorePath: () => options.restorePaths.read(Date.now()),
      mayLeave: () =>
        !options.wasOpenedWithResponse &&
        !options.leaveMark.isRecent(Date.now()) &&
        this.#host.isOnline(),
      learnIframe: () => {
        options.restorePaths.learnIframe()
      },
      leaveToRestore: (generation, loginHint, learnsTopLevel) =>
        this.#leaveToRestore(generation, loginHint, learnsTopLevel, 'replace'),
      signInSilently: (source, loginHint) =>
        this.#silentSignIn(source, options.silentTimeoutSeconds, loginHint),
      expire: (schedule) => resumeAfterExpiry(this.#host, schedule),
      resume: async () => {
        await restoreOrJoin(this.#host, 'resume')
      },
      end: this.#end,
      reject: this.#reject,
      startNewGeneration: this.#newGeneration,
      update: (generation, changes) => {
        state.update(generation, changes)
      },
    }
  }

  /** For useSyncExternalStore. */
  readonly subscribe: SessionState['subscribe']
  readonly getSnapshot: SessionState['getSnapshot']

  /** Listens to the manager, the other tabs, the clock and the network; returns the stop function. */
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
      checkStore(this.#host, user)
      this.#admitted.add(user)
    })
    const stopCallback = manager.addCallbackFailed((error) => {
      if (this.#state.getSnapshot().phase !== 'callback') return
      const declined = readDeclinedRequest(error, this.#options.hint.read())
      if (declined && this.#state.isLive(this.#state.generation)) {
        void this.#restoreAfterDecline(declined.feature)
        return
      }
      // A top-level restore the provider answered "sign in" to: the session there has ended.
      // Only the account it asked for: another tab may have signed in as someone else meanwhile.
      const ended = readEndedAtProvider(error)
      if (ended && this.#options.hint.read() === ended.loginHint) this.#options.hint.clear()
      // Overtaken by a sign-out it did not hear, its generation can no longer write: end it.
      if (this.#state.isLive(this.#state.generation)) {
        this.#state.update(this.#state.generation, { phase: 'idle' })
      } else {
        this.#newGeneration()
      }
    })
    const stopListening = this.#options.channel.listen(
      (message) => void mirrorOtherTab(message, this.#host),
    )
    const stopWatching = watchDevice({
      onTick: () => {
        this.#catchUpOnSignOut()
        this.#resumeIfOnline()
        tickRenewal(this.#host)
      },
      onOnline: () => {
        this.#resumeIfOnline()
        tickRenewal(this.#host)
      },
    })
    return () => {
      manager.events.removeUserLoaded(onLoaded)
      manager.events.removeUserUnloaded(onUnloaded)
      manager.setStoreGate(undefined)
      stopCallback()
      stopListening()
      stopWatching()
    }
  }

  /**
   * The one restore at start-up, a no-op unless this browser had a session: silent, or at top level
   * where the iframe cannot (restore-or-join.ts). `returnTo` is where a top-level round trip comes
   * back to: this very address.
   */
  async restoreOnce(returnTo: string): Promise<void> {
    if (this.#hasRestoreStarted) return
    if (this.#state.getSnapshot().phase !== 'restoring') {
      void this.#discardEarlyRestore() // a stale hint: nothing to restore, nothing to redeem
      return
    }
    this.#hasRestoreStarted = true
    this.#returnTo = returnTo
    // The generation the restore was decided in, when the hint was read: a sign-out anywhere
    // since then (it clears the hint, then advances the epoch) means there is nothing to restore.
    const generation = this.#state.generation
    if (!this.#state.isLive(generation)) {
      this.#newGeneration()
      return
    }
    const outcome = await restoreOrJoin(this.#host, 'restore')
    // Not taken (another account, a failed restore): its answer must never be redeemed.
    void this.#discardEarlyRestore()
    // On its way to the provider, the page stays "Restoring" until it has left.
    if (outcome === 'leaving') return
    this.#state.update(generation, { phase: 'idle' })
  }

  /**
   * The person said no at the provider to a request made from this session (a feature's access,
   * another account): the callback failed, but the session it was made from still holds there.
   * Restored silently as that account (the hint), as a reload would; a feature then says it needs
   * the access ({@link readDeclinedRequest}).
   */
  async #restoreAfterDecline(feature: FeatureName | undefined): Promise<void> {
    const generation = this.#state.generation
    this.#hasRestoreStarted = true
    this.#state.update(generation, { phase: 'restoring' })
    // A callback page never leaves on its own (issue 18): where the iframe cannot, one click.
    await restoreOrJoin(this.#host, 'resume')
    if (this.#state.isLive(generation)) this.#declined = { feature, generation }
    this.#state.update(generation, { phase: 'idle' })
  }

  /** The feature whose access was declined in this session, if any (see #restoreAfterDecline). */
  readDeclinedFeature(): FeatureName | undefined {
    const declined = this.#declined
    return declined && this.#state.isLive(declined.generation) ? declined.feature : undefined
  }

  /**
   * "Continue as <name>": the one click that gets this tab the session where the iframe cannot,
   * at top level with `prompt=none` for the hinted account, back to `returnTo`.
   */
  async continueSession(returnTo: string): Promise<void> {
    const { invitation, isStaying } = this.#state.getSnapshot()
    const generation = this.#state.generation
    const hint = this.#options.hint.read()
    // Signed out since the offer (the hint goes first): there is no one to continue as.
    if (!invitation || isStaying || this.#hasUser || hint === undefined) return
    if (!this.#state.isLive(generation)) return
    this.#returnTo = returnTo
    this.#state.update(generation, { isStaying: true })
    try {
      await this.#leaveToRestore(generation, hint, invitation.learnsTopLevel, 'assign')
      // Settles only when this page is shown again (Back, from the back/forward cache).
      this.#state.update(generation, { isStaying: false })
    } catch (error: unknown) {
      this.#state.update(generation, { isStaying: false, startError: error })
    }
  }

  /** The callback was processed and the return path restored: the app may show its pages. */
  completeCallback(): void {
    if (this.#state.getSnapshot().phase === 'callback')
      this.#state.update(this.#state.generation, { phase: 'idle' })
  }

  /**
   * The state a sign-in request carries to the provider and back: where to return, and the epoch
   * it was started in, so that a sign-out anywhere before the answer refuses it.
   */
  describeSignInState(returnTo: string): { returnTo: string; epoch: number } {
    return { returnTo, epoch: this.#options.epochs.read() }
  }

  /** "Renew now"; see {@link renewNow}. */
  renewNow(): Promise<void> {
    return renewNow(this.#host)
  }

  /** "Stay signed in"; see {@link stayLoggedIn}. */
  stayLoggedIn(returnTo: string): Promise<void> {
    return stayLoggedIn(this.#host, returnTo)
  }

  /** Incremental authorization for a feature; see {@link askForScope}. */
  askForScope(request: ScopeRequest): Promise<void> {
    return askForScope(this.#host, request)
  }

  /** "Use another account"; see {@link chooseAnotherAccount}. */
  chooseAnotherAccount(returnTo: string): Promise<void> {
    return chooseAnotherAccount(this.#host, returnTo)
  }

  /** This session's access tokens for one API call; see {@link lendAccessTokens}. */
  lendAccessTokens(need: TokenNeed): AccessTokens {
    return lendAccessTokens(this.#host, need)
  }

  /** Forgets the tokens here and in every other tab, then revokes them at the provider. */
  async signOut(): Promise<void> {
    // The hint goes first: a tab that reads the new epoch finds no session to restore.
    this.#options.hint.clear()
    const epoch = this.#options.epochs.advance()
    const generation = this.#newGeneration(epoch)
    this.#options.channel.post({ type: 'signed-out', epoch })
    await this.#manager.discardPendingSignins()
    const result = await signOut(this.#manager)
    this.#state.update(generation, { ...CLEARED, signOutResult: result })
  }

  /** Loads the profile again; see {@link reloadProfile} for the 401 ladder. */
  reloadProfile(): Promise<void> {
    return reloadProfile(this.#host)
  }

  #onTokens(user: User): void {
    const restored = readRestoreState(user.state)
    const source: TokenSource =
      this.#flight.running?.source ??
      (restored ? 'restore' : readIsStayingSignedIn(user.state) ? 'redirect' : 'sign-in')
    // The iframe had failed, the top-level round trip succeeded: this browser needs it.
    if (restored?.learnsTopLevel) this.#options.restorePaths.learnTopLevel(Date.now())
    const startedAt = this.#flight.running?.startedAt
    const wasSignedOut = !this.#hasUser
    // New tokens, even when the provider answered with the same access token; else a profile reload.
    const isNewTokens = this.#admitted.has(user)
    this.#admitted.delete(user)
    this.#hasUser = true
    const generation = this.#state.generation
    this.#options.hint.write(user.profile.sub, generation.epoch)
    if (wasSignedOut && source !== 'other-tab') {
      const { name, email } = user.profile
      this.#options.channel.post({
        type: 'signed-in',
        epoch: generation.epoch,
        sub: user.profile.sub,
        name: (typeof name === 'string'
          ? name
          : typeof email === 'string'
            ? email
            : undefined
        )?.slice(0, 200),
        // Only the person's own sign-in may move other tabs to its account (account-switch.ts).
        ...(source === 'sign-in' ? {} : { isRestore: true }),
      })
    }
    // A new session shows its ID token's claims at once; userinfo confirms them meanwhile.
    if (wasSignedOut) void reloadProfile(this.#host)
    if (!isNewTokens) return
    this.#prepareEarlyRestore(user.profile.sub)
    const expiresAt = (user.expires_at ?? 0) * 1000
    this.#schedule = new RenewalSchedule(
      planRenewal(expiresAt, expiresAt - Date.now()),
      user.access_token,
    )
    this.#state.update(generation, {
      phase: ['restoring', 'callback'].includes(this.#state.getSnapshot().phase)
        ? this.#state.getSnapshot().phase
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
      invitation: undefined,
    })
  }

  /**
   * Leaves for the provider at top level with `prompt=none`: first-party there, so its cookies are
   * sent where the iframe got none. The request's state carries the epoch (a sign-out anywhere
   * before the answer refuses it) and whether success teaches that this browser needs this path.
   * `replace` when the page leaves on its own, so Back does not land on a page that leaves again.
   */
  async #leaveToRestore(
    generation: Generation,
    loginHint: string | undefined,
    learnsTopLevel: boolean,
    redirectMethod: 'replace' | 'assign',
  ): Promise<void> {
    // Discovery first (nothing for Google: embedded), then a last look: a sign-out anywhere
    // meanwhile (it clears the hint, then advances the epoch) means nothing to restore.
    await this.#manager.prepare()
    if (!this.#state.isLive(generation) || this.#options.hint.read() !== loginHint) {
      throw createSupersededError()
    }
    this.#options.leaveMark.set(Date.now())
    // The page is leaving: whatever the boot script opened must not outlive it in storage.
    await this.#discardEarlyRestore()
    const state: RestoreRequestState = {
      returnTo: this.#returnTo,
      epoch: generation.epoch,
      isRestoring: true,
      learnsTopLevel,
      loginHint,
    }
    await this.#manager.signinRedirect({
      prompt: 'none',
      login_hint: loginHint,
      state,
      url_state: RESTORE_URL_STATE,
      redirectMethod,
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
    const generation = this.#state.generation
    const flight = { source, generation, account: loginHint, startedAt: Date.now() }
    return this.#flight.run(flight, async () => {
      // Queued behind an attempt of an older session: that session is over, so is this attempt.
      if (!this.#state.isLive(generation)) throw createSupersededError()
      try {
        let remainingSeconds = timeoutSeconds
        if (source === 'restore') {
          const early = await this.#redeemEarlyRestore(loginHint, timeoutSeconds)
          if (early === 'redeemed') return
          remainingSeconds = early
        }
        await this.#manager.signinSilent({
          login_hint: loginHint,
          silentRequestTimeoutInSeconds: remainingSeconds,
        })
      } finally {
        await this.#manager.discardPendingSignins('si:s') // an abandoned iframe leaves its state
      }
    })
  }

  /**
   * The restore the boot script opened for `loginHint` before the scripts came, if any: its answer
   * redeemed like the library's own iframe's, every error thrown as that iframe's would be. Only
   * where the early attempt gave nothing to redeem (none, or its frame stopped on a page without
   * an answer) does the caller restore the usual way, with the seconds returned: what
   * its time box has left, or an iframe timeout when too little is left to try again.
   */
  async #redeemEarlyRestore(
    loginHint: string | undefined,
    timeoutSeconds: number,
  ): Promise<'redeemed' | number> {
    const began = Date.now()
    const attempt = this.#options.earlyRestore?.take(loginHint)
    if (!attempt) return timeoutSeconds
    try {
      await this.#manager.signinSilentWith(attempt.waitForResponse(timeoutSeconds))
      return 'redeemed'
    } catch (error: unknown) {
      if (!(error instanceof EarlyRestoreUnanswered)) throw error
      const left = timeoutSeconds - Math.ceil((Date.now() - began) / 1000)
      if (left < MIN_FALLBACK_SECONDS) throw new ErrorTimeout('IFrame timed out without a response')
      return left
    }
  }

  /**
   * The next load of this tab restores early, for this account, where the iframe restores. Once
   * the page has shown the new session (PREPARE_EARLY_RESTORE_AFTER_MS): a PKCE pair costs a slow
   * phone more than the frame that shows the person's name.
   */
  #prepareEarlyRestore(loginHint: string): void {
    const early = this.#options.earlyRestore
    if (!early) return
    const generation = this.#state.generation
    setTimeout(() => {
      if (!this.#state.isLive(generation) || !this.#hasUser) return
      if (this.#options.restorePaths.read(Date.now()) !== 'iframe') return
      void early.prepare(loginHint, () => this.#state.isLive(generation) && this.#hasUser)
    }, PREPARE_EARLY_RESTORE_AFTER_MS)
  }

  #discardEarlyRestore(): Promise<void> {
    return this.#options.earlyRestore?.discard() ?? Promise.resolve()
  }

  /** Tokens that expired offline are fetched again once the network is back (or seen to be). */
  #resumeIfOnline(): void {
    const isWaiting = this.#state.getSnapshot().endReason === 'offline' && !this.#hasUser
    if (isWaiting && this.#host.isOnline()) void resumeAfterExpiry(this.#host, undefined)
  }

  /** A sign-out that this tab did not hear (it was not listening yet, or storage raced the message). */
  #catchUpOnSignOut(): void {
    const epoch = this.#state.readEpoch()
    const { phase, endReason } = this.#state.getSnapshot()
    const isActive =
      this.#hasUser ||
      this.#flight.running !== undefined ||
      phase === 'callback' ||
      endReason === 'offline' ||
      this.#state.getSnapshot().invitation !== undefined
    if (this.#state.generation.epoch < epoch && isActive) {
      void mirrorOtherTab({ type: 'signed-out', epoch }, this.#host)
    }
  }

  readonly #end = async (generation: Generation, reason: EndReason): Promise<void> => {
    if (!this.#state.isLive(generation)) return
    const next = this.#newGeneration()
    await this.#manager.removeUser()
    this.#state.update(next, { ...CLEARED, endReason: reason })
  }

  /** Ends the session as a failed sign-in: forgets and revokes its tokens, and shows `error`. */
  readonly #reject = async (generation: Generation, error: unknown): Promise<void> => {
    if (!this.#state.isLive(generation)) return
    const next = this.#newGeneration()
    this.#options.hint.clear()
    const user = await this.#manager.getUser()
    await this.#manager.removeUser()
    if (user) revokeQuietly(this.#manager, user)
    this.#state.update(next, { ...CLEARED, startError: error })
  }

  /** The session ends here, at once: whatever starts from now on sees no session. */
  readonly #newGeneration = (epoch?: number): Generation => {
    // Whatever ended the session (a sign-out here or elsewhere, expiry, a refusal), the next load
    // restores the usual way, if at all: nothing prepared for this session is left to open.
    void this.#discardEarlyRestore()
    void this.#options.earlyRestore?.forget()
    this.#schedule = undefined
    this.#hasUser = false
    this.#hasRestoreStarted = true
    return this.#state.endGeneration(epoch)
  }
}
