import { BrowserRouter, Route, Routes } from 'react-router-dom'
import { AppAuthProvider } from './auth/AppAuthProvider.tsx'
import { describeAuthError } from './auth/describe-auth-error.ts'
import { useSession } from './auth/use-session.ts'
import type { AppConfig } from './config/read-config.ts'
import { AuthErrorAlert } from './components/AuthErrorAlert.tsx'
import { Layout } from './components/Layout.tsx'
import { LocalProviderNotice } from './components/LocalProviderNotice.tsx'
import { SignOutNotice } from './components/SignOutNotice.tsx'
import { StatusMessage } from './components/StatusMessage.tsx'
import { AccountPage } from './pages/AccountPage.tsx'
import { HomePage } from './pages/HomePage.tsx'
import { NotFoundPage } from './pages/NotFoundPage.tsx'

interface AppProps {
  config: AppConfig
}

const ROUTER_BASENAME = import.meta.env.BASE_URL.replace(/\/$/, '') || '/'

function AppContent({ config }: AppProps) {
  const { session, error, isStarting, isRedirecting, signOutResult, signIn, signOut } = useSession()
  // The router mounts only once a callback has been processed and the address bar restored.
  if (isStarting) {
    return (
      <div className="page main">
        <StatusMessage>Signing you in…</StatusMessage>
      </div>
    )
  }
  const onSignIn = () => void signIn()
  const alert = error ? (
    <AuthErrorAlert description={describeAuthError(error)} onRetry={onSignIn} />
  ) : signOutResult && !session ? (
    <SignOutNotice result={signOutResult} />
  ) : undefined
  return (
    <BrowserRouter basename={ROUTER_BASENAME}>
      <Layout
        notice={config.isLocalProvider ? <LocalProviderNotice issuer={config.issuer} /> : undefined}
        alert={alert}
      >
        <Routes>
          <Route
            path="/"
            element={
              <HomePage
                session={session}
                isRedirecting={isRedirecting}
                onSignIn={onSignIn}
                onSignOut={() => void signOut()}
              />
            }
          />
          <Route
            path="/account"
            element={
              <AccountPage session={session} isRedirecting={isRedirecting} onSignIn={onSignIn} />
            }
          />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Layout>
    </BrowserRouter>
  )
}

export function App({ config }: AppProps) {
  return (
    <AppAuthProvider config={config}>
      <AppContent config={config} />
    </AppAuthProvider>
  )
}
