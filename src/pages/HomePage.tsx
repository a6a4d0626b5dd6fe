import type { SessionDetails } from '../auth/use-session.ts'
import { ProfileCard } from '../components/ProfileCard.tsx'
import { SignedOutPanel } from '../components/SignedOutPanel.tsx'
import { useNow } from '../components/use-now.ts'

interface HomePageProps {
  session: SessionDetails | undefined
  isRedirecting: boolean
  onSignIn: () => void
  onSignOut: () => void
}

export function HomePage({ session, isRedirecting, onSignIn, onSignOut }: HomePageProps) {
  const now = useNow(30_000)
  if (!session) {
    return (
      <SignedOutPanel
        heading="Sign in with Google, no backend"
        text="This static site signs you in with the OAuth 2.0 code flow and PKCE, right in your browser. Your tokens stay in this tab’s memory."
        isRedirecting={isRedirecting}
        onSignIn={onSignIn}
      />
    )
  }
  return (
    <>
      <h1>Welcome{session.profile.name ? `, ${session.profile.name}` : ''}</h1>
      <ProfileCard
        profile={session.profile}
        scopes={session.scopes}
        expiresAt={session.expiresAt}
        now={now}
      />
      <button type="button" className="button" onClick={onSignOut}>
        Sign out
      </button>
    </>
  )
}
