import { useCallback, useEffect, useState, type ReactNode } from 'react'
import { AuthProvider } from 'react-oidc-context'
import type { User } from 'oidc-client-ts'
import type { AppConfig } from '../config/read-config.ts'
import { describeApiBase } from '../google/api-base.ts'
import { AuthServicesContext, type AuthServices } from './auth-services-context.ts'
import { describeCurrentPath, readReturnTo, readReturnToFromState } from '../oidc/return-to.ts'
import type { PageStart } from '../session/page-start.ts'
import { createSignInSession } from '../session/create-session.ts'
import { readRestoreState } from '../session/top-level-restore.ts'

interface AppAuthProviderProps {
  config: AppConfig
  start: PageStart
  /** The app's base path, "/" or "/some/path/". */
  basePath: string
  children: ReactNode
}

function createServices(config: AppConfig, start: PageStart, basePath: string): AuthServices {
  // The address was cleaned of stray responses before this (session/read-page-start.ts).
  return {
    ...createSignInSession(config, start, basePath),
    isCallback: start.isCallback,
    basePath,
    apiBase: describeApiBase(config.issuer, config.isLocalProvider),
  }
}

/**
 * Wires the SecureUserManager into react-oidc-context and starts the SessionKeeper; restores the
 * return path after sign-in.
 */
export function AppAuthProvider({ config, start, basePath, children }: AppAuthProviderProps) {
  const [services] = useState(() => createServices(config, start, basePath))
  const { manager, keeper, isCallback } = services

  useEffect(() => {
    // Discovery at start-up (not for Google: embedded), so the click on the button fetches nothing.
    // A failure here surfaces again, as an alert, when the person tries to sign in.
    manager.prepare().catch(() => undefined)
  }, [manager])

  // A top-level restore that failed still comes back to the address it left from (the library's
  // success path does this through onSigninCallback below; its failure path has none).
  useEffect(
    () =>
      manager.addCallbackFailed((error) => {
        const restored = readRestoreState((error as { state?: unknown } | null)?.state)
        if (restored)
          window.history.replaceState(null, '', readReturnTo(restored.returnTo, basePath))
      }),
    [manager, basePath],
  )

  useEffect(() => {
    const stop = keeper.start()
    // A top-level restore comes back to this very address, query and fragment included.
    void keeper.restoreOnce(readReturnTo(describeCurrentPath(window.location), basePath))
    return stop
  }, [keeper, basePath])

  const restoreReturnPath = useCallback(
    (user: User | undefined) => {
      window.history.replaceState(null, '', readReturnToFromState(user?.state, basePath))
      keeper.completeCallback()
    },
    [basePath, keeper],
  )

  return (
    <AuthServicesContext value={services}>
      <AuthProvider
        userManager={manager}
        skipSigninCallback={!isCallback}
        onSigninCallback={restoreReturnPath}
      >
        {children}
      </AuthProvider>
    </AuthServicesContext>
  )
}
