import { useCallback, useSyncExternalStore } from 'react'
import { useAuth } from 'react-oidc-context'
import { describeAuthError } from '../oidc/describe-auth-error.ts'
import { readErrorCode } from '../oidc/auth-error.ts'
import { readPersonProfile, type PersonProfile } from '../oidc/profile.ts'
import { useAuthServices } from './auth-services-context.ts'
import { isEndedAtProvider } from '../session/top-level-restore.ts'
import { describeCurrentPath, readReturnTo } from '../oidc/return-to.ts'
import { addScope } from '../google/add-scope.ts'
import type { CalendarEvent } from '../google/event-start.ts'
import { REQUEST_TIMEOUT_SECONDS } from '../oidc/create-user-manager.ts'
import { readReopenedFeature, type FeatureName } from '../session/ask-for-scope.ts'
import { loadNextEvents } from '../session/next-events.ts'

export interface SessionDetails {
  profile: PersonProfile
  scopes: string[]
  /** Seconds since the epoch. */
  expiresAt: number | undefined
}

/** What the signed-in page offers beyond the session itself: the calendar, another account. */
export interface SessionFeatures {
  /** The configured sign-in scopes: what granted-scopes.ts weighs a grant against. */
  signInScope: string
  /** The feature the person just came back from the provider for (granted or declined), if any. */
  reopened: FeatureName | undefined
  /** "Your next events"; absent where the provider is not Google (api-base.ts). */
  loadNextEvents: ((signal: AbortSignal) => Promise<CalendarEvent[]>) | undefined
  /** Incremental authorization of `scope` for `feature` (the views hold the scope names). */
  askForScope: (scope: string, feature: FeatureName) => Promise<void>
  useAnotherAccount: () => Promise<void>
}

const currentReturnTo = () =>
  readReturnTo(describeCurrentPath(window.location), import.meta.env.BASE_URL)

/** The session as the app shows it: who is signed in, how the session is kept, and the actions. */
export function useSession() {
  const auth = useAuth()
  const { keeper, isCallback, apiBase } = useAuthServices()
  const keeping = useSyncExternalStore(keeper.subscribe, keeper.getSnapshot)

  /** Starts sign-in; the person comes back to `returnTo`, or to where they are now. */
  const signIn = useCallback(
    async (returnTo?: string) => {
      await auth.signinRedirect({
        state: keeper.describeSignInState(returnTo ?? currentReturnTo()),
      })
    },
    [auth, keeper],
  )
  const stayLoggedIn = useCallback(() => keeper.stayLoggedIn(currentReturnTo()), [keeper])
  const continueSession = useCallback(() => keeper.continueSession(currentReturnTo()), [keeper])

  const user = auth.user
  const signInScope = auth.settings.scope ?? ''
  const features: SessionFeatures | undefined =
    user && auth.isAuthenticated
      ? {
          signInScope,
          reopened:
            readReopenedFeature(user.state, user.profile.sub) ?? keeper.readDeclinedFeature(),
          loadNextEvents:
            apiBase === undefined
              ? undefined
              : (signal) =>
                  loadNextEvents({
                    apiBase,
                    sub: user.profile.sub,
                    lendTokens: (need) => keeper.lendAccessTokens(need),
                    timeoutMs: REQUEST_TIMEOUT_SECONDS * 1000,
                    signal,
                  }),
          askForScope: (scope, feature) =>
            keeper.askForScope({
              scope: addScope(signInScope, scope),
              returnTo: currentReturnTo(),
              feature,
            }),
          useAnotherAccount: () => keeper.chooseAnotherAccount(currentReturnTo()),
        }
      : undefined

  const session: SessionDetails | undefined =
    auth.user && auth.isAuthenticated
      ? {
          profile: readPersonProfile(auth.user.profile),
          scopes: auth.user.scopes,
          expiresAt: auth.user.expires_at,
        }
      : undefined

  return {
    session,
    /** Absent from the stand-in (SessionSource.tsx) until the engine is in: nothing to offer yet. */
    features,
    keeping,
    // A sign-in cut short by a sign-out (here or in another tab) is not an error: the notice says
    // why. Nor is a top-level restore answered "sign in": the session has ended, the page says so.
    error: [auth.error, keeping.startError].find(
      (error) =>
        error !== undefined && readErrorCode(error) !== 'superseded' && !isEndedAtProvider(error),
    ),
    // Until the callback or the restore is done, showing pages would flash the wrong view.
    // react-oidc-context loads at first, and after a callback until the user is in; a fresh page
    // load has no user to load (tokens live in memory), so it shows its page at once.
    isStarting:
      (isCallback && auth.isLoading && auth.activeNavigator === undefined) ||
      keeping.phase === 'restoring' ||
      (keeping.phase === 'callback' && auth.error === undefined),
    isRedirecting: auth.activeNavigator === 'signinRedirect',
    signIn,
    stayLoggedIn,
    continueSession,
    describeError: describeAuthError,
    signOut: () => keeper.signOut(),
    renewNow: () => keeper.renewNow(),
    reloadProfile: () => keeper.reloadProfile(),
  }
}
