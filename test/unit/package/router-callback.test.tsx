import { render, screen, waitFor } from '@testing-library/react'
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom'
import { describe, expect, it } from 'vitest'
import { RequireSignIn, SignInProvider, useSession } from 'static-signin/react'
import { readPageStart } from 'static-signin'
import { arriveWithCallback, installFakeProvider, ISSUER, testConfig } from '../fake-provider.ts'

// An app that is not this one: its router outside the provider, and a route that redirects at
// once, before the sign-in engine has arrived. The callback must still be redeemed, once, and the
// router must end up where the sign-in started.

const NONCE = 'nonce-router'

function Email() {
  const { session } = useSession()
  return <p>Signed in as {session?.profile.email}</p>
}

function RoutedApp() {
  return (
    <BrowserRouter>
      <SignInProvider config={testConfig}>
        <Routes>
          <Route index element={<Navigate to="/dashboard" replace />} />
          <Route
            path="/dashboard"
            element={
              <RequireSignIn>
                <Email />
              </RequireSignIn>
            }
          />
          <Route path="/reports" element={<p>Reports</p>} />
        </Routes>
      </SignInProvider>
    </BrowserRouter>
  )
}

describe('a router that navigates during the callback', () => {
  it('the callback is still redeemed once, and the router follows to the return path', async () => {
    const calls = installFakeProvider(NONCE)
    await arriveWithCallback(NONCE, undefined, '/reports?week=2')
    render(<RoutedApp />)
    // The router shows where the sign-in started, not the redirect it made meanwhile.
    expect(await screen.findByText('Reports')).toBeInTheDocument()
    expect(window.location.pathname + window.location.search).toBe('/reports?week=2')
    expect(calls.filter(([, url]) => url === `${ISSUER}/token`)).toHaveLength(1)
  })

  it('a callback that returns to the redirecting route signs in there', async () => {
    installFakeProvider(NONCE)
    await arriveWithCallback(NONCE, undefined, '/')
    render(<RoutedApp />)
    // The router redirects again once it follows the return path: wait for it to settle there.
    await waitFor(() => {
      expect(window.location.pathname).toBe('/dashboard')
      expect(screen.getByText('Signed in as ada@example.com')).toBeInTheDocument()
    })
  })

  it('a provider mounted again with the page load’s start does not redeem the spent callback again', async () => {
    const calls = installFakeProvider(NONCE)
    await arriveWithCallback(NONCE, undefined, '/reports')
    const start = readPageStart(testConfig.clientId, '/')
    const app = (key: number) => (
      <SignInProvider key={key} config={testConfig} start={start}>
        <RequireSignIn>
          <Email />
        </RequireSignIn>
      </SignInProvider>
    )
    const { rerender } = render(app(1))
    expect(await screen.findByText('Signed in as ada@example.com')).toBeInTheDocument()
    expect(window.location.pathname).toBe('/reports')
    rerender(app(2)) // an error boundary's reset, a key change
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(window.location.pathname).toBe('/reports') // not put back to the spent callback
    expect(screen.queryByRole('alert')).toBeNull()
    expect(calls.filter(([, url]) => url === `${ISSUER}/token`)).toHaveLength(1)
  })
})
