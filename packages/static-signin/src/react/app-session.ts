import { createContext, useContext } from 'react'
import type { SessionFeatures, useEngineSession } from './use-session.ts'

/**
 * The session as the pages see it: from the sign-in engine once loaded, a stand-in until then.
 * The stand-in has no `features` (nothing is signed in before the engine), and leaves them out.
 */
export type AppSession = Omit<ReturnType<typeof useEngineSession>, 'features'> & {
  features?: SessionFeatures | undefined
}

export const AppSessionContext = createContext<AppSession | undefined>(undefined)

/** The session, its state and its actions: inside <SignInProvider> (or the test kit's provider). */
export function useSession(): AppSession {
  const session = useContext(AppSessionContext)
  if (!session) {
    throw new Error(
      'useSession must be used inside <SignInProvider> (or, in a test, <TestSessionProvider>)',
    )
  }
  return session
}
