import { useCallback, useEffect, useState, type ReactNode } from 'react'
import { AuthProvider } from 'react-oidc-context'
import type { User } from 'oidc-client-ts'
import type { AppConfig } from '../config/read-config.ts'
import { isAuthorizationCallback } from './callback-url.ts'
import { createUserManager, describeRedirectUris } from './create-user-manager.ts'
import { ManagerContext } from './manager-context.ts'
import { readReturnToFromState } from './return-to.ts'

interface AppAuthProviderProps {
  config: AppConfig
  children: ReactNode
}

/** Wires the SecureUserManager into react-oidc-context; restores the return path after sign-in. */
export function AppAuthProvider({ config, children }: AppAuthProviderProps) {
  const basePath = import.meta.env.BASE_URL
  const [redirectUris] = useState(() => describeRedirectUris(window.location.origin, basePath))
  const [manager] = useState(() =>
    createUserManager(config, redirectUris, { session: sessionStorage }),
  )
  const [isCallback] = useState(() => isAuthorizationCallback(window.location, redirectUris.signIn))

  useEffect(() => {
    // Discovery at start-up (not for Google: embedded), so the click on the button fetches nothing.
    // A failure here surfaces again, as an alert, when the person tries to sign in.
    manager.prepare().catch(() => undefined)
  }, [manager])

  const restoreReturnPath = useCallback(
    (user: User | undefined) => {
      window.history.replaceState(null, '', readReturnToFromState(user?.state, basePath))
    },
    [basePath],
  )

  return (
    <ManagerContext value={manager}>
      <AuthProvider
        userManager={manager}
        skipSigninCallback={!isCallback}
        onSigninCallback={restoreReturnPath}
      >
        {children}
      </AuthProvider>
    </ManagerContext>
  )
}
