import { useState } from 'react'
import type { AuthErrorDescription } from 'static-signin'
import { StatusMessage } from './StatusMessage.tsx'

interface ProfileStatusProps {
  /** Why the profile did not load; the card then shows the validated ID token's claims. */
  problem: AuthErrorDescription | undefined
  /** Settles when the reload has ended, whatever its outcome. */
  onReloadProfile: () => Promise<void>
}

const RELOADING = 'Loading your profile…'
const SHOWN_INSTEAD = 'You are still signed in. Shown: the details from your sign-in.'

function describeProblem({ title, message }: AuthErrorDescription): string {
  // A failed userinfo request repeats its title as its message: say it once.
  const isRepeat = message.replace(/\.$/, '') === title
  return [`${title}.`, isRepeat ? '' : message, SHOWN_INSTEAD].filter(Boolean).join(' ')
}

/**
 * Whether the profile on the card is the latest, and the button that loads it again. The status
 * is in the page, empty, from the start: a live region that appears with its text is not read.
 */
export function ProfileStatus({ problem, onReloadProfile }: ProfileStatusProps) {
  const [isReloading, setIsReloading] = useState(false)
  const reloadProfile = () => {
    if (isReloading) return
    setIsReloading(true)
    void onReloadProfile().finally(() => {
      setIsReloading(false)
    })
  }
  const text = isReloading ? RELOADING : problem ? describeProblem(problem) : ''
  return (
    <div className="profile-status">
      <StatusMessage>{text}</StatusMessage>
      {problem?.detail !== undefined && !isReloading && (
        <details className="hint">
          <summary>Technical details</summary>
          <p className="alert-detail">{problem.detail}</p>
        </details>
      )}
      <div className="actions">
        {/* aria-disabled, not disabled: a disabled button drops the keyboard focus. */}
        <button
          type="button"
          className="button"
          aria-disabled={isReloading}
          onClick={reloadProfile}
        >
          Reload profile
        </button>
      </div>
    </div>
  )
}
