import { useCallback, useSyncExternalStore } from 'react'
import { useAuth } from 'react-oidc-context'
import { describeAuthError } from '../oidc/describe-auth-error.ts'
import { readErrorCode } from '../oidc/auth-error.ts'
import { readPersonProfile, type PersonProfile } from '../oidc/profile.ts'
import { useAuthServices } from './auth-services-context.ts'
import { isEndedAtProvider } from '../session/top-level-restore.ts'
import { describeCurrentPath, readReturnTo } from '../oidc/return-to.ts'
import { addScope } from '../google/add-scope.ts'
import { REQUEST_TIMEOUT_SECONDS } from '../oidc/create-user-manager.ts'
import { readReopenedFeature, type FeatureName } from '../session/ask-for-scope.ts'
import { fetchAuthorized } from '../oidc/authorized-fetch.ts'
import { checkApiUrl } from '../google/api-url.ts'

export interface SessionDetails {
  profile: PersonProfile
  scopes: string[]
  /** Seconds since the epoch. */
  expiresAt: number | undefined
}

/** One authorized API call (see {@link SessionFeatures.fetchJson}). */
export interface ApiRequest {
  /** The scope the call needs: without it in the grant, no request is made. */
  scope?: string | undefined
  /** The caller's own cancellation (a page left, a component unmounted). */
  signal?: AbortSignal | undefined
}

/** What a signed-in session offers beyond itself: API calls, more access, another account. */
export interface SessionFeatures {
  /** The configured sign-in scopes: what granted-scopes.ts weighs a grant against. */
  signInScope: string
  /** The feature the person just came back from the provider for (granted or declined), if any. */
  reopened: FeatureName | undefined
  /**
   * Where Google's APIs are called: https://www.googleapis.com for Google, the issuer's origin for
   * the bundled local provider, none for any other provider (its tokens are not Google's).
   */
  apiBase: string | undefined
  /**
   * A GET of `url` with the session's access token (a Bearer header, never the URL), its JSON body
   * returned: one renewal and one retry on 401, a time-out, Google's error shape as a typed
   * GoogleApiError. `url` must be absolute and at `apiBase`'s origin: anything else is refused
   * (`url_refused`) and nothing is sent.
   */
  fetchJson: (url: string, request?: ApiRequest) => Promise<unknown>
  /** Incremental authorization of `scope`, reopening `feature` on return (ask-for-scope.ts). */
  askForScope: (scope: string, feature: FeatureName) => Promise<void>
  /** The provider's account chooser (`prompt=select_account`); the account picked replaces this one. */
  useAnotherAccount: () => Promise<void>
}

/** The session as the app shows it: who is signed in, how the session is kept, and the actions. */
export function useEngineSession() {
  const auth = useAuth()
  const { keeper, isCallback, basePath, apiBase } = useAuthServices()
  const keeping = useSyncExternalStore(keeper.subscribe, keeper.getSnapshot)
  const currentReturnTo = useCallback(
    () => readReturnTo(describeCurrentPath(window.location), basePath),
    [basePath],
  )

  /** Starts sign-in; the person comes back to `returnTo`, or to where they are now. */
  const signIn = useCallback(
    async (returnTo?: string) => {
      await auth.signinRedirect({
        state: keeper.describeSignInState(returnTo ?? currentReturnTo()),
      })
    },
    [auth, keeper, currentReturnTo],
  )
  const stayLoggedIn = useCallback(
    () => keeper.stayLoggedIn(currentReturnTo()),
    [keeper, currentReturnTo],
  )
  const continueSession = useCallback(
    () => keeper.continueSession(currentReturnTo()),
    [keeper, currentReturnTo],
  )

  const user = auth.user
  const signInScope = auth.settings.scope ?? ''
  const features: SessionFeatures | undefined =
    user && auth.isAuthenticated
      ? {
          signInScope,
          reopened:
            readReopenedFeature(user.state, user.profile.sub) ?? keeper.readDeclinedFeature(),
          apiBase,
          fetchJson: (url, request) =>
            // Checked before anything else: a refused URL is a rejection, and nothing is sent.
            Promise.resolve(apiBase).then((base) =>
              fetchAuthorized({
                url: checkApiUrl(url, base),
                tokens: keeper.lendAccessTokens({ scope: request?.scope, sub: user.profile.sub }),
                timeoutMs: REQUEST_TIMEOUT_SECONDS * 1000,
                signal: request?.signal,
              }),
            ),
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
    /** Absent from the stand-in (SignInProvider.tsx) until the engine is in: nothing to offer yet. */
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
