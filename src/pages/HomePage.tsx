import type { ComponentProps } from 'react'
import { SignedInView } from '../components/SignedInView.tsx'
import { SignedOutPanel } from '../components/SignedOutPanel.tsx'

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
