import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { arriveWithCallback, installFakeProvider, ISSUER } from './fake-provider.ts'
import { renderApp } from './render-app.tsx'

const NONCE = 'nonce-app'

describe('App', () => {
  it('processes the callback exactly once under StrictMode and returns to the page sign-in started from', async () => {
    const calls = installFakeProvider(NONCE)
    await arriveWithCallback(NONCE, undefined, '/account?tab=1')
    renderApp()

    expect(await screen.findByText('ada@example.com')).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: 'Your account' })).toBeInTheDocument()
    expect(calls.filter(([, url]) => url === `${ISSUER}/token`)).toHaveLength(1)
    expect(window.location.pathname + window.location.search).toBe('/account?tab=1')
  })

  it('shows the provider’s error text as text, never as HTML, with a way to try again', async () => {
    const calls = installFakeProvider(NONCE)
    const markup = '<img src=x onerror="alert(1)"><a href="https://evil.example">Click</a>'
    await arriveWithCallback(NONCE, (state) => ({
      error: 'access_denied',
      error_description: markup,
      state,
    }))
    renderApp()

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Sign-in cancelled')
    expect(alert).toHaveTextContent(`access_denied: ${markup}`)
    expect(screen.queryByRole('img')).toBeNull()
    expect(screen.queryByRole('link', { name: 'Click' })).toBeNull()
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument()
    expect(calls.filter(([, url]) => url === `${ISSUER}/token`)).toHaveLength(0)
    expect(window.location.search).toBe('')
  })

  it('offers the Google-branded button when nobody is signed in', async () => {
    installFakeProvider(NONCE)
    renderApp()
    expect(await screen.findByRole('button', { name: 'Sign in with Google' })).toBeEnabled()
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('signs out: forgets the user and revokes the access token', async () => {
    const calls = installFakeProvider(NONCE)
    await arriveWithCallback(NONCE, undefined, '/')
    renderApp()
    await userEvent.click(await screen.findByRole('button', { name: 'Sign out' }))

    expect(await screen.findByRole('status')).toHaveTextContent(
      'You are signed out of this app and its access was revoked',
    )
    expect(screen.getByRole('button', { name: 'Sign in with Google' })).toBeInTheDocument()
    expect(
      calls.filter(([method, url]) => method === 'POST' && url === `${ISSUER}/revoke`),
    ).toHaveLength(1)
  })

  it('never redeems an authorization response that arrives at another page, and cleans it away', async () => {
    const calls = installFakeProvider(NONCE)
    window.history.replaceState(null, '', '/account/?code=stolen&state=forged&iss=x&tab=2')
    renderApp()

    expect(await screen.findByRole('heading', { name: 'Your account' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Sign in with Google' })).toBeInTheDocument()
    expect(window.location.pathname + window.location.search).toBe('/account/?tab=2')
    expect(calls.filter(([, url]) => url === `${ISSUER}/token`)).toHaveLength(0)
    expect(screen.queryByRole('alert')).toBeNull()
  })
})
