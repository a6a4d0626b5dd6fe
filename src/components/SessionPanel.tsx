import type { AuthErrorDescription, SessionSnapshot, TokenSource } from 'static-signin'
import { describeDuration } from './describe-duration.ts'

interface SessionPanelProps {
  /** Seconds since the epoch. */
  expiresAt: number | undefined
  now: number
  keeping: SessionSnapshot
  renewalProblem: AuthErrorDescription | undefined
  onRenewNow: () => void
}

const SOURCES: Record<TokenSource, string> = {
  'sign-in': 'signing in',
  restore: 'restoring your session on load (hidden iframe)',
  iframe: 'silent renewal (hidden iframe)',
  'refresh-token': 'silent renewal (refresh token)',
  redirect: '“Stay signed in” (redirect)',
  'other-tab': 'joining the session of another tab (hidden iframe)',
}

/** How the session is kept: a live countdown, the last renewal, and renewing by hand. */
export function SessionPanel({
  expiresAt,
  now,
  keeping,
  renewalProblem,
  onRenewNow,
}: SessionPanelProps) {
  const last = keeping.lastTokens
  return (
    <section className="card" aria-labelledby="session-heading">
      <h2 id="session-heading">Session</h2>
      <dl className="facts">
        <dt>Access token valid for</dt>
        <dd>
          <span data-testid="time-left">
            {expiresAt === undefined ? 'unknown' : describeDuration(expiresAt * 1000 - now)}
          </span>
        </dd>
        <dt>Tokens obtained</dt>
        <dd data-testid="last-renewal">
          {last
            ? `${new Date(last.at).toLocaleTimeString()} by ${SOURCES[last.source]}${last.durationMs > 0 ? ` in ${last.durationMs} ms` : ''}`
            : 'unknown'}
        </dd>
      </dl>
      {renewalProblem && (
        <p className="hint">
          Last renewal failed: {renewalProblem.title}. {renewalProblem.detail}
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          className="button"
          onClick={onRenewNow}
          disabled={keeping.phase === 'renewing'}
        >
          {keeping.phase === 'renewing' ? 'Renewing…' : 'Renew now'}
        </button>
      </div>
    </section>
  )
}
