import type { User } from 'oidc-client-ts'
import type { Generation } from './generation.ts'
import type { KeptManager } from './kept-manager.ts'
import type { SessionHint } from './session-hint.ts'
import type { SessionSnapshot, TokenSource } from './session-snapshot.ts'
import { revokeQuietly } from './sign-out.ts'
import { readEpochFromState } from './sign-out-epoch.ts'
import { createSupersededError } from './superseded.ts'
import { readRestoreState } from './top-level-restore.ts'
import { readIsStayingSignedIn } from '../oidc/return-to.ts'

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
  startNewGeneration(epoch: number): Generation
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
 * A result for the hint's account (a restore or join, silent or at top level, or the return of
 * "Stay signed in") that is for another
 * account than the hint names now: the person switched accounts in another tab while it ran. It
 * belongs to no session any more; stored, it would be announced and undo the switch everywhere.
 * An empty hint is a sign-out, which the generations and epochs already handle.
 */
function isForFormerAccount(host: StoreGateHost, user: User, running: RunningFlight | undefined) {
  // At top level: a restore's return, or "Stay signed in" (the session this tab held, kept).
  const isHinted = running
    ? isHintDriven(running.source)
    : readRestoreState(user.state) !== undefined || readIsStayingSignedIn(user.state)
  const hint = host.hint.read()
  return isHinted && hint !== undefined && hint !== user.profile.sub
}

/**
 * The store gate, asked before any tokens are stored (SecureUserManager.setStoreGate): only the
 * running silent sign-in of the live generation, or this page's own callback for a request made
 * since the last sign-out anywhere, may store, and a restore or join only for the account the hint
 * names now. Anything else was issued for a session that has ended, and the library is stopped by
 * the thrown `superseded` error. Its tokens are revoked when a sign-out anywhere came after its
 * request, and otherwise forgotten (another account, expiry, a former account's restore): at
 * Google revoking one token withdraws the whole grant of that account.
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
  // Revoked only when a sign-out (here or in any tab) came after the request: the person asked for
  // every token to end. A session that ended otherwise (another account, expiry, an unaccepted
  // token) forgets its late tokens: at Google revoking one withdraws the whole grant of the
  // account, and with it the session of every other tab that holds it.
  // The sign-out may be known here by its message before its epoch reaches this tab's storage: the
  // generation it started is at that epoch.
  const epoch = Math.max(host.readEpoch(), host.readGeneration().epoch)
  const isSignedOutSince =
    generation.epoch < epoch || (!running && readEpochFromState(user.state) < epoch)
  if (isSignedOutSince) revokeQuietly(host.manager, user)
  // This page came back from the provider after a sign-out in another tab: say so, in a
  // generation that can still write (this one may have been overtaken by that sign-out).
  if (isCallback) {
    const next = host.startNewGeneration(host.readEpoch())
    host.update(next, { endReason: 'signed-out-elsewhere' })
  }
  throw createSupersededError()
}
