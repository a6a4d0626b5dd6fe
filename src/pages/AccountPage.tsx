import type { SessionDetails } from '../auth/use-session.ts'
import { ProfileCard } from '../components/ProfileCard.tsx'
import { SignedOutPanel } from '../components/SignedOutPanel.tsx'
import { useNow } from '../components/use-now.ts'

interface AccountPageProps {
  session: SessionDetails | undefined
  isRedirecting: boolean
  onSignIn: () => void
}

/** A page that needs a signed-in person; signing in from here comes back here. */
export function AccountPage({ session, isRedirecting, onSignIn }: AccountPageProps) {
  const now = useNow(30_000)
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
  return (
    <>
      <h1>Your account</h1>
      <ProfileCard
        profile={session.profile}
        scopes={session.scopes}
        expiresAt={session.expiresAt}
        now={now}
      />
    </>
  )
}
