import type { Generation } from './generation.ts'
import type { KeptManager } from './kept-manager.ts'
import type { SessionMessage } from './session-channel.ts'
import type { SessionHint } from './session-hint.ts'
import type { SessionSnapshot } from './session-snapshot.ts'
import type { SignOutManager } from './sign-out.ts'
import { isHintDriven, type RunningFlight } from './store-gate.ts'

/** What following another tab's change of account needs from the session's owner. */
export interface AccountSwitchHost {
  manager: Pick<SignOutManager, 'getUser' | 'removeUser'> &
    Pick<KeptManager, 'discardPendingSignins'>
  hint: Pick<SessionHint, 'read' | 'write'>
  readEpoch(): number
  hasUser(): boolean
  readSnapshot(): SessionSnapshot
  readRunningFlight(): RunningFlight | undefined
  /** Ends the session here at once (see SessionKeeper's generations); returns the new one. */
  startNewGeneration(epoch: number): Generation
  /** Gets this tab its own tokens, silently, for a sign-in of `name` announced at `epoch`. */
  joinOtherTab(epoch: number, name: string | undefined, sub?: string): Promise<void>
  /** The page is on its way to the provider (SecureUserManager.isLeaving). */
  isLeaving(): boolean
}

/**
 * A sign-in the person made in another tab (not a restore there: `isRestore`), of a known account.
 * A restore only ever asks for the account the hint names; when it comes back for another, the
 * hint moved on while it ran, and it must not move every tab back (store-gate.ts refuses it where
 * the hint has caught up, this where it had not).
 */
function isChosenSignIn(message: SessionMessage): message is SessionMessage & { sub: string } {
  return message.type === 'signed-in' && message.sub !== undefined && message.isRestore !== true
}

/** True when another tab's sign-in is of an account other than the one this tab holds. */
export async function isAnotherAccount(
  message: SessionMessage,
  host: Pick<AccountSwitchHost, 'manager'>,
): Promise<boolean> {
  if (!isChosenSignIn(message)) return false
  const user = await host.manager.getUser()
  return user !== null && user.profile.sub !== message.sub
}

/**
 * True when this tab holds no account yet but is getting one other than the one another tab just
 * signed in as: restoring it on load, joining it, or restoring it after a declined request. Its
 * answer would come back for the old account after the switch; it ends instead and joins the new
 * account ({@link switchAccount}). A page on its way to the provider is left to come back.
 */
export function isStartingAnotherAccount(
  message: SessionMessage,
  host: AccountSwitchHost,
): boolean {
  if (!isChosenSignIn(message) || host.hasUser() || host.isLeaving()) return false
  const running = host.readRunningFlight()
  if (running && isHintDriven(running.source)) return running.account !== message.sub
  // Decided, not yet asked (or between the iframe and a top-level round trip): for the hint.
  return host.readSnapshot().phase === 'restoring' && host.hint.read() !== message.sub
}

/**
 * Another tab signed in as another account ("Use another account", or another account picked on
 * the provider's screen): the new account replaces the old one here too. This tab's session ends
 * at once — a new generation, so nothing still running for the old account can write — its tokens
 * are forgotten and with them everything shown from them; only then does it join the new account
 * silently (the other tab wrote the session hint before announcing). No moment shows one account's
 * data under the other's name. The old tokens are forgotten, not revoked, and so are any still on
 * their way for the ended generation (store-gate.ts): the person did not sign out, and at Google
 * revoking a token withdraws the whole grant the old account gave this app.
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
  if (message.sub !== undefined) host.hint.write(message.sub, message.epoch)
  await host.joinOtherTab(message.epoch, message.name)
}
