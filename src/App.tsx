import { lazy, Suspense, useEffect, useRef, type ComponentType, type ReactNode } from 'react'
import { BrowserRouter, Route, Routes } from 'react-router-dom'
import type { PageStart, SignInConfig } from 'static-signin'
import {
  SIGN_IN_REFUSAL_ID,
  SignInProvider,
  useSession,
  type LoadEngine,
} from 'static-signin/react'
import { PAGES } from './pages-list.ts'
import { AuthErrorAlert } from './components/AuthErrorAlert.tsx'
import { chooseAlert, type AppAlert } from './components/choose-alert.ts'
import { Layout } from './components/Layout.tsx'
import { LocalProviderNotice } from './components/LocalProviderNotice.tsx'
import { StatusMessage } from './components/StatusMessage.tsx'
import { useSignedInViews, type SignedInViews } from './components/use-signed-in-views.ts'
import { AccountPage } from './pages/AccountPage.tsx'
import { HomePage } from './pages/HomePage.tsx'
import { SignInPage } from './pages/SignInPage.tsx'

// Only the page for wrong addresses loads on demand. Pages on the sign-in path stay in the main
// bundle: a lazy chunk there delays the signed-in view by a Suspense round (~0.7 s measured).
const NotFoundPage = lazy(() =>
  import('./pages/NotFoundPage.tsx').then((m) => ({ default: m.NotFoundPage })),
)

interface AppProps {
  config: SignInConfig
}

/** BrowserRouter in the browser; the prerender (src/prerender.tsx) gives a StaticRouter. */
export type AppRouter = ComponentType<{ basename: string; children: ReactNode }>

interface AppWithEngineProps extends AppProps {
  /** Tests pass a loader they resolve themselves. */
  loadEngine?: LoadEngine
  router?: AppRouter
  start: PageStart
}

// With its trailing slash: react-router then links home as "<base>", the directory index every
// static host serves, not "<base-without-slash>", which they answer with a redirect.
const ROUTER_BASENAME = import.meta.env.BASE_URL

function AppContent({
  config,
  Router,
  isRestoreReturn,
}: AppProps & { Router: AppRouter; isRestoreReturn: boolean }) {
  const s = useSession()
  useFocusHeadingAfterStart(s.isStarting)
  // While a callback or a restore is under way, fetch the signed-in views alongside the tokens.
  const views = useSignedInViews(
    s.isStarting || s.session !== undefined || s.keeping.invitation !== undefined,
  )
  // The router mounts only once a callback or a restore has finished: no flash of the wrong view.
  if (s.isStarting) {
    return (
      <div className="page main">
        <StatusMessage>
          {s.keeping.phase === 'restoring' || isRestoreReturn
            ? 'Restoring your session…'
            : 'Signing you in…'}
        </StatusMessage>
      </div>
    )
  }
  const onSignIn = () => void s.signIn()
  const { keeping, session } = s
  const renewalProblem =
    keeping.renewalError === undefined ? undefined : s.describeError(keeping.renewalError)
  const profileProblem =
    keeping.profileError === undefined ? undefined : s.describeError(keeping.profileError)

  const alert = renderAlert(chooseAlert(s), views, onSignIn, {
    onStay: () => void s.stayLoggedIn(),
    onContinue: () => void s.continueSession(),
  })

  return (
    <Router basename={ROUTER_BASENAME}>
      <Layout
        notice={config.isLocalProvider ? <LocalProviderNotice issuer={config.issuer} /> : undefined}
        alert={alert}
      >
        <Suspense fallback={<StatusMessage>Loading…</StatusMessage>}>
          <Routes>
            <Route
              path="/"
              element={
                <HomePage
                  session={session}
                  keeping={keeping}
                  renewalProblem={renewalProblem}
                  profileProblem={profileProblem}
                  isRedirecting={s.isRedirecting}
                  onSignIn={onSignIn}
                  onSignOut={() => void s.signOut()}
                  onRenewNow={() => void s.renewNow()}
                  onReloadProfile={() => s.reloadProfile()}
                  features={s.features}
                />
              }
            />
            <Route
              path={`/${PAGES.account}`}
              element={
                <AccountPage
                  session={session}
                  profileProblem={profileProblem}
                  isRedirecting={s.isRedirecting}
                  onSignIn={onSignIn}
                  onReloadProfile={() => s.reloadProfile()}
                />
              }
            />
            <Route
              path={`/${PAGES.signIn}`}
              element={
                <SignInPage
                  session={session}
                  isRedirecting={s.isRedirecting}
                  onSignIn={(returnTo) => void s.signIn(returnTo)}
                />
              }
            />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Suspense>
      </Layout>
    </Router>
  )
}

/**
 * Once a sign-in or a restore has finished, moves focus to the page's heading, as a page change
 * would: keyboard and screen-reader users start from the top of what they came back to. It waits
 * for the heading, which may arrive with the signed-in views' chunk.
 */
function useFocusHeadingAfterStart(isStarting: boolean): void {
  const isPending = useRef(false)
  const wasStarting = useRef(isStarting)
  useEffect(() => {
    if (wasStarting.current && !isStarting) isPending.current = true
    wasStarting.current = isStarting
    if (!isPending.current) return
    if (document.querySelector('[role="alert"]')) {
      isPending.current = false // the alert took the focus
      return
    }
    const heading = document.querySelector<HTMLElement>('main h1[tabindex="-1"]')
    if (!heading) return
    heading.focus()
    isPending.current = false
  })
}

function renderAlert(
  alert: AppAlert,
  views: SignedInViews | null | undefined,
  onRetry: () => void,
  { onStay, onContinue }: { onStay: () => void; onContinue: () => void },
) {
  switch (alert.kind) {
    case 'browser-refused':
      // Reloading is what lets a change of the browser's settings take effect.
      return (
        <div id={SIGN_IN_REFUSAL_ID}>
          <AuthErrorAlert
            description={alert.description}
            onRetry={() => {
              window.location.reload()
            }}
            retryLabel="Reload the page"
          />
        </div>
      )
    case 'auth-error':
      return <AuthErrorAlert description={alert.description} onRetry={onRetry} />
    case 'renewal-failed':
      return views && <views.RenewalNotice {...alert} onStay={onStay} />
    case 'continue':
      return (
        views && (
          <views.ContinueNotice
            name={alert.name}
            reason={alert.reason}
            isBusy={alert.isBusy}
            onContinue={onContinue}
          />
        )
      )
    case 'session-ended':
      return views && <views.SessionEndedNotice reason={alert.reason} />
    case 'signed-out':
      return views && <views.SignOutNotice result={alert.result} />
    case 'none':
      return undefined
  }
}

export function App({ config, loadEngine, router = BrowserRouter, start }: AppWithEngineProps) {
  return (
    <SignInProvider
      config={config}
      basePath={ROUTER_BASENAME}
      loadEngine={loadEngine}
      start={start}
    >
      <AppContent config={config} Router={router} isRestoreReturn={start.isRestoreReturn} />
    </SignInProvider>
  )
}
