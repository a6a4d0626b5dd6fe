import { createContext, useContext } from 'react'
import type { SecureUserManager } from '../oidc/secure-user-manager.ts'
import type { SessionKeeper } from '../session/session-keeper.ts'

export interface AuthServices {
  manager: SecureUserManager
  keeper: SessionKeeper
  /** This page load is an authorization response at the redirect URI. */
  isCallback: boolean
  /** The app's base path ("/" or "/some/path/"): where the redirect URIs and return paths live. */
  basePath: string
  /** Where Google's APIs are called; none for a provider that is not Google (api-base.ts). */
  apiBase: string | undefined
}

export const AuthServicesContext = createContext<AuthServices | undefined>(undefined)

/** The app's UserManager and SessionKeeper, for what react-oidc-context does not wrap. */
export function useAuthServices(): AuthServices {
  const services = useContext(AuthServicesContext)
  if (!services) throw new Error('useAuthServices must be used inside <SignInProvider>')
  return services
}
