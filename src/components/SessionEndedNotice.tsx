import type { EndReason } from 'static-signin'

const MESSAGES: Record<EndReason, string> = {
  expired: 'Your session ended because it could not be renewed in time. Sign in again to continue.',
  offline:
    'Your session expired while this device was offline. You will be signed in again as soon as the connection is back.',
  'signed-out-elsewhere': 'You signed out in another tab, so this tab is signed out too.',
  unauthorized:
    'The sign-in provider no longer accepts this session (access was revoked or has expired). Sign in again to continue.',
}

/** Why the person is signed out when they did not ask to be. */
export function SessionEndedNotice({ reason }: { reason: EndReason }) {
  return (
    <p role="status" className="notice">
      {MESSAGES[reason]}
    </p>
  )
}
