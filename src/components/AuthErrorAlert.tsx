import type { AuthErrorDescription } from './describe-auth-error.ts'

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
  return (
    <div role="alert" className="alert alert-error">
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
