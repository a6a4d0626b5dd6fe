import type { AppConfig } from '../config/read-config.ts'
import { describeRedirectUris } from '../oidc/callback-url.ts'
import {
  createUserManager,
  REQUEST_TIMEOUT_SECONDS,
  RESTORE_TIMEOUT_SECONDS,
} from '../oidc/create-user-manager.ts'
import type { SecureUserManager } from '../oidc/secure-user-manager.ts'
import type { PageStart } from './page-start.ts'
import { EarlyRestore } from './early-restore.ts'
import { RestorePathMemory } from './restore-path.ts'
import { SessionChannel } from './session-channel.ts'
import { SessionHint } from './session-hint.ts'
import { SessionKeeper } from './session-keeper.ts'
import { SignOutEpoch } from './sign-out-epoch.ts'
import { LeaveMark } from './top-level-restore.ts'

/** The sign-in engine of one page: the checked UserManager and the keeper of its session. */
export interface SignInSession {
  manager: SecureUserManager
  keeper: SessionKeeper
}

/**
 * Creates the sign-in engine for this page load, without React: the UserManager (tokens in
 * memory, request state in sessionStorage) and the SessionKeeper, with their browser storage —
 * the session hint, the sign-out epoch, the restore path (localStorage, per client ID; never a
 * token) and the tab's leave mark (sessionStorage). Call `keeper.start()` and
 * `keeper.restoreOnce(returnTo)` to run it; React apps use <SignInProvider>, which does both.
 * The address must have been read with readPageStart first (it cleans stray responses away).
 */
export function createSignInSession(
  config: AppConfig,
  { isCallback, wasOpenedWithResponse }: PageStart,
  basePath: string,
): SignInSession {
  const redirectUris = describeRedirectUris(window.location.origin, basePath)
  const manager = createUserManager(config, redirectUris, { session: sessionStorage })
  const epochs = new SignOutEpoch(localStorage, config.clientId)
  const keeper = new SessionKeeper(manager, {
    hint: new SessionHint(localStorage, config.clientId, epochs),
    channel: new SessionChannel(`static-signin:${config.clientId}`),
    epochs,
    isCallback,
    restorePaths: new RestorePathMemory(localStorage, config.clientId),
    leaveMark: new LeaveMark(sessionStorage, config.clientId),
    wasOpenedWithResponse,
    silentTimeoutSeconds: Math.min(RESTORE_TIMEOUT_SECONDS, REQUEST_TIMEOUT_SECONDS),
    earlyRestore: new EarlyRestore(sessionStorage, config.clientId, window, {
      create: (loginHint) => manager.createEarlyRestoreRequest(loginHint),
      forget: (state) => manager.discardPendingSignin(state),
    }),
  })
  return { manager, keeper }
}
