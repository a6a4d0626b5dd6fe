import type { User } from 'oidc-client-ts'
import type { Generation, GenerationEnd } from './generation.ts'
import type { KeptManager } from './kept-manager.ts'
import type { SessionHint } from './session-hint.ts'
import type { SessionSnapshot, TokenSource } from './session-snapshot.ts'
import { revokeQuietly } from './sign-out.ts'
import { readEpochFromState } from './sign-out-epoch.ts'
import { createSupersededError } from './superseded.ts'
import { readRestoreState } from './top-level-restore.ts'

/** The silent sign-in talking to the provider now: why, for which generation and account. */
export interface RunningFlight {
  generation: Generation
  source: TokenSource
  /** The `login_hint` it was sent with. */
  account: string | undefined
}

/** What deciding on a token result needs from the session's owner. */
export interface StoreGateHost {
  manager: Pick<KeptManager, 'revokeToken'>
  hint: Pick<SessionHint, 'read'>
  readGeneration(): Generation
  readEpoch(): number
  /** Ends the session here at once; returns the generation that follows. */
  startNewGeneration(epoch: number, cause?: GenerationEnd): Generation
  isLive(generation: Generation): boolean
  readSnapshot(): SessionSnapshot
  /** The silent sign-in talking to the provider now, if any. */
  readRunningFlight(): RunningFlight | undefined
  update(generation: Generation, changes: Partial<SessionSnapshot>): void
}

/** A silent sign-in made for the account the session hint names: a restore or a join, not a renewal. */
export function isHintDriven(source: TokenSource): boolean {
  return source === 'restore' || source === 'other-tab'
}

/**
 * A result for the hint's account (a restore or join, silent or at top level) that is for another
 * account than the hint names now: the person switched accounts in another tab while it ran. It
 * belongs to no session any more; stored, it would be announced and undo the switch everywhere.
 * An empty hint is a sign-out, which the generations and epochs already handle.
 */
function isForFormerAccount(host: StoreGateHost, user: User, running: RunningFlight | undefined) {
  const isHinted = running
    ? isHintDriven(running.source)
    : readRestoreState(user.state) !== undefined
  const hint = host.hint.read()
  return isHinted && hint !== undefined && hint !== user.profile.sub
}

/**
 * The store gate, asked before any tokens are stored (SecureUserManager.setStoreGate): only the
 * running silent sign-in of the live generation, or this page's own callback for a request made
 * since the last sign-out anywhere, may store, and a restore or join only for the account the hint
 * names now. Anything else was issued for a session that has ended, and the library is stopped by
 * the thrown `superseded` error. Its tokens are revoked rather than left to live out their
 * lifetime, unless that session ended by an account switch (Generation.wasSwitchedAway) or is a
 * former account's restore: those are forgotten, since at Google revoking one token withdraws the
 * whole grant of that account.
 */
export function checkStore(host: StoreGateHost, user: User): void {
  const running = host.readRunningFlight()
  const isCallback = !running && host.readSnapshot().phase === 'callback'
  const generation = running?.generation ?? host.readGeneration()
  const isCurrent = running
    ? host.isLive(running.generation)
    : isCallback && host.isLive(generation) && readEpochFromState(user.state) >= host.readEpoch()
  if (isCurrent) {
    if (!isForFormerAccount(host, user, running)) return
    throw createSupersededError()
  }
  if (!generation.wasSwitchedAway(host.readEpoch())) revokeQuietly(host.manager, user)
  // This page came back from the provider after a sign-out in another tab: say so, in a
  // generation that can still write (this one may have been overtaken by that sign-out).
  if (isCallback) {
    const next = host.startNewGeneration(host.readEpoch())
    host.update(next, { endReason: 'signed-out-elsewhere' })
  }
  throw createSupersededError()
}
