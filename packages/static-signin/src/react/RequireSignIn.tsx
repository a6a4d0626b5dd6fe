import type { ReactNode } from 'react'
import { useSession, type AppSession } from './app-session.ts'

export interface RequireSignInProps {
  /** Rendered only while someone is signed in. */
  children: ReactNode
  /** While a callback or a restore is under way. Default: "Signing you in…" as a status. */
  starting?: ReactNode
  /** Signed out. Default: the error, if any, as text, and a "Sign in with Google" button. */
  signedOut?: ReactNode | ((session: AppSession) => ReactNode)
}

/**
 * Renders its children only for a signed-in session. While a callback or a restore is under way
 * it shows `starting` (never a flash of the sign-in button), and when nobody is signed in it shows
 * `signedOut`. Signing in comes back to the address it started from.
 */
export function RequireSignIn({ children, starting, signedOut }: RequireSignInProps) {
  const session = useSession()
  if (session.isStarting) return starting ?? <p role="status">Signing you in…</p>
  if (session.session) return children
  if (typeof signedOut === 'function') return signedOut(session)
  return signedOut ?? <SignInPrompt session={session} />
}

function SignInPrompt({ session }: { session: AppSession }) {
  const problem = session.error === undefined ? undefined : session.describeError(session.error)
  return (
    <div>
      {problem && (
        <div role="alert">
          <p>
            <strong>{problem.title}</strong>
          </p>
          <p>{problem.message}</p>
        </div>
      )}
      <button type="button" disabled={session.isRedirecting} onClick={() => void session.signIn()}>
        {session.isRedirecting ? 'Redirecting…' : 'Sign in with Google'}
      </button>
    </div>
  )
}
