import { describeDuration } from './describe-duration.ts'
import { useNow } from './use-now.ts'

interface RenewalNoticeProps {
  /** Seconds since the epoch. */
  expiresAt: number
  /** The browser withheld the provider's cookies or the provider wants the person: say so. */
  isInteractionNeeded: boolean
  onStay: () => void
}

/** Non-blocking warning that background renewal gave up, with the one action that can help. */
export function RenewalNotice({ expiresAt, isInteractionNeeded, onStay }: RenewalNoticeProps) {
  const msLeft = expiresAt * 1000 - useNow(1000)
  return (
    <section className="notice notice-warning" aria-label="Session ending" role="status">
      <p>
        Your session ends in {describeDuration(msLeft)}.{' '}
        {isInteractionNeeded
          ? 'Your browser did not let the sign-in provider renew it in the background.'
          : 'Renewing it in the background did not work.'}
      </p>
      <button type="button" className="button" onClick={onStay}>
        Stay signed in
      </button>
    </section>
  )
}
