import type { Generation } from './generation.ts'
import type { KeptManager } from './kept-manager.ts'
import type { SessionMessage } from './session-channel.ts'
import type { SessionHint } from './session-hint.ts'
import type { SignOutManager } from './sign-out.ts'

/** What following another tab's change of account needs from the session's owner. */
export interface AccountSwitchHost {
  manager: Pick<SignOutManager, 'getUser' | 'removeUser'> &
    Pick<KeptManager, 'discardPendingSignins'>
  hint: Pick<SessionHint, 'write'>
  readEpoch(): number
  /** Ends the session here at once (see SessionKeeper's generations); returns the new one. */
  startNewGeneration(epoch: number): Generation
  /** Gets this tab its own tokens, silently, for a sign-in of `name` announced at `epoch`. */
  joinOtherTab(epoch: number, name: string | undefined, sub?: string): Promise<void>
  /** The page is on its way to the provider (SecureUserManager.isLeaving). */
  isLeaving(): boolean
}

/** True when another tab announced a sign-in of an account other than the one this tab holds. */
export async function isAnotherAccount(
  message: SessionMessage,
  host: Pick<AccountSwitchHost, 'manager'>,
): Promise<boolean> {
  if (message.type !== 'signed-in' || message.sub === undefined) return false
  const user = await host.manager.getUser()
  return user !== null && user.profile.sub !== message.sub
}

/**
 * Another tab signed in as another account ("Use another account", or another account picked on
 * the provider's screen): the new account replaces the old one here too. This tab's session ends
 * at once — a new generation, so nothing still running for the old account can write — its tokens
 * are forgotten and with them everything shown from them; only then does it join the new account
 * silently (the other tab wrote the session hint before announcing). No moment shows one account's
 * data under the other's name. The old tokens are forgotten, not revoked: the person did not sign
 * out, and at Google revoking a token withdraws the whole grant the old account gave this app.
 */
export async function switchAccount(
  message: SessionMessage,
  host: AccountSwitchHost,
): Promise<void> {
  host.startNewGeneration(host.readEpoch())
  // A page on its way to the provider keeps its request's state (see tab-mirror.ts).
  if (!host.isLeaving()) await host.manager.discardPendingSignins()
  await host.manager.removeUser()
  // The account to join is the one announced: the other tab wrote it to the shared hint before
  // announcing, but another tab's localStorage write may reach this one after its message does.
  if (message.sub !== undefined) host.hint.write(message.sub)
  await host.joinOtherTab(message.epoch, message.name)
}
