import type { EndReason } from 'static-signin'

export interface ContinueNoticeProps {
  /** Who signed in elsewhere, as the other tab named them; undefined when this tab restores its own. */
  name: string | undefined
  /** Why this tab is signed out now, when it had a session. */
  reason: EndReason | undefined
  /** "Continue" is already on its way to the provider. */
  isBusy: boolean
  onContinue: () => void
}

/**
 * Where this browser keeps the provider's cookies from the background sign-in (Safari, Firefox,
 * Brave, private windows), an open tab cannot join a session without leaving the page, and it may
 * hold the person's work: so it asks. One click, no password: the provider still knows them.
 */
export function ContinueNotice({ name, reason, isBusy, onContinue }: ContinueNoticeProps) {
  const why =
    reason === 'expired'
      ? 'Your session expired while this tab was idle and could not be renewed in the background.'
      : name === undefined
        ? 'Your session could not be restored in the background.'
        : 'You are signed in in another tab.'
  return (
    <section className="notice" aria-label="Continue your session" role="status">
      <p>
        {why} Continuing takes you to the sign-in provider and straight back here, signed in if it
        still knows you.
      </p>
      <button type="button" className="button" onClick={onContinue} disabled={isBusy}>
        {isBusy
          ? 'Signing you in…'
          : name === undefined
            ? 'Continue your session'
            : `Continue as ${name}`}
      </button>
    </section>
  )
}
