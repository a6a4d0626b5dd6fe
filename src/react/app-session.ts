import { createContext, useContext } from 'react'
import type { SessionFeatures, useSession } from './use-session.ts'

/**
 * The session as the pages see it: from the sign-in engine once loaded, a stand-in until then.
 * The stand-in has no `features` (nothing is signed in before the engine), and leaves them out.
 */
export type AppSession = Omit<ReturnType<typeof useSession>, 'features'> & {
  features?: SessionFeatures | undefined
}

export const AppSessionContext = createContext<AppSession | undefined>(undefined)

export function useAppSession(): AppSession {
  const session = useContext(AppSessionContext)
  if (!session) throw new Error('useAppSession must be used inside <SessionSource>')
  return session
}
