import type { PersonProfile } from '../oidc/profile.ts'
import { nameGrantedScopes } from '../google/scopes.ts'

interface ProfileCardProps {
  profile: PersonProfile
  scopes: string[]
  /** Seconds since the epoch. */
  expiresAt: number | undefined
  now: number
}

function describeVerification(isVerified: boolean | undefined): string {
  if (isVerified === true) return 'verified'
  if (isVerified === false) return 'not verified'
  return 'verification unknown'
}

function describeExpiry(expiresAt: number | undefined, now: number): string {
  if (expiresAt === undefined) return 'unknown'
  const minutes = Math.max(0, Math.round((expiresAt * 1000 - now) / 60_000))
  const time = new Date(expiresAt * 1000).toLocaleTimeString()
  return `${time} (in about ${minutes} min)`
}

/** Who is signed in, from the validated ID token and userinfo. */
export function ProfileCard({ profile, scopes, expiresAt, now }: ProfileCardProps) {
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
          <span data-testid="email">{profile.email ?? 'not shared'}</span>{' '}
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
    </section>
  )
}
