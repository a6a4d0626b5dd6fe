import { lazy, type ComponentProps } from 'react'
import { SignedOutPanel } from '../components/SignedOutPanel.tsx'

// Only signed-in people need it: loaded on demand, outside the initial JavaScript.
const SignedInView = lazy(() =>
  import('../components/SignedInView.tsx').then((m) => ({ default: m.SignedInView })),
)

type SignedInProps = ComponentProps<typeof SignedInView>

interface HomePageProps extends Omit<SignedInProps, 'session'> {
  session: SignedInProps['session'] | undefined
  isRedirecting: boolean
  onSignIn: () => void
}

export function HomePage({ session, isRedirecting, onSignIn, ...signedIn }: HomePageProps) {
  if (!session) {
    return (
      <SignedOutPanel
        heading="Sign in with Google, no backend"
        text="This static site signs you in with the OAuth 2.0 code flow and PKCE, right in your browser. Your tokens stay in this tab’s memory."
        isRedirecting={isRedirecting}
        onSignIn={onSignIn}
      />
    )
  }
  return <SignedInView session={session} {...signedIn} />
}
