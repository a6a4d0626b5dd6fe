import {
  isAnotherAccount,
  isStartingAnotherAccount,
  switchAccount,
  type AccountSwitchHost,
} from './account-switch.ts'
import type { Generation } from './generation.ts'
import type { KeptManager } from './kept-manager.ts'
import type { SessionMessage } from './session-channel.ts'
import { CLEARED, type SessionSnapshot } from './session-snapshot.ts'
import { signOut, type SignOutManager } from './sign-out.ts'

/** What following another tab needs from the session's owner. */
export interface TabMirrorHost extends AccountSwitchHost {
  manager: SignOutManager & Pick<KeptManager, 'discardPendingSignins'>
  readGeneration(): Generation
  /** The sign-out epoch every tab shares, now. */
  readEpoch(): number
  hasUser(): boolean
  /** The page is on its way to the provider (SecureUserManager.isLeaving). */
  isLeaving(): boolean
  readSnapshot(): SessionSnapshot
  isSilentSignInRunning(): boolean
  /** Gets this tab its own tokens, silently, for a sign-in of `name` announced at `epoch`. */
  joinOtherTab(epoch: number, name: string | undefined, sub?: string): Promise<void>
  update(generation: Generation, changes: Partial<SessionSnapshot>): void
}

/**
 * Mirrors another tab's sign-in and sign-out. No token crosses tabs: a tab that learns of a
 * sign-in gets its own tokens silently; a sign-out elsewhere wins here too, whatever this tab is
 * in the middle of, and this tab's own tokens are revoked, not only forgotten. The epochs order
 * them, whatever order they arrive in: a sign-in said before the latest sign-out is stale, and a
 * sign-out ends only a session that began before it.
 */
export async function mirrorOtherTab(message: SessionMessage, host: TabMirrorHost): Promise<void> {
  if (message.type === 'signed-in') {
    if (message.epoch < host.readEpoch()) return
    const isSwitch = host.hasUser()
      ? await isAnotherAccount(message, host)
      : isStartingAnotherAccount(message, host)
    if (isSwitch) {
      await switchAccount(message, host)
      return
    }
    if (!host.hasUser() && host.readSnapshot().phase === 'idle' && !host.isSilentSignInRunning()) {
      await host.joinOtherTab(message.epoch, message.name, message.sub)
    }
    return
  }
  if (message.epoch <= host.readGeneration().epoch) return
  const hadUser = host.hasUser()
  const snapshot = host.readSnapshot()
  const wasActive =
    hadUser ||
    snapshot.phase !== 'idle' ||
    host.isSilentSignInRunning() ||
    snapshot.endReason === 'offline' // waiting to sign in again: it will not now
  const generation = host.startNewGeneration(message.epoch)
  // A page on its way to the provider keeps its request's state: the page it lands on redeems the
  // answer only to refuse it by its epoch, and revokes what it got (store-gate.ts). Discarded
  // here, that page would only say the answer was unknown.
  if (!host.isLeaving()) await host.manager.discardPendingSignins()
  if (hadUser) await signOut(host.manager)
  else await host.manager.removeUser()
  host.update(generation, {
    ...CLEARED,
    endReason: wasActive ? 'signed-out-elsewhere' : snapshot.endReason,
  })
}
