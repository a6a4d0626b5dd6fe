import type { SecureUserManager } from '../oidc/secure-user-manager.ts'
import type { SignOutManager } from './sign-out.ts'

/** What the session lifecycle needs from the manager (an interface, so tests can pass a fake). */
export type KeptManager = SignOutManager &
  Pick<
    SecureUserManager,
    | 'signinSilent'
    | 'signinSilentWith'
    | 'signinRedirect'
    | 'fetchDisplayClaims'
    | 'replaceProfile'
    | 'discardPendingSignins'
    | 'setStoreGate'
    | 'addCallbackFailed'
    | 'isLeaving'
    | 'prepare'
  > & {
    events: Pick<
      SecureUserManager['events'],
      'addUserLoaded' | 'removeUserLoaded' | 'addUserUnloaded' | 'removeUserUnloaded'
    >
  }
