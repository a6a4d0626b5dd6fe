import { createContext, useContext } from 'react'
import type { SecureUserManager } from './secure-user-manager.ts'

export const ManagerContext = createContext<SecureUserManager | undefined>(undefined)

/** The app's UserManager, for the few operations react-oidc-context does not wrap. */
export function useManager(): SecureUserManager {
  const manager = useContext(ManagerContext)
  if (!manager) throw new Error('useManager must be used inside <AppAuthProvider>')
  return manager
}
