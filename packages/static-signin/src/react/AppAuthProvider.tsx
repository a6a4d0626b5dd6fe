import { useCallback, useEffect, useState, type ReactNode } from 'react'
import { AuthProvider } from 'react-oidc-context'
import type { User } from 'oidc-client-ts'
import type { AppConfig } from '../config/read-config.ts'
import { describeApiBase } from '../google/api-base.ts'
import { AuthServicesContext, type AuthServices } from './auth-services-context.ts'
import { describeCurrentPath, readReturnTo, readReturnToFromState } from '../oidc/return-to.ts'
import type { PageStart } from '../session/page-start.ts'
import { readPageStart } from '../session/read-page-start.ts'
import { createSignInSession } from '../session/create-session.ts'
import { readRestoreState } from '../session/top-level-restore.ts'

interface AppAuthProviderProps {
  config: AppConfig
  start: PageStart
  /** The app's base path, "/" or "/some/path/". */
  basePath: string
  children: ReactNode
}

/**
 * A router may have moved the address on (a redirect route, a link) before the sign-in engine
 * arrived: the callback is redeemed from the address the page loaded with, so it is put back for
 * react-oidc-context to read. Once redeemed, the address becomes the return path (below).
 */
function keepCallbackAddress({ callbackUrl }: PageStart): void {
  if (callbackUrl !== undefined && window.location.href !== callbackUrl)
    window.history.replaceState(window.history.state, '', callbackUrl)
}

/** Replaces the address behind the app's back, then tells its router (they listen to popstate). */
function replaceAddress(path: string): void {
  window.history.replaceState(null, '', path)
  window.dispatchEvent(new PopStateEvent('popstate', { state: null }))
}

/** The callbacks this page has begun to redeem: each is redeemed once, whatever remounts. */
const takenCallbacks = new Set<string>()

/**
 * The page start for a new engine. A provider mounted again after its callback (a `key` change, an
 * error boundary's reset) may still be handed the start of the page load: its callback was spent,
 * so what the address is now is read instead.
 */
function takeStart(config: AppConfig, start: PageStart, basePath: string): PageStart {
  const url = start.callbackUrl
  if (url === undefined || !takenCallbacks.has(url)) {
    if (url !== undefined) takenCallbacks.add(url)
    return start
  }
  return window.location.href === url ? start : readPageStart(config.clientId, basePath)
}

function createServices(config: AppConfig, given: PageStart, basePath: string): AuthServices {
  const start = takeStart(config, given, basePath)
  keepCallbackAddress(start)
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
        // The address was cleaned of the response; a failed restore goes back where it left from.
        replaceAddress(
          restored
            ? readReturnTo(restored.returnTo, basePath)
            : describeCurrentPath(window.location),
        )
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
      replaceAddress(readReturnToFromState(user?.state, basePath))
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
