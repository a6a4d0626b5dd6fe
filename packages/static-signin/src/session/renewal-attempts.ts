import type { User } from 'oidc-client-ts'
import type { Generation } from './generation.ts'
import type { KeptManager } from './kept-manager.ts'
import type { RenewalSchedule } from './renewal-schedule.ts'
import type { SessionHint } from './session-hint.ts'
import type { SessionSnapshot } from './session-snapshot.ts'
import { isSuperseded } from './superseded.ts'

/** What renewing needs from the session's owner. */
export interface RenewalHost {
  manager: Pick<KeptManager, 'getUser' | 'signinRedirect'>
  hint: Pick<SessionHint, 'read'>
  readGeneration(): Generation
  isLive(generation: Generation): boolean
  /** The browser thinks it has a network (navigator.onLine). */
  isOnline(): boolean
  readSnapshot(): SessionSnapshot
  /** The schedule of the tokens held now; replaced on new tokens, gone when the session ends. */
  readSchedule(): RenewalSchedule | undefined
  hasUser(): boolean
  isSilentSignInRunning(): boolean
  /** One silent renewal of this tab's own session; the default time box when none is given. */
  renew(user: User, timeoutSeconds?: number): Promise<void>
  /** The tokens of `schedule` have expired (see resume-after-expiry.ts). */
  expire(schedule: RenewalSchedule): Promise<void>
  update(generation: Generation, changes: Partial<SessionSnapshot>): void
}

/** Reads the clock: handles expired tokens, starts a renewal attempt that is due and can run. */
export function tickRenewal(host: RenewalHost): void {
  const schedule = host.readSchedule()
  if (!schedule) return
  const due = schedule.due(Date.now())
  if (due === 'expire') void host.expire(schedule)
  else if (due === 'renew' && !host.isSilentSignInRunning() && host.isOnline()) {
    void attemptRenewal(host, schedule)
  }
}

/** One rung of the bounded ladder; when the last fails, the phase is `failed` and the person acts. */
async function attemptRenewal(host: RenewalHost, schedule: RenewalSchedule): Promise<void> {
  const generation = host.readGeneration()
  schedule.startAttempt()
  const user = await host.manager.getUser()
  if (!user || schedule !== host.readSchedule()) return
  host.update(generation, { phase: 'renewing' })
  try {
    await host.renew(user, schedule.plan.attemptTimeoutSeconds)
  } catch (error: unknown) {
    // Signed out, or renewed another way meanwhile: this ladder is over, nothing failed.
    if (schedule !== host.readSchedule() || isSuperseded(error)) return
    if (!host.isOnline()) {
      // The network went away under it: the provider was never asked. Again once it is back.
      schedule.abandonAttempt()
      host.update(generation, { phase: 'idle' })
      return
    }
    if (!schedule.failAttempt(Date.now())) {
      host.update(generation, { phase: 'failed', renewalError: error })
    }
  }
}

/** "Renew now": one attempt (or the one already running), its failure shown but not fatal. */
export async function renewNow(host: RenewalHost): Promise<void> {
  if (!host.hasUser()) return
  const generation = host.readGeneration()
  const user = await host.manager.getUser()
  if (!user || !host.isLive(generation)) return
  host.update(generation, { phase: 'renewing', renewalError: undefined })
  try {
    await host.renew(user)
    host.update(generation, { phase: 'idle' })
  } catch (error: unknown) {
    if (!isSuperseded(error)) host.update(generation, { phase: 'failed', renewalError: error })
  }
}

/**
 * "Stay signed in": a top-level redirect with `prompt=none` and this tab's account. First-party,
 * so the provider's cookies are sent even where the browser withholds them from the iframe.
 */
export async function stayLoggedIn(host: RenewalHost, returnTo: string): Promise<void> {
  if (host.readSnapshot().isStaying) return
  const generation = host.readGeneration()
  host.update(generation, { isStaying: true })
  try {
    const user = await host.manager.getUser()
    await host.manager.signinRedirect({
      prompt: 'none',
      login_hint: user?.profile.sub ?? host.hint.read(),
      state: { returnTo, isStayingSignedIn: true, epoch: generation.epoch },
    })
    // Settles only when this page is shown again (Back, from the back/forward cache).
    host.update(generation, { isStaying: false })
  } catch (error: unknown) {
    host.update(generation, { isStaying: false, phase: 'failed', renewalError: error })
  }
}
