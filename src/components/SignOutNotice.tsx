import type { SignOutResult } from 'static-signin'

interface SignOutNoticeProps {
  result: SignOutResult
}

/** Confirms sign-out, and says honestly what it could and could not do. */
export function SignOutNotice({ result }: SignOutNoticeProps) {
  return (
    <p role="status" className="notice">
      {result.isRevoked
        ? 'You are signed out of this app and its access was revoked. You stay signed in to your Google account itself.'
        : 'You are signed out of this app, but the provider could not be reached to revoke its access; the access token expires on its own within the hour.'}
    </p>
  )
}
