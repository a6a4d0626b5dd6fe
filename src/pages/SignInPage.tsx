import { Navigate, useSearchParams } from 'react-router-dom'
import { readReturnTo } from 'static-signin'
import type { SessionDetails } from 'static-signin/react'
import { SignedOutPanel } from '../components/SignedOutPanel.tsx'

interface SignInPageProps {
  session: SessionDetails | undefined
  isRedirecting: boolean
  /** Starts sign-in; the person comes back to `returnTo` (already checked). */
  onSignIn: (returnTo: string) => void
}

const BASE = import.meta.env.BASE_URL

/**
 * `/sign-in/?returnTo=/path`: where links to protected pages send signed-out people. The return
 * path is untrusted input from a URL anyone can craft: only same-origin paths are honoured.
 */
export function SignInPage({ session, isRedirecting, onSignIn }: SignInPageProps) {
  const [params] = useSearchParams()
  const returnTo = readReturnTo(params.get('returnTo'), BASE)
  if (session) return <Navigate to={`/${returnTo.slice(BASE.length)}`} replace />
  return (
    <SignedOutPanel
      heading="Sign in to continue"
      text="You will come back to the page you were going to."
      isRedirecting={isRedirecting}
      onSignIn={() => {
        onSignIn(returnTo)
      }}
    />
  )
}
