import type { User } from 'oidc-client-ts'
import type { Generation } from './generation.ts'
import type { KeptManager } from './kept-manager.ts'
import type { SessionSnapshot } from './session-snapshot.ts'
import { revokeQuietly } from './sign-out.ts'
import { readEpochFromState } from './sign-out-epoch.ts'
import { createSupersededError } from './superseded.ts'

/** What deciding on a token result needs from the session's owner. */
export interface StoreGateHost {
  manager: Pick<KeptManager, 'revokeToken'>
  readGeneration(): Generation
  readEpoch(): number
  /** Ends the session here at once; returns the generation that follows. */
  startNewGeneration(epoch: number): Generation
  isLive(generation: Generation): boolean
  readSnapshot(): SessionSnapshot
  /** The silent sign-in talking to the provider now, if any, and the generation it runs for. */
  readRunningFlight(): { generation: Generation } | undefined
  update(generation: Generation, changes: Partial<SessionSnapshot>): void
}

/**
 * The store gate, asked before any tokens are stored (SecureUserManager.setStoreGate): only the
 * running silent sign-in of the live generation, or this page's own callback for a request made
 * since the last sign-out anywhere, may store. Anything else was issued for a session that has
 * ended: every token it carries is revoked rather than left to live out its lifetime, and the
 * library is stopped by the thrown `superseded` error.
 */
export function checkStore(host: StoreGateHost, user: User): void {
  const running = host.readRunningFlight()
  const isCallback = !running && host.readSnapshot().phase === 'callback'
  const isCurrent = running
    ? host.isLive(running.generation)
    : isCallback &&
      host.isLive(host.readGeneration()) &&
      readEpochFromState(user.state) >= host.readEpoch()
  if (isCurrent) return
  revokeQuietly(host.manager, user)
  // This page came back from the provider after a sign-out in another tab: say so, in a
  // generation that can still write (this one may have been overtaken by that sign-out).
  if (isCallback) {
    const next = host.startNewGeneration(host.readEpoch())
    host.update(next, { endReason: 'signed-out-elsewhere' })
  }
  throw createSupersededError()
}
