import type { ReactNode } from 'react'
import { AppSessionContext, type AppSession } from '../react/app-session.ts'
import { createTestSession, type TestSessionSpec } from './test-session.ts'

export type TestSessionProviderProps = { children: ReactNode } & (
  | { session: AppSession; state?: never }
  | ({ session?: never } & TestSessionSpec)
)

/**
 * Renders its children in a given session state, for component tests: what useSession,
 * useAuthorizedFetch and <RequireSignIn> read, with no provider, no engine and no network.
 * Give a state (`state="signed-in" claims={{ name: 'Grace' }}`), or a whole `session` made with
 * createTestSession to override its actions.
 */
export function TestSessionProvider({ children, ...props }: TestSessionProviderProps) {
  const session = props.session ?? createTestSession(props)
  return <AppSessionContext value={session}>{children}</AppSessionContext>
}
