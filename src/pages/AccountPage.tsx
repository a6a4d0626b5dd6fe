import type { AuthErrorDescription } from 'static-signin'
import type { SessionDetails } from 'static-signin/react'
import { SignedOutPanel } from '../components/SignedOutPanel.tsx'
import { useNow } from '../components/use-now.ts'
import { useSignedInViews } from '../components/use-signed-in-views.ts'
import { ViewLoading } from '../components/ViewLoading.tsx'

interface AccountPageProps {
  session: SessionDetails | undefined
  profileProblem: AuthErrorDescription | undefined
  isRedirecting: boolean
  onSignIn: () => void
  onReloadProfile: () => Promise<void>
}

/** A page that needs a signed-in person; signing in from here comes back here. */
export function AccountPage({
  session,
  profileProblem,
  isRedirecting,
  onSignIn,
  onReloadProfile,
}: AccountPageProps) {
  const now = useNow(30_000)
  const views = useSignedInViews(session !== undefined)
  if (!session) {
    return (
      <SignedOutPanel
        heading="Your account"
        text="Sign in to see your account. You will come back to this page."
        isRedirecting={isRedirecting}
        onSignIn={onSignIn}
      />
    )
  }
  if (!views) return <ViewLoading hasFailed={views === null} />
  return (
    <>
      <h1 tabIndex={-1}>Your account</h1>
      <views.ProfileCard
        profile={session.profile}
        scopes={session.scopes}
        expiresAt={session.expiresAt}
        now={now}
        profileProblem={profileProblem}
        onReloadProfile={onReloadProfile}
      />
    </>
  )
}
