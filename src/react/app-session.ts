import { createContext, useContext } from 'react'
import type { useSession } from './use-session.ts'

/** The session as the pages see it: from the sign-in engine once loaded, a stand-in until then. */
export type AppSession = ReturnType<typeof useSession>

export const AppSessionContext = createContext<AppSession | undefined>(undefined)

export function useAppSession(): AppSession {
  const session = useContext(AppSessionContext)
  if (!session) throw new Error('useAppSession must be used inside <SessionSource>')
  return session
}
