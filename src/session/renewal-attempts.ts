import type { User } from 'oidc-client-ts'
import type { KeptManager } from './kept-manager.ts'
import type { RenewalSchedule } from './renewal-schedule.ts'
import type { SessionHint } from './session-hint.ts'
import type { EndReason, SessionSnapshot } from './session-snapshot.ts'
import { isSuperseded } from './superseded.ts'

/** What renewing needs from the session's owner. */
export interface RenewalHost {
  manager: Pick<KeptManager, 'getUser' | 'signinRedirect'>
  hint: Pick<SessionHint, 'read'>
  readGeneration(): number
  readSnapshot(): SessionSnapshot
  /** The schedule of the tokens held now; replaced on new tokens, gone when the session ends. */
  readSchedule(): RenewalSchedule | undefined
  hasUser(): boolean
  isSilentSignInRunning(): boolean
  /** One silent renewal of this tab's own session; the default time box when none is given. */
  renew(user: User, timeoutSeconds?: number): Promise<void>
  end(reason: EndReason): Promise<void>
  update(changes: Partial<SessionSnapshot>): void
}

/** Reads the clock: ends an expired session, starts a renewal attempt that is due. */
export function tickRenewal(host: RenewalHost): void {
  const schedule = host.readSchedule()
  if (!schedule) return
  const due = schedule.due(Date.now())
  if (due === 'expire') void host.end('expired')
  else if (due === 'renew' && !host.isSilentSignInRunning()) void attemptRenewal(host, schedule)
}

/** One rung of the bounded ladder; when the last fails, the phase is `failed` and the person acts. */
async function attemptRenewal(host: RenewalHost, schedule: RenewalSchedule): Promise<void> {
  schedule.startAttempt()
  const user = await host.manager.getUser()
  if (!user || schedule !== host.readSchedule()) return
  host.update({ phase: 'renewing' })
  try {
    await host.renew(user, schedule.plan.attemptTimeoutSeconds)
  } catch (error: unknown) {
    // Signed out, or renewed another way meanwhile: this ladder is over, nothing failed.
    if (schedule !== host.readSchedule() || isSuperseded(error)) return
    if (!schedule.failAttempt(Date.now())) host.update({ phase: 'failed', renewalError: error })
  }
}

/** "Renew now": one attempt (or the one already running), its failure shown but not fatal. */
export async function renewNow(host: RenewalHost): Promise<void> {
  if (!host.hasUser()) return
  const generation = host.readGeneration()
  const user = await host.manager.getUser()
  if (!user || generation !== host.readGeneration()) return
  host.update({ phase: 'renewing', renewalError: undefined })
  try {
    await host.renew(user)
    if (generation === host.readGeneration()) host.update({ phase: 'idle' })
  } catch (error: unknown) {
    if (generation === host.readGeneration() && !isSuperseded(error)) {
      host.update({ phase: 'failed', renewalError: error })
    }
  }
}

/**
 * "Stay signed in": a top-level redirect with `prompt=none` and this tab's account. First-party,
 * so the provider's cookies are sent even where the browser withholds them from the iframe.
 */
export async function stayLoggedIn(host: RenewalHost, returnTo: string): Promise<void> {
  if (host.readSnapshot().isStaying) return
  host.update({ isStaying: true })
  try {
    const user = await host.manager.getUser()
    await host.manager.signinRedirect({
      prompt: 'none',
      login_hint: user?.profile.sub ?? host.hint.read(),
      state: { returnTo, isStayingSignedIn: true },
    })
  } catch (error: unknown) {
    host.update({ isStaying: false, phase: 'failed', renewalError: error })
  }
}
