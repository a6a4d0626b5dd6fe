import { useEffect, useRef } from 'react'
import { takeEarlyClick } from './early-click.ts'

interface GoogleSignInButtonProps {
  onClick: () => void
  isBusy?: boolean
  /** The id of the alert saying why this browser cannot sign in: the button is then disabled. */
  refusalId?: string | undefined
}

/**
 * Google's "Sign in with Google" button: light theme (fill #FFFFFF, stroke #747775, text #1F1F1F),
 * dark theme when the system is dark (fill #131314, stroke #8E918F, text #E3E3E3; styles.css),
 * Roboto Medium 14/20, 40 px high, 20 px logo, 12 px gap, 4 px radius. The standard four-colour
 * "G" is a static file (public/google-g.svg): cached on its own, and no weight in the JavaScript.
 */
export function GoogleSignInButton({
  onClick,
  isBusy = false,
  refusalId,
}: GoogleSignInButtonProps) {
  const ref = useRef<HTMLButtonElement>(null)
  // A click on the prerendered button before the app was ready is not lost: it happens now.
  useEffect(() => {
    if (takeEarlyClick()) ref.current?.click()
  }, [])
  return (
    <button
      ref={ref}
      type="button"
      className="gsi-button"
      onClick={onClick}
      disabled={isBusy || refusalId !== undefined}
      aria-busy={isBusy}
      aria-describedby={refusalId}
    >
      <img
        className="gsi-logo"
        src={`${import.meta.env.BASE_URL}google-g.svg`}
        alt=""
        width={20}
        height={20}
      />
      <span>Sign in with Google</span>
    </button>
  )
}
