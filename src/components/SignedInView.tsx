import type { AuthErrorDescription } from '../oidc/describe-auth-error.ts'
import type { SessionSnapshot } from '../session/session-snapshot.ts'
import type { SessionDetails } from '../react/use-session.ts'
import { ProfileCard } from './ProfileCard.tsx'
import { SessionPanel } from './SessionPanel.tsx'
import { useNow } from './use-now.ts'

interface SignedInViewProps {
  session: SessionDetails
  keeping: SessionSnapshot
  renewalProblem: AuthErrorDescription | undefined
  profileProblem: AuthErrorDescription | undefined
  onSignOut: () => void
  onRenewNow: () => void
  onReloadProfile: () => Promise<void>
}

/** Who is signed in and how the session is kept, with the session's controls. */
export function SignedInView({
  session,
  keeping,
  renewalProblem,
  profileProblem,
  onSignOut,
  onRenewNow,
  onReloadProfile,
}: SignedInViewProps) {
  const now = useNow(1000)
  return (
    <>
      <h1 tabIndex={-1}>Welcome{session.profile.name ? `, ${session.profile.name}` : ''}</h1>
      <ProfileCard
        profile={session.profile}
        scopes={session.scopes}
        expiresAt={session.expiresAt}
        now={now}
        profileProblem={profileProblem}
        onReloadProfile={onReloadProfile}
      />
      <SessionPanel
        expiresAt={session.expiresAt}
        now={now}
        keeping={keeping}
        renewalProblem={renewalProblem}
        onRenewNow={onRenewNow}
      />
      <button type="button" className="button" onClick={onSignOut}>
        Sign out
      </button>
    </>
  )
}
