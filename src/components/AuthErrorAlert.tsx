import { useEffect, useRef } from 'react'
import type { AuthErrorDescription } from 'static-signin'

interface AuthErrorAlertProps {
  description: AuthErrorDescription
  onRetry: () => void
  retryLabel?: string
}

/** One failure, readable, with a way forward. All text is rendered as text, never as HTML. */
export function AuthErrorAlert({
  description,
  onRetry,
  retryLabel = 'Try again',
}: AuthErrorAlertProps) {
  const ref = useRef<HTMLDivElement>(null)
  // Focus follows the failure, so a keyboard or screen-reader user lands on it and its retry.
  useEffect(() => {
    ref.current?.focus()
  }, [description.title])
  return (
    <div role="alert" className="alert alert-error" ref={ref} tabIndex={-1}>
      <p className="alert-title">{description.title}</p>
      <p>{description.message}</p>
      {description.detail !== undefined && (
        <details>
          <summary>Technical details</summary>
          <p className="alert-detail">{description.detail}</p>
        </details>
      )}
      <button type="button" className="button" onClick={onRetry}>
        {retryLabel}
      </button>
    </div>
  )
}
