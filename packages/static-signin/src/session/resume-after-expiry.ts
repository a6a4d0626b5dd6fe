import type { Generation } from './generation.ts'
import type { SessionHint } from './session-hint.ts'
import type { RenewalSchedule } from './renewal-schedule.ts'
import type { EndReason, SessionSnapshot } from './session-snapshot.ts'

/** What resuming after expiry needs from the session's owner. */
export interface ResumeHost {
  hint: Pick<SessionHint, 'read'>
  readGeneration(): Generation
  isOnline(): boolean
  hasUser(): boolean
  end(generation: Generation, reason: EndReason): Promise<void>
  /** The silent sign-in a reload would make, without ever leaving the page (restore-or-join.ts). */
  resume(): Promise<void>
  update(generation: Generation, changes: Partial<SessionSnapshot>): void
}

/**
 * The tokens reached their expiry. They are dropped at once (no call is ever made with them), and
 * the session ends as expired when renewal had already given up: the person was offered "Stay
 * signed in". Otherwise the device slept, the tab was frozen, or the network was down through the
 * whole renewal window: the provider session may well live on, so new tokens are fetched silently,
 * as a reload would, and the person finds themselves still signed in. Offline, that waits for the
 * network (`schedule` is undefined when the network came back). Where the provider says no, the
 * session ends as expired, and the page says so.
 */
export async function resumeAfterExpiry(
  host: ResumeHost,
  schedule: RenewalSchedule | undefined,
): Promise<void> {
  if (schedule) {
    await host.end(host.readGeneration(), 'expired')
    if (schedule.hasGivenUp) return
  }
  if (host.hasUser() || host.hint.read() === undefined) return
  const generation = host.readGeneration()
  if (!host.isOnline()) {
    host.update(generation, { endReason: 'offline' })
    return
  }
  host.update(generation, { phase: 'restoring', endReason: undefined })
  await host.resume()
  host.update(generation, {
    phase: 'idle',
    ...(host.hasUser() ? {} : { endReason: 'expired' }),
  })
}
