import {
  CALENDAR_EVENTS_SCOPE,
  hasGrantedScope,
  listAskedScopes,
  type AuthErrorDescription,
  type SessionSnapshot,
} from 'static-signin'
import type { SessionDetails, SessionFeatures } from 'static-signin/react'
import { loadNextEvents } from '../calendar/next-events.ts'
import { NextEventsCard } from './NextEventsCard.tsx'
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
  /** The calendar and "Use another account"; absent until the sign-in engine is in. */
  features?: SessionFeatures | undefined
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
  features,
}: SignedInViewProps) {
  const now = useNow(1000)
  // Google's API host (or the local provider's): none for another provider, whose tokens are not Google's.
  const apiBase = features?.apiBase
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
      {features && apiBase !== undefined && (
        // Keyed by the account: another account never sees this one's events, even for a render.
        <NextEventsCard
          key={session.profile.sub}
          isGranted={hasGrantedScope(
            session.scopes,
            CALENDAR_EVENTS_SCOPE,
            listAskedScopes(features.signInScope, [CALENDAR_EVENTS_SCOPE]),
          )}
          isReopened={features.reopened === 'calendar'}
          load={(signal) => loadNextEvents(apiBase, features.fetchJson, signal)}
          onAskForAccess={() => void features.askForScope(CALENDAR_EVENTS_SCOPE, 'calendar')}
        />
      )}
      <div className="actions">
        <button type="button" className="button" onClick={onSignOut}>
          Sign out
        </button>
        {features && (
          <button
            type="button"
            className="button"
            onClick={() => void features.useAnotherAccount()}
          >
            Use another account
          </button>
        )}
      </div>
    </>
  )
}
