/**
 * The reference of `npm run bench`: react-oidc-context's README example as written (AuthProvider
 * with the library's defaults, useAuth, loadUserInfo, no router), plus only what a comparison
 * needs: the client secret Google requires, a silent_redirect_uri, a "Renew" button, test ids on
 * the email, and a count of loaded users, so the bench sees a renewal land.
 */
import { StrictMode, useEffect, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { AuthProvider, useAuth } from 'react-oidc-context'

const oidcConfig = {
  authority: import.meta.env.VITE_OIDC_ISSUER ?? '',
  client_id: import.meta.env.VITE_OIDC_CLIENT_ID ?? '',
  client_secret: import.meta.env.VITE_OIDC_CLIENT_SECRET ?? '',
  redirect_uri: `${window.location.origin}/`,
  silent_redirect_uri: `${window.location.origin}/silent-renew.html`,
  scope: 'openid email profile',
  loadUserInfo: true,
  onSigninCallback: () => {
    window.history.replaceState({}, document.title, window.location.pathname)
  },
}

function App() {
  const auth = useAuth()
  const [loads, setLoads] = useState(0)
  useEffect(
    () =>
      auth.events.addUserLoaded(() => {
        setLoads((n) => n + 1)
      }),
    [auth.events],
  )
  if (auth.isLoading) return <div>Loading...</div>
  if (auth.error) return <div>Oops... {auth.error.message}</div>
  if (auth.isAuthenticated) {
    return (
      <div>
        Hello <span data-testid="email">{auth.user?.profile.email}</span>{' '}
        <button onClick={() => void auth.signinSilent()}>Renew</button>
        <span data-testid="loads">{loads}</span>
        <button onClick={() => void auth.removeUser()}>Log out</button>
      </div>
    )
  }
  return <button onClick={() => void auth.signinRedirect()}>Log in</button>
}

const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <StrictMode>
      <AuthProvider {...oidcConfig}>
        <App />
      </AuthProvider>
    </StrictMode>,
  )
}
