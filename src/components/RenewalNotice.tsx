import { describeDuration } from './describe-duration.ts'
import { useNow } from './use-now.ts'

export interface RenewalNoticeProps {
  /** Seconds since the epoch. */
  expiresAt: number
  /** The browser withheld the provider's cookies or the provider wants the person: say so. */
  isInteractionNeeded: boolean
  /** What made the last attempt fail, when it was more than the browser or the provider's session. */
  cause: string | undefined
  /** "Stay signed in" is already on its way. */
  isBusy: boolean
  onStay: () => void
}

/** Non-blocking warning that background renewal gave up, with the one action that can help. */
export function RenewalNotice({
  expiresAt,
  isInteractionNeeded,
  cause,
  isBusy,
  onStay,
}: RenewalNoticeProps) {
  const msLeft = expiresAt * 1000 - useNow(1000)
  return (
    <section className="notice notice-warning" aria-label="Session ending" role="status">
      <p>
        Your session ends in {describeDuration(msLeft)}.{' '}
        {isInteractionNeeded
          ? 'The sign-in provider could not renew it in the background (blocked cookies, or it wants you to confirm).'
          : `Renewing it in the background did not work${cause ? ` (${cause})` : ''}.`}
      </p>
      <button type="button" className="button" onClick={onStay} disabled={isBusy}>
        {isBusy ? 'Signing you in…' : 'Stay signed in'}
      </button>
    </section>
  )
}
