import { nameGrantedScopes, type AuthErrorDescription, type PersonProfile } from 'static-signin'
import { ProfileStatus } from './ProfileStatus.tsx'

interface ProfileCardProps {
  profile: PersonProfile
  /** As granted in the token response; Google's long forms are understood. */
  scopes: string[]
  /** Seconds since the epoch. */
  expiresAt: number | undefined
  now: number
  profileProblem: AuthErrorDescription | undefined
  onReloadProfile: () => Promise<void>
}

function describeVerification(isVerified: boolean | undefined): string {
  if (isVerified === true) return 'verified'
  if (isVerified === false) return 'not verified'
  return 'verification unknown'
}

// Only a grant without the email scope means the provider withheld the email. With the scope, the
// ID token merely lacked it and userinfo has not delivered it (yet).
function describeMissingEmail(scopes: string[]): string {
  return nameGrantedScopes(scopes).includes('email') ? 'not loaded yet' : 'not shared'
}

function describeExpiry(expiresAt: number | undefined, now: number): string {
  if (expiresAt === undefined) return 'unknown'
  const minutes = Math.max(0, Math.round((expiresAt * 1000 - now) / 60_000))
  const time = new Date(expiresAt * 1000).toLocaleTimeString()
  return `${time} (in about ${minutes} min)`
}

/** Who is signed in, from the validated ID token and userinfo. */
export function ProfileCard({
  profile,
  scopes,
  expiresAt,
  now,
  profileProblem,
  onReloadProfile,
}: ProfileCardProps) {
  return (
    <section className="card" aria-labelledby="profile-heading">
      <div className="profile-header">
        {profile.pictureUrl !== undefined && (
          <img
            className="avatar"
            src={profile.pictureUrl}
            alt=""
            width={64}
            height={64}
            referrerPolicy="no-referrer"
          />
        )}
        <h2 id="profile-heading">{profile.name ?? 'Signed in'}</h2>
      </div>
      <dl className="facts">
        <dt>Email</dt>
        <dd>
          <span data-testid="email">{profile.email ?? describeMissingEmail(scopes)}</span>{' '}
          {profile.email !== undefined && (
            <span className="badge">{describeVerification(profile.emailVerified)}</span>
          )}
        </dd>
        {profile.hostedDomain !== undefined && (
          <>
            <dt>Organisation domain</dt>
            <dd>{profile.hostedDomain}</dd>
          </>
        )}
        <dt>Granted scopes</dt>
        <dd data-testid="scopes">{nameGrantedScopes(scopes).join(' ')}</dd>
        <dt>Access token expires</dt>
        <dd>{describeExpiry(expiresAt, now)}</dd>
        <dt>Account ID (sub)</dt>
        <dd className="mono">{profile.sub}</dd>
      </dl>
      <ProfileStatus problem={profileProblem} onReloadProfile={onReloadProfile} />
    </section>
  )
}
