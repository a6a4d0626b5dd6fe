import { useCallback, useState } from 'react'
import { useAuth } from 'react-oidc-context'
import { readPersonProfile, type PersonProfile } from './profile.ts'
import { useManager } from './manager-context.ts'
import { describeCurrentPath, readReturnTo } from './return-to.ts'
import { signOut, type SignOutResult } from './sign-out.ts'

export interface SessionDetails {
  profile: PersonProfile
  scopes: string[]
  /** Seconds since the epoch. */
  expiresAt: number | undefined
}

/** The session as the pages see it: who is signed in, and the two actions. */
export function useSession() {
  const auth = useAuth()
  const manager = useManager()
  const [signOutResult, setSignOutResult] = useState<SignOutResult | undefined>()

  const signIn = useCallback(async () => {
    setSignOutResult(undefined)
    const returnTo = readReturnTo(describeCurrentPath(window.location), import.meta.env.BASE_URL)
    await auth.signinRedirect({ state: { returnTo } })
  }, [auth])

  const endSession = useCallback(async () => {
    setSignOutResult(await signOut(manager))
  }, [manager])

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
    error: auth.error,
    isStarting: auth.isLoading && auth.activeNavigator === undefined,
    isRedirecting: auth.activeNavigator === 'signinRedirect',
    signOutResult,
    signIn,
    signOut: endSession,
  }
}
