import type { ComponentProps } from 'react'
import type { SignedInView } from '../components/SignedInView.tsx'
import { SignedOutPanel } from '../components/SignedOutPanel.tsx'
import { useSignedInViews } from '../components/use-signed-in-views.ts'
import { ViewLoading } from '../components/ViewLoading.tsx'

type SignedInProps = ComponentProps<typeof SignedInView>

interface HomePageProps extends Omit<SignedInProps, 'session'> {
  session: SignedInProps['session'] | undefined
  isRedirecting: boolean
  onSignIn: () => void
}

export function HomePage({ session, isRedirecting, onSignIn, ...signedIn }: HomePageProps) {
  const views = useSignedInViews(session !== undefined)
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
  if (!views) return <ViewLoading hasFailed={views === null} />
  return <views.SignedInView session={session} {...signedIn} />
}
