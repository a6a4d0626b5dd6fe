import type { ReactNode } from 'react'
import { AppSessionContext, type AppSession } from '../react/app-session.ts'
import { createTestSession, type TestSessionSpec } from './test-session.ts'

/**
 * Either a state (`state="signed-in" claims={{ name: 'Grace' }}`, typed: `claims` only with a
 * signed-in state) or a whole `session` made with createTestSession, to watch its actions.
 */
export type TestSessionProviderProps = { children?: ReactNode } & (
  { session: AppSession; state?: never } | ({ session?: never } & TestSessionSpec)
)

/**
 * Renders its children in a given session state, for component tests: what useSession,
 * useAuthorizedFetch and <RequireSignIn> read, with no <SignInProvider>, no engine and no network.
 *
 * @example
 * render(
 *   <TestSessionProvider state="signed-in" claims={{ name: 'Grace Hopper' }}>
 *     <Greeting />
 *   </TestSessionProvider>,
 * )
 */
export function TestSessionProvider({ children, ...props }: TestSessionProviderProps) {
  const session = props.session ?? createTestSession(props)
  return <AppSessionContext value={session}>{children}</AppSessionContext>
}
