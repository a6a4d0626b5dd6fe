import { use } from 'react'
import { GoogleSignInButton } from './GoogleSignInButton.tsx'
import { SignInRefusalContext } from 'static-signin/react'

interface SignedOutPanelProps {
  heading: string
  text: string
  isRedirecting: boolean
  onSignIn: () => void
}

/** The signed-out view: what signing in gives, and the button. */
export function SignedOutPanel({ heading, text, isRedirecting, onSignIn }: SignedOutPanelProps) {
  const refusalId = use(SignInRefusalContext)
  return (
    <section className="card" aria-labelledby="signed-out-heading">
      <h1 id="signed-out-heading">{heading}</h1>
      <p>{text}</p>
      <GoogleSignInButton onClick={onSignIn} isBusy={isRedirecting} refusalId={refusalId} />
      {isRedirecting && <p className="hint">Taking you to the sign-in page…</p>}
    </section>
  )
}
